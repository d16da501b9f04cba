"""Scale: build time, peak memory, triples and query latencies at 1k and 10k synthetic CVs.

For each size N the synthetic corpus (``benchmarks/corpus.py``, seeded) is written to a
temporary folder and built with the real command line (``kg build``, a subprocess, so its
peak RSS is measured on its own). Then, on the open store, through the library:

  * ``coauthors``  — :func:`kg.discovery.coauthors` for the most prolific person (median of 20);
  * ``2-hop``      — SPARQL: people two co-authorship hops away from that person;
  * ``aggregate``  — SPARQL: papers per venue, all venues;

and one-CV rebuilds: one CV gets a new paper with new co-authors and ``kg build`` runs again on the
folder (the incremental path); five times, a CV gets a new paper with co-authors it already has (the
common edit: it reaches every form those co-authors are written as, in every CV); the same with
``--full`` (the whole corpus resolved again: the baseline of the same run), and one CV deleted.
The rdflib baseline loads the same dataset (N-Quads exported by ``kg export``) into an
in-memory ``rdflib.Dataset`` and runs the same queries, on the first size only (when it has at
most 2,000 CVs). The package's
bytecode is written first (as ``make install`` does), so the commands do not compile it each time.

    .venv/bin/python benchmarks/scale.py                 # 1k and 10k (about 15 min)
    .venv/bin/python benchmarks/scale.py --sizes 300     # quick look
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))
BASELINE_MAX = 2000  # the rdflib baseline parses the whole dataset into memory (11 M quads, a 2.6 GB dump, at 10k)
PFX = """PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/pubkg/ontology#>
"""
TOP = PFX + """SELECT ?p (COUNT(DISTINCT ?paper) AS ?n) WHERE { ?paper schema:author ?p . ?p a schema:Person }
GROUP BY ?p ORDER BY DESC(?n) LIMIT 1"""
TWO_HOP = PFX + """SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ <{me}> kg:coAuthor ?b . ?b kg:coAuthor ?c .
FILTER(?c != <{me}>) }}"""
AGG = PFX + """SELECT ?v (COUNT(DISTINCT ?paper) AS ?n) WHERE { ?paper kg:publishedIn ?v } GROUP BY ?v ORDER BY DESC(?n)"""


def run(cmd: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB of the process and its children, stderr tail)"""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = p.communicate()
    dt = time.perf_counter() - t0
    ru = __import__("resource").getrusage(__import__("resource").RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}): {err.strip()[-500:]}")
    return dt, ru.ru_maxrss / 1024, (out + err).strip().splitlines()[0] if (out + err).strip() else ""


def timed(fn, repeat: int = 20) -> float:
    """Median wall time in ms."""
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ts)


def peak_of_build(cmd) -> tuple[float, float, str]:
    """Run a build in a fresh interpreter that reports its own and its workers' peak RSS."""
    code = ("import resource, subprocess, sys, time\n"
            "t=time.perf_counter(); p=subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "dt=time.perf_counter()-t\n"
            "r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024\n"
            "print(p.returncode, dt, r); print(p.stderr.strip().replace('\\n',' | ')[-400:]); print(p.stdout.strip().splitlines()[0] if p.stdout.strip() else '')\n")
    p = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True)
    lines = p.stdout.splitlines()
    rc, dt, rss = lines[0].split()
    if rc != "0":
        raise SystemExit(f"{' '.join(cmd)} failed: {lines[1] if len(lines) > 1 else p.stderr}")
    return float(dt), float(rss), lines[2] if len(lines) > 2 else ""


def store_queries(store_path: Path) -> dict:
    from kg.discovery import coauthors
    from kg.store import Store

    st = Store(store_path)
    me = st.select(TOP)[0]["p"]
    res = {"coauthors_ms": timed(lambda: coauthors(st, me)),
           "two_hop_ms": timed(lambda: st.select(TWO_HOP.format(me=me))),
           "aggregate_ms": timed(lambda: st.select(AGG), repeat=5),
           "coauthors_n": len(coauthors(st, me)),
           "two_hop_n": int(st.select(TWO_HOP.format(me=me))[0]["n"]),
           "triples": len(st), "me": me}
    st.close()
    return res


def rdflib_baseline(store_path: Path, tmp: Path, me: str) -> dict:
    import rdflib

    nq = tmp / "dump.nq"
    subprocess.run([KG, "export", "--store", str(store_path), "--format", "nq", "--out", str(nq)], check=True,
                   capture_output=True)
    t0 = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(nq), format="nquads")
    load = time.perf_counter() - t0
    q2 = TWO_HOP.format(me=me)
    q1 = PFX + f"""SELECT ?co ?name ?paper ?d ?vname WHERE {{
        ?paper schema:author <{me}>, ?co . FILTER(?co != <{me}>)
        ?co a schema:Person ; schema:name ?name .
        OPTIONAL {{ ?paper schema:datePublished ?d }}
        OPTIONAL {{ ?paper kg:publishedIn ?v . ?v schema:name ?vname }} }}"""
    return {"load_s": load, "triples": len(ds),
            "coauthors_ms": timed(lambda: list(ds.query(q1)), repeat=3),
            "two_hop_ms": timed(lambda: list(ds.query(q2)), repeat=3),
            "aggregate_ms": timed(lambda: list(ds.query(AGG)), repeat=1)}


ONE_LINE = ("apa", "ieee", "oneline")  # corpus layouts that write a publication on one line
KNOWN_EDITS = 5


def add_with_known_coauthors(corpus_dir: Path, k: int) -> Path:
    """The common edit: a CV gets a new paper with co-authors it already has. The k-th Markdown CV (in a
    fixed shuffle) with a one-line publication list gets a copy of its first entry under a new title."""
    import json
    import random

    with open(corpus_dir / "truth" / "cvs.jsonl", encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["format"] == "md" and r["layout"] in ONE_LINE
                and len(r["publications"]) >= 2 and len(r["publications"][0]["authors"]) >= 3]
    random.Random(k).shuffle(rows)
    for r in rows:
        path = corpus_dir / r["file"]
        lines = path.read_text(encoding="utf-8").split("\n")
        first = r["publications"][0]
        i = first["line"] - 1
        if first["title"] in lines[i]:
            lines.insert(i, lines[i].replace(first["title"], f"{first['title'].rstrip('.')}, revisited ({k})"))
            path.write_text("\n".join(lines), encoding="utf-8")
            return path
    raise SystemExit("no CV with a one-line publication list to edit")


def touch_one_cv(cvs: Path, title: str = "A freshly added paper on scale") -> Path:
    """Add a new paper to the first Markdown/text CV that has a publication list."""
    for p in sorted(cvs.rglob("*.md")) + sorted(cvs.rglob("*.txt")):
        text = p.read_text(encoding="utf-8")
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.strip().lower().lstrip("#").strip() in ("publications", "selected publications", "papers",
                                                             "journal articles", "conference papers"):
                lines.insert(i + 1, f"\n1. Ada Example, B. Sample. {title}. Journal of Tests, 2026.\n")
                p.write_text("\n".join(lines) + "\n", encoding="utf-8")
                return p
    raise SystemExit("no CV with a publication heading to touch")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of people (≈ CVs)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="keep corpora and stores under this folder")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    # the commands run from the package's bytecode, as after a regular install (``make install`` writes it;
    # an editable install with PYTHONDONTWRITEBYTECODE set would compile the package on every command)
    import compileall

    compileall.compile_dir(str(ROOT / "kg"), quiet=1)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="pubkg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in sizes:
            d = work / f"n{n}"
            shutil.rmtree(d, ignore_errors=True)
            stats = generate(d, n, a.seed)
            store = d / "store"
            t_build, rss, line = peak_of_build([KG, "build", str(d / "cvs"), "--store", str(store), "--quiet"])
            q = store_queries(store)
            cmd = [KG, "build", str(d / "cvs"), "--store", str(store), "--quiet"]
            touched = touch_one_cv(d / "cvs")
            t_re, _, line_re = peak_of_build(cmd)
            assert "incremental" in line_re, line_re
            known, known_rss = [], 0.0
            for k in range(KNOWN_EDITS):
                add_with_known_coauthors(d, k)
                t_k, rss_k, line_k = peak_of_build(cmd)
                assert "incremental" in line_k, line_k
                known.append(t_k)
                known_rss = max(known_rss, rss_k)
            known_median = statistics.median(known)
            touch_one_cv(d / "cvs", "A second added paper, built the slow way")
            t_full, _, line_full = peak_of_build(cmd + ["--full"])
            gone = sorted((d / "cvs").glob("*.md"))[1]
            gone.unlink()
            t_del, _, line_del = peak_of_build(cmd)
            row = {"n": n, "cvs": stats["cvs"], "mentions": stats["mentions"], "build_s": t_build, "rss_mb": rss,
                   "rebuild_one_s": t_re, "rebuild_known_s": known_median, "rebuild_known_max_s": max(known),
                   "rebuild_known_rss_mb": known_rss, "rebuild_full_s": t_full, "rebuild_del_s": t_del, "touched": touched.name, **q}
            rows.append(row)
            print(f"N={n:,}: {stats['cvs']:,} CVs, {stats['mentions']:,} author mentions → {q['triples']:,} triples; "
                  f"build {t_build:.1f}s, peak RSS {rss:,.0f} MB; one changed CV rebuilt in {t_re:.2f}s "
                  f"(new co-authors; known co-authors: median {known_median:.2f}s, max {max(known):.2f}s "
                  f"of {KNOWN_EDITS}, peak RSS {known_rss:,.0f} MB) "
                  f"({t_full:.1f}s resolving everything), one deleted in {t_del:.2f}s; "
                  f"coauthors {q['coauthors_ms']:.1f} ms ({q['coauthors_n']} co-authors), "
                  f"2-hop {q['two_hop_ms']:.1f} ms ({q['two_hop_n']} people), aggregate {q['aggregate_ms']:.1f} ms",
                  flush=True)
            if n == sizes[0] and n <= BASELINE_MAX:
                row["rdflib"] = rdflib_baseline(store, d, q["me"])
            elif n == sizes[0]:
                print(f"(no rdflib baseline for {n:,} CVs: it parses the whole dataset into memory, so it runs "
                      f"only on a first size of at most {BASELINE_MAX:,})", flush=True)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    head = f"rdflib ({rows[0]['n']:,})" if "rdflib" in rows[0] else ""
    print(f"{'':32}" + "".join(f"{r['n']:>14,}" for r in rows) + f"{head:>18}")
    base = rows[0].get("rdflib", {})
    for label, key, fmt in [("CVs", "cvs", "{:,}"), ("author mentions", "mentions", "{:,}"),
                            ("triples", "triples", "{:,}"), ("build (s)", "build_s", "{:.1f}"),
                            ("peak RSS (MB)", "rss_mb", "{:,.0f}"), ("rebuild one CV (s)", "rebuild_one_s", "{:.2f}"),
                            ("  known co-authors, median (s)", "rebuild_known_s", "{:.2f}"),
                            ("  known co-authors, max (s)", "rebuild_known_max_s", "{:.2f}"),
                            ("  known co-authors, RSS (MB)", "rebuild_known_rss_mb", "{:,.0f}"),
                            ("  same, --full (s)", "rebuild_full_s", "{:.1f}"), ("one CV deleted (s)", "rebuild_del_s", "{:.2f}"),
                            ("coauthors (ms)", "coauthors_ms", "{:.1f}"), ("2-hop query (ms)", "two_hop_ms", "{:.1f}"),
                            ("aggregate (ms)", "aggregate_ms", "{:.1f}")]:
        b = {"build_s": base.get("load_s"), "triples": base.get("triples"), "coauthors_ms": base.get("coauthors_ms"),
             "two_hop_ms": base.get("two_hop_ms"), "aggregate_ms": base.get("aggregate_ms")}.get(key)
        print(f"{label:32}" + "".join(f"{fmt.format(r[key]):>14}" for r in rows)
              + (f"{fmt.format(b):>18}" if b is not None else f"{'':>18}"))
    print("(rdflib 'build' = parsing the exported N-Quads into an in-memory Dataset, not extraction)")
    if len(rows) >= 2:
        r0, r1 = rows[0], rows[-1]
        ratio = (r1["build_s"] / r0["build_s"]) / (r1["cvs"] / r0["cvs"])
        print(f"growth: build time ×{r1['build_s'] / r0['build_s']:.1f} for ×{r1['cvs'] / r0['cvs']:.1f} CVs "
              f"= {ratio:.2f}× linear (target ≤ 1.2)")
    print("targets (10k): build ≤ 600 s, peak RSS ≤ 2,048 MB, one-CV rebuild ≤ 2 s, coauthors ≤ 50 ms")


if __name__ == "__main__":
    main()
