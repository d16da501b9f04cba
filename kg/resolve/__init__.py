"""Resolve: CV records → one entity per real person, venue, organization and paper.

The result maps every mention (source key + mention id) to an entity IRI; the
RDF builder reads it. IRIs come from :class:`kg.iri.Minter` only.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Optional

from ..iri import Minter
from ..names import display_name, fold, initial_key, name_key
from ..records import CV
from .orgs import OrgTable, org_key, split_org
from .people import Decision, Mention, PersonResolver
from .venues import VenueTable, abbreviations

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


@dataclass
class VenueEntity:
    iri: str
    name: str
    vtype: str
    forms: list = field(default_factory=list)


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


@dataclass
class Resolution:
    minter: Minter
    people: dict = field(default_factory=dict)
    orgs: dict = field(default_factory=dict)
    venues: dict = field(default_factory=dict)
    papers: dict = field(default_factory=dict)
    courses: dict = field(default_factory=dict)  # iri -> name
    person_of: dict = field(default_factory=dict)  # (source, mid) -> person/group IRI
    org_of: dict = field(default_factory=dict)  # (source, kind, i) -> (org IRI, unit IRI or None)
    venue_of: dict = field(default_factory=dict)  # (source, "pub"|"rev", i) -> venue IRI
    paper_of: dict = field(default_factory=dict)  # (source, i) -> paper IRI
    course_of: dict = field(default_factory=dict)  # (source, i) -> course IRI
    owner_of: dict = field(default_factory=dict)  # source -> person IRI
    warnings: list = field(default_factory=list)


@lru_cache(maxsize=100_000)
def title_key(title: str) -> str:
    """
    >>> title_key("Let Me Grok for You: Accelerating…") == title_key("let me grok for you accelerating")
    True
    """
    return re.sub(r"[^a-z0-9]+", "", fold(title))


class Resolver:
    def __init__(self, minter: Optional[Minter] = None, overrides=None):
        self.m = minter or Minter()
        self.venues = VenueTable.default()
        self.orgtable = OrgTable.default()
        self.overrides = overrides
        self._venue_of_key: dict = {}
        self._org_of_key: dict = {}

    # -- organizations -------------------------------------------------
    def _org(self, res: Resolution, text: str, group: bool = False) -> Optional[str]:
        if not text:
            return None
        name, key = (text.strip(), org_key(text)) if group else self._org_hit(text)
        if not key:
            return None
        iri = self.m.group(key) if group else self.m.org(key)
        e = res.orgs.get(iri)
        if e is None:
            e = res.orgs[iri] = OrgEntity(iri, name, group=group,
                                         university=bool(UNIVERSITY_RE.search(name)))
            parent = self.orgtable.parent.get(name)
            if parent:
                e.parent = self._org(res, parent)
        for f in (text.strip(), *self.orgtable.aliases.get(name, [])):
            if f and f not in e.forms and f != e.name:
                e.forms.append(f)
        return iri

    def _placed(self, res: Resolution, org_text: Optional[str], unit_text: Optional[str]):
        """(org IRI, unit IRI) for an organization and unit as written."""
        if not org_text and not unit_text:
            return None, None
        org, unit, parent = split_org(org_text or "")
        unit = unit_text or unit
        org_iri = self._org(res, org) if org else None
        if parent and org_iri:
            p = self._org(res, parent)
            if res.orgs[org_iri].parent is None and p != org_iri:
                res.orgs[org_iri].parent = p
            res.orgs[org_iri].forms.append(org_text.strip()) if org_text.strip() not in res.orgs[org_iri].forms \
                and org_text.strip() != res.orgs[org_iri].name else None
        unit_iri = None
        if unit:
            canonical, ukey = self.orgtable.lookup(unit)
            if self.orgtable.known(unit) and self.orgtable.parent.get(canonical):
                unit_iri = self._org(res, unit)  # a known institute with its own parent (IIIS)
            else:
                base = org_key(res.orgs[org_iri].name) if org_iri else "unknown"
                unit_iri = self.m.org(f"{base} {ukey}")
                if unit_iri not in res.orgs:
                    res.orgs[unit_iri] = OrgEntity(unit_iri, unit.strip(), parent=org_iri)
        return org_iri, unit_iri

    # -- the whole corpus ---------------------------------------------------
    def resolve(self, cvs: list[CV]) -> Resolution:
        res = Resolution(self.m)
        cvs = sorted(cvs, key=lambda c: c.source.key)
        self._abbreviated_venues(cvs)
        self._abbreviated_orgs(cvs)
        pr = PersonResolver(self.overrides)
        group_mentions = {}
        for cv in cvs:
            src = cv.source.key
            if cv.person.name:
                pr.set_owner(src, cv.person.name)
                pr.add(Mention(src, ("owner",), cv.person.name, owner=True, line=cv.person.line))
                for alt in cv.person.alternate_names:
                    pr.add(Mention(src, ("owner-alt", alt), alt, owner=True, line=cv.person.line))
            home = frozenset(("org", self._org_key(o)) for o in
                             [e.organization for e in cv.education] + [j.organization for j in cv.employment] if o)
            for i, pub in enumerate(cv.publications):
                keys = frozenset(initial_key(a.name) for a in pub.authors if not a.is_group)
                context = home | ({("venue", self._venue_key(pub.venue))} if pub.venue else set())
                tk = title_key(pub.title) or None
                for a in pub.authors:
                    k = initial_key(a.name)
                    pr.key_names.setdefault(k, a.name)
                    pr.key_names.setdefault((src, k), a.name)
                for j, a in enumerate(pub.authors):
                    if a.is_group:
                        group_mentions[(src, ("pub", i, j))] = a.name
                        continue
                    if a.is_owner and cv.person.name:
                        owner = True
                    else:
                        owner = False
                    pr.add(Mention(src, ("pub", i, j), a.name, owner=owner, coauthors=keys,
                                   line=pub.line, page=pub.page, context=context, paper=tk))
            for kind, items, names in (("edu", cv.education, "advisors"), ("job", cv.employment, "hosts"),
                                       ("teach", cv.teaching, "instructors")):
                for i, item in enumerate(items):
                    for k, n in enumerate(getattr(item, names)):
                        pr.add(Mention(src, (kind, i, k), n, line=item.line, page=item.page, context=home))
        clusters = pr.resolve()
        res.warnings.extend(pr.warnings)
        taken: dict[str, int] = {}
        for c in clusters:
            name = c.canonical()
            key = name_key(name)
            n = taken.get(key, 0)
            taken[key] = n + 1
            iri = self.m.person(key, n + 1 if n else 0)
            forms = []
            for mnt in c.mentions:
                if mnt.name not in forms and mnt.name != name:
                    forms.append(mnt.name)
                res.person_of[(mnt.source, mnt.mid)] = iri
            e = PersonEntity(iri, name, forms, decisions=c.decisions, owner_of=set(c.owner_of))
            res.people[iri] = e
            for src in c.owner_of:
                res.owner_of[src] = iri
        for (src, mid), gname in group_mentions.items():
            res.person_of[(src, mid)] = self._org(res, gname, group=True)
        for cv in cvs:
            src = cv.source.key
            owner = res.owner_of.get(src)
            if owner:
                e = res.people[owner]
                e.email = e.email or cv.person.email
                e.telephone = e.telephone or cv.person.telephone
                e.url = e.url or cv.person.url
            self._papers(res, cv)
            for i, ed in enumerate(cv.education):
                res.org_of[(src, "edu", i)] = self._placed(res, ed.organization, ed.unit)
            for i, job in enumerate(cv.employment):
                res.org_of[(src, "job", i)] = self._placed(res, job.organization, job.unit)
            for i, t in enumerate(cv.teaching):
                org = self._org(res, t.organization) if t.organization else None
                res.org_of[(src, "teach", i)] = (org, None)
                ckey = f"{org_key(res.orgs[org].name) if org else ''} {fold(t.course)}"
                ciri = self.m.course(ckey)
                res.courses.setdefault(ciri, t.course)
                res.course_of[(src, i)] = ciri
            for i, r in enumerate(cv.reviewing):
                res.venue_of[(src, "rev", i)] = self._venue(res, r.venue)
        return res

    def _abbreviated_venues(self, cvs: list[CV]) -> None:
        """Venues the corpus writes both abbreviated and in full ('Nat. Biotechnol.' / 'Nature
        Biotechnology', 'JHEP' / 'Journal of High Energy Physics') become one venue."""
        texts = (t for cv in cvs for t in [p.venue for p in cv.publications] + [r.venue for r in cv.reviewing] if t)
        self._venue_of_key = _full_forms(map(self.venues.lookup, texts), lambda name: self.venues.names.get(name, []))

    def _abbreviated_orgs(self, cvs: list[CV]) -> None:
        """Organizations the corpus writes both abbreviated and in full ('UPC' / 'Universitat Politècnica
        de Catalunya', 'Peking Univ' / 'Peking University') become one organization."""
        orgs = (split_org(t)[0] for cv in cvs for t in [e.organization for e in cv.education] +
                [j.organization for j in cv.employment] if t)
        self._org_of_key = _full_forms(map(self.orgtable.lookup, filter(None, orgs)),
                                       lambda name: self.orgtable.aliases.get(name, []))

    def _org_hit(self, text: str) -> tuple[str, str]:
        """(name, key) of an organization as written, the full form for an abbreviation."""
        hit = self.orgtable.lookup(text)
        return self._org_of_key.get(hit[1], hit)

    def _org_key(self, text: str) -> str:
        return self._org_hit(text)[1]

    def _venue_hit(self, text: str) -> tuple[str, str, str]:
        """(name, type, key) of a venue as written, the full form for an abbreviation."""
        hit = self.venues.lookup(text)
        return self._venue_of_key.get(hit[2], hit)

    def _venue_key(self, text: str) -> str:
        return self._venue_hit(text)[2]

    def _venue(self, res: Resolution, text: str) -> str:
        name, vtype, key = self._venue_hit(text)
        iri = self.m.venue(key)
        e = res.venues.setdefault(iri, VenueEntity(iri, name, vtype))
        for f in [text.strip(), *self.venues.names.get(name, [])]:
            if f and f != e.name and f not in e.forms:
                e.forms.append(f)
        return iri

    def _papers(self, res: Resolution, cv: CV) -> None:
        src = cv.source.key
        for i, pub in enumerate(cv.publications):
            tk = title_key(pub.title)
            if not tk:
                continue
            iri = self.m.paper(tk)
            res.paper_of[(src, i)] = iri
            venue = self._venue(res, pub.venue) if pub.venue else None
            if venue:
                res.venue_of[(src, "pub", i)] = venue
            authors = [Authorship(res.person_of[(src, ("pub", i, j))], a.rank, a.name if a.rank else None,
                                  a.equal_contribution, list(a.marks))
                       for j, a in enumerate(pub.authors) if (src, ("pub", i, j)) in res.person_of]
            p = res.papers.get(iri)
            if p is None:
                res.papers[iri] = PaperEntity(iri, pub.title, pub.year, venue, pub.status, pub.et_al, authors,
                                              pub.doi, pub.url, [(src, i)])
                continue
            # the same paper in another CV: keep the fuller author list, fill the gaps
            p.sources.append((src, i))
            ranked_new = sum(1 for a in authors if a.rank)
            ranked_old = sum(1 for a in p.authors if a.rank)
            if (not pub.et_al and p.et_al) or ranked_new > ranked_old:
                p.authors, p.et_al = authors, pub.et_al
            else:
                have = {a.person for a in p.authors}
                p.authors += [a for a in authors if a.person not in have and a.rank is None]
            p.year = p.year or pub.year
            p.venue = p.venue or venue
            p.status = p.status or pub.status
            p.doi = p.doi or pub.doi


def _full_forms(hits, aliases_of) -> dict:
    """From lookups (tuples whose last item is the key) of every name a corpus writes: the key of each
    abbreviated name → the lookup of the one full name it stands for (see :func:`.venues.abbreviations`)."""
    first: dict = {}
    for hit in hits:
        first.setdefault(hit[-1], hit)
    shorts = abbreviations({k: v[0] for k, v in first.items()}, {k: aliases_of(v[0]) for k, v in first.items()})
    return {a: first[b] for a, b in shorts.items()}


def resolve(cvs: list[CV], minter: Optional[Minter] = None, overrides=None) -> Resolution:
    return Resolver(minter, overrides).resolve(cvs)


__all__ = ["resolve", "Resolver", "Resolution", "Decision", "title_key", "display_name"]
