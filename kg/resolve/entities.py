"""Resolved entities, and how each is folded from the operations sources state about it.

Every source yields, for each venue, organization, course and paper it names, small
operations ("this text names venue V", "this pub is paper P, by these mentions"). An
entity is the left fold of the operations on its IRI, in the order (phase, source key,
position in the source). A full build folds them as the sources go by; an incremental
build folds again, from the stored operations, only the entities a changed CV touches,
and gets the same entity because the fold and the order are the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

UNIVERSITY_RE = re.compile(r"universit|universidad|universidade|college|institute of technology|polytechn|politecnico|"
                           r"hochschule|école|ecole normale|\beth\b|\bepfl\b", re.I)


@dataclass
class PersonEntity:
    iri: str
    name: str
    forms: list = field(default_factory=list)  # every form as written
    email: Optional[str] = None
    telephone: Optional[str] = None
    url: Optional[str] = None
    decisions: list = field(default_factory=list)
    owner_of: set = field(default_factory=set)


@dataclass
class OrgEntity:
    iri: str
    name: str
    forms: list = field(default_factory=list)
    parent: Optional[str] = None  # IRI
    group: bool = False  # a group author ("Kimi Team")
    university: bool = False
    seen: set = field(default_factory=set, repr=False, compare=False)  # forms, for a quick membership test


@dataclass
class VenueEntity:
    iri: str
    name: str
    vtype: str
    forms: list = field(default_factory=list)
    seen: set = field(default_factory=set, repr=False, compare=False)  # forms, for a quick membership test


@dataclass
class Authorship:
    person: str  # IRI of a person or group
    rank: Optional[int]
    stated: Optional[str]
    equal: bool = False
    marks: list = field(default_factory=list)


@dataclass
class PaperEntity:
    iri: str
    title: str
    year: Optional[int] = None
    venue: Optional[str] = None  # IRI
    status: Optional[str] = None
    et_al: bool = False
    authors: list = field(default_factory=list)  # [Authorship]
    doi: Optional[str] = None
    url: Optional[str] = None
    sources: list = field(default_factory=list)  # [(source key, pub index)]


# -- operations: plain tuples (they are stored), the first item names the kind -------------
#   ("org", name, group, forms, parent IRI from the table)   an organization as written
#   ("placed", form, parent IRI)                              "Institute X, University Y": Y is X's parent
#   ("unit", name, parent IRI)                                a department inside an organization
#   ("venue", name, type, forms)
#   ("course", name)
#   ("paper", source, pub index, title, year, venue IRI, status, et al., doi, url,
#            ((author index, rank, stated, equal, marks), ...))

def _add_forms(e, forms) -> None:
    """Append the forms not seen yet, in order (a venue such as NeurIPS gets tens of thousands of operations)."""
    for f in forms:
        if f and f not in e.seen and f != e.name:
            e.seen.add(f)
            e.forms.append(f)


def step_org(orgs: dict, iri: str, op: tuple) -> None:
    e = orgs.get(iri)
    kind = op[0]
    if kind == "org":
        _, name, group, forms, parent = op
        if e is None:
            e = orgs[iri] = OrgEntity(iri, name, group=group, university=bool(UNIVERSITY_RE.search(name)), parent=parent)
        _add_forms(e, forms)
    elif kind == "placed":
        _, form, parent = op
        if e.parent is None and parent and parent != iri:
            e.parent = parent
        _add_forms(e, (form,))
    elif kind == "unit":
        if e is None:
            orgs[iri] = OrgEntity(iri, op[1], parent=op[2])
    else:
        raise ValueError(f"not an organization operation: {kind}")


def step_venue(venues: dict, iri: str, op: tuple) -> None:
    _, name, vtype, forms = op
    e = venues.get(iri)
    if e is None:
        e = venues[iri] = VenueEntity(iri, name, vtype)
    _add_forms(e, forms)


def step_paper(papers: dict, iri: str, op: tuple, person_of) -> None:
    """One CV's listing of a paper: the first makes it, later ones keep the fuller author list and fill gaps."""
    _, src, i, title, year, venue, status, et_al, doi, url, spec = op
    authors = []
    for j, rank, stated, equal, marks in spec:
        who = person_of((src, ("pub", i, j)))
        if who:
            authors.append(Authorship(who, rank, stated, equal, list(marks)))
    p = papers.get(iri)
    if p is None:
        papers[iri] = PaperEntity(iri, title, year, venue, status, et_al, authors, doi, url, [(src, i)])
        return
    p.sources.append((src, i))
    ranked_new = sum(1 for a in authors if a.rank)
    ranked_old = sum(1 for a in p.authors if a.rank)
    if (not et_al and p.et_al) or ranked_new > ranked_old:
        p.authors, p.et_al = authors, et_al
    else:
        have = {a.person for a in p.authors}
        p.authors += [a for a in authors if a.person not in have and a.rank is None]
    p.year = p.year or year
    p.venue = p.venue or venue
    p.status = p.status or status
    p.doi = p.doi or doi


def step(res, iri: str, op: tuple, person_of) -> None:
    """Apply one operation to the entity tables of a :class:`Resolution`."""
    kind = op[0]
    if kind == "paper":
        step_paper(res.papers, iri, op, person_of)
    elif kind == "venue":
        step_venue(res.venues, iri, op)
    elif kind == "course":
        res.courses.setdefault(iri, op[1])
    else:
        step_org(res.orgs, iri, op)
