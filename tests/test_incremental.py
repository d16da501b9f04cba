"""Updating a store after small edits to a CV folder gives exactly the dataset a fresh build gives.

This guards incremental rebuilds: ``build([folder], store)`` on a store that already holds the
folder re-reads only the files that changed and (kg.incremental) re-resolves and rewrites only what
the change reaches; the store must end up with the SAME quads as building the edited folder into an
empty store — IRIs, names, merges and all. Every scenario also checks that the update did take the
incremental path (``report.incremental``), and two check that a stale or broken build index sends
the build down the full path instead.

A synthetic corpus (benchmarks/corpus.py, markdown and plain-text CVs in many publication-list
layouts) is built once. Every scenario starts from a copy of that folder and of that store, makes
one kind of edit with plain text operations (a new publication naming people of other CVs, a deleted
entry, a co-author written another way, the owner's name changed, files deleted, copied, added or
removed with ``remove``, an edit undone), updates the copied store, and compares it quad for quad
with a fresh build of the edited folder. It also checks that the update read only the files that
changed (``report.extracted``) and kept the others (``report.unchanged``).
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.pipeline import build, remove
from kg.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # noqa: E402

PEOPLE = 70  # about 70 CVs, 50k triples: a full build takes ~3 s on two cores
SEED = 11
DIFF_SHOWN = 20  # quads shown on each side of a failed comparison

# the prefix of a numbered or bulleted publication entry: "[3] ", "- [3] ", "3. ", "- ", "• "
ENTRY_PREFIX = re.compile(r"^(?:- )?(?:\[(\d+)\] |(\d+)\. )|^(?:- |• )")
# lines that are not part of a publication entry: section and group headings, underlines
NOT_ENTRY = re.compile(r"^\s*(?:#|\d{4}\s*$|[-=]{3,}|(?:Journal Articles|Conference Papers|"
                       r"Preprints and Submitted Papers)\s*$)")


# ---------------------------------------------------------------------------- the base build
@dataclass
class Base:
    cvs: Path  # the generated folder (never edited)
    store: Path  # the store built from it (never written after the fixture)
    quads: set
    truth: list  # the generator's record of each CV (truth/cvs.jsonl)
    people: dict  # person id -> truth/people.jsonl row
    seconds: float


@dataclass
class Work:
    """One scenario's own copy of the folder and the store (the folder keeps the name "cvs", so
    source keys and roots are the same as in the base build)."""
    cvs: Path
    store: Path
    tmp: Path
    base: Base

    def cv(self, truth_row) -> Path:
        return self.cvs / Path(truth_row["file"]).relative_to("cvs")


def _quads(path) -> set:
    st = Store(path)
    try:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in st.quads()}
    finally:
        st.close()


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Base:
    out = tmp_path_factory.mktemp("incremental")
    corpus.generate(out / "gen", PEOPLE, seed=SEED, formats=("md", "txt"))
    cvs = out / "cvs"
    shutil.copytree(out / "gen" / "cvs", cvs)
    with open(out / "gen" / "truth" / "cvs.jsonl", encoding="utf-8") as f:
        truth = [json.loads(line) for line in f]
    with open(out / "gen" / "truth" / "people.jsonl", encoding="utf-8") as f:
        people = {p["id"]: p for p in map(json.loads, f)}
    t0 = time.perf_counter()
    report = build([cvs], out / "store")
    seconds = time.perf_counter() - t0
    assert report.extracted == report.sources == len(_files(cvs)) and report.skipped == []
    return Base(cvs, out / "store", _quads(out / "store"), truth, people, seconds)


@pytest.fixture
def work(base, tmp_path) -> Work:
    shutil.copytree(base.cvs, tmp_path / "cvs")
    shutil.copytree(base.store, tmp_path / "store")
    return Work(tmp_path / "cvs", tmp_path / "store", tmp_path, base)


# ---------------------------------------------------------------------------- checks
def _diff(updated: set, fresh: set) -> str:
    only_u, only_f = sorted(updated - fresh), sorted(fresh - updated)
    lines = [f"{len(only_u)} quads only in the updated store, {len(only_f)} only in the fresh build",
             "only in the updated store:"]
    lines += [f"  {q}" for q in only_u[:DIFF_SHOWN]]
    lines.append("only in the fresh build:")
    lines += [f"  {q}" for q in only_f[:DIFF_SHOWN]]
    return "\n".join(lines)


def _assert_same(updated: set, expected: set, what: str) -> None:
    assert updated == expected, f"{what}:\n" + _diff(updated, expected)


def _assert_like_fresh(w: Work, report, edit: str, *, changed: int, removed=()) -> set:
    """The update read ``changed`` files and kept the rest, and the store equals a fresh build."""
    n = len(_files(w.cvs))
    assert report.skipped == [], edit
    assert (report.sources, report.extracted, report.unchanged) == (n, changed, n - changed), edit
    assert sorted(report.removed) == sorted(removed), edit
    assert report.incremental, f"{edit}: the update resolved everything again ({report.notes})"
    updated = _quads(w.store)
    fresh = w.tmp / "fresh"
    full = build([w.cvs], fresh)
    _assert_same(updated, _quads(fresh), f"after {edit}, the updated store differs from a fresh build")
    counts = lambda r: (r.sources, r.people, r.papers, r.venues, r.orgs, r.triples)  # noqa: E731
    assert counts(report) == counts(full), f"{edit}: the update's counts differ from a fresh build's"
    assert report.triples == len(updated)
    return updated


def _titles(quads: set) -> set:
    return {q[2].strip('"') for q in quads if q[1] == "<https://schema.org/name>"}


# ---------------------------------------------------------------------------- edits
def _write(path: Path, text: str) -> None:
    before = path.read_text(encoding="utf-8") if path.exists() else None
    assert text != before, f"{path.name}: the edit changed nothing"
    path.write_text(text, encoding="utf-8")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _full_name_owners(w: Work) -> list:
    """CVs whose owner has no middle name and whose first line writes the name in full, as it is."""
    out = []
    for c in w.base.truth:
        p = w.base.people[c["owner"]]
        first = next(line for line in _lines(w.cv(c)) if line.strip())
        if not p["middle"] and c["owner_name"] == f"{p['given']} {p['family']}" and c["owner_name"] in first:
            out.append(c)
    return out


def add_publication(w: Work, rng: random.Random, title: str, exclude=()) -> str:
    """A new entry in a markdown CV whose list is numbered or bulleted, one entry a line; its
    co-authors are owners of two other CVs, written as those CVs write their names. Returns the key."""
    candidates = []
    for c in w.base.truth:
        if c["format"] == "md" and c["layout"] in ("apa", "ieee", "oneline") and len(c["publications"]) >= 2 \
                and w.cv(c).relative_to(w.cvs).as_posix() not in exclude:
            first = _lines(w.cv(c))[c["publications"][0]["line"] - 1]
            if ENTRY_PREFIX.match(first):
                candidates.append(c)
    assert candidates, "no markdown CV with a numbered or bulleted one-line publication list"
    c = rng.choice(candidates)
    others = rng.sample([o for o in _full_name_owners(w) if o["owner"] != c["owner"]], 2)
    path = w.cv(c)
    lines = _lines(path)
    at = [p["line"] - 1 for p in c["publications"]]
    nums = [next((g for g in ENTRY_PREFIX.match(lines[i]).groups() if g), None) for i in at]
    prefix = ENTRY_PREFIX.match(lines[at[0]]).group(0)
    if nums[0] is None:  # bullets: put it first
        where = at[0]
    elif int(nums[0]) > int(nums[1]):  # counting down: the next number goes first
        prefix, where = prefix.replace(nums[0], str(int(nums[0]) + 1)), at[0]
    else:  # counting up: the next number goes last
        prefix, where = prefix.replace(nums[0], str(int(nums[-1]) + 1)), at[-1] + 1
    entry = (f"{prefix}{others[0]['owner_name']}, {others[1]['owner_name']}, and **{c['owner_name']}**. "
             f"{title}. *Journal of Incremental Graph Maintenance*, 2026.")
    spaced = at[0] + 1 < len(lines) and not lines[at[0] + 1].strip()
    new = [entry, ""] if spaced else [entry]
    if where == at[-1] + 1 and spaced:
        new = ["", entry]
    lines[where:where] = new
    _write(path, "\n".join(lines))
    return path.relative_to(w.cvs).as_posix()


def delete_publication(w: Work, rng: random.Random, exclude=()) -> tuple[str, str]:
    """Delete one entry (all its lines) that another CV lists too. Returns (key, title deleted)."""
    listed: dict = {}
    for c in w.base.truth:
        for p in c["publications"]:
            listed.setdefault(p["paper"], set()).add(c["cv"])
    candidates = []
    for c in w.base.truth:
        if w.cv(c).relative_to(w.cvs).as_posix() in exclude:
            continue
        pubs = sorted(c["publications"], key=lambda p: p["line"])
        lines = _lines(w.cv(c))
        for p, nxt in zip(pubs, pubs[1:]):  # the entry's lines run to the next entry's first line
            span = lines[p["line"] - 1:nxt["line"] - 1]
            if len(listed[p["paper"]]) > 1 and not any(NOT_ENTRY.match(s) for s in span[1:]):
                candidates.append((c, p, span))
    c, p, span = rng.choice(candidates)
    assert p["title"].rstrip(".").casefold() in "\n".join(span).casefold()
    path = w.cv(c)
    lines = _lines(path)
    del lines[p["line"] - 1:p["line"] - 1 + len(span)]
    _write(path, "\n".join(lines))
    return path.relative_to(w.cvs).as_posix(), p["title"]


def abbreviate_coauthor(w: Work, rng: random.Random) -> tuple[str, str, str]:
    """In one CV, write a co-author given in full ("Jing Zhang") with an initial ("J. Zhang"),
    everywhere in the file. Returns (key, old, new)."""
    candidates = []
    for c in w.base.truth:
        text = w.cv(c).read_text(encoding="utf-8")
        for p in c["publications"]:
            for a in p["authors"]:
                person = w.base.people[a["person"]]
                full = f"{person['given']} {person['family']}"
                if (a["person"] != c["owner"] and a["surface"] == full and full not in c["owner_name"]
                        and " " not in person["given"] and full in text):
                    candidates.append((c, full, f"{person['given'][0]}. {person['family']}"))
    c, old, new = rng.choice(sorted(set((c["cv"], o, n) for c, o, n in candidates)))
    c = next(x for x in w.base.truth if x["cv"] == c)
    path = w.cv(c)
    _write(path, re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, path.read_text(encoding="utf-8")))
    return path.relative_to(w.cvs).as_posix(), old, new


def owner_middle_initial(w: Work, rng: random.Random) -> tuple[str, str]:
    """Add a middle initial to the owner's name on the CV's first line. Returns (key, new name)."""
    c = rng.choice(_full_name_owners(w))
    p = w.base.people[c["owner"]]
    new = f"{p['given']} Q. {p['family']}"
    path = w.cv(c)
    lines = _lines(path)
    i = next(i for i, line in enumerate(lines) if line.strip())
    lines[i] = lines[i].replace(c["owner_name"], new, 1)
    _write(path, "\n".join(lines))
    return path.relative_to(w.cvs).as_posix(), new


def new_cv(w: Work, rng: random.Random) -> tuple[str, str]:
    """A small CV for a new person whose co-authors are people of the corpus, written as in their own
    CVs, with one paper titled exactly as a paper of one of them. Returns (key, shared title)."""
    owners = _full_name_owners(w)
    a = rng.choice([o for o in owners if o["publications"]])
    b = rng.choice([o for o in owners if o["owner"] != a["owner"]])
    shared = rng.choice(a["publications"])
    name = "Wilhelmina Quarrington-Vale"
    text = f"""# {name}

Email: w.quarrington@example.edu

## Education

- **Ph.D. in Computer Science**, Princeton University, 2014 — 2019
  Advisor: {a['owner_name']}
- **B.Sc. in Mathematics**, University of Toronto, 2010 — 2014

## Experience

- **Research Scientist**, Adobe Research, 2019 — Present
- **Research Intern**, Google Research, 2017 — 2017

## Publications

1. {a['owner_name']}, **{name}**, and {b['owner_name']}. {shared['title'].rstrip('.')}. *{shared['venue_text'] or 'Journal of Tests'}*, {shared['year']}.

2. **{name}** and {b['owner_name']}. Quiet Graphs for Noisy Curricula. *Journal of Incremental Graph Maintenance*, 2024.
"""
    path = w.cvs / "cv99999_quarrington-vale.md"
    assert not path.exists()
    _write(path, text)
    return path.name, shared["title"]


# ---------------------------------------------------------------------------- scenarios
def test_base_build(base):
    """The corpus is big enough to matter and small enough to keep this file quick."""
    assert len(base.truth) >= 60 and len(base.quads) > 10_000
    assert base.seconds < 20, f"the base build took {base.seconds:.1f} s"


def test_new_publication_with_coauthors_from_other_cvs(work):
    key = add_publication(work, random.Random("a"), "Incremental Rebuilds of Scholarly Graphs")
    report = build([work.cvs], work.store)
    updated = _assert_like_fresh(work, report, f"adding a publication to {key}", changed=1)
    assert "Incremental Rebuilds of Scholarly Graphs" in _titles(updated), key


def test_deleted_publication(work):
    key, title = delete_publication(work, random.Random("b"))
    report = build([work.cvs], work.store)
    _assert_like_fresh(work, report, f"deleting {title!r} from {key}", changed=1)


def test_coauthor_written_with_an_initial(work):
    key, old, new = abbreviate_coauthor(work, random.Random("c"))
    report = build([work.cvs], work.store)
    _assert_like_fresh(work, report, f"writing {old!r} as {new!r} in {key}", changed=1)


def test_owner_name_gets_a_middle_initial(work):
    key, new = owner_middle_initial(work, random.Random("d"))
    report = build([work.cvs], work.store)
    _assert_like_fresh(work, report, f"renaming the owner of {key} to {new!r}", changed=1)


def test_deleted_cv_file(work):
    key = random.Random("e").choice(_files(work.cvs))
    (work.cvs / key).unlink()
    report = build([work.cvs], work.store)
    updated = _assert_like_fresh(work, report, f"deleting {key}", changed=0, removed=[key])
    assert not any(key in q[2] for q in updated)


def test_same_cv_twice_under_another_name(work):
    key = random.Random("f").choice(_files(work.cvs))
    copy = work.cvs / (Path(key).stem + "-copy" + Path(key).suffix)
    _write(copy, (work.cvs / key).read_text(encoding="utf-8"))
    report = build([work.cvs], work.store)
    _assert_like_fresh(work, report, f"copying {key} to {copy.name}", changed=1)


def test_new_cv_of_a_new_person(work):
    key, shared = new_cv(work, random.Random("g"))
    report = build([work.cvs], work.store)
    updated = _assert_like_fresh(work, report, f"adding {key} (sharing {shared!r})", changed=1)
    assert "Quiet Graphs for Noisy Curricula" in _titles(updated)


def test_two_edits_at_once(work):
    added = add_publication(work, random.Random("h"), "Two Edits, One Rebuild")
    deleted, _ = delete_publication(work, random.Random("h"), exclude={added})
    assert added != deleted
    report = build([work.cvs], work.store)
    _assert_like_fresh(work, report, f"adding a publication to {added} and deleting one from {deleted}", changed=2)


def test_remove_one_source(work):
    key = random.Random("i").choice(_files(work.cvs))
    report = remove(work.store, key)
    assert report.removed == [key] and report.sources == len(_files(work.cvs)) - 1
    assert report.incremental, report.notes
    (work.cvs / key).unlink()
    fresh = work.tmp / "fresh"
    full = build([work.cvs], fresh)
    assert (report.people, report.papers, report.triples) == (full.people, full.papers, full.triples)
    _assert_same(_quads(work.store), _quads(fresh), f"remove({key!r}) differs from a fresh build without the file")


def test_edit_then_edit_back(work):
    rng = random.Random("j")
    key = add_publication(work, rng, "A Paper That Comes and Goes")
    edited = work.cvs / key
    original = (work.base.cvs / key).read_text(encoding="utf-8")
    report = build([work.cvs], work.store)
    assert (report.extracted, report.unchanged) == (1, report.sources - 1)
    assert "A Paper That Comes and Goes" in _titles(_quads(work.store))
    _write(edited, original)
    report = build([work.cvs], work.store)
    assert (report.extracted, report.unchanged) == (1, report.sources - 1) and report.incremental
    _assert_same(_quads(work.store), work.base.quads, f"after undoing the edit of {key} the store differs from the base build")


def _parsing(monkeypatch) -> list:
    """The reference strings the tagger parses in this process from now on."""
    import kg.extract.citation as citation

    parsed, real = [], citation.parse_reference
    monkeypatch.setattr(citation, "parse_reference", lambda text: parsed.append(text) or real(text))
    return parsed


def _kept_parses(store: Path) -> dict:
    """Source key → (extractor version, number of reference strings) of the parses the build index keeps."""
    import pickle
    import sqlite3
    import zlib

    from kg.index import FILE

    db = sqlite3.connect(store / FILE)
    try:
        return {k: (ex, len(pickle.loads(zlib.decompress(b)))) for k, ex, b in db.execute("SELECT * FROM parses")}
    finally:
        db.close()


def _entries_parsed(w: Work, key: str) -> int:
    from kg.pipeline import extract_path

    cv = extract_path(w.cvs / key)
    assert len(cv.publications) >= 3, key  # (else reusing its parses would show little)
    return len(cv.publications)


def test_an_edited_cv_parses_only_its_new_entry(work, monkeypatch):
    """An update reuses the reference parses of the edited CV's unchanged entries, which the build index
    keeps from its last extraction: only the new entry is parsed, and the store equals a fresh build."""
    kept = _kept_parses(work.store)
    assert set(kept) == set(_files(work.cvs))  # (every CV of the corpus has a publication list)
    key = add_publication(work, random.Random("p"), "A Paper Parsed Alone")
    assert kept[key][1] == _entries_parsed(work, key) - 1
    parsed = _parsing(monkeypatch)
    report = build([work.cvs], work.store)
    assert len(parsed) == 1 and "A Paper Parsed Alone" in parsed[0], parsed
    assert _kept_parses(work.store)[key][1] == kept[key][1] + 1  # kept for the next edit
    monkeypatch.undo()
    _assert_like_fresh(work, report, f"adding a publication to {key}", changed=1)


def test_kept_parses_outlive_a_full_resolution_and_leave_with_their_source(work, monkeypatch):
    """A full resolution (here forced) writes a new build index: it keeps the parses of the sources it did not
    read again. Parses written by another version of the extractor are not used. A deleted source's go."""
    rng = random.Random("q")
    first = add_publication(work, rng, "A Paper Before A Full Resolution")
    assert not build([work.cvs], work.store, incremental=False).incremental
    second = add_publication(work, rng, "A Paper After A Full Resolution", exclude={first})
    parsed = _parsing(monkeypatch)
    report = build([work.cvs], work.store)
    assert report.incremental and len(parsed) == 1 and "A Paper After A Full Resolution" in parsed[0], parsed

    import sqlite3
    from kg.index import FILE

    db = sqlite3.connect(work.store / FILE)
    db.execute("UPDATE parses SET extractor='another' WHERE key=?", (second,))
    db.commit()
    db.close()
    parsed.clear()
    _write(work.cvs / second, (work.cvs / second).read_text(encoding="utf-8").replace(
        "A Paper After A Full Resolution", "A Paper Parsed With All The Others"))
    assert build([work.cvs], work.store).incremental
    assert len(parsed) == _entries_parsed(work, second), parsed  # every entry: the kept parses were another's

    (work.cvs / second).unlink()
    assert build([work.cvs], work.store).incremental
    assert second not in _kept_parses(work.store) and first in _kept_parses(work.store)


_KILLED_BEFORE_INDEX = """
import os, signal, sys
from kg import index
from kg.pipeline import build

def killed(*args, **kwargs):  # the store is written; the index is not yet
    os.kill(os.getpid(), signal.SIGKILL)

setattr(index.Index if sys.argv[3] == "incremental" else index.IndexWriter,
        "commit" if sys.argv[3] == "incremental" else "install", killed)
build([sys.argv[1]], sys.argv[2], incremental=sys.argv[3] == "incremental", workers=1)
"""


@pytest.mark.parametrize("path", ["incremental", "full"])
def test_index_left_behind_by_a_killed_build_is_not_trusted(work, path):
    """A build killed (SIGKILL) after the store's commit and before the index's leaves an index that
    describes the store as it was: the next build does not trust it, resolves everything, equals a
    fresh build and writes a good index again."""
    import subprocess

    from kg.store import WRITTEN

    key = add_publication(work, random.Random("k"), "A Paper Written While The Index Was Stale")
    proc = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_INDEX, str(work.cvs), str(work.store), path],
                          capture_output=True, text=True)
    assert proc.returncode == -9, proc.stderr
    assert "A Paper Written While The Index Was Stale" in _titles(_quads(work.store))  # the store was written
    assert (work.store / WRITTEN).exists()
    (work.cvs / key).write_text((work.base.cvs / key).read_text(encoding="utf-8"), encoding="utf-8")
    report = build([work.cvs], work.store)
    assert not report.incremental and report.notes == [
        "full resolution: the store was written after its build index (a build was interrupted)"]
    _assert_same(_quads(work.store), work.base.quads, "after a full build over a stale index")
    assert not (work.store / WRITTEN).exists()
    add_publication(work, random.Random("k"), "A Paper Written After The Index Was Renewed")
    assert build([work.cvs], work.store).incremental  # the full build wrote a good index again


def test_index_fingerprint_follows_the_store(work):
    """After incremental updates the index still records the fingerprint of what the store holds."""
    from kg.index import Index, store_fingerprint

    add_publication(work, random.Random("f"), "A Paper That Moves The Fingerprint")
    assert build([work.cvs], work.store).incremental
    (work.cvs / sorted(_files(work.cvs))[0]).unlink()
    assert build([work.cvs], work.store).incremental
    st = Store(work.store)
    ix = Index.open(work.store)
    try:
        assert ix.meta("fingerprint") == store_fingerprint(st)
    finally:
        ix.close()
        st.close()


def test_full_path_compares_big_graphs_by_digest(work, monkeypatch):
    """The full path writes only what changed; a graph of more than ``EXACT_QUADS`` quads is compared
    through digests of its quads (never held twice): the result is the fresh build's, quad for quad."""
    import kg.store

    digested = []
    digest = kg.store._digest
    monkeypatch.setattr(kg.store, "EXACT_QUADS", 300)
    monkeypatch.setattr(kg.store, "_digest", lambda q: digested.append(1) or digest(q))
    add_publication(work, random.Random("d"), "A Paper Compared By Digest")
    (work.cvs / sorted(_files(work.cvs))[1]).unlink()
    report = build([work.cvs], work.store, incremental=False)
    assert not report.incremental and report.removed_triples and report.added_triples
    assert len(digested) > 10_000  # the resolution and derived graphs were compared by digests
    fresh = work.tmp / "fresh"
    build([work.cvs], fresh)
    _assert_same(_quads(work.store), _quads(fresh), "after a full build comparing graphs by digest")


@pytest.mark.parametrize("big", ["quads", "text"])
def test_a_big_change_is_bulk_loaded_and_its_quads_counted_not_held(work, monkeypatch, big):
    """A full build whose change passes the bulk threshold, in quads or in the text of its literals, loads
    a fresh store instead of one SPARQL Update (millions of changed mentions, or every source's cached
    extraction after an upgrade, held with their SPARQL text, took 5–9 GB at 10k CVs); what it removed and
    added is still counted exactly."""
    import kg.store

    if big == "quads":
        monkeypatch.setenv("PUBKG_BULK_THRESHOLD", "300")
    else:
        monkeypatch.setattr(kg.store, "HELD_TEXT", 20_000)  # one CV's cached extraction, before and after
    monkeypatch.setattr(kg.store.Store, "apply", lambda *a, **k: pytest.fail("a big change went through one update"))
    before = _quads(work.store)
    key = add_publication(work, random.Random("b"), "A Paper In A Big Change")
    (work.cvs / next(f for f in sorted(_files(work.cvs))[1:] if f != key)).unlink()
    report = build([work.cvs], work.store, incremental=False)
    after = _quads(work.store)
    assert report.removed_triples + report.added_triples > (300 if big == "quads" else 0)
    assert (report.removed_triples, report.added_triples, report.triples) == (len(before - after), len(after - before),
                                                                               len(after))
    fresh = work.tmp / "fresh"
    build([work.cvs], fresh)
    _assert_same(after, _quads(fresh), "after a big change bulk-loaded")


def test_sources_read_by_another_extractor_are_read_again(work, monkeypatch):
    """After an upgrade that changes the readers or the extractor, every source is read again though its
    file is unchanged; the store equals a fresh build by the new version, and the next build reads nothing."""
    import kg.extract
    import kg.pipeline

    monkeypatch.setattr(kg.extract, "extractor_version", lambda: "another")
    monkeypatch.setattr(kg.pipeline, "extractor_version", lambda: "another")
    n = len(_files(work.cvs))
    report = build([work.cvs], work.store)
    assert (report.extracted, report.unchanged) == (n, 0)
    assert f"{n} unchanged source(s) read again: another version of PubKG extracted them" in report.notes
    versions = {q[2] for q in _quads(work.store) if "#extractorVersion" in q[1]}
    assert versions == {'"another"'}
    fresh = work.tmp / "fresh"
    build([work.cvs], fresh)
    _assert_same(_quads(work.store), _quads(fresh), "after reading every source again")
    again = build([work.cvs], work.store)
    assert (again.extracted, again.unchanged) == (0, n)


def test_broken_index_takes_the_full_path(work):
    from kg.index import FILE

    (work.store / FILE).write_bytes(b"\x00not a database" * 100)
    key = add_publication(work, random.Random("l"), "A Paper Beside A Broken Index")
    report = build([work.cvs], work.store)
    assert not report.incremental and report.notes == [
        "full resolution: its build index is from another version of PubKG or cannot be read"]
    updated = _quads(work.store)
    fresh = work.tmp / "fresh"
    build([work.cvs], fresh)
    _assert_same(updated, _quads(fresh), f"after adding a paper to {key} beside a broken index")


def test_new_abbreviation_takes_the_full_path(work):
    """Which abbreviation names which venue depends on the whole corpus: a CV that writes a venue
    abbreviated, when another writes it in full, changes other CVs' venues, so the update resolves
    everything (and says why) — and still equals a fresh build."""
    add_publication(work, random.Random("m"), "A Paper In A Journal Written In Full")
    assert build([work.cvs], work.store).incremental
    (work.cvs / "cv99998_quill.md").write_text(
        "# Zed Quill\n\n## Publications\n\n"
        "1. Zed Quill. A Paper In A Journal Written Abbreviated. *J. Increm. Graph Maint.*, 2026.\n",
        encoding="utf-8")
    report = build([work.cvs], work.store)
    assert not report.incremental and any("abbreviation" in n for n in report.notes), report.notes
    fresh = work.tmp / "fresh"
    build([work.cvs], fresh)
    updated = _quads(work.store)
    _assert_same(updated, _quads(fresh), "after a CV abbreviated a venue another writes in full")
    venue = {q[0] for q in updated if q[1] == "<https://schema.org/name>"
             and q[2] == '"Journal of Incremental Graph Maintenance"'}
    assert len(venue) == 1  # one venue for both forms
    paper = {q[0] for q in updated if q[1] == "<https://schema.org/name>"
             and q[2] == '"A Paper In A Journal Written Abbreviated"'}
    assert {q[2] for q in updated if q[0] in paper and q[1] == "<https://w3id.org/pubkg/ontology#publishedIn>"} == venue


def test_owner_split_over_two_clusters(tmp_path):
    """A CV whose owner's forms cannot be one person ("Anna F. O'Brien" in the header, "Anna J. O'Brien"
    marked as the owner in the list: different middle initials) has two clusters that both own it; the
    full build gives the CV, and its affiliation edges, to the last of them, and so must an update."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "anna.md").write_text(
        "# Anna F. O'Brien\n\n## Education\n\n- Ph.D. in Physics, University of Tests, 2015–2020\n\n"
        "## Publications\n\n1. **Anna J. O'Brien**, Ben Hale. Quantum widgets in practice. Journal of Widgets, 2021.\n"
        "2. Anna F. O'Brien, Ben Hale. Classical widgets revisited. Journal of Widgets, 2020.\n", encoding="utf-8")
    (cvs / "ben.md").write_text(
        "# Ben Hale\n\n## Publications\n\n1. Ben Hale, Anna O'Brien. Widgets at scale. Journal of Widgets, 2019.\n",
        encoding="utf-8")
    store = tmp_path / "store"
    build([cvs], store)
    people = {q[0] for q in _quads(store) if q[2] == "<https://schema.org/Person>" and "obrien" in q[0]}
    assert len(people) >= 2, people  # the owner's forms really are split
    ben = cvs / "ben.md"
    ben.write_text(ben.read_text(encoding="utf-8") + "2. Ben Hale, Anna F. O'Brien, Anna J. O'Brien. "
                   "Two Annas and a widget. Journal of Widgets, 2022.\n", encoding="utf-8")
    report = build([cvs], store)
    assert report.incremental, report.notes
    fresh = tmp_path / "fresh"
    build([cvs], fresh)
    _assert_same(_quads(store), _quads(fresh), "after an edit reaching an owner split over two clusters")


def _cv(folder: Path, name: str, owner: str, pubs: list[str]) -> Path:
    path = folder / name
    path.write_text(f"# {owner}\n\n## Publications\n\n" + "".join(f"{i}. {p}\n" for i, p in enumerate(pubs, 1)),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("written, already", [
    ("Carmen Pérez", "Carmen Pérez Soler"),  # the new form is the shorter one (rule 3c)
    ("Carmen Pérez Soler", "Carmen Pérez"),  # … or the longer one
    ("Du Zeng", "Zeng Du"),  # the same tokens in another order (rule 3b)
])
def test_a_dropped_family_name_meets_its_longer_form(tmp_path, written, already):
    """A form written for the first time is resolved with the forms it is an alternative of (and that
    are alternatives of it), though they share no merge key: "Carmen Pérez" and "Carmen Pérez Soler"
    (or "Du Zeng" and "Zeng Du") with two co-authors in common are one person after an update, as after
    a fresh build."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    _cv(cvs, "a.md", already, [f"{already}, Luis Vidal, Marta Ruiz. Sparse widgets. Journal of Widgets, 2020.",
                               f"{already}, Marta Ruiz. Dense widgets. Journal of Widgets, 2021."])
    luis = _cv(cvs, "b.md", "Luis Vidal", ["Luis Vidal, Marta Ruiz. Widgets alone. Journal of Widgets, 2019."])
    store = tmp_path / "store"
    build([cvs], store)
    _cv(cvs, "b.md", "Luis Vidal", ["Luis Vidal, Marta Ruiz. Widgets alone. Journal of Widgets, 2019.",
                                    f"Luis Vidal, {written}, Marta Ruiz. Widgets together. Journal of Widgets, 2022."])
    assert luis.exists()
    report = build([cvs], store)
    assert report.incremental, report.notes
    fresh = tmp_path / "fresh"
    build([cvs], fresh)
    updated = _quads(store)
    _assert_same(updated, _quads(fresh), f"after {written!r} was written beside {already!r}")
    first = already.split()[0].lower()
    same = {q[0] for q in updated if q[2] == "<https://schema.org/Person>" and first in q[0]}
    assert len(same) == 1, same  # the two forms are one person (else the test shows nothing)


def _built(tmp_path: Path, cvs: dict) -> tuple[Path, Path]:
    """A folder of one-paper CVs (file name → (owner, publication)) and the store built from it."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name, (owner, pub) in cvs.items():
        _cv(folder, name, owner, [pub])
    build([folder], tmp_path / "store")
    return folder, tmp_path / "store"


def _component(store: Path, seeds: set) -> set:
    """The name forms the store's build index puts in one component with ``seeds``."""
    from kg.index import Index

    ix = Index.open(store)
    try:
        return ix.component(seeds)
    finally:
        ix.close()


def test_initials_in_another_order_do_not_meet(tmp_path):
    """ "L. D. Zhao" and "D. L. Zhao" are two forms no rule compares (the token-order rule leaves forms
    that open with an initial alone): a change to one does not re-resolve the other's people."""
    _, store = _built(tmp_path, {"a.md": ("Wei Sun", "Wei Sun, L. D. Zhao, Ana Ruiz. Rivers. Journal of Water, 2020."),
                                 "b.md": ("Ana Ruiz", "Ana Ruiz, D. L. Zhao, Wei Sun. Lakes. Journal of Water, 2021.")})
    assert "D. L. Zhao" not in _component(store, {"L. D. Zhao"})
    zhao = {q[0] for q in _quads(store) if q[2] == "<https://schema.org/Person>" and "zhao" in q[0]}
    assert len(zhao) == 2, zhao  # and a fresh build keeps them apart too


def test_forms_meet_through_an_alternative_only_where_it_is_written(tmp_path):
    """ "Jing Zhao Zhang" and "Jing Zhao Li" both drop to "Jing Zhao"; they are resolved together only
    once some CV writes "Jing Zhao" (else a change to one would re-resolve every such name)."""
    cvs, store = _built(tmp_path, {"a.md": ("Jing Zhao Zhang", "Jing Zhao Zhang, Wei Sun. Rivers. Journal of Water, 2020."),
                                   "b.md": ("Jing Zhao Li", "Jing Zhao Li, Wei Sun. Lakes. Journal of Water, 2021.")})
    assert "Jing Zhao Li" not in _component(store, {"Jing Zhao Zhang"})
    _cv(cvs, "c.md", "Wei Sun", ["Wei Sun, Jing Zhao. Seas. Journal of Water, 2022."])
    assert build([cvs], store).incremental
    comp = _component(store, {"Jing Zhao Zhang"})
    assert {"Jing Zhao", "Jing Zhao Li", "Jing Zhao Zhang"} <= comp


def test_owner_edges_follow_a_moved_advisor_and_stay_for_the_rest(tmp_path):
    """Maria's own CV gives her name in full ("Maria J. Lopez"): her IRI changes, and with it the
    advisor edge of Lena, whose CV did not change (a mention in it now resolves elsewhere). Tom, a
    co-author on a paper of Lena's that names Maria, is touched by the change too but owns a CV that
    names no Maria: his affiliation edges stay as they were. Both as in a fresh build."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "lena.md").write_text(
        "# Lena Park\n\n## Education\n\n- **Ph.D. in Physics**, University of Tests, 2015–2020. Advisor: Maria Lopez\n\n"
        "## Publications\n\n1. Lena Park, Maria Lopez, Tom Reed. Widgets in the wild. Journal of Widgets, 2020.\n",
        encoding="utf-8")
    (cvs / "tom.md").write_text(
        "# Tom Reed\n\n## Education\n\n- **Ph.D. in Chemistry**, University of Samples, 2010–2014\n\n"
        "## Publications\n\n1. Tom Reed, Lena Park. Cogs and gears. Journal of Widgets, 2017.\n", encoding="utf-8")
    maria = _cv(cvs, "maria.md", "Maria Lopez", ["Maria Lopez, Lena Park. Gadgets for all. Journal of Widgets, 2019."])
    store = tmp_path / "store"
    build([cvs], store)
    before = _quads(store)
    derived = "<https://w3id.org/pubkg/id/graph/derived>"
    advisor = "<https://w3id.org/pubkg/ontology#advisor>"
    assert {q[2] for q in before if q[1] == advisor and q[3] == derived} == {"<https://w3id.org/pubkg/id/person/maria-lopez>"}
    maria.write_text(maria.read_text(encoding="utf-8").replace("# Maria Lopez", "# Maria J. Lopez"), encoding="utf-8")
    report = build([cvs], store)
    assert report.incremental and report.extracted == 1, report.notes
    fresh = tmp_path / "fresh"
    build([cvs], fresh)
    updated = _quads(store)
    _assert_same(updated, _quads(fresh), "after the advisor's CV gave her name in full")
    (target,) = {q[2] for q in updated if q[1] == advisor and q[3] == derived}
    assert (target, "<https://schema.org/name>", '"Maria J. Lopez"') in {q[:3] for q in updated}, target
    tom = {(q[1], q[2]) for q in updated if q[0] == "<https://w3id.org/pubkg/id/person/tom-reed>" and q[3] == derived}
    assert ("<https://schema.org/alumniOf>", "<https://w3id.org/pubkg/id/org/university-of-samples>") in tom, tom


def test_an_unchanged_entry_of_an_edited_cv_follows_its_coauthor_to_a_merge(tmp_path):
    """Ana's CV lists "Bo Wu" on a paper; Bo's own CV shares nothing with it, so the two are kept apart.
    Ana adds a paper with Cy Ng, Bo's co-author: now they are one Bo Wu, and the paper Ana did not touch
    names him too, as in a fresh build (the update rewrites the papers of the edited CV whose authors
    resolve elsewhere, though their entries did not change)."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    ana = ["Ana Li, Bo Wu. Rivers of widgets. Journal of Water, 2019.",
           "Ana Li, Dan Roe. Lakes of widgets. Journal of Water, 2020."]
    _cv(cvs, "li.md", "Ana Li", ana)  # (after bo.md: its "Bo Wu" is minted second)
    _cv(cvs, "bo.md", "Bo Wu", ["Bo Wu, Cy Ng. Seas of gadgets. Journal of Salt, 2018.",
                               "Bo Wu, Cy Ng, Eva Paz. Oceans of gadgets. Journal of Salt, 2021."])
    store = tmp_path / "store"
    build([cvs], store)
    wu = lambda: {q[0] for q in _quads(store) if q[2] == "<https://schema.org/Person>" and "wu" in q[0]}  # noqa: E731
    assert len(wu()) == 2  # (else the test shows nothing)
    _cv(cvs, "li.md", "Ana Li", ["Ana Li, Bo Wu, Cy Ng. Ponds of widgets. Journal of Water, 2022."] + ana)
    report = build([cvs], store)
    assert report.incremental, report.notes
    assert wu() == {"<https://w3id.org/pubkg/id/person/bo-wu>"}  # (Ana's "Bo Wu" was bo-wu-2)
    fresh = tmp_path / "fresh"
    build([cvs], fresh)
    _assert_same(_quads(store), _quads(fresh), "after a new paper joined two people of one name")
