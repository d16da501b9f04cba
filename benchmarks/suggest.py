"""Co-author suggestion as time-split link prediction: precision@10, recall@10, AUC against baselines.

What is measured
  Hide the last ``--hide-years`` years of papers (default 2: with the corpus' years 2005–2025,
  train = papers ≤ 2023, test = 2024–2025). The train co-author graph is built from train
  papers only. A test positive of person u is a person v who first co-authors with u after T:
  (u, v) share a hidden paper (with at most ``--max-authors`` authors; default 25, so the rare
  40–100-author consortium papers, whose author lists are a random sample of a field, do not
  count as chosen collaborations) and were not co-authors before. Both u and v must be in the
  train graph with at least one co-author (link prediction between known people; cold starts
  are a different problem). Evaluated people: those with at least one positive, a seeded
  sample of at most ``--sample``.

  For each evaluated person every method ranks the non-neighbours:
    * ``rank``   — ``kg.suggest.rank`` (resource allocation + shared venues, organizations,
                   advisors, title topics; its own candidate generation, as ``kg suggest`` does);
    * ``CN``     — ``kg.suggest.common_neighbours`` (count of shared co-authors);
    * ``random`` — 10 non-neighbours drawn uniformly (seeded).
  precision@10 = hits in the top 10 / 10 (also when a method returns fewer than 10);
  recall@10 = hits / positives of u; AUC = probability that a positive outscores a negative,
  ties 0.5, over all positives of u and up to ``--negatives`` (default 100) non-neighbours that
  are not positives, sampled with a seeded RNG (the same negatives for every method); a
  candidate a method does not score has score 0. Figures are means over evaluated people;
  time = mean seconds per top-10 query.

Three runs
  1. truth     — TRUE identities from ``corpus.world(people, seed)`` (``--people``, default
                 2000): measures link prediction, not resolution. Context is train-period only:
                 venues and title words of papers ≤ T, organizations of education and jobs that
                 started ≤ T (as the truth records them), advisors of degrees started ≤ T.
  2. pipeline  — end to end through the real pipeline: ``corpus.generate`` a small corpus
                 (``--store-people``, default 300, 0 skips), ``kg.pipeline.build`` a store, then
                 a time-sliced copy of the store (every quad about a paper dated after T
                 removed, ``kg:coAuthor`` re-derived from the remaining papers) on which the
                 store-level ``kg.suggest.suggest(store, iri)`` runs. Identities and positives
                 are the store's resolved people (so resolution errors count against everyone);
                 no AUC (``suggest`` returns a top list only). Organizations and advisors are
                 not time-sliced here (the store's affiliation edges carry no dates), a small
                 leak that only the weak context terms can use.
  3. examples  — the same store-level run on the bundled ``examples/`` folder (tiny: figures
                 over a handful of people, shown for completeness).

Scoring choices in kg/suggest.py (recency half-life, context scale) were tuned on seed 11;
the default seed 7 is the report.

    .venv/bin/python benchmarks/suggest.py [--people 2000] [--seed 7] [--hide-years 2] [--sample 500]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Y1, generate, world  # noqa: E402

from kg.suggest import Context, common_neighbours, rank, suggest, topic_words  # noqa: E402

K = 10


# ============================================================================ splits
@dataclass
class Split:
    """A train graph, train-period context, and the hidden new co-authors of each person."""

    G: object  # networkx.Graph of train co-authorships
    ctx: Context
    positives: dict  # person -> set of people first co-authored with after T
    T: int
    label: str = ""
    extra: dict = field(default_factory=dict)

    def pool(self) -> list:
        """People a method may suggest (and negatives are drawn from): train nodes with a co-author."""
        if "pool" not in self.extra:
            self.extra["pool"] = sorted(n for n in self.G if self.G.degree(n) > 0)
        return self.extra["pool"]


def _positives(G, hidden_pairs) -> dict:
    pos = defaultdict(set)
    for a, b in hidden_pairs:
        if a in G and b in G and G.degree(a) and G.degree(b) and not G.has_edge(a, b):
            pos[a].add(b)
            pos[b].add(a)
    return dict(pos)


def truth_split(w, hide_years: int = 2, max_authors: int = 25) -> Split:
    """Split a corpus World (true identities) at T = last year − hide_years."""
    import networkx as nx

    T = Y1 - hide_years
    G = nx.Graph()
    ctx = Context()
    hidden = set()
    for pap in w.papers:
        ids = [a.id for a in pap.authors]
        if pap.year <= T:
            G.add_nodes_from(ids)
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if not G.has_edge(a, b) or G[a][b]["year"] < pap.year:
                        G.add_edge(a, b, year=pap.year)  # the latest joint year, as kg.suggest.suggest sets it
            for a in ids:
                if pap.venue:
                    ctx.venues[a].add(pap.venue)
                ctx.topics[a] |= topic_words(pap.title)
        elif len(ids) <= max_authors:
            hidden.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    from corpus import ORG_BY_ID

    for p in w.people:
        ctx.names[p.id] = p.name
        for d in p.edu:
            if d["start"][0] <= T:
                ctx.orgs[p.id].add(ORG_BY_ID[d["org"]].name)
                if d["advisor"] or d["advisor_name"]:
                    ctx.advisors[p.id].add(w.person(d["advisor"]).name if d["advisor"] else d["advisor_name"])
        for j in p.jobs:
            if j["start"][0] <= T:
                ctx.orgs[p.id].add(ORG_BY_ID[j["org"]].name)
    return Split(G, ctx, _positives(G, hidden), T, f"truth ({len(w.people)} people, seed {w.seed})")


# ============================================================================ methods
class Method:
    """top(u, k) → best-first list of candidates; scores(u, cands) → one number per candidate."""

    name = "?"

    def top(self, u, k):
        raise NotImplementedError

    def scores(self, u, cands):
        raise NotImplementedError


class Rank(Method):
    name = "rank"

    def __init__(self, sp: Split):
        self.sp = sp

    def top(self, u, k):
        return [c for c, _, _ in rank(self.sp.G, u, self.sp.ctx, top=k)]

    def scores(self, u, cands):
        got = {c: s for c, s, _ in rank(self.sp.G, u, self.sp.ctx, top=len(cands), candidates=cands)}
        return [got.get(c, 0.0) for c in cands]


class CN(Method):
    name = "CN"

    def __init__(self, sp: Split):
        self.G = sp.G

    def top(self, u, k):
        return common_neighbours(self.G, u, top=k)

    def scores(self, u, cands):
        nu = set(self.G[u])
        return [len(nu & set(self.G[c])) if c in self.G else 0 for c in cands]


class Random(Method):
    name = "random"

    def __init__(self, sp: Split, seed: int):
        self.sp, self.rng = sp, random.Random(seed * 7919 + 1)

    def top(self, u, k):
        nbrs = set(self.sp.G[u]) | {u}
        pool = self.sp.pool()
        out = set()
        while len(out) < min(k, len(pool) - len(nbrs & set(pool))):
            c = pool[self.rng.randrange(len(pool))]
            if c not in nbrs:
                out.add(c)
        return sorted(out)

    def scores(self, u, cands):
        return [self.rng.random() for _ in cands]


class Oracle(Method):
    """Knows the answers: checks the metric code (AUC must be 1.0)."""

    name = "oracle"

    def __init__(self, sp: Split):
        self.pos = sp.positives

    def top(self, u, k):
        return sorted(self.pos.get(u, ()))[:k]

    def scores(self, u, cands):
        return [1.0 if c in self.pos.get(u, ()) else 0.0 for c in cands]


def auc(pos_scores, neg_scores) -> float:
    """P(positive > negative), ties 0.5.

    >>> auc([3, 1], [1, 0])
    0.875
    """
    if not pos_scores or not neg_scores:
        return float("nan")
    win = sum((p > n) + 0.5 * (p == n) for p in pos_scores for n in neg_scores)
    return win / (len(pos_scores) * len(neg_scores))


def evaluate(sp: Split, methods, sample: int = 500, seed: int = 7, negatives: int = 100, k: int = K) -> dict:
    """{method name: {"p": mean P@k, "r": mean R@k, "auc": mean AUC, "time": s per query, "n": people}}."""
    rng = random.Random(seed)
    people = sorted(sp.positives)
    if len(people) > sample:
        people = sorted(rng.sample(people, sample))
    pool = sp.pool()
    negs = {}
    for u in people:
        bad = set(sp.G[u]) | {u} | sp.positives[u]
        cand = []
        for _ in range(negatives * 20):
            if len(cand) >= negatives:
                break
            c = pool[rng.randrange(len(pool))]
            if c not in bad:
                cand.append(c)
                bad.add(c)
        negs[u] = cand
    out = {}
    for m in methods:
        ps, rs, aucs, dt = [], [], [], 0.0
        for u in people:
            pos = sp.positives[u]
            t0 = time.perf_counter()
            top = m.top(u, k)[:k]
            dt += time.perf_counter() - t0
            hits = sum(1 for c in top if c in pos)
            ps.append(hits / k)
            rs.append(hits / len(pos))
            pl = sorted(pos)
            sc = m.scores(u, pl + negs[u])
            a = auc(sc[:len(pl)], sc[len(pl):])
            if a == a:
                aucs.append(a)
        n = len(people)
        out[m.name] = {"p": sum(ps) / n if n else 0.0, "r": sum(rs) / n if n else 0.0,
                       "auc": sum(aucs) / len(aucs) if aucs else float("nan"), "time": dt / n if n else 0.0, "n": n}
    return out


# ============================================================================ store-level runs
KG = "https://w3id.org/pubkg/ontology#"
SCHEMA = "https://schema.org/"


def slice_store(full, out, T: int, max_authors: int = 25):
    """Copy the store at ``full`` to ``out`` without papers dated after T; kg:coAuthor re-derived.

    Returns (sliced Store, hidden co-author pairs, train co-author graph).
    """
    import networkx as nx
    import pyoxigraph as ox

    from kg.store import Store

    src = Store(full)
    rows = src.select(f"""SELECT ?paper ?d WHERE {{ ?paper a <{SCHEMA}ScholarlyArticle> .
        OPTIONAL {{ ?paper <{SCHEMA}datePublished> ?d }} }}""")
    hidden = {r["paper"] for r in rows if r.get("d") and r["d"][:4].isdigit() and int(r["d"][:4]) > T}
    authors = defaultdict(set)
    for r in src.select(f"SELECT DISTINCT ?paper ?p WHERE {{ ?paper <{SCHEMA}author> ?p . ?p a <{SCHEMA}Person> }}"):
        authors[r["paper"]].add(r["p"])
    n_authors = defaultdict(int)  # all listed authors (also group authors), for the max_authors cut
    for r in src.select(f"SELECT ?paper (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?paper <{SCHEMA}author> ?a }} GROUP BY ?paper"):
        n_authors[r["paper"]] = int(r["n"])
    co = f"<{KG}coAuthor>"
    derived = None
    by_graph = defaultdict(list)
    for q in src.quads():
        if str(q.predicate) == co:
            derived = q.graph_name
            continue
        if q.subject.value in hidden or (isinstance(q.object, ox.NamedNode) and q.object.value in hidden):
            continue
        by_graph[q.graph_name.value].append(q)
    G = nx.Graph()
    hidden_pairs = set()
    for paper, ps in authors.items():
        ps = sorted(ps)
        pairs = [(a, b) for i, a in enumerate(ps) for b in ps[i + 1:]]
        if paper in hidden:
            if n_authors[paper] <= max_authors:
                hidden_pairs.update(pairs)
        else:
            G.add_nodes_from(ps)
            G.add_edges_from(pairs)
    if derived is not None:
        pred = ox.NamedNode(KG + "coAuthor")
        for a, b in G.edges():
            for x, y in ((a, b), (b, a)):
                by_graph[derived.value].append(ox.Quad(ox.NamedNode(x), pred, ox.NamedNode(y), derived))
    src.close()
    dst = Store(out, read_only=False)
    dst.rewrite(list(by_graph.items()))
    dst.close()
    return Store(out), hidden_pairs, G


class StoreSuggest(Method):
    name = "suggest"

    def __init__(self, store):
        self.store = store

    def top(self, u, k):
        return [x["iri"] for x in suggest(self.store, u, top=k)]


def store_run(folder, work, hide_years: int = 2, sample: int = 500, seed: int = 7, max_authors: int = 25,
              label: str = ""):
    """Build a store from ``folder``, slice it at T = last dated year − hide_years, evaluate top-10 lists."""
    from kg.pipeline import build
    from kg.store import Store

    work = Path(work)
    t0 = time.perf_counter()
    build([folder], work / "full")
    t_build = time.perf_counter() - t0
    years = [int(r["d"][:4]) for r in Store(work / "full").select(
        f"SELECT ?d WHERE {{ ?p a <{SCHEMA}ScholarlyArticle> ; <{SCHEMA}datePublished> ?d }}") if r["d"][:4].isdigit()]
    T = max(years) - hide_years
    st, hidden_pairs, G = slice_store(work / "full", work / "sliced", T, max_authors)
    sp = Split(G, Context(), _positives(G, hidden_pairs), T, label)
    methods = [StoreSuggest(st), CN(sp), Random(sp, seed)]
    res = _top_only(sp, methods, sample, seed)
    st.close()
    return sp, res, t_build


def _top_only(sp: Split, methods, sample, seed, k: int = K) -> dict:
    rng = random.Random(seed)
    people = sorted(sp.positives)
    if len(people) > sample:
        people = sorted(rng.sample(people, sample))
    out = {}
    for m in methods:
        ps, rs, dt = [], [], 0.0
        for u in people:
            t0 = time.perf_counter()
            top = m.top(u, k)[:k]
            dt += time.perf_counter() - t0
            hits = sum(1 for c in top if c in sp.positives[u])
            ps.append(hits / k)
            rs.append(hits / len(sp.positives[u]))
        n = len(people)
        out[m.name] = {"p": sum(ps) / n if n else 0.0, "r": sum(rs) / n if n else 0.0, "auc": float("nan"),
                       "time": dt / n if n else 0.0, "n": n}
    return out


# ============================================================================ report
def table(title: str, sp: Split, res: dict, extra: str = "") -> str:
    npos = sum(len(v) for v in sp.positives.values()) // 2
    n = next(iter(res.values()))["n"] if res else 0
    lines = [f"== {title}: train ≤ {sp.T}, {sp.G.number_of_nodes():,} people / {sp.G.number_of_edges():,} "
             f"co-author pairs in train, {npos:,} new pairs after {sp.T}, {n} people evaluated{extra}",
             f"{'method':<10}{'P@10':>8}{'R@10':>8}{'AUC':>8}{'ms/query':>10}"]
    for name, m in res.items():
        a = "    –" if m["auc"] != m["auc"] else f"{m['auc']:.3f}"
        lines.append(f"{name:<10}{m['p']:>8.3f}{m['r']:>8.3f}{a:>8}{m['time'] * 1000:>10.2f}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--hide-years", type=int, default=2)
    ap.add_argument("--sample", type=int, default=500, help="evaluated people (seeded sample)")
    ap.add_argument("--negatives", type=int, default=100, help="sampled negatives per person for AUC")
    ap.add_argument("--max-authors", type=int, default=25, help="hidden papers with more authors give no positives")
    ap.add_argument("--store-people", type=int, default=300, help="people in the end-to-end pipeline run (0: skip)")
    ap.add_argument("--no-examples", action="store_true", help="skip the run on examples/")
    a = ap.parse_args(argv)
    t_all = time.perf_counter()
    t0 = time.perf_counter()
    w = world(a.people, a.seed)
    sp = truth_split(w, a.hide_years, a.max_authors)
    t_split = time.perf_counter() - t0
    res = evaluate(sp, [Rank(sp), CN(sp), Random(sp, a.seed)], a.sample, a.seed, a.negatives)
    print(table(f"truth, {a.people} people, seed {a.seed}", sp, res, f" (world + split {t_split:.1f}s)"))
    if a.store_people:
        with tempfile.TemporaryDirectory(prefix="pubkg-suggest-") as tmp:
            generate(Path(tmp) / "corpus", a.store_people, a.seed)
            sp2, res2, tb = store_run(Path(tmp) / "corpus" / "cvs", Path(tmp), a.hide_years, a.sample, a.seed,
                                    a.max_authors)
            print()
            print(table(f"pipeline, {a.store_people} people, seed {a.seed}", sp2, res2, f" (build {tb:.1f}s)"))
    if not a.no_examples:
        with tempfile.TemporaryDirectory(prefix="pubkg-suggest-ex-") as tmp:
            sp3, res3, tb = store_run(ROOT / "examples", Path(tmp), a.hide_years, a.sample, a.seed, a.max_authors)
            print()
            print(table("examples/", sp3, res3, f" (build {tb:.1f}s)"))
    print(f"\ntotal {time.perf_counter() - t_all:.1f}s")


if __name__ == "__main__":
    main()
