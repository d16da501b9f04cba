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
from .venues import VenueTable, abbreviations, venue_form
from .entities import PersonEntity, step


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


@dataclass
class PeoplePlan:
    """What one source gives person resolution: its mentions in order, and the readable form of each
    co-author key as the source writes it (for the reasons of merge decisions)."""
    key: str
    owner_name: Optional[str]
    mentions: list  # [Mention]
    key_names: dict  # initial key → first form written in this source
    groups: list  # [(mention id, name)] group authors ("ATLAS Collaboration")
    contact: tuple = (None, None, None)  # the owner's (email, telephone, url)


class Resolver:
    def __init__(self, minter: Optional[Minter] = None, overrides=None):
        self.m = minter or Minter()
        self.venues = VenueTable.default()
        self.orgtable = OrgTable.default()
        self.overrides = overrides
        self._venue_of_key: dict = {}
        self._org_of_key: dict = {}

    # -- per source: what it says, as operations on entities (pure, given the abbreviation maps) -----
    def plan_people(self, cv: CV) -> PeoplePlan:
        src = cv.source.key
        ms: list = []
        names: dict = {}
        groups: list = []
        if cv.person.name:
            ms.append(Mention(src, ("owner",), cv.person.name, owner=True, line=cv.person.line))
            for alt in cv.person.alternate_names:
                ms.append(Mention(src, ("owner-alt", alt), alt, owner=True, line=cv.person.line))
        home = frozenset(("org", self._org_key(o)) for o in
                         [e.organization for e in cv.education] + [j.organization for j in cv.employment] if o)
        for i, pub in enumerate(cv.publications):
            keys = frozenset(initial_key(a.name) for a in pub.authors if not a.is_group)
            context = home | ({("venue", self._venue_key(pub.venue))} if pub.venue else set())
            tk = title_key(pub.title) or None
            for a in pub.authors:
                names.setdefault(initial_key(a.name), a.name)
            for j, a in enumerate(pub.authors):
                if a.is_group:
                    groups.append((("pub", i, j), a.name))
                    continue
                ms.append(Mention(src, ("pub", i, j), a.name, owner=bool(a.is_owner and cv.person.name), coauthors=keys,
                                  line=pub.line, page=pub.page, context=context, paper=tk))
        for kind, items, attr in (("edu", cv.education, "advisors"), ("job", cv.employment, "hosts"),
                                  ("teach", cv.teaching, "instructors")):
            for i, item in enumerate(items):
                for k, n in enumerate(getattr(item, attr)):
                    ms.append(Mention(src, (kind, i, k), n, line=item.line, page=item.page, context=home))
        p = cv.person
        return PeoplePlan(src, p.name or None, ms, names, groups, (p.email, p.telephone, p.url))

    def plan_ops(self, cv: CV, res: "Resolution") -> list:
        """[(IRI, operation)] for the venues, organizations, courses and papers one source names, in the
        order it names them; fills the source's rows of the ``*_of`` tables of ``res``."""
        src = cv.source.key
        ops: list = []
        for i, pub in enumerate(cv.publications):
            tk = title_key(pub.title)
            if not tk:
                continue
            iri = self.m.paper(tk)
            res.paper_of[(src, i)] = iri
            venue = self._venue(ops, pub.venue) if pub.venue else None
            if venue:
                res.venue_of[(src, "pub", i)] = venue
            spec = tuple((j, a.rank, a.name if a.rank else None, a.equal_contribution, tuple(a.marks))
                         for j, a in enumerate(pub.authors))
            ops.append((iri, ("paper", src, i, pub.title, pub.year, venue, pub.status, pub.et_al, pub.doi, pub.url, spec)))
        for i, ed in enumerate(cv.education):
            res.org_of[(src, "edu", i)] = self._placed(ops, ed.organization, ed.unit)
        for i, job in enumerate(cv.employment):
            res.org_of[(src, "job", i)] = self._placed(ops, job.organization, job.unit)
        for i, t in enumerate(cv.teaching):
            org, okey = self._org(ops, t.organization) if t.organization else (None, None)
            res.org_of[(src, "teach", i)] = (org, None)
            ciri = self.m.course(f"{okey if org else ''} {fold(t.course)}")
            ops.append((ciri, ("course", t.course)))
            res.course_of[(src, i)] = ciri
        for i, r in enumerate(cv.reviewing):
            res.venue_of[(src, "rev", i)] = self._venue(ops, r.venue)
        return ops

    def group_ops(self, plan: PeoplePlan, res: "Resolution") -> list:
        """Group authors are organizations; their operations come before every other (phase 0)."""
        ops: list = []
        for mid, gname in plan.groups:
            res.person_of[(plan.key, mid)] = self._org(ops, gname, group=True)[0]
        return ops

    # -- organizations -------------------------------------------------
    def _org(self, ops: list, text: str, group: bool = False) -> tuple:
        """(IRI, key) of an organization as written; its operations go to ``ops``."""
        if not text:
            return None, None
        name, key = (text.strip(), org_key(text)) if group else self._org_hit(text)
        if not key:
            return None, None
        iri = self.m.group(key) if group else self.m.org(key)
        parent_name = self.orgtable.parent.get(name)
        parent = self._org(ops, parent_name)[0] if parent_name else None
        ops.append((iri, ("org", name, group, (text.strip(), *self.orgtable.aliases.get(name, [])), parent)))
        return iri, key

    def _placed(self, ops: list, org_text: Optional[str], unit_text: Optional[str]):
        """(org IRI, unit IRI) for an organization and unit as written."""
        if not org_text and not unit_text:
            return None, None
        org, unit, parent = split_org(org_text or "")
        unit = unit_text or unit
        org_iri, okey = self._org(ops, org) if org else (None, None)
        if parent and org_iri:
            ops.append((org_iri, ("placed", org_text.strip(), self._org(ops, parent)[0])))
        unit_iri = None
        if unit:
            canonical, ukey = self.orgtable.lookup(unit)
            if self.orgtable.known(unit) and self.orgtable.parent.get(canonical):
                unit_iri = self._org(ops, unit)[0]  # a known institute with its own parent (IIIS)
            else:
                unit_iri = self.m.org(f"{okey if org_iri else 'unknown'} {ukey}")
                ops.append((unit_iri, ("unit", unit.strip(), org_iri)))
        return org_iri, unit_iri

    def _venue(self, ops: list, text: str) -> str:
        name, vtype, key = self._venue_hit(text)
        iri = self.m.venue(key)
        ops.append((iri, ("venue", name, vtype, (venue_form(text), *self.venues.names.get(name, [])))))
        return iri

    # -- people ---------------------------------------------------------------
    def people(self, plans: list, res: "Resolution", keep=None) -> list:
        """Cluster the mentions of ``plans`` (in source order) into people; fill ``res.people``,
        ``person_of`` and ``owner_of``. ``keep(mention)`` limits resolution to some mentions
        (an incremental build: the name components a change touches). Returns the clusters."""
        pr = PersonResolver(self.overrides)
        for plan in plans:
            if plan.owner_name and (keep is None or any(m.owner and keep(m) for m in plan.mentions)):
                pr.set_owner(plan.key, plan.owner_name)
            pr.key_names[plan.key] = plan.key_names
            pr.mentions.extend(plan.mentions if keep is None else filter(keep, plan.mentions))
        clusters = pr.resolve()
        res.warnings.extend(pr.warnings)
        taken: dict[str, int] = {}
        person_of = res.person_of
        for c in clusters:
            name = c.canonical()
            key = name_key(name)
            n = taken.get(key, 0)
            taken[key] = n + 1
            iri = self.m.person(key, n + 1 if n else 0)
            forms = list(dict.fromkeys(mnt.name for mnt in c.mentions if mnt.name != name))  # in order, once each
            person_of.update(((mnt.source, mnt.mid), iri) for mnt in c.mentions)
            res.people[iri] = PersonEntity(iri, name, forms, decisions=c.decisions, owner_of=set(c.owner_of))
            for src in c.owner_of:
                res.owner_of[src] = iri
        for plan in plans:  # the owner's contact details: the first each CV gives, in source order
            e = res.people.get(res.owner_of.get(plan.key))
            if e is not None:
                email, tel, url = plan.contact
                e.email, e.telephone, e.url = e.email or email, e.telephone or tel, e.url or url
        return clusters

    # -- the whole corpus ---------------------------------------------------
    def resolve(self, cvs: list[CV], sink=None) -> Resolution:
        """Resolve a corpus. ``sink(plan, ops, res, cv, hits)`` (if given) sees each source's people plan,
        its operations as [(phase, IRI, operation)] and its lookups (:meth:`hits`), in source order:
        an index keeps them."""
        res = Resolution(self.m)
        cvs = sorted(cvs, key=lambda c: c.source.key)
        venue_first: dict = {}
        org_first: dict = {}
        hits = [self.hits(cv) for cv in cvs]
        for venues, orgs in hits:
            for hit in venues:
                venue_first.setdefault(hit[-1], hit)
            for hit in orgs:
                org_first.setdefault(hit[-1], hit)
        self.abbreviate(venue_first, org_first)
        plans = [self.plan_people(cv) for cv in cvs]
        self.people(plans, res)
        get = res.person_of.get
        groups = [self.group_ops(plan, res) for plan in plans]
        for ops in groups:
            for iri, op in ops:
                step(res, iri, op, get)
        for cv, plan, g, h in zip(cvs, plans, groups, hits):
            ops = self.plan_ops(cv, res)
            for iri, op in ops:
                step(res, iri, op, get)
            if sink is not None:
                sink(plan, [(0, iri, op) for iri, op in g] + [(1, iri, op) for iri, op in ops], res, cv, h)
        return res

    # -- abbreviations: from the first lookup of every venue and organization key the corpus writes --
    def hits(self, cv: CV) -> tuple[list, list]:
        """The lookups of the venues and of the organizations one CV writes, in order."""
        venues = [self.venues.lookup(t) for t in [p.venue for p in cv.publications] + [r.venue for r in cv.reviewing] if t]
        orgs = [self.orgtable.lookup(o) for o in (split_org(t)[0] for t in [e.organization for e in cv.education] +
                                                  [j.organization for j in cv.employment] if t) if o]
        return venues, orgs

    def abbreviate(self, venue_first: dict, org_first: dict) -> None:
        """Venues and organizations the corpus writes both abbreviated and in full ('Nat. Biotechnol.' /
        'Nature Biotechnology', 'UPC' / 'Universitat Politècnica de Catalunya') become one. The arguments
        map each key to its first lookup in the corpus (see :meth:`hits`)."""
        self._venue_of_key = _full_forms(venue_first, lambda name: self.venues.names.get(name, []))
        self._org_of_key = _full_forms(org_first, lambda name: self.orgtable.aliases.get(name, []))

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


def _full_forms(first: dict, aliases_of) -> dict:
    """From the first lookup (a tuple whose last item is the key) of each key a corpus writes: the key of
    each abbreviated name → the lookup of the one full name it stands for (see :func:`.venues.abbreviations`)."""
    shorts = abbreviations({k: v[0] for k, v in first.items()}, {k: aliases_of(v[0]) for k, v in first.items()})
    return {a: first[b] for a, b in shorts.items()}


def resolve(cvs: list[CV], minter: Optional[Minter] = None, overrides=None) -> Resolution:
    return Resolver(minter, overrides).resolve(cvs)


__all__ = ["resolve", "Resolver", "Resolution", "Decision", "title_key", "display_name"]
