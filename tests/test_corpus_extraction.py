"""Extraction on a generated corpus, scored against the generator's truth (benchmarks/corpus.py).

The generator writes CVs in a dozen layouts (title-first blocks with bold titles and indented lines,
entries back to back without blank lines, numbered IEEE lists, APA, one-line entries, year groups,
tables, a .bib beside a markdown CV …) and, apart from them, which papers each CV lists, by whom and
when. Every CV is read and extracted here, and for each layout the papers found are compared with
that truth by title: a layout the extractor stops understanding (a venue line taken for a heading,
entries glued together) shows as a drop in its recall.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from kg.extract import extract
from kg.read.grouping import read_source, sources_in

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # noqa: E402


def fold(s) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return re.sub(r"\W+", " ", "".join(c for c in s if not unicodedata.combining(c)).casefold()).strip()


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen") / "c"
    corpus.generate(out, 160, seed=23)
    papers = {}
    with open(out / "truth" / "papers.jsonl", encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            papers[p["id"]] = p
    with open(out / "truth" / "cvs.jsonl", encoding="utf-8") as f:
        truth = [json.loads(line) for line in f]
    sources = {Path(s.path).resolve(): s for s in sources_in(out / "cvs")}
    total, found, extra, years = Counter(), Counter(), Counter(), Counter()
    places = Counter()  # education / employment entries: in truth, org found, dates right
    for cv in truth:
        main = (out / cv["file"]).resolve()
        src = sources.get(main) or sources.get(main.parent)
        assert src is not None, f"{cv['file']}: not planned as a source"
        x = extract(read_source(src))
        pubs = {fold(p.title): p for p in x.publications}
        for kind, got, want in (("edu", x.education, cv["education"]), ("job", x.employment, cv["employment"])):
            for w in want:
                places[kind] += 1
                org = fold(w["org_text"])
                same = [g for g in got if fold(g.organization) and (fold(g.organization) in org or org in fold(g.organization))]
                places[kind + " org"] += bool(same)
                places[kind + " dates"] += any((g.start or "")[:4] == (w["start"] or "")[:4] and
                                               (g.end or "")[:4] == (w["end"] or "")[:4] for g in same)
        want = {fold(papers[e["paper"]]["title"]): e for e in cv["publications"]}
        layout = f"{cv['format']}/{cv.get('layout', '')}"
        for t, e in want.items():
            total[layout] += 1
            if t in pubs:
                found[layout] += 1
                years[layout] += pubs[t].year == e["year"]
        extra[layout] += sum(1 for t in pubs if t not in want)
    return total, found, extra, years, places


def test_every_layout_is_read(scored):
    total, found, extra, years, _ = scored
    assert len(total) >= 8, f"expected many layouts, got {sorted(total)}"
    low = {k: round(found[k] / n, 3) for k, n in total.items() if found[k] / n < 0.95}
    assert not low, f"layouts whose papers are mostly not found (recall < 0.95): {low}"


def test_overall_recall_precision_and_years(scored):
    total, found, extra, years, _ = scored
    n, f, x, y = sum(total.values()), sum(found.values()), sum(extra.values()), sum(years.values())
    assert f / n >= 0.98, f"paper recall {f / n:.3f} ({f}/{n})"
    assert x / max(1, f + x) <= 0.02, f"{x} extracted entries are no paper of the CV"
    assert y / f >= 0.98, f"year right for {y}/{f} papers found"


def test_education_and_employment(scored):
    places = scored[-1]
    for kind, org_min, dates_min in (("edu", 0.95, 0.9), ("job", 0.95, 0.85)):
        n = places[kind]
        assert n >= 50, f"too few {kind} entries in truth: {n}"
        assert places[kind + " org"] / n >= org_min, f"{kind}: organization found for {places[kind + ' org']}/{n}"
        assert places[kind + " dates"] / n >= dates_min, f"{kind}: start and end right for {places[kind + ' dates']}/{n}"
