"""Who works with whom: name lookup and co-authors (suggest and path build on these).

All SPARQL here takes names and IRIs as data (``sparql_literal``/``sparql_iri``).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from .errors import AmbiguousName, UnknownName
from .names import compatible, fold, name_key, parse_name
from .query import sparql_iri, sparql_literal

PFX = "PREFIX schema: <https://schema.org/>\nPREFIX kg: <https://w3id.org/pubkg/ontology#>\n"


def _candidates(store, text: str) -> list[tuple[str, str]]:
    """(iri, name form) pairs whose form may match text."""
    fam = fold(text).split()[-1] if text.split() else ""
    fam = fam.strip(".,")
    q = PFX + f"""SELECT ?p ?n WHERE {{ ?p a schema:Person .
        {{ ?p schema:name ?n }} UNION {{ ?p schema:alternateName ?n }}
        FILTER(CONTAINS(LCASE(STR(?n)), {sparql_literal(fam)})) }}"""
    rows = store.select(q) if fam else []
    if not rows:
        rows = store.select(PFX + """SELECT ?p ?n WHERE { ?p a schema:Person .
            { ?p schema:name ?n } UNION { ?p schema:alternateName ?n } }""")
    return [(r["p"], r["n"]) for r in rows]


def affiliation_of(store, iri: str) -> Optional[str]:
    rows = store.select(PFX + f"""SELECT ?n WHERE {{ {sparql_iri(iri)} schema:affiliation ?o . ?o schema:name ?n }}
        ORDER BY ?n LIMIT 3""")
    return "; ".join(r["n"] for r in rows) or None


def name_of(store, iri: str) -> str:
    rows = store.select(PFX + f"SELECT ?n WHERE {{ {sparql_iri(iri)} schema:name ?n }} LIMIT 1")
    return rows[0]["n"] if rows else iri


def find_person(store, text: str) -> str:
    """The IRI of the one person NAME denotes; raises UnknownName / AmbiguousName.

    Matching is like names: case, accents, spacing and joins (JingZhao), then
    initials and partial names; a bare family name matches everyone with it.
    """
    text = text.strip()
    if text.startswith(("http://", "https://")):
        rows = store.select(PFX + f"SELECT ?n WHERE {{ {sparql_iri(text)} a schema:Person ; schema:name ?n }}")
        if rows:
            return text
        raise UnknownName(f"no person with IRI {text}")
    if not text:
        raise UnknownName("an empty name matches nobody")
    cands = _candidates(store, text)
    key = name_key(text)
    exact = sorted({iri for iri, n in cands if name_key(n) == key})
    if len(exact) == 1:
        return exact[0]
    hits = exact
    if not hits:
        q = parse_name(text)
        if len(text.split()) == 1 and "," not in text:
            hits = sorted({iri for iri, n in cands if parse_name(n).family.replace(" ", "") == fold(text).replace(" ", "")
                           or fold(n) == fold(text)})
        else:
            hits = sorted({iri for iri, n in cands if compatible(text, n)})
        if len(hits) == 1 and q.given:
            return hits[0]
    if not hits:
        raise UnknownName(f"no person matches {text!r}")
    if len(hits) == 1:
        return hits[0]
    raise AmbiguousName(f"{text!r} matches {len(hits)} people; give a fuller name or an IRI:",
                        [(name_of(store, h), h, affiliation_of(store, h)) for h in hits])


def coauthors(store, iri: str) -> list[dict]:
    """Co-authors of a person: joint papers, first/last joint year, shared venues; most papers first.

    Four small queries (pairs, years, venues, names) rather than one join with OPTIONALs,
    which Oxigraph evaluates several times slower on a prolific author.
    """
    me = sparql_iri(iri)
    pairs = store.select(PFX + f"SELECT ?co ?paper WHERE {{ ?paper schema:author {me} . ?paper schema:author ?co . "
                               f"FILTER(?co != {me}) }}")
    if not pairs:
        return []
    years: dict = defaultdict(set)
    for r in store.select(PFX + f"SELECT ?paper ?d WHERE {{ ?paper schema:author {me} ; schema:datePublished ?d }}"):
        if r["d"][:4].isdigit():
            years[r["paper"]].add(int(r["d"][:4]))
    venues: dict = defaultdict(set)
    for r in store.select(PFX + f"SELECT ?paper ?v WHERE {{ ?paper schema:author {me} ; kg:publishedIn ?v }}"):
        venues[r["paper"]].add(r["v"])
    names = _names_of(store, {r["co"] for r in pairs}, "schema:Person")
    vnames = _names_of(store, {v for vs in venues.values() for v in vs})
    acc: dict[str, dict] = {}
    for r in pairs:
        if r["co"] not in names:
            continue  # a group or an organization as author
        a = acc.setdefault(r["co"], {"papers": set(), "years": set(), "venues": set()})
        a["papers"].add(r["paper"])
        a["years"] |= years.get(r["paper"], set())
        a["venues"] |= {vnames[v] for v in venues.get(r["paper"], ()) if v in vnames}
    out = [{"name": names[co], "iri": co, "papers": len(a["papers"]),
            "first_year": min(a["years"]) if a["years"] else None,
            "last_year": max(a["years"]) if a["years"] else None,
            "venues": sorted(a["venues"])} for co, a in acc.items()]
    out.sort(key=lambda x: (-x["papers"], -(x["last_year"] or 0), x["name"]))
    return out


def _names_of(store, iris: set, cls: Optional[str] = None) -> dict[str, str]:
    """{IRI: schema:name} for the given IRIs (of class `cls` only, if given); one name each."""
    if not iris:
        return {}
    typed = f"?x a {cls} . " if cls else ""
    rows = store.select(PFX + "SELECT ?x ?n WHERE { VALUES ?x { " + " ".join(sparql_iri(x) for x in sorted(iris)) +
                        f" }} {typed}?x schema:name ?n }}")
    out: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: (r["x"], r["n"])):
        out.setdefault(r["x"], r["n"])
    return out
