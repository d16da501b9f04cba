"""Exports: RDF (streamed by Oxigraph), GraphML/GEXF (Gephi), CSV tables (pandas, Neo4j).

RDF formats never go through rdflib's serializers (quadratic Turtle prefixes on
large graphs): pyoxigraph streams quads from the store to the file.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Optional

from .errors import InputError

PREFIXES = {
    "schema": "https://schema.org/",
    "kg": "https://w3id.org/pubkg/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
RDF_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG", "jsonld": "JSON_LD"}
GRAPH_FORMATS = ("graphml", "gexf", "csv")
FORMATS = tuple(RDF_FORMATS) + GRAPH_FORMATS


def export(store, fmt: str, out: Optional[str] = None, base: Optional[str] = None) -> str:
    """Write the store in ``fmt`` to ``out`` (a file; a folder for csv; stdout when None)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt in RDF_FORMATS:
        return _rdf(store, fmt, out, base)
    if fmt == "csv":
        if not out:
            raise InputError("csv export writes nodes.csv and edges.csv: give --out FOLDER")
        return _csv(store, Path(out))
    from .project import viz_graph

    G = _flat(viz_graph(store))
    import networkx as nx

    target = out or sys.stdout.buffer
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(G, target)
    return str(out or "-")


def _rdf(store, fmt: str, out, base) -> str:
    import pyoxigraph as ox

    f = getattr(ox.RdfFormat, RDF_FORMATS[fmt])
    prefixes = dict(PREFIXES)
    if base:
        prefixes["id"] = base
    if f.supports_datasets:
        quads = store.quads()
    else:  # triple formats: the union (every triple is in exactly one graph, so no duplicates)
        quads = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads())
    kw = {"prefixes": prefixes} if fmt in ("ttl", "trig") else {}
    if out:
        tmp = Path(str(out) + ".part")
        ox.serialize(quads, str(tmp), f, **kw)
        tmp.replace(out)  # atomic: a failed export never leaves half a file
        return str(out)
    ox.serialize(quads, sys.stdout.buffer, f, **kw)
    return "-"


def _flat(G):
    """GraphML/GEXF want scalar attributes."""
    import networkx as nx

    H = nx.Graph()
    for n, d in G.nodes(data=True):
        H.add_node(n, label=d.get("label", ""), kind=d.get("kind", ""), papers=int(d.get("papers", 0)),
                   facts=json.dumps(d.get("facts", []), ensure_ascii=False),
                   sources="; ".join(d.get("sources", [])))
    for a, b, d in G.edges(data=True):
        H.add_edge(a, b, kind=d.get("kind", ""), weight=int(d.get("weight", 1)))
    return H


def _csv(store, folder: Path) -> str:
    """nodes.csv (``id:ID,name,kind,papers,:LABEL``) and edges.csv (``:START_ID,:END_ID,:TYPE,weight``)."""
    from .project import viz_graph

    G = viz_graph(store)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id:ID", "name", "kind", "papers:int", ":LABEL"])
        for n, d in sorted(G.nodes(data=True)):
            w.writerow([n, d.get("label", ""), d.get("kind", ""), d.get("papers", 0), d.get("kind", "").capitalize()])
    with open(folder / "edges.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([":START_ID", ":END_ID", ":TYPE", "weight:int"])
        for a, b, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
            w.writerow([a, b, d.get("kind", "").upper(), d.get("weight", 1)])
    return str(folder)
