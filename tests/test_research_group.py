"""Issue 5: a fictional research group whose shared co-authors must merge and whose homonyms must not.

tests/fixtures/research-group holds ten sources in six formats (a .tex CV with its .bib, .md, .txt,
a YAML CV, an academicpages site folder, and an owner-less lab .bib). expected-clusters.json says,
by hand, which name forms (per file) are one person and which look-alikes are different people.

The folder is built once; every person mention (``kg:Mention``, ``kg:statedAs``, source file) is
read back with SPARQL and checked against that truth:

* ``test_extraction_*``: each file yields exactly the expected person forms (a parser problem shows here);
* ``test_no_split``: each expected person is one node;
* ``test_no_false_merge``: no node holds a form of anyone else;
* ``test_must_stay_distinct``: the traps (two Wei Zhangs, J. Kim, Ruiz / Ruiz-Mateo, Shang / Shen);
* ``test_explain_*``: ``kg explain`` gives the forms and a reason for each merge.

Known resolver/extractor failures are listed in KNOWN_* below as strict xfails, one case each, so
every other case is a real test and a fix shows up as an XPASS to clean up.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from kg.pipeline import build
from kg.store import Store

RG = Path(__file__).parent / "fixtures" / "research-group"
TRUTH = json.loads((RG / "expected-clusters.json").read_text(encoding="utf-8"))
CLUSTERS = {c["id"]: c for c in TRUTH["clusters"]}
DISTINCT = {g["id"]: g for g in TRUTH["must_stay_distinct"]}

#: (file, form) -> cluster id, from the hand-written truth
CLUSTER_OF: dict = {}
for _c in TRUTH["clusters"]:
    for _f in _c["forms"]:
        for _file in _f["files"]:
            CLUSTER_OF.setdefault((_file, _f["form"]), []).append(_c["id"])
FILES = sorted({f for f, _ in CLUSTER_OF})

# Known failures of the code as it is now (one strict xfail each; remove the entry when it XPASSes).
KNOWN_EXTRACTION: dict = {}  # file -> reason
KNOWN_SPLITS: dict = {}  # cluster id -> reason
KNOWN_FALSE_MERGES: dict = {}  # cluster id -> reason
KNOWN_DISTINCT: dict = {}  # must_stay_distinct id -> reason
KNOWN_EXPLAIN: dict = {}  # cluster id -> reason
KNOWN_REASONS: dict = {}  # (form, file) -> reason

PFX = """PREFIX kg: <https://w3id.org/pubkg/ontology#>
PREFIX schema: <https://schema.org/>
"""


def _cases(ids, known):
    return [pytest.param(i, id=i, marks=pytest.mark.xfail(strict=True, reason=known[i])) if i in known else i for i in ids]


@pytest.fixture(scope="module")
def rg_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("research-group") / "store"
    report = build([RG], path)
    assert report.sources == 10, report.skipped
    return path


@pytest.fixture(scope="module")
def mentions(rg_store):
    """{(file, form): {person IRI}} and {person IRI: canonical name} for every person mention in the store."""
    rows = Store(rg_store).select(PFX + """
        SELECT ?file ?form ?p ?name WHERE {
          ?m a kg:Mention ; kg:mentionOf ?p ; kg:statedAs ?form ; kg:source ?src .
          ?src kg:fileName ?file .
          ?p a schema:Person .
          OPTIONAL { ?p schema:name ?name }
        }""")
    where = defaultdict(set)
    names = {}
    for r in rows:
        where[(r["file"], r["form"])].add(r["p"])
        names[r["p"]] = r.get("name") or r["p"]
    assert where, "no person mentions in the store"
    return where, names


def _node_forms(mentions, node) -> list[str]:
    where, _ = mentions
    return sorted(f"{form!r} ({file})" for (file, form), ps in where.items() if node in ps)


def _describe(mentions, nodes) -> str:
    _, names = mentions
    return "\n".join(f"  node {names.get(n, n)!r} <{n.rsplit('/', 1)[-1]}>: " + ", ".join(_node_forms(mentions, n))
                     for n in sorted(nodes))


def _nodes_of(mentions, cid) -> set:
    where, _ = mentions
    out = set()
    for f in CLUSTERS[cid]["forms"]:
        for file in f["files"]:
            out |= where.get((file, f["form"]), set())
    return out


# --------------------------------------------------------------------------------------------
# the truth file itself

def test_truth_file_is_consistent():
    twice = {k: v for k, v in CLUSTER_OF.items() if len(v) > 1}
    assert not twice, f"forms given to two clusters: {twice}"
    for g in TRUTH["must_stay_distinct"]:
        assert set(g["clusters"]) <= set(CLUSTERS), g
        assert len(g["clusters"]) >= 2, g
    on_disk = {p.name for p in RG.iterdir() if p.name != "expected-clusters.json"}
    assert {f.split("/")[0] for f in FILES} == on_disk


# --------------------------------------------------------------------------------------------
# extraction: the person forms each source yields

@pytest.mark.parametrize("file", _cases(FILES, KNOWN_EXTRACTION))
def test_extraction_yields_the_expected_forms(mentions, file):
    where, _ = mentions
    got = {form for (f, form) in where if f == file}
    want = {form for (f, form) in CLUSTER_OF if f == file}
    assert got == want, (f"{file}: person forms differ from expected-clusters.json (an extraction problem)\n"
                         f"  missing: {sorted(want - got)}\n  unexpected: {sorted(got - want)}")


# --------------------------------------------------------------------------------------------
# resolution

@pytest.mark.parametrize("cid", _cases([c for c in CLUSTERS if sum(len(f["files"]) for f in CLUSTERS[c]["forms"]) > 1],
                                       KNOWN_SPLITS))
def test_no_split(mentions, cid):
    nodes = _nodes_of(mentions, cid)
    assert nodes, f"{cid}: none of its forms was found in the store"
    assert len(nodes) == 1, f"{cid} is split over {len(nodes)} nodes:\n{_describe(mentions, nodes)}"


@pytest.mark.parametrize("cid", _cases(list(CLUSTERS), KNOWN_FALSE_MERGES))
def test_no_false_merge(mentions, cid):
    where, _ = mentions
    bad = {}
    for node in _nodes_of(mentions, cid):
        foreign = sorted(f"{form!r} ({file}) = {CLUSTER_OF.get((file, form), ['not in the truth'])[0]}"
                         for (file, form), ps in where.items()
                         if node in ps and cid not in CLUSTER_OF.get((file, form), []))
        if foreign:
            bad[node] = foreign
    assert not bad, f"{cid} shares a node with other people:\n" + "\n".join(
        f"  <{n.rsplit('/', 1)[-1]}>: " + "; ".join(v) for n, v in bad.items())


@pytest.mark.parametrize("gid", _cases(list(DISTINCT), KNOWN_DISTINCT))
def test_must_stay_distinct(mentions, gid):
    g = DISTINCT[gid]
    nodes = {cid: _nodes_of(mentions, cid) for cid in g["clusters"]}
    clashes = []
    ids = g["clusters"]
    for i, a in enumerate(ids):
        assert nodes[a], f"{a}: none of its forms was found in the store"
        for b in ids[i + 1:]:
            for n in nodes[a] & nodes[b]:
                clashes.append(f"{a} and {b} are one node:\n{_describe(mentions, {n})}")
    assert not clashes, f"{gid} ({g['why']}):\n" + "\n".join(clashes)


def test_the_two_wei_zhangs_are_ambiguous_to_lookups(rg_store):
    from kg.discovery import find_person
    from kg.errors import AmbiguousName

    with pytest.raises(AmbiguousName) as e:
        find_person(Store(rg_store), "Wei Zhang")
    assert len(e.value.candidates) == 2


# --------------------------------------------------------------------------------------------
# kg explain

def _explain_node(rg_store, mentions, cid) -> dict:
    from kg.explain import explain

    nodes = _nodes_of(mentions, cid)
    assert nodes
    # the node holding most of the cluster's mentions
    where, _ = mentions
    node = max(sorted(nodes), key=lambda n: sum(1 for ps in where.values() if n in ps))
    return explain(Store(rg_store), node)


MULTI_FORM = [c for c in CLUSTERS if len(CLUSTERS[c]["forms"]) > 1]


@pytest.mark.parametrize("cid", _cases(MULTI_FORM, KNOWN_EXPLAIN))
def test_explain_has_a_reason_for_every_merged_form(rg_store, mentions, cid):
    d = _explain_node(rg_store, mentions, cid)
    forms = {f["form"] for f in CLUSTERS[cid]["forms"]}
    explained = {m["form"] for m in d["merges"] if m["reason"].strip()}
    assert all(m["reason"].strip() and 0 < m["score"] <= 1 for m in d["merges"]), d["merges"]
    # every form but the one the cluster grew from is explained by some merge decision
    unexplained = sorted(forms - explained)
    assert len(unexplained) <= 1, f"{cid}: no merge reason for {unexplained}; merges: {d['merges']}"


def test_explain_cli_json_gives_forms_mentions_and_reasons(runner, rg_store):
    from kg.cli import app

    r = runner.invoke(app, ["explain", "Pieter van der Berg", "--store", str(rg_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert {"P. van der Berg", "van der Berg, Pieter", "VAN DER BERG Pieter", "Pieter J. van der Berg"} <= set(d["forms"])
    assert {"file": "kim-jisoo.md", "line": 13, "page": None, "stated_as": "Pieter J. van der Berg"} in d["mentions"]
    # the middle-initial form sits on the monopile paper with Jisoo Kim, Wei Zhang and Fernández-Ortega
    why = [m["reason"] for m in d["merges"] if m["form"] == "Pieter J. van der Berg"]
    assert why, d["merges"]
    assert any(w in why[0] for w in ("Fernández-Ortega", "Zhang", "Kim")), why


def test_explain_cli_table_output(rg_store):
    """The real console script, as a user runs it: `kg explain NAME --store S`."""
    exe = Path(sys.executable).with_name("kg")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "kg.cli"]
    r = subprocess.run(cmd + ["explain", "ZHAO Minghui", "--store", str(rg_store)], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "forms:" in out and "merges (" in out
    for form in ("MingHui Zhao", "M. Zhao", "Zhao, M.", "ZHAO Minghui"):
        assert f"'{form}' —" in out, f"no merge line for {form!r}:\n{out}"
    line = next(l for l in out.splitlines() if l.strip().startswith("'MingHui Zhao' —"))
    assert "co-author" in line or "same" in line, line


def test_explain_refuses_to_pick_a_wei_zhang(runner, rg_store):
    from kg.cli import app

    r = runner.invoke(app, ["explain", "Wei Zhang", "--store", str(rg_store)])
    assert r.exit_code != 0
    assert r.stderr.count("https://w3id.org/pubkg/id/person/") == 2, r.stderr


def test_explain_j_kim_stands_alone(runner, rg_store):
    from kg.cli import app

    r = runner.invoke(app, ["explain", "J. Kim", "--store", str(rg_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["forms"] == [] and d["merges"] == [], d
    assert [m["file"] for m in d["mentions"]] == ["van-der-berg.md"]


REASON_CASES = [
    ("M. Zhao", "kim-jiwon.txt", "Jisoo"),  # M. Zhao's paper is with Jiwon Kim; Jisoo Kim never wrote with Zhao
    ("Pieter J. van der Berg", "kim-jisoo.md", "Jiwon"),  # the monopile paper is with Jisoo Kim, not Jiwon
]


@pytest.mark.parametrize("form,file,wrong", [
    pytest.param(*c, id=f"{c[0]}@{c[1]}", marks=[pytest.mark.xfail(strict=True, reason=KNOWN_REASONS[c[:2]])]
                 if c[:2] in KNOWN_REASONS else []) for c in REASON_CASES])
def test_explain_names_the_real_shared_coauthor(rg_store, mentions, form, file, wrong):
    from kg.explain import explain

    where, _ = mentions
    (node,) = where[(file, form)]
    d = explain(Store(rg_store), node)
    why = [m["reason"] for m in d["merges"] if m["form"] == form]
    assert why, d["merges"]
    assert not any(wrong in w for w in why), f"the reason for {form!r} names someone who is not a shared co-author: {why}"
