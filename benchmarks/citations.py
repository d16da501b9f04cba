"""Score the citation splitter on AnyStyle's tagged gold references (../shared/data/citations).

Per field (DESIGN.md §7): exact match after normalization (NFKD, accents and punctuation
removed, case folded), scored only on records where the gold has the field; authors as
ordered lists of surnames (records with the silver `authors` key). A fixed split by a hash
of the record id keeps 30% HELD OUT: rules were developed on the dev part only; both are
reported. The tagger of kg/extract/citation_crf.py is trained on the dev part only (the split
that ships in kg/extract/data/citation_train.jsonl; checked here to hold no test record), so
its dev figures are in-sample. Also references per second: one process, caches emptied first,
wall clock and CPU time; and with --jobs worker processes (default 2, the target's 2 cores).

    .venv/bin/python benchmarks/citations.py [--data PATH] [--jobs N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg.extract import citation, citation_crf, citation_rules  # noqa: E402
from kg.extract.citation import parse_reference  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "citations" / "anystyle-gold.jsonl"


def norm(s) -> str:
    if isinstance(s, list):
        s = " ".join(s)
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def surname(name: str) -> str:
    name = re.sub(r"[*†‡#]+", "", name)
    part = name.split(",")[0] if "," in name else name
    toks = [t for t in norm(part).split() if t not in ("jr", "sr", "ii", "iii", "iv")]
    return toks[-1] if toks else ""


def split_of(rid: str) -> str:
    return "test" if int(hashlib.sha1(rid.encode()).hexdigest(), 16) % 10 < 3 else "dev"


def gold_year(rec):
    d = rec["fields"].get("date")
    m = re.search(r"(1[5-9]\d\d|20\d\d)", norm(d) if d else "")
    return m.group(1) if m else None


def gold_venue(rec):
    f = rec["fields"]
    v = f.get("journal") or f.get("container-title")
    if not v:
        return None
    v = norm(v)
    v = re.sub(r"^(in|in proceedings of( the)?|proceedings of( the)?)\s+", "", v)
    return v or None


def pred_venue(r):
    if not r.venue:
        return None
    v = norm(r.venue)
    return re.sub(r"^(in|in proceedings of( the)?|proceedings of( the)?)\s+", "", v) or None


def _cold():
    """Empty every cache the splitter keeps, so that speed is measured from scratch."""
    for f in (citation_crf._token_feats, citation_crf._tok_info, citation_rules._split_authors_cached, citation._n):
        f.cache_clear()
    if citation_crf.tagger() is not None:  # the model file is loaded before timing
        citation_crf.tagger()._rows.clear()


def score(records):
    stats = {k: [0, 0, 0] for k in ("authors", "title", "year", "venue")}  # tp, fp, fn
    _cold()
    t0, c0 = time.perf_counter(), time.process_time()
    preds = [parse_reference(r["text"]) for r in records]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    for rec, p in zip(records, preds):
        checks = {}
        if "authors" in rec:
            want = [surname(a) for a in rec["authors"]]
            got = [surname(a.name) for a in p.authors]
            checks["authors"] = (want, got if got else None)
        if rec["fields"].get("title"):
            checks["title"] = (norm(rec["fields"]["title"]), norm(p.title) if p.title else None)
        if gold_year(rec):
            checks["year"] = (gold_year(rec), str(p.year) if p.year else None)
        if gold_venue(rec):
            checks["venue"] = (gold_venue(rec), pred_venue(p))
        for k, (want, got) in checks.items():
            if got is None:
                stats[k][2] += 1
            elif got == want:
                stats[k][0] += 1
            else:
                stats[k][1] += 1
                stats[k][2] += 1
    return stats, (len(records) / elapsed, len(records) / cpu)


def _warm(_):
    citation_crf.tagger()  # each worker loads the model once, before the clock starts
    return os.getpid()


def parallel_rate(texts, jobs: int) -> float:
    """References per second (wall clock) with `jobs` worker processes, started and loaded first."""
    import multiprocessing as mp

    with mp.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
        pool.map(_warm, range(jobs * 4), chunksize=1)
        t0 = time.perf_counter()
        pool.map(parse_reference, texts, chunksize=max(1, len(texts) // (jobs * 8)))
        return len(texts) / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT))
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel speed figure (default 2)")
    a = ap.parse_args()
    path = Path(a.data)
    if not path.exists():
        sys.exit(f"no data at {path} (give --data)")
    recs = [json.loads(l) for l in path.open(encoding="utf-8")]
    targets = {"authors": 0.90, "title": 0.95, "year": 0.98, "venue": 0.90}
    print(f"{len(recs)} tagged references from {path.name}")
    shipped = ROOT / "kg" / "extract" / "data" / "citation_train.jsonl"
    if shipped.exists():  # the tagger's training split must hold no held-out record, nor its text
        train = [json.loads(line) for line in shipped.open(encoding="utf-8")]
        test = [r for r in recs if split_of(r["id"]) == "test"]
        leak = {t["id"] for t in train} & {r["id"] for r in test}
        texts = {r["text"] for r in test}
        leak |= {t["id"] for t in train if " ".join(s for _, s in t["segments"]) in texts}
        assert not leak, f"held-out references in the training split: {sorted(leak)[:5]}"
        print(f"training split of the tagger: {len(train)} references, none held out")
    for part in ("dev", "test"):
        rs = [r for r in recs if split_of(r["id"]) == part]
        stats, rate = score(rs)
        label = "HELD-OUT test" if part == "test" else "dev (rules tuned and tagger trained here)"
        print(f"\n{label}: {len(rs)} references, {rate[0]:,.0f} refs/s wall clock, {rate[1]:,.0f} refs/s CPU time "
              f"(one process, cold caches)")
        print(f"  {'field':8} {'P':>6} {'R':>6} {'F1':>6}  {'target':>6}")
        for k, (tp, fp, fn) in stats.items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            extra = f"  (exact author lists: {tp}/{tp + fn} = {r:.3f})" if k == "authors" else ""
            print(f"  {k:8} {p:6.3f} {r:6.3f} {f:6.3f}  {targets[k]:6.2f}{extra}")
    if a.jobs > 1:
        texts = [r["text"] for r in recs]
        print(f"\nall {len(texts)} references on {a.jobs} processes: {parallel_rate(texts, a.jobs):,.0f} refs/s wall clock "
              f"(machine has {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
