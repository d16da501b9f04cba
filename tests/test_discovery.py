"""coauthors / suggest / path / explain / export / remove on a small fictional group (tests/fixtures/group)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import app
from kg.discovery import find_person
from kg.errors import AmbiguousName
from kg.pipeline import build
from kg.rdf.convert import store_to_dataset, store_to_rdflib
from kg.store import Store

GROUP = Path(__file__).parent / "fixtures" / "group"


@pytest.fixture(scope="module")
def group_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("group") / "store"
    build([GROUP], path)
    return path


def test_variants_merge_and_homonyms_stay_apart(group_store):
    st = Store(group_store)
    rows = st.select("""SELECT ?p ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }""")
    names = sorted(r["n"] for r in rows)
    # B. Chen (eva.txt) is Bo Chen: they share the co-author Eva Gruber; the two Wei Chens share nobody
    assert names == ["Ana Pereira", "Bo Chen", "Carla Diaz", "Dario Ferri", "Eva Gruber", "Fritz Haas", "Wei Chen", "Wei Chen"]
    with pytest.raises(AmbiguousName) as e:
        find_person(st, "Wei Chen")
    assert len(e.value.candidates) == 2
    # the same paper in two CVs (title case differs) is one paper with one author list
    papers = st.select("SELECT ?t WHERE { ?p a <https://schema.org/ScholarlyArticle> ; <https://schema.org/name> ?t }")
    assert len(papers) == 5


def test_suggest_ranks_with_reasons(runner, group_store):
    r = runner.invoke(app, ["suggest", "Ana Pereira", "--store", str(group_store), "--format", "json"])
    rows = json.loads(r.stdout)
    assert rows[0]["name"] == "Eva Gruber"
    reasons = " | ".join(rows[0]["reasons"])
    assert "1 shared co-author: Bo Chen" in reasons and "same advisor: Dario Ferri" in reasons
    assert "both at Universidad de Ejemplo" in reasons
    assert all(x["name"] not in ("Bo Chen", "Carla Diaz", "Dario Ferri") for x in rows)  # already co-authors
    assert [x["score"] for x in rows] == sorted((x["score"] for x in rows), reverse=True)


def test_path_with_papers_on_each_hop(runner, group_store):
    r = runner.invoke(app, ["path", "ana pereira", "FRITZ HAAS", "--store", str(group_store), "--format", "json"])
    d = json.loads(r.stdout)
    assert [p["name"] for p in d["people"]] == ["Ana Pereira", "Bo Chen", "Eva Gruber", "Fritz Haas"]
    assert [[p["title"] for p in h["papers"]] for h in d["hops"]] == [
        ["Quantum Widgets in Practice"], ["Scalable Gizmo Control"], ["Thermal Gizmos"]]


def test_no_path_is_an_answer(runner, group_store):
    r = runner.invoke(app, ["path", "Carla Diaz", "Dario Ferri", "--via", "advisor", "--store", str(group_store), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == {"people": [], "hops": []}
    r = runner.invoke(app, ["path", "Ana Pereira", "Eva Gruber", "--via", "advisor", "--store", str(group_store)])
    assert r.exit_code == 0 and "Dario Ferri" in r.stdout


def test_explain_lists_forms_lines_and_reasons(runner, group_store):
    r = runner.invoke(app, ["explain", "Bo Chen", "--store", str(group_store), "--format", "json"])
    d = json.loads(r.stdout)
    assert "B. Chen" in d["forms"]
    assert {"file": "eva.txt", "line": 8, "page": None, "stated_as": "B. Chen"} in d["mentions"]
    assert any(m["form"] == "B. Chen" and "Eva Gruber".lower() in m["reason"].lower() for m in d["merges"])


def test_overrides_win(tmp_path):
    ov = tmp_path / "ov.tsv"
    ov.write_text("# keep B. Chen apart\ndifferent\tB. Chen\tBo Chen\nsame | Carla Diaz | Fritz Haas\n")
    build([GROUP], tmp_path / "s", overrides=__import__("kg.resolve.overrides", fromlist=["Overrides"]).Overrides.load(ov))
    names = sorted(r["n"] for r in Store(tmp_path / "s").select(
        "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }"))
    assert names.count("Bo Chen") == 1 and "B. Chen" in names
    assert ("Carla Diaz" in names) != ("Fritz Haas" in names)


def test_bad_overrides_file_is_one_line(runner, tmp_path):
    ov = tmp_path / "ov.tsv"
    ov.write_text("maybe\tA\tB\n")
    r = runner.invoke(app, ["build", str(GROUP), "--store", str(tmp_path / "s"), "--overrides", str(ov)])
    assert r.exit_code == 1 and "ov.tsv:1:" in r.stderr


@pytest.mark.parametrize("fmt,parse", [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_exports_round_trip(runner, group_store, tmp_path, fmt, parse):
    out = tmp_path / f"x.{fmt}"
    r = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--store", str(group_store)])
    assert r.exit_code == 0, r.output
    back = Dataset()
    back.parse(out, format=parse)
    ours = store_to_dataset(Store(group_store))
    for g in ours.graphs():
        if len(g):
            assert isomorphic(g, back.graph(g.identifier)), g.identifier


@pytest.mark.parametrize("fmt,parse", [("ttl", "turtle"), ("nt", "nt")])
def test_graph_exports_round_trip(runner, group_store, tmp_path, fmt, parse):
    out = tmp_path / f"x.{fmt}"
    r = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--store", str(group_store)])
    assert r.exit_code == 0, r.output
    back = Graph().parse(out, format=parse)
    assert isomorphic(back, store_to_rdflib(Store(group_store)))


def test_graphml_gexf_and_csv(runner, group_store, tmp_path):
    import csv

    import networkx as nx

    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        runner.invoke(app, ["export", "-f", fmt, "-o", str(out), "--store", str(group_store)])
        G = reader(out)
        kinds = {d["kind"] for _, d in G.nodes(data=True)}
        assert {"person", "paper", "venue", "org"} <= kinds
        assert sum(1 for _, d in G.nodes(data=True) if d["kind"] == "person") == 8
    runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "csv"), "--store", str(group_store)])
    nodes = list(csv.DictReader(open(tmp_path / "csv" / "nodes.csv", encoding="utf-8")))
    edges = list(csv.DictReader(open(tmp_path / "csv" / "edges.csv", encoding="utf-8")))
    ids = {n["id:ID"] for n in nodes}
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
    assert {e[":TYPE"] for e in edges} >= {"AUTHOR", "PUBLISHEDIN", "AFFILIATION"}


def test_remove_drops_one_source_and_rederives(runner, tmp_path):
    build([GROUP], tmp_path / "s")
    r = runner.invoke(app, ["remove", "eva.txt", "--store", str(tmp_path / "s")])
    assert r.exit_code == 0, r.output
    st = Store(tmp_path / "s")
    assert sorted(st.sources()) == ["ana.txt", "bo.md"]
    names = {x["n"] for x in st.select("SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }")}
    assert "Fritz Haas" not in names and "Eva Gruber" in names  # Eva is still Bo's co-author
    assert not st.select("SELECT ?g WHERE { GRAPH ?g { ?s <https://w3id.org/pubkg/ontology#fileName> 'eva.txt' } }")
