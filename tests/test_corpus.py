"""The synthetic corpus generator (benchmarks/corpus.py): reproducible, consistent truth, varied surface forms."""
from __future__ import annotations

import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "c300"
    stats = corpus.generate(out, 300, seed=11)
    return out, stats


def test_same_seed_is_byte_identical_also_across_processes(tmp_path):
    corpus.generate(tmp_path / "a", 120, seed=3)
    corpus.generate(tmp_path / "b", 120, seed=3)
    assert tree_hash(tmp_path / "a") == tree_hash(tmp_path / "b")
    # the CLI in another interpreter with another string-hash seed writes the same bytes
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "--people", "120", "--seed", "3",
                        "--out", str(tmp_path / "c")], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "CVs" in r.stdout and "author mentions" in r.stdout and "homonym pairs" in r.stdout
    assert tree_hash(tmp_path / "a") == tree_hash(tmp_path / "c")


def test_different_seed_differs(tmp_path):
    corpus.generate(tmp_path / "a", 120, seed=3)
    corpus.generate(tmp_path / "b", 120, seed=4)
    assert tree_hash(tmp_path / "a") != tree_hash(tmp_path / "b")


def test_layout_and_counts(small):
    out, stats = small
    truth = read_jsonl(out / "truth" / "cvs.jsonl")
    people = read_jsonl(out / "truth" / "people.jsonl")
    papers = read_jsonl(out / "truth" / "papers.jsonl")
    assert len(people) == stats["people"] == 300
    assert len(papers) == stats["papers"]
    assert len(truth) == stats["cvs"] == sum(1 for p in people if p["papers"] > 0)
    assert stats["mentions"] == sum(len(e["authors"]) for cv in truth for e in cv["publications"])
    files = [p for p in (out / "cvs").rglob("*") if p.is_file()]
    assert len(files) == stats["files"]
    assert {p.suffix for p in files} <= {".md", ".txt", ".bib"}
    for cv in truth:
        for f in cv["files"]:
            assert (out / f).is_file()
        if cv["format"] == "bib":  # a .bib beside a small cv.md naming its owner
            assert cv["file"].endswith("/cv.md") and cv["files"][1].endswith(".bib")
    for name in ("groups.jsonl", "venues.jsonl", "orgs.jsonl", "stats.json"):
        assert (out / "truth" / name).is_file()


def test_truth_is_consistent_with_the_text(small):
    out, _ = small
    truth = read_jsonl(out / "truth" / "cvs.jsonl")
    papers = {p["id"]: p for p in read_jsonl(out / "truth" / "papers.jsonl")}
    people = {p["id"]: p for p in read_jsonl(out / "truth" / "people.jsonl")}
    venues = {v["id"] for v in read_jsonl(out / "truth" / "venues.jsonl")}
    orgs = {o["id"] for o in read_jsonl(out / "truth" / "orgs.jsonl")}
    n = 0
    for cv in truth:
        texts = {f: (out / f).read_text(encoding="utf-8") for f in cv["files"]}
        lines = {f: t.split("\n") for f, t in texts.items()}
        main = texts[cv["file"]]
        assert cv["owner_name"] in main.split("\n", 1)[0]
        owner = cv["owner"]
        pubs = cv["publications"]
        assert {e["paper"] for e in pubs} == {w for w in papers if owner in papers[w]["authors"]}
        for i, e in enumerate(pubs):
            pap = papers[e["paper"]]
            L = lines[e["file"]]
            nxt = pubs[i + 1]["line"] if i + 1 < len(pubs) and pubs[i + 1]["line"] > e["line"] else len(L) + 1
            region = "\n".join(L[e["line"] - 1:nxt - 1])
            assert region.strip(), (cv["file"], e["line"])
            ids = [a["person"] for a in e["authors"]]
            assert ids == pap["authors"][:len(ids)], "authors are the paper's, in order"
            assert e["et_al"] == (len(ids) < len(pap["authors"]))
            assert e["owner_hidden"] == (owner not in ids)
            assert e["venue"] is None or e["venue"] in venues
            assert 2005 <= e["year"] <= 2025
            for a in e["authors"]:
                n += 1
                assert a["surface"] in texts[e["file"]]
                assert a["surface"] in region, (cv["file"], e["line"], a["surface"])
                assert a["person"] in people
        for item in cv["education"] + cv["employment"]:
            assert item["org"] in orgs
            assert item["org_text"] in "\n".join(lines[cv["file"]][item["line"] - 1:item["line"] + 1])
        for ed in cv["education"]:
            if ed["advisor_text"]:
                assert ed["advisor_text"] in main
            if ed["advisor"]:
                assert ed["advisor"] in people
    assert n > 0


def test_homonyms_and_heavy_tail(small):
    out, stats = small
    people = {p["id"]: p for p in read_jsonl(out / "truth" / "people.jsonl")}
    pairs = set()
    for pid, p in people.items():
        for q in p["homonym_of"]:
            assert q != pid
            assert people[q]["name"] == p["name"], "homonyms share exactly the same canonical name"
            assert pid in people[q]["homonym_of"]
            pairs.add(tuple(sorted((pid, q))))
        for q in p["near_homonym_of"]:
            assert people[q]["name"] != p["name"]
    assert len(pairs) == stats["homonym_pairs"] > 0
    by_name = Counter(p["name"] for p in people.values())
    assert sum(k * (k - 1) // 2 for k in by_name.values()) == stats["homonym_pairs"], "no unrecorded homonyms"
    counts = [p["papers"] for p in people.values() if p["papers"]]
    assert max(counts) >= 5 * statistics.median(counts), (max(counts), statistics.median(counts))


def test_iter_mentions_matches_the_written_truth(small):
    out, _ = small
    truth = read_jsonl(out / "truth" / "cvs.jsonl")
    written = [(cv["cv"], e["paper"], a["person"], a.get("unicode", a["surface"]), a["person"] == cv["owner"])
               for cv in truth for e in cv["publications"] for a in e["authors"]]
    streamed = [(m["source"], m["paper"], m["person"], m["surface"], m["owner"]) for m in corpus.iter_mentions(300, 11)]
    assert sorted(streamed) == sorted(written)  # same mentions (the writer may regroup entries into sections)
    m = next(iter(corpus.iter_mentions(300, 11)))
    assert {"source", "surface", "owner", "coauthors", "person", "paper", "venue", "year", "org"} <= set(m)


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def test_surface_variants_are_produced(tmp_path):
    out = tmp_path / "c"
    corpus.generate(out, 1500, seed=5)
    people = {p["id"]: p for p in read_jsonl(out / "truth" / "people.jsonl")}
    truth = read_jsonl(out / "truth" / "cvs.jsonl")
    kinds = Counter()
    forms_of: dict[str, set] = {}
    for cv in truth:
        kinds["layout:" + cv["layout"]] += 1
        for e in cv["publications"]:
            kinds["status:" + e["status"]] += 1
            kinds["et_al"] += e["et_al"]
            for a in e["authors"]:
                s, p = a.get("unicode", a["surface"]), people[a["person"]]
                forms_of.setdefault(a["person"], set()).add(s)
                canon = p["name"]
                kinds["marks"] += bool(a.get("marks"))
                kinds["typo"] += bool(a.get("typo"))
                kinds["latex"] += "unicode" in a
                if re.match(r"^[A-Z]\.", s):
                    kinds["initials"] += 1
                if ", " in s:
                    kinds["last_first"] += 1
                if s.split(" ")[0].isupper() and len(s.split(" ")[0]) > 1 and p["culture"] in ("zh", "ko", "tw"):
                    kinds["SURNAME_first"] += 1
                if not canon.isascii() and s == _fold(canon).replace("ø", "o").replace("ł", "l"):
                    kinds["accents_dropped"] += 1
                if p["culture"] == "zh" and any(c.isupper() for c in s.split(" ")[0][1:]) and "," not in s:
                    kinds["camel"] += 1
                if "-" in p["given"] and re.search(r"[A-Z]\.-[A-Z]\.", s):
                    kinds["hyphen_initials"] += 1
                if p["middle"] and s == f"{p['given']} {p['family']}":
                    kinds["middle_dropped"] += 1
                if any(x in s for x in ("di ", "Van der", "Van Der", "DiStefano", "DiMarco", "DePietro", "LaRosa")):
                    kinds["particle_case"] += 1
    for k in ("initials", "last_first", "accents_dropped", "camel", "hyphen_initials", "middle_dropped",
              "particle_case", "marks", "typo", "latex", "et_al", "SURNAME_first",
              "status:published", "status:accepted", "status:submitted", "status:preprint",
              "layout:bib", "layout:apa", "layout:ieee", "layout:blocks", "layout:oneline"):
        assert kinds[k] > 0, (k, kinds)
    assert max(len(v) for v in forms_of.values()) >= 4, "one person is written several ways across CVs"
    venue_texts = {e["venue_text"] for cv in truth for e in cv["publications"] if e["venue"] == "NeurIPS"}
    assert len(venue_texts) >= 4, venue_texts


def test_formats_subset_and_errors(tmp_path):
    stats = corpus.generate(tmp_path / "bib", 60, seed=2, formats="bib")
    truth = read_jsonl(tmp_path / "bib" / "truth" / "cvs.jsonl")
    assert stats["cvs"] == len(truth) > 0 and all(cv["format"] == "bib" for cv in truth)
    corpus.generate(tmp_path / "txt", 60, seed=2, formats=("txt",))
    assert {p.suffix for p in (tmp_path / "txt" / "cvs").iterdir()} == {".txt"}
    with pytest.raises(ValueError):
        corpus.generate(tmp_path / "bad", 10, seed=2, formats="pdf")


def test_200_people_run(tmp_path):
    t0 = time.perf_counter()
    stats = corpus.generate(tmp_path / "c", 200, seed=7)
    print(f"200 people: {stats['cvs']} CVs, {stats['mentions']} mentions in {time.perf_counter() - t0:.2f}s")
    assert stats["cvs"] > 0 and stats["mentions"] > 0
