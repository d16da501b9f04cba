"""The co-author suggestion benchmark (benchmarks/suggest.py) on a small synthetic corpus."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import suggest as bench  # noqa: E402  (benchmarks/suggest.py, not kg.suggest)


@pytest.fixture(scope="module")
def results():
    sp = bench.truth_split(bench.world(300, 3), hide_years=2)
    methods = [bench.Rank(sp), bench.CN(sp), bench.Random(sp, 3), bench.Oracle(sp)]
    return sp, bench.evaluate(sp, methods, sample=200, seed=3, negatives=50)


def test_split_has_no_leak(results):
    sp, _ = results
    assert sp.T == bench.Y1 - 2 and sp.positives
    for u, vs in sp.positives.items():
        assert u in sp.G and sp.G.degree(u) > 0
        assert all(not sp.G.has_edge(u, v) and sp.G.degree(v) > 0 for v in vs)
    assert all(d["year"] <= sp.T for _, _, d in sp.G.edges(data=True))


def test_metrics_in_range_and_checked_by_an_oracle(results):
    _, res = results
    for m in res.values():
        assert m["n"] > 0
        assert all(0.0 <= m[k] <= 1.0 for k in ("p", "r", "auc"))
    assert res["oracle"]["p"] > 0 and res["oracle"]["auc"] == 1.0
    assert 0.35 <= res["random"]["auc"] <= 0.65


def test_rank_beats_common_neighbours(results):
    _, res = results
    assert res["rank"]["p"] >= res["CN"]["p"]
    assert res["rank"]["p"] > res["random"]["p"]


def test_auc_counts_ties_half():
    assert bench.auc([1, 1], [1, 1]) == 0.5
    assert bench.auc([2], [1, 3]) == 0.5
