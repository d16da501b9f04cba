"""How are two people connected? Shortest path over co-authorship (and optionally advising, affiliation).

>>> import networkx as nx
>>> G = nx.Graph(); G.add_edge("a", "b", via="coauthor", papers=["p1"]); G.add_edge("b", "c", via="advisor", papers=[])
>>> [h["via"] for h in shortest(G, "a", "c")["hops"]]
['coauthor', 'advisor']
>>> shortest(G, "a", "zzz")
{'people': [], 'hops': []}
"""
from __future__ import annotations

from .query import sparql_iri

PFX = "PREFIX schema: <https://schema.org/>\nPREFIX kg: <https://w3id.org/pubkg/ontology#>\n"
VIAS = ("coauthor", "advisor", "affiliation")


def shortest(G, a: str, b: str) -> dict:
    import networkx as nx

    if a not in G or b not in G:
        return {"people": [], "hops": []}
    try:
        nodes = nx.shortest_path(G, a, b)
    except nx.NetworkXNoPath:
        return {"people": [], "hops": []}
    hops = []
    for x, y in zip(nodes, nodes[1:]):
        d = G[x][y]
        hop = {"via": d["via"], "papers": list(d.get("papers", []))}
        if d.get("organization"):
            hop["organization"] = d["organization"]
        hops.append(hop)
    return {"people": list(nodes), "hops": hops}


def path(store, a: str, b: str, via=("coauthor",)) -> dict:
    """Shortest path between two person IRIs, with the papers (or positions) on each hop."""
    import networkx as nx

    bad = set(via) - set(VIAS)
    if bad:
        from .errors import InputError

        raise InputError(f"unknown --via kind(s): {', '.join(sorted(bad))} (use {', '.join(VIAS)})")
    G = nx.Graph()
    if "coauthor" in via:
        for r in store.select(PFX + "SELECT ?a ?b WHERE { ?a kg:coAuthor ?b FILTER(STR(?a) < STR(?b)) }"):
            G.add_edge(r["a"], r["b"], via="coauthor")
    if "advisor" in via:
        for r in store.select(PFX + "SELECT DISTINCT ?a ?b WHERE { { ?a kg:advisor ?b } UNION { ?a kg:mentor ?b } }"):
            if not G.has_edge(r["a"], r["b"]):
                G.add_edge(r["a"], r["b"], via="advisor")
    if "affiliation" in via:
        members = {}
        for r in store.select(PFX + "SELECT DISTINCT ?p ?o ?n WHERE { ?p schema:affiliation ?o . ?o schema:name ?n }"):
            members.setdefault((r["o"], r["n"]), []).append(r["p"])
        for (o, n), ps in members.items():
            ps = sorted(ps)
            for i, x in enumerate(ps):
                for y in ps[i + 1:]:
                    if not G.has_edge(x, y):
                        G.add_edge(x, y, via="affiliation", organization={"name": n, "iri": o})
    res = shortest(G, a, b) if a != b else {"people": [a], "hops": []}
    if not res["people"]:
        return res
    names = {}
    vals = " ".join(sparql_iri(p) for p in res["people"])
    for r in store.select(PFX + f"SELECT ?p ?n WHERE {{ VALUES ?p {{ {vals} }} ?p schema:name ?n }}"):
        names[r["p"]] = r["n"]
    for (x, y), hop in zip(zip(res["people"], res["people"][1:]), res["hops"]):
        if hop["via"] == "coauthor":
            rows = store.select(PFX + f"""SELECT DISTINCT ?paper ?t WHERE {{ ?paper schema:author {sparql_iri(x)}, {sparql_iri(y)} ;
                schema:name ?t }} ORDER BY ?t""")
            hop["papers"] = [{"title": r["t"], "iri": r["paper"]} for r in rows]
    res["people"] = [{"name": names.get(p, p), "iri": p} for p in res["people"]]
    return res
