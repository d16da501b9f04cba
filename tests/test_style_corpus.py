"""Fictional CVs in many real-world styles, each with a gold list of its publications written by hand.

``tests/fixtures/styles/inputs/<id>/`` holds one person's CV files (plain text from ``pdftotext`` with and
without ``-layout``, pandoc and Google-Docs markdown, a Hugo page, an al-folio page, Chicago / ACS /
Vancouver / APA (English and Spanish) / IEEE / Nature references, moderncv and biblatex LaTeX with .bib
files, an economist's hand-written LaTeX, a Chinese CV with names in both orders and in characters, DOCX
in APA 7 and IEEE styles (``make_docx.py`` rebuilds them), an academicpages site, a RenderCV YAML …) and ``tests/fixtures/styles/gold/<id>.json`` what a careful reader finds in them, in the
same shape as the gold of real CVs in ``../shared/data/cvs-dev`` (written apart from the code, by
people who did not read it). All people in them are invented.

Each gold publication is its own test case (``g04::Reportative dizque…``): the extraction must hold a
paper with that title (exact after folding case, accents and punctuation, or ≥ 0.92 similar) whose
ranked authors are the gold names as written (marks and markup aside), in order, with the gold year
and a venue that names the same thing (equal after folding, or one inside the other). A second
test per CV checks that nothing else was taken for a publication (gold entries marked ``optional``
may be there or not). Known failures are strict xfails in :data:`XFAIL`.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from kg.extract import extract
from kg.read.grouping import read_source, sources_in

STYLES = Path(__file__).parent / "fixtures" / "styles"
GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((STYLES / "gold").glob("*.json"))}

#: case id → why it fails today (strict: a fix shows up as XPASS, then the entry goes)
XFAIL: dict[str, str] = {
    "g04::Evidentiality and Mirativity in Andean Spanish: A Contact-Based Account":
        "a monograph's venue: the series ('Oxford Studies in Language Contact') is taken, gold names the publisher",
    "g04::Evidentiality in Contact: Case Studies from the Americas and Europe":
        "an edited volume's venue: the series is taken, gold names the publisher",
}


def fold(s) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", " ", s).strip()


def _name(s: str) -> str:
    """A name as written, without equal-contribution / corresponding marks and markup."""
    return fold(re.sub(r"[*†‡#§]+|</?\w+>", "", s))


@lru_cache(maxsize=None)
def extraction(cv_id: str) -> tuple:
    """Every publication the sources of one person's folder yield (one CV, or a .tex with its .bib…)."""
    pubs = []
    for src in sources_in(STYLES / "inputs" / cv_id):
        pubs.extend(extract(read_source(src)).publications)
    return tuple(pubs)


def _match(pub_title: str, pubs) -> int | None:
    want = fold(pub_title)
    best, score = None, 0.0
    for i, p in enumerate(pubs):
        r = 1.0 if fold(p.title) == want else difflib.SequenceMatcher(None, fold(p.title), want).ratio()
        if r > score:
            best, score = i, r
    return best if score >= 0.92 else None


def _same_venue(got, want) -> bool:
    if not want:
        return not got
    g, w = fold(got), fold(want)
    return bool(g) and (g == w or f" {g} " in f" {w} " or f" {w} " in f" {g} ")


def _cases():
    out = []
    for cv_id, gold in GOLD.items():
        for gp in gold["publications"]:
            if gp.get("optional"):
                continue
            cid = f"{cv_id}::{gp['title']}"
            marks = [pytest.mark.xfail(strict=True, reason=XFAIL[cid])] if cid in XFAIL else []
            out.append(pytest.param(cv_id, gp, id=cid[:90], marks=marks))
    return out


def test_the_corpus_is_here():
    assert len(GOLD) >= 15 and all((STYLES / "inputs" / i).is_dir() for i in GOLD)


@pytest.mark.parametrize("cv_id,gp", _cases())
def test_publication(cv_id, gp):
    pubs = extraction(cv_id)
    i = _match(gp["title"], pubs)
    assert i is not None, f"{cv_id}: no publication titled {gp['title']!r}"
    p = pubs[i]
    problems = []
    got = [_name(a.name) for a in p.authors if a.rank]
    if got != [_name(a) for a in gp["authors"]]:
        problems.append(f"authors {[a.name for a in p.authors if a.rank]} != {gp['authors']}")
    if p.year != gp.get("year"):
        problems.append(f"year {p.year} != {gp.get('year')}")
    if not _same_venue(p.venue, gp.get("venue")):
        problems.append(f"venue {p.venue!r} != {gp.get('venue')!r}")
    if bool(p.et_al) != bool(gp.get("authors_elided")):
        problems.append(f"et al. {p.et_al} != {bool(gp.get('authors_elided'))}")
    assert not problems, f"{cv_id} line {p.line}, {gp['title']!r}: " + "; ".join(problems)


@pytest.mark.parametrize("cv_id", sorted(GOLD))
def test_nothing_else_is_a_publication(cv_id):
    pubs = extraction(cv_id)
    known = [gp["title"] for gp in GOLD[cv_id]["publications"]]
    extra = [f"line {p.line}: {p.title!r}" for p in pubs if _match(p.title, [type(p)(t) for t in known]) is None]
    assert not extra, f"{cv_id}: taken for publications but not in the gold: {extra}"
