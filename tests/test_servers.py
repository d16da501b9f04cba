"""Round trips through real SPARQL servers started on 127.0.0.1, and `kg serve`."""
from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest

from kg.cli import app
from kg.store import Store
from servers import ISQL, OXIGRAPH, VIRTUOSO, Oxigraph, Virtuoso

XSD = "http://www.w3.org/2001/XMLSchema#"
Q_ALL = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/pubkg/')) }"


def canon(term: dict):
    """Canonical form of a SPARQL JSON term: servers differ in literal lexical forms."""
    t, v = term["type"], term["value"]
    if t == "uri":
        return ("uri", v)
    dt = term.get("datatype", "")
    if dt == XSD + "string":
        dt = ""
    if dt == XSD + "boolean":
        v = "true" if v in ("true", "1") else "false"
    elif dt in (XSD + "integer", XSD + "decimal"):  # Virtuoso returns 1.0 as "1"^^xsd:integer
        v, dt = str(Decimal(v).normalize()), "numeric"
    return ("lit", v, dt, term.get("xml:lang", ""))


def local_quads(store) -> set:
    from kg.query import run_query

    res = run_query(Q_ALL, store=Store(store))
    return {tuple(canon(b[k]) for k in ("s", "p", "o", "g")) for b in res.bindings}


def remote_quads(url: str) -> set:
    from kg.remote import query_endpoint

    res = query_endpoint(url, Q_ALL)
    return {tuple(canon(b[k]) for k in ("s", "p", "o", "g")) for b in res.bindings}


@pytest.mark.skipif(not OXIGRAPH.exists(), reason="oxigraph server (pip package 'oxigraph') not installed")
def test_oxigraph_server_round_trip(runner, seed_store, tmp_path):
    srv = Oxigraph(tmp_path)
    try:
        for _ in range(2):  # pushing twice replaces, never duplicates
            r = runner.invoke(app, ["push", "--endpoint", srv.base + "/store", "--store", str(seed_store)])
            assert r.exit_code == 0, r.output
        assert remote_quads(srv.base + "/query") == local_quads(seed_store)
        r = runner.invoke(app, ["query", "--endpoint", srv.base + "/query", "--format", "csv",
                                "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a <https://schema.org/Person> } }"])
        assert r.stdout.splitlines() == ["n", "37"]
    finally:
        srv.stop()


@pytest.mark.skipif(not (VIRTUOSO and ISQL), reason="Virtuoso (Debian virtuoso-opensource) not installed")
@pytest.mark.parametrize("protocol", ["update", "gsp"])
def test_virtuoso_round_trip(runner, seed_store, tmp_path, protocol):
    srv = Virtuoso(tmp_path)
    try:
        if protocol == "update":
            args = ["--endpoint", srv.base + "/sparql", "--protocol", "update"]
        else:
            args = ["--endpoint", srv.base + "/sparql-graph-crud-auth", "--user", "dba", "--password", "dba"]
        r = runner.invoke(app, ["push", *args, "--store", str(seed_store)])
        assert r.exit_code == 0, r.output
        assert remote_quads(srv.base + "/sparql") == local_quads(seed_store)
    finally:
        srv.stop()


def test_push_to_nothing_is_one_line_error(runner, seed_store):
    r = runner.invoke(app, ["push", "--endpoint", "http://127.0.0.1:9/store", "--store", str(seed_store)])
    assert r.exit_code == 1 and r.stderr.startswith("kg: push to") and "cannot reach" in r.stderr


def test_kg_serve_answers_sparql_and_refuses_updates(seed_store):
    from kg.serve import make_server

    httpd = make_server(seed_store, "127.0.0.1", 0)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/ScholarlyArticle> }")
        d = json.loads(urllib.request.urlopen(f"{base}/query?query={q}").read())
        assert d["results"]["bindings"][0]["n"]["value"] == "17"
        page = urllib.request.urlopen(base + "/").read().decode()
        assert "<textarea" in page and "http" not in page.split("<script>")[1].split("</script>")[0].replace("'query'", "")
        req = urllib.request.Request(base + "/query", data=urllib.parse.urlencode({"update": "DROP ALL"}).encode())
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(req)
        assert e.value.code == 403
        assert len(Store(seed_store)) > 1000
    finally:
        httpd.shutdown()
