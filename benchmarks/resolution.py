"""Person resolution on the synthetic corpus with known identities: pairwise P/R/F1, B³ F1, time, memory.

Mentions come straight from ``corpus.iter_mentions`` (what CVs state: surface forms,
co-authors, the CV owner), so this measures the resolver, not the parsers.

    .venv/bin/python benchmarks/resolution.py [--people 2600] [--seed 7]
    .venv/bin/python benchmarks/resolution.py --people 16000      # ≈ 1 M mentions
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import iter_mentions  # noqa: E402

from kg.names import initial_key  # noqa: E402
from kg.resolve.people import Mention, PersonResolver  # noqa: E402


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=2600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print the N largest false merges and splits")
    a = ap.parse_args()
    t0 = time.perf_counter()
    pr = PersonResolver()
    truth = []
    cvs = set()
    for i, m in enumerate(iter_mentions(a.people, a.seed)):
        if m["source"] not in cvs:  # the CV header names its owner, as the pipeline's extraction does
            pr.set_owner(m["source"], m["owner_name"])
            pr.add(Mention(m["source"], ("owner",), m["owner_name"], owner=True))
            truth.append(m["owner_id"])
        cvs.add(m["source"])
        co = frozenset(initial_key(s) for s in m["coauthors"])
        ctx = frozenset(x for x in (("venue", m["venue"]), ("org", m["org"])) if x[1])
        pr.add(Mention(m["source"], ("pub", m["paper"], i), m["surface"], owner=m["owner"], coauthors=co, context=ctx,
                       paper=re.sub(r"[^a-z0-9]+", "", m["title"].lower())))
        truth.append(m["person"])
    t_gen = time.perf_counter() - t0
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t1 = time.perf_counter()
    clusters = pr.resolve()
    t_res = time.perf_counter() - t1
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # mention index → predicted cluster
    idx = {id(m): i for i, m in enumerate(pr.mentions)}
    pred = [0] * len(truth)
    for c, cl in enumerate(clusters):
        for m in cl.mentions:
            pred[idx[id(m)]] = c
    cell, csize, tsize = Counter(), Counter(), Counter()
    for p, t in zip(pred, truth):
        cell[(p, t)] += 1
        csize[p] += 1
        tsize[t] += 1
    tp = sum(pairs(n) for n in cell.values())
    pp = sum(pairs(n) for n in csize.values())
    tpairs = sum(pairs(n) for n in tsize.values())
    prec, rec = tp / pp if pp else 1.0, tp / tpairs if tpairs else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    b3p = sum(cell[(p, t)] / csize[p] for p, t in zip(pred, truth)) / len(truth)
    b3r = sum(cell[(p, t)] / tsize[t] for p, t in zip(pred, truth)) / len(truth)
    b3 = 2 * b3p * b3r / (b3p + b3r)
    homonym_people = len(tsize)
    print(f"{len(cvs)} CVs, {len(truth):,} author mentions, {homonym_people:,} true people → {len(clusters):,} clusters")
    print(f"pairwise precision {prec:.4f}  recall {rec:.4f}  F1 {f1:.4f}   (targets: P ≥ 0.995, R ≥ 0.98)")
    print(f"B³ precision {b3p:.4f}  recall {b3r:.4f}  F1 {b3:.4f}")
    print(f"resolution {t_res:.1f}s ({len(truth) / max(t_res, 1e-9):,.0f} mentions/s; corpus generation {t_gen:.1f}s), "
          f"peak RSS {max(rss0, rss1) / 1024:.0f} MB (resolver added {(rss1 - rss0) / 1024:.0f} MB)")
    worst = Counter()
    for (p, t), n in cell.items():
        if n < tsize[t]:
            worst[t] += 1
    print(f"people split over several clusters: {sum(1 for t, k in worst.items() if k):,}; "
          f"warnings from the resolver: {len(pr.warnings):,}")
    if a.show:
        show(a.show, pr.mentions, pred, truth, cell, csize, tsize)


def show(n: int, mentions, pred, truth, cell, csize, tsize):
    """The clusters that hold most wrongly joined pairs, and the people split most, with their surface forms."""
    forms = defaultdict(Counter)
    for m, p, t in zip(mentions, pred, truth):
        forms[(p, t)][m.name] += 1
    bad = sorted(((pairs(csize[p]) - sum(pairs(k) for (q, _), k in cell.items() if q == p), p)
                  for p in {p for (p, t) in cell if cell[(p, t)] < csize[p]}), reverse=True)[:n]
    print(f"\n{len(bad)} largest false merges (wrong pairs: person id → forms):")
    for w, p in bad:
        print(f"  {w:>7,}  " + "  |  ".join(f"{t}: {dict(forms[(q, t)].most_common(4))}" for (q, t) in cell if q == p))
    split = sorted(((pairs(tsize[t]) - sum(pairs(k) for (_, u), k in cell.items() if u == t), t)
                    for t in {t for (p, t) in cell if cell[(p, t)] < tsize[t]}), reverse=True)[:n]
    print(f"\n{len(split)} largest splits (missed pairs: cluster → forms):")
    for w, t in split:
        print(f"  {w:>7,}  {t}: " + "  |  ".join(f"{dict(forms[(p, u)].most_common(4))}" for (p, u) in cell if u == t))


if __name__ == "__main__":
    main()
