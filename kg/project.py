"""Project the RDF dataset to networkx views (derived, never edited by hand)."""
from __future__ import annotations

from collections import defaultdict

PFX = "PREFIX schema: <https://schema.org/>\nPREFIX kg: <https://w3id.org/pubkg/ontology#>\n"


def coauthor_graph(store):
    """People as nodes (name, papers), co-authorship edges weighted by joint papers."""
    import networkx as nx

    G = nx.Graph()
    rows = store.select(PFX + """SELECT ?paper ?p ?name ?d WHERE { ?paper a schema:ScholarlyArticle ; schema:author ?p .
        ?p a schema:Person ; schema:name ?name . OPTIONAL { ?paper schema:datePublished ?d } }""")
    by_paper = defaultdict(set)
    years = {}
    for r in rows:
        G.add_node(r["p"], name=r["name"])
        by_paper[r["paper"]].add(r["p"])
        if r.get("d"):
            years[r["paper"]] = int(r["d"][:4])
    for paper, people in by_paper.items():
        for p in people:
            G.nodes[p]["papers"] = G.nodes[p].get("papers", 0) + 1
        ps = sorted(people)
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                if G.has_edge(a, b):
                    G[a][b]["weight"] += 1
                    G[a][b]["papers"].append(paper)
                else:
                    G.add_edge(a, b, weight=1, papers=[paper])
    return G


def viz_graph(store):
    """The graph the HTML page shows: people, groups, papers, venues, organizations."""
    import networkx as nx

    G = nx.Graph()
    sources = defaultdict(list)
    for r in store.select(PFX + """SELECT ?e ?f ?l ?pg WHERE { ?m kg:mentionOf ?e ; kg:source ?s .
            ?s kg:fileName ?f . OPTIONAL { ?m kg:line ?l } OPTIONAL { ?m kg:page ?pg } }"""):
        loc = r["f"] + (f":p{r['pg']}" if r.get("pg") else "") + (f":{r['l']}" if r.get("l") else "")
        if loc not in sources[r["e"]]:
            sources[r["e"]].append(loc)

    def node(iri, label, kind, facts=()):
        if iri not in G:
            G.add_node(iri, label=label, kind=kind, facts=list(facts), sources=sorted(sources.get(iri, []))[:20], papers=0)
        return G.nodes[iri]

    for r in store.select(PFX + """SELECT ?p ?name ?email ?url WHERE { ?p a schema:Person ; schema:name ?name .
            OPTIONAL { ?p schema:email ?email } OPTIONAL { ?p schema:url ?url } }"""):
        facts = [["name", r["name"]]] + ([["email", r["email"]]] if r.get("email") else []) + ([["url", r["url"]]] if r.get("url") else [])
        node(r["p"], r["name"], "person", facts)
    for r in store.select(PFX + """SELECT ?o ?name ?group WHERE { ?o a schema:Organization ; schema:name ?name .
            BIND(EXISTS { ?o a kg:GroupAuthor } AS ?group) }"""):
        node(r["o"], r["name"], "group" if r["group"] in ("true", "1") else "org", [["name", r["name"]]])
    for r in store.select(PFX + """SELECT ?v ?name ?type WHERE { ?v a kg:Venue ; schema:name ?name . OPTIONAL { ?v kg:venueType ?type } }"""):
        node(r["v"], r["name"], "venue", [["name", r["name"]], ["type", r.get("type") or ""]])
    for r in store.select(PFX + """SELECT ?paper ?title ?d ?v WHERE { ?paper a schema:ScholarlyArticle ; schema:name ?title .
            OPTIONAL { ?paper schema:datePublished ?d } OPTIONAL { ?paper kg:publishedIn ?v } }"""):
        n = node(r["paper"], r["title"], "paper", [["title", r["title"]]] + ([["year", r["d"]]] if r.get("d") else []))
        if r.get("v") and r["v"] in G:
            G.add_edge(r["paper"], r["v"], kind="publishedIn")
            n["facts"].append(["venue", G.nodes[r["v"]]["label"]])
    for r in store.select(PFX + """SELECT ?paper ?a WHERE { ?paper a schema:ScholarlyArticle ; schema:author ?a }"""):
        if r["a"] in G and r["paper"] in G:
            G.add_edge(r["a"], r["paper"], kind="author")
            G.nodes[r["a"]]["papers"] += 1
    for pred, kind in (("schema:affiliation", "affiliation"), ("kg:advisor", "advisor"), ("kg:mentor", "mentor")):
        for r in store.select(PFX + f"SELECT DISTINCT ?s ?o WHERE {{ ?s a schema:Person ; {pred} ?o }}"):
            if r["s"] in G and r["o"] in G:
                G.add_edge(r["s"], r["o"], kind=kind)
                if kind == "affiliation":
                    G.nodes[r["s"]]["facts"].append(["affiliation", G.nodes[r["o"]]["label"]])
    for r in store.select(PFX + """SELECT ?o ?parent WHERE { ?o schema:parentOrganization ?parent }"""):
        if r["o"] in G and r["parent"] in G:
            G.add_edge(r["o"], r["parent"], kind="affiliation")
    for iri in G:
        G.nodes[iri]["facts"].append(["papers", str(G.nodes[iri]["papers"])]) if G.nodes[iri]["kind"] == "person" else None
    return G
