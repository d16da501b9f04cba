"""Why an entity looks the way it does: every form, the source lines, the merge reasons."""
from __future__ import annotations

from .discovery import PFX, find_person
from .query import sparql_iri


def explain(store, name_or_iri: str) -> dict:
    """``{"iri", "name", "types", "forms", "mentions": [{file, line, page, stated_as}], "merges": [...]}``."""
    iri = name_or_iri.strip()
    if not iri.startswith(("http://", "https://")):
        iri = find_person(store, iri)
    e = sparql_iri(iri)
    from .errors import UnknownName

    head = store.select(PFX + f"SELECT ?n ?t WHERE {{ {e} a ?t . OPTIONAL {{ {e} schema:name ?n }} }}")
    if not head:
        raise UnknownName(f"nothing in the store has the IRI {iri}")
    forms = {r["n"] for r in store.select(PFX + f"""SELECT ?n WHERE {{ {{ {e} schema:alternateName ?n }} UNION
        {{ ?a kg:author {e} ; kg:statedAs ?n }} UNION {{ ?m kg:mentionOf {e} ; kg:statedAs ?n }} }}""")}
    mentions = store.select(PFX + f"""SELECT ?f ?l ?pg ?s WHERE {{ ?m kg:mentionOf {e} ; kg:source ?src .
        ?src kg:fileName ?f . OPTIONAL {{ ?m kg:line ?l }} OPTIONAL {{ ?m kg:page ?pg }} OPTIONAL {{ ?m kg:statedAs ?s }} }}""")
    merges = store.select(PFX + f"""SELECT ?form ?why ?score WHERE {{ {e} kg:mergeDecision ?d .
        ?d kg:mergedForm ?form ; kg:mergeReason ?why ; kg:mergeScore ?score }}""")
    name = next((r["n"] for r in head if r.get("n")), iri)
    return {
        "iri": iri,
        "name": name,
        "types": sorted({r["t"] for r in head}),
        "forms": sorted(forms - {name}),
        "mentions": sorted(({"file": r["f"], "line": int(r["l"]) if r.get("l") else None,
                             "page": int(r["pg"]) if r.get("pg") else None, "stated_as": r.get("s")} for r in mentions),
                           key=lambda m: (m["file"], m["page"] or 0, m["line"] or 0, m["stated_as"] or "")),
        "merges": sorted(({"form": r["form"], "reason": r["why"], "score": float(r["score"])} for r in merges),
                         key=lambda m: (m["form"], m["reason"])),
    }
