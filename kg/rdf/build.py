"""Build RDF quads (DESIGN.md §3) from CV records and their resolution.

Every triple goes to exactly one graph:
* ``graph/source/<key>`` — what one CV states (mentions with lines, the owner's
  positions, awards, teaching, reviewing, skills, contact details, the cached
  extraction);
* ``graph/resolution`` — each resolved entity's facts once;
* ``graph/derived`` — convenience edges (coAuthor, affiliation, alumniOf,
  person-level advisor and mentor), rebuilt on every build.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Iterator, Optional

from pyoxigraph import Literal, NamedNode, Quad

from ..iri import KG, PROV, RDF, SCHEMA, XSD
from .. import records as _records
from ..records import CV
from ..resolve import Resolution, title_key

# what a source graph is made of besides its CV and the resolution: this code
_CODE = hashlib.sha1(Path(__file__).read_bytes() + Path(_records.__file__).read_bytes()).hexdigest()

_nn_cache: dict[str, NamedNode] = {}


def N(iri: str) -> NamedNode:
    n = _nn_cache.get(iri)
    if n is None:
        n = _nn_cache[iri] = NamedNode(iri)
        if len(_nn_cache) > 500_000:
            _nn_cache.clear()
    return n


def S(local: str) -> NamedNode:
    return N(SCHEMA + local)


def K(local: str) -> NamedNode:
    return N(KG + local)


TYPE = N(RDF + "type")
XSD_GYEAR = N(XSD + "gYear")
XSD_GYEARMONTH = N(XSD + "gYearMonth")


def date_lit(d: str) -> Literal:
    return Literal(d, datatype=XSD_GYEARMONTH if len(d) == 7 else XSD_GYEAR)


class Emitter:
    def __init__(self, graph: str):
        self.g = N(graph)
        self.quads: list[Quad] = []

    def add(self, s, p, o) -> None:
        if o is None:
            return
        if isinstance(o, (str, int, bool, float)) and not isinstance(o, NamedNode):
            o = Literal(o)
        self.quads.append(Quad(N(s) if isinstance(s, str) else s, p, o, self.g))

    def node(self, s, p, iri: Optional[str]) -> None:
        if iri:
            self.add(s, p, N(iri))


def source_digests(cvs: list[CV], res: Resolution) -> dict[str, str]:
    """Per source, a digest of everything its named graph is made from.

    The file's content hash and the extractor's version, the entity IRIs its mentions resolved to,
    the base and this module's code: when the digest stored with a source equals the new one, the graph
    is unchanged and a rebuild neither regenerates nor compares it.
    """
    parts: dict[str, list] = defaultdict(list)
    for tag, table in (("p", res.person_of), ("o", res.org_of), ("v", res.venue_of), ("a", res.paper_of),
                       ("c", res.course_of)):
        for k, v in table.items():
            parts[k[0]].append((tag, repr(k[1:]), repr(v)))
    out = {}
    for cv in cvs:
        key = cv.source.key
        blob = repr((_CODE, res.minter.base, key, cv.source.root, cv.source.sha256, cv.source.extractor, res.owner_of.get(key),
                     sorted(parts.get(key, ()))))
        out[key] = hashlib.sha1(blob.encode("utf-8")).hexdigest()
    return out


def _entry_idents(pubs) -> list[str]:
    """What names each publication entry's mentions within its source: its title, and which entry of that
    title it is. A paper added above the others leaves the others' mention IRIs as they were.

    >>> from ..records import Publication
    >>> _entry_idents([Publication("Deep Widgets"), Publication(""), Publication("Deep widgets!")])
    ['deepwidgets', '#1', 'deepwidgets#1']
    """
    seen: dict = {}
    out = []
    for i, p in enumerate(pubs):
        k = title_key(p.title or "") or f"#{i}"
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(f"{k}#{n}" if n else k)
    return out


def source_quads(cv: CV, res: Resolution, digest: Optional[str] = None) -> list[Quad]:
    """The named graph of one source."""
    m = res.minter
    key = cv.source.key
    g = m.source_graph(key)
    e = Emitter(g)
    src = m.source(key)
    e.node(src, TYPE, KG + "Source")
    e.add(src, K("fileName"), cv.source.path)
    e.add(src, K("sha256"), cv.source.sha256)
    e.add(src, K("format"), cv.source.format)
    e.add(src, K("extraction"), json.dumps(cv.to_json(cache=True), ensure_ascii=False, sort_keys=True))
    if cv.source.extractor:
        e.add(src, K("extractorVersion"), cv.source.extractor)
    e.add(src, K("resolutionDigest"), digest)
    if cv.source.root:
        e.add(src, K("sourceRoot"), cv.source.root)
    e.node(g, N(PROV + "wasDerivedFrom"), src)
    owner = res.owner_of.get(key)

    def mention(kind: str, ident: tuple, entity: Optional[str], stated: Optional[str], line, page):
        if not entity:
            return
        mi = m.in_source(key, "mention", kind, *map(str, ident))
        e.node(mi, TYPE, KG + "Mention")
        e.node(mi, K("mentionOf"), entity)
        e.node(mi, K("source"), src)
        if stated:
            e.add(mi, K("statedAs"), stated)
        if line is not None:
            e.add(mi, K("line"), int(line))
        if page is not None:
            e.add(mi, K("page"), int(page))

    if owner:
        p = cv.person
        mention("owner", ("name",), owner, p.name, p.line, p.page)
        for alt in p.alternate_names:
            mention("owner", ("alt", alt), owner, alt, p.line, p.page)
        e.add(owner, S("email"), p.email)
        e.add(owner, S("telephone"), p.telephone)
        e.add(owner, S("url"), p.url)
        for s in cv.skills:
            e.add(owner, K("skill"), s)
    for i, (pub, ident) in enumerate(zip(cv.publications, _entry_idents(cv.publications))):
        paper = res.paper_of.get((key, i))
        mention("paper", (ident,), paper, pub.title, pub.line, pub.page)
        venue = res.venue_of.get((key, "pub", i))
        if pub.venue:
            mention("venue", ("pub", ident), venue, pub.venue, pub.line, pub.page)
        for j, a in enumerate(pub.authors):
            who = res.person_of.get((key, ("pub", i, j)))
            mention("author", (ident, j), who, a.name if a.rank else None, pub.line, pub.page)
    for i, ed in enumerate(cv.education):
        _position(e, res, cv, "edu", i, ed, owner, mention)
    for i, job in enumerate(cv.employment):
        _position(e, res, cv, "job", i, job, owner, mention)
    for i, t in enumerate(cv.teaching):
        ta = m.in_source(key, "teaching", str(i), t.course)
        e.node(ta, TYPE, KG + "TeachingAssignment")
        e.node(ta, K("person"), owner)
        e.node(ta, K("course"), res.course_of.get((key, i)))
        org = res.org_of.get((key, "teach", i), (None, None))[0]
        e.node(ta, K("organization"), org)
        e.add(ta, K("term"), t.term)
        e.add(ta, K("line"), t.line)
        e.add(ta, K("page"), t.page)
        for k, n in enumerate(t.instructors):
            who = res.person_of.get((key, ("teach", i, k)))
            e.node(ta, K("instructor"), who)
            mention("instructor", (i, k), who, n, t.line, t.page)
    for i, r in enumerate(cv.reviewing):
        venue = res.venue_of.get((key, "rev", i))
        if owner and venue:
            e.node(owner, K("reviewerFor"), venue)
            rv = m.in_source(key, "review", str(i), r.venue)
            e.node(rv, TYPE, KG + "Review")
            e.node(rv, K("person"), owner)
            e.node(rv, K("venue"), venue)
            for y in r.years:
                e.add(rv, K("reviewYear"), Literal(str(y), datatype=XSD_GYEAR))
            e.add(rv, K("line"), r.line)
            mention("venue", ("rev", i), venue, r.venue, r.line, r.page)
    for i, a in enumerate(cv.awards):
        aw = m.in_source(key, "award", str(i), a.name)
        e.node(owner, K("award"), aw) if owner else None
        e.node(aw, TYPE, KG + "Award")
        e.add(aw, S("name"), a.name)
        for d in a.dates:
            e.add(aw, S("startDate"), date_lit(d))
        e.add(aw, K("line"), a.line)
        e.add(aw, K("page"), a.page)
    return e.quads


def _position(e: Emitter, res: Resolution, cv: CV, kind: str, i: int, rec, owner, mention) -> None:
    key = cv.source.key
    pos = res.minter.in_source(key, "position", kind, str(i), rec.organization or "", rec.start or "")
    if kind == "edu":
        e.node(pos, TYPE, KG + "Education")
        role = rec.degree
    else:
        e.node(pos, TYPE, KG + "Employment")
        if rec.visit:
            e.node(pos, TYPE, KG + "Visit")
        role = rec.role
    e.node(pos, K("person"), owner)
    org, unit = res.org_of.get((key, kind, i), (None, None))
    e.node(pos, K("organization"), org)
    e.node(pos, K("unit"), unit)
    if rec.organization:
        mention("org", (kind, i), org, rec.organization, rec.line, rec.page)
    e.add(pos, S("roleName"), role)
    if rec.start:
        e.add(pos, S("startDate"), date_lit(rec.start))
    if rec.end:
        e.add(pos, S("endDate"), date_lit(rec.end))
    if getattr(rec, "expected", False):
        e.add(pos, K("expected"), True)
    e.add(pos, K("location"), rec.location)
    e.add(pos, K("line"), rec.line)
    e.add(pos, K("page"), rec.page)
    people = rec.advisors if kind == "edu" else rec.hosts
    for k, n in enumerate(people):
        who = res.person_of.get((key, (kind, i, k)))
        e.node(pos, K("advisor" if kind == "edu" else "host"), who)
        mention("advisor" if kind == "edu" else "host", (i, k), who, n, rec.line, rec.page)


PIECE = 50_000  # quads per piece of the big graphs: memory stays bounded while they stream to the store


def _pieces(e: "Emitter"):
    if len(e.quads) >= PIECE:
        out, e.quads = e.quads, []
        return out
    return None


def _person_parts(p) -> tuple:
    """What a person's description is written from: name, forms and merge decisions."""
    return p.name, sorted(set(p.forms)), sorted({(d.form, d.reason, round(d.score, 3)) for d in p.decisions})


def person_digest(p) -> str:
    """Equal for two people with the same IRI exactly when :func:`person_quads` writes the same quads."""
    return hashlib.sha1(repr(_person_parts(p)).encode("utf-8")).hexdigest()


def person_quads(e: Emitter, p) -> None:
    name, forms, uniq = _person_parts(p)
    e.node(p.iri, TYPE, SCHEMA + "Person")
    e.add(p.iri, S("name"), name)
    for f in forms:
        e.add(p.iri, S("alternateName"), f)
    for k, (form, reason, score) in enumerate(uniq):
        di = f"{p.iri}/merge-{k + 1}"
        e.node(p.iri, K("mergeDecision"), di)
        e.node(di, TYPE, KG + "MergeDecision")
        e.add(di, K("mergedForm"), form)
        e.add(di, K("mergeReason"), reason)
        e.add(di, K("mergeScore"), Literal(f"{score:.3f}".rstrip("0").rstrip("."), datatype=N(XSD + "decimal")))  # as stored


def org_quads(e: Emitter, o) -> None:
    e.node(o.iri, TYPE, SCHEMA + "Organization")
    if o.group:
        e.node(o.iri, TYPE, KG + "GroupAuthor")
    elif o.university:
        e.node(o.iri, TYPE, SCHEMA + "CollegeOrUniversity")
    e.add(o.iri, S("name"), o.name)
    for f in sorted(set(o.forms)):
        e.add(o.iri, S("alternateName"), f)
    e.node(o.iri, S("parentOrganization"), o.parent)


def venue_quads(e: Emitter, v) -> None:
    e.node(v.iri, TYPE, KG + "Venue")
    e.add(v.iri, S("name"), v.name)
    e.add(v.iri, K("venueType"), v.vtype)
    for f in sorted(set(v.forms)):
        e.add(v.iri, S("alternateName"), f)


def course_quads(e: Emitter, iri: str, name: str) -> None:
    e.node(iri, TYPE, SCHEMA + "Course")
    e.add(iri, S("name"), name)


def paper_quads(e: Emitter, p, m) -> None:
    e.node(p.iri, TYPE, SCHEMA + "ScholarlyArticle")
    e.add(p.iri, S("name"), p.title)
    if p.year:
        e.add(p.iri, S("datePublished"), Literal(str(p.year), datatype=XSD_GYEAR))
    e.node(p.iri, K("publishedIn"), p.venue)
    e.add(p.iri, K("status"), p.status)
    if p.et_al:
        e.add(p.iri, K("etAl"), True)
    if p.doi:
        e.add(p.iri, S("identifier"), f"doi:{p.doi}")
    if p.url:
        e.add(p.iri, S("url"), p.url)
    seen = set()
    for a in p.authors:
        ident = f"{a.rank}|{a.person}"
        if ident in seen:
            continue
        seen.add(ident)
        ai = m.authorship(p.iri, ident)
        e.node(p.iri, S("author"), a.person)
        e.node(p.iri, K("authorship"), ai)
        e.node(ai, TYPE, KG + "Authorship")
        e.node(ai, K("author"), a.person)
        if a.rank:
            e.add(ai, K("rank"), int(a.rank))
        e.add(ai, K("statedAs"), a.stated)
        if a.equal:
            e.add(ai, K("equalContribution"), True)
        for mk in a.marks:
            e.add(ai, K("authorMark"), mk)


def resolution_quads(res: Resolution) -> Iterator[list[Quad]]:
    """The resolution graph, in pieces of about :data:`PIECE` quads."""
    e = Emitter(res.minter.resolution_graph)
    for p in res.people.values():
        if (piece := _pieces(e)) is not None:
            yield piece
        person_quads(e, p)
    for o in res.orgs.values():
        org_quads(e, o)
    for v in res.venues.values():
        venue_quads(e, v)
    for iri, name in res.courses.items():
        course_quads(e, iri, name)
    for p in res.papers.values():
        if (piece := _pieces(e)) is not None:
            yield piece
        paper_quads(e, p, res.minter)
    yield e.quads


def coauthor_sets(papers, is_person) -> dict:
    """Each person's co-authors (the person included) over ``papers``."""
    coauthors: dict[str, set] = defaultdict(set)
    for p in papers:
        people = {a.person for a in p.authors if is_person(a.person)}
        if len(people) > 1:
            for x in people:
                coauthors[x] |= people
    return coauthors


def owner_edges(cv: CV, res: Resolution, owner: str, edges: set) -> None:
    """The convenience edges one CV gives its owner: affiliation, alumniOf, advisor, mentor."""
    key = cv.source.key
    for kind, recs in (("edu", cv.education), ("job", cv.employment)):
        for i, rec in enumerate(recs):
            org = res.org_of.get((key, kind, i), (None, None))[0]
            if org:
                edges.add((owner, "s:affiliation", org))
                if kind == "edu":
                    edges.add((owner, "s:alumniOf", org))
            for k in range(len(rec.advisors if kind == "edu" else rec.hosts)):
                who = res.person_of.get((key, (kind, i, k)))
                if who and who != owner:
                    edges.add((owner, "advisor" if kind == "edu" else "mentor", who))


def edge_quads(e: Emitter, edges) -> None:
    for s_, p_, o in sorted(edges):
        e.node(s_, S(p_[2:]) if p_.startswith("s:") else K(p_), o)


def derived_quads(res: Resolution, cvs: list[CV]) -> Iterator[list[Quad]]:
    """The derived graph, in pieces of about :data:`PIECE` quads (co-authorship is the bulk of it: a
    person's co-authors are kept as a set per person, not as a set of every pair)."""
    e = Emitter(res.minter.derived_graph)
    coauthors = coauthor_sets(res.papers.values(), res.people.__contains__)
    edges: set[tuple[str, str, str]] = set()
    for cv in cvs:
        owner = res.owner_of.get(cv.source.key)
        if owner:
            owner_edges(cv, res, owner, edges)
    co = K("coAuthor")
    for x in sorted(coauthors):
        if (piece := _pieces(e)) is not None:
            yield piece
        for y in sorted(coauthors.pop(x)):
            if y != x:
                e.node(x, co, y)
    edge_quads(e, edges)
    yield e.quads


def build_quads(cvs: list[CV], res: Resolution, stored: Optional[dict] = None,
                digests: Optional[dict] = None) -> Iterator[tuple[str, Optional[list[Quad]]]]:
    """Yield ``(graph IRI, quads)`` for every graph of the dataset.

    ``stored`` maps source keys to the digests the store holds (see :func:`source_digests`);
    a source graph whose digest is unchanged is yielded as ``(graph IRI, None)``: keep it.
    """
    digests = digests or source_digests(cvs, res)
    stored = stored or {}
    for cv in sorted(cvs, key=lambda c: c.source.key):
        key = cv.source.key
        d = digests[key]
        yield res.minter.source_graph(key), (None if stored.get(key) == d else source_quads(cv, res, d))
    for piece in resolution_quads(res):
        yield res.minter.resolution_graph, piece
    for piece in derived_quads(res, cvs):
        yield res.minter.derived_graph, piece
