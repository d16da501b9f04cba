"""pyoxigraph terms ↔ rdflib terms (rdflib for SHACL, small graphs and parsing)."""
from __future__ import annotations


def to_rdflib(t):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value if t.datatype else None
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return Literal(t.value, datatype=URIRef(dt) if dt else None)


def store_to_rdflib(store, graph: str | None = None):
    """The union of the store's graphs (or one graph) as an rdflib Graph."""
    from rdflib import Graph

    g = Graph()
    for q in store.quads():
        if graph and q.graph_name.value != graph:
            continue
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def store_to_dataset(store):
    """All quads as an rdflib Dataset (for isomorphism tests and exports)."""
    from rdflib import Dataset, URIRef

    ds = Dataset()
    for q in store.quads():
        ds.graph(URIRef(q.graph_name.value)).add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return ds
