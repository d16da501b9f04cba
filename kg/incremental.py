"""Incremental builds: apply new, changed and removed sources to a store without resolving
the whole corpus again.

The result is the dataset a full build of the same sources gives, quad for quad (the
tests build both and compare). It holds because every part of resolution is local:

* people: forms meet only through shared keys and alternative forms (:meth:`kg.index.Index.component`),
  so re-resolving the components of forms a change reaches — with every mention of them,
  in source order — gives the clusters and IRIs a full run gives there, and leaves every
  other cluster as it was;
* venues, organizations, courses and papers: each is the fold of the operations sources
  state about it (:mod:`kg.resolve.entities`), kept in the index; the ones a change
  touches (or whose authors' IRIs moved) are folded again;
* abbreviations depend on the whole corpus: when the change alters them, the build is
  not local and :class:`NotIncremental` sends it to the full path (before anything is written);
* the derived graph is recomputed for the people whose papers, CVs or IRIs changed.

The store changes in one SPARQL Update (atomic); the index in one SQLite transaction,
committed after it (a build killed in between leaves the store's mark that it was written
after its index, ``kg.store.WRITTEN``, and the next build is a full one).
"""
from __future__ import annotations

import json
import pickle
from typing import Optional

from pyoxigraph import NamedNode, Quad

from .index import Index, entry_of
from .iri import KG, RDF, SCHEMA, Minter
from .rdf.build import (Emitter, K, coauthor_sets, edge_quads, owner_edges, person_digest, resolution_quads,
                        source_digests, source_quads)
from .records import CV
from .resolve import Resolution, Resolver
from .resolve.entities import Authorship, PaperEntity, step

MAX_SOURCES = 200  # more changed sources than this: a full build is as quick


class NotIncremental(Exception):
    """The change cannot be applied locally (nothing was written)."""


def _sig(m) -> tuple:
    """What person resolution reads of a mention, but where in its source it sits."""
    return m.name, m.owner, m.coauthors, m.context, m.paper, m.mid[0]


def changed_names(old, new) -> Optional[set]:
    """The forms whose mentions a new version of a source changes (their components must be resolved
    again), or None when every form must be: the other forms' mentions are the same, in the same order,
    but for where the entries sit (an inserted or deleted entry shifts the indexes of the rest).

    >>> from kg.resolve.people import Mention
    >>> from kg.resolve import PeoplePlan
    >>> a = [Mention("s", ("pub", 0, 0), "Ana Li", coauthors=frozenset({"li a", "wu b"})),
    ...      Mention("s", ("pub", 0, 1), "Bo Wu", coauthors=frozenset({"li a", "wu b"}))]
    >>> b = [Mention("s", ("pub", 0, 0), "Cy Ng", coauthors=frozenset({"ng c"}))] + [
    ...      Mention("s", ("pub", 1, j), m.name, coauthors=m.coauthors) for j, m in enumerate(a)]
    >>> sorted(changed_names(PeoplePlan("s", None, a, {}, []), PeoplePlan("s", None, b, {}, [])))
    ['Cy Ng']
    """
    by_old, by_new = {}, {}
    for plan, by in ((old, by_old), (new, by_new)):
        for m in plan.mentions:
            by.setdefault(m.name, []).append(_sig(m))
    names = {n for n in by_old.keys() | by_new.keys() if by_old.get(n) != by_new.get(n)}
    if old.owner_name != new.owner_name or old.contact != new.contact:
        names |= {m.name for p in (old, new) for m in p.mentions if m.owner}
    for k in old.key_names.keys() | new.key_names.keys():  # a co-author's readable form, cited in merge reasons
        if old.key_names.get(k) != new.key_names.get(k):
            names |= {m.name for p in (old, new) for m in p.mentions if k in m.coauthors}
    if [_sig(m) for m in old.mentions if m.name not in names] != [_sig(m) for m in new.mentions if m.name not in names]:
        return None
    return names


def _align(old_entry, new_plan, skip: set, res) -> None:
    """The IRIs of a new version's mentions of forms not resolved again: those of the old version's
    mentions of the same form, in order."""
    olds: dict = {}
    for m in old_entry.plan.mentions:
        if m.name not in skip:
            olds.setdefault(m.name, []).append(m.mid)
    seen: dict = {}
    for m in new_plan.mentions:
        if m.name in skip:
            continue
        k = seen.get(m.name, 0)
        seen[m.name] = k + 1
        iri = old_entry.person_of.get(olds[m.name][k])
        if iri:
            res.person_of[(new_plan.key, m.mid)] = iri
    if new_plan.key not in res.owner_of and old_entry.owner and any(m.owner and m.name not in skip for m in new_plan.mentions):
        res.owner_of[new_plan.key] = old_entry.owner


def _listed_authors(plan, paper_of, person_of) -> dict:
    """Paper IRI → the people (or groups) one source's listings of it name, entry by entry: (author
    position, IRI) pairs, each entry closed by None. Entry positions are left out (a paper added above
    the others moves them): a paper whose listings name the same people and whose operations are the
    same folds as it did.

    >>> from kg.resolve import PeoplePlan
    >>> from kg.resolve.people import Mention
    >>> plan = PeoplePlan("s", "Ana Li", [Mention("s", ("pub", 4, 0), "Ana Li"), Mention("s", ("pub", 4, 1), "Bo Wu")],
    ...                   {}, [(("pub", 4, 2), "ATLAS")], (None, None, None))
    >>> _listed_authors(plan, {4: "p"}.get, {("pub", 4, 0): "li", ("pub", 4, 1): "wu", ("pub", 4, 2): "atlas"}.get)
    {'p': [(0, 'li'), (1, 'wu'), (2, 'atlas'), None]}
    """
    by_entry: dict = {}
    for mid in [m.mid for m in plan.mentions] + [mid for mid, _ in plan.groups]:
        if mid[0] == "pub":
            by_entry.setdefault(mid[1], []).append((mid[2], person_of(mid)))
    out: dict = {}
    for i in sorted(by_entry):
        p = paper_of(i)
        if p is not None:
            out.setdefault(p, []).extend(sorted(by_entry[i]) + [None])  # (None closes an entry)
    return out


def _normal(op: tuple) -> tuple:
    """An operation but for the index of the entry it comes from (see :func:`changed_names`)."""
    return op[:2] + op[3:] if op[0] == "paper" else op


class Update:
    def __init__(self, store, index: Index, minter: Minter, stats: dict):
        self.store = store
        self.ix = index
        self.m = minter
        self.r = Resolver(minter)
        self.stats = stats  # source key → (size, mtime) of the file read
        self.person_prefix = minter.base + "person/"
        self._entries: dict = {}
        self._cvs: dict = {}
        self.view = Resolution(minter)
        self._viewed: set = set()

    # -- lazily loaded per-source data ----------------------------------------------------
    def entry(self, key: str):
        if key not in self._entries:
            self._entries.update(self.ix.entries([key]))
        return self._entries.get(key)

    def cv(self, key: str) -> CV:
        """A source's CV: the new version of a changed one, else the extraction the store keeps."""
        if key in self.changed:
            return self.changed[key]
        if key not in self._cvs:
            g = NamedNode(self.m.source_graph(key))
            q = next(iter(self.store._s.quads_for_pattern(NamedNode(self.m.source(key)), NamedNode(KG + "extraction"), None, g)))
            cv = CV.from_json(json.loads(q.object.value))
            root = next(iter(self.store._s.quads_for_pattern(None, NamedNode(KG + "sourceRoot"), None, g)), None)
            cv.source.key, cv.source.root = key, root.object.value if root else ""
            self._cvs[key] = cv
        return self._cvs[key]

    def person(self, key: tuple) -> Optional[str]:
        """The IRI a mention resolves to now: re-resolved here, else as stored."""
        iri = self.res.person_of.get(key)
        if iri is None and key[0] not in self.changed:
            e = self.entry(key[0])
            iri = e.person_of.get(key[1]) if e else None
        return iri

    # -- the update, in steps ---------------------------------------------------------------------
    def run(self, changed: dict, removed: list, report) -> None:
        ix = self.ix
        self.changed, self.removed, self.report = changed, removed, report
        self.keys = keys = sorted(set(changed) | set(removed))
        self.old = ix.entries(keys)  # the index's record of the old versions
        self.old_ops: dict = {}
        for iri, src, phase, op in ix.many("SELECT iri, src, phase, op FROM ops WHERE src IN ({}) ORDER BY src, phase, seq",
                                           keys):
            self.old_ops.setdefault(iri, []).append((src, phase, _normal(pickle.loads(op))))
        hit_keys = {(k, h) for k, h in ix.many("SELECT kind, key FROM hits WHERE src IN ({})", keys)}
        self.new_hits = {k: self.r.hits(cv) for k, cv in changed.items()}
        for vh, oh in self.new_hits.values():
            hit_keys |= {("v", h[-1]) for h in vh} | {("o", h[-1]) for h in oh}
        before = self._first_hits(hit_keys)
        ix.begin()
        try:
            ix.drop_sources(keys)
            self._abbreviations(hit_keys, before)
            self._people()
            self._entities()
            self._write()
        except BaseException:
            ix.rollback()
            raise

    def _first_hits(self, hit_keys) -> dict:
        return {kind: self.ix.first_hits(kind, [k for kd, k in hit_keys if kd == kind]) for kind in ("v", "o")}

    def _abbreviations(self, hit_keys, before) -> None:
        """The corpus's abbreviation maps stay as they are, or the change is not local."""
        ix, r = self.ix, self.r
        for k, (vh, oh) in self.new_hits.items():
            ix.put_hits(k, vh, oh)
        stored_maps = pickle.loads(ix.meta("abbreviations"))
        if self._first_hits(hit_keys) != before:
            r.abbreviate(ix.first_hits("v"), ix.first_hits("o"))
            if (r._venue_of_key, r._org_of_key) != stored_maps:
                raise NotIncremental("the change alters which abbreviations name which venues or organizations")
        r._venue_of_key, r._org_of_key = stored_maps

    def _people(self) -> None:
        """Re-resolve the components of the forms whose mentions changed, whole; what moved."""
        ix, r, old, keys = self.ix, self.r, self.old, self.keys
        self.new_plans = new_plans = {k: r.plan_people(cv) for k, cv in self.changed.items()}
        seed_names: set = set()
        for k in keys:
            o, n = old.get(k), new_plans.get(k)
            names = changed_names(o.plan, n) if o is not None and n is not None else None
            if names is None:
                names = {mn.name for p in (o.plan if o else None, n) if p for mn in p.mentions}
            seed_names |= names
        for p in new_plans.values():
            ix.add_names(p)
        self.comp = comp = ix.component(seed_names)
        around = ix.sources_of(comp) - set(keys)
        self._entries.update(ix.entries(around, comp))
        part = {s: self._entries[s].plan_for(comp) for s in around}  # their mentions of these forms
        plans = sorted(list(part.values()) + list(new_plans.values()), key=lambda p: p.key)
        self.res = res = Resolution(self.m)
        r.people(plans, res, keep=lambda mn: mn.name in comp)
        self.report.resolution_warnings = list(res.warnings)
        for k, p in new_plans.items():
            if k in old:
                _align(old[k], p, comp, res)

        old_people = {e.person_of.get(mn.mid) for e in old.values() for mn in e.plan.mentions if mn.name in comp}
        # people who gained or lost a mention (the changed sources' people in the components count as such)
        moved = old_people | {res.person_of.get((k, mn.mid)) for k, p in new_plans.items() for mn in p.mentions
                              if mn.name in comp}
        self.touched = touched = set()  # unchanged sources a mention of which now resolves elsewhere
        self.papers_moved = papers_moved = set()
        first_seen: dict = {}
        for s in sorted(around):
            e = self._entries[s]
            for mn in part[s].mentions:
                was, now = e.iri_of(mn.mid), res.person_of.get((s, mn.mid))
                old_people.add(was)
                first_seen.setdefault(was, now)
                if was != now:
                    moved |= {was, now}
                    touched.add(s)
                    if mn.mid[0] == "pub" and mn.mid[1] in e.paper_of:
                        papers_moved.add(e.paper_of[mn.mid[1]])
        self.old_people = {iri for iri in old_people if self.is_person(iri)}
        self.new_people = set(res.people)
        self.moved_people = {iri for iri in moved if self.is_person(iri)}
        self.report.entity_changes = sorted((o, first_seen.get(o)) for o in self.old_people - self.new_people
                                            if o in first_seen)

    def is_person(self, iri) -> bool:
        return iri is not None and iri.startswith(self.person_prefix)

    def _entities(self) -> None:
        """Record the new versions' operations; refold the entities whose operations changed or whose
        authors were resolved again."""
        ix, r, res, comp = self.ix, self.r, self.res, self.comp
        new_ops: dict = {}
        for k in sorted(self.changed):
            cv, plan = self.changed[k], self.new_plans[k]
            g = r.group_ops(plan, res)
            ops = r.plan_ops(cv, res)
            for phase, part in ((0, g), (1, ops)):
                for iri, op in part:
                    new_ops.setdefault(iri, []).append((k, phase, _normal(op)))
            ix.put_source(entry_of(plan, res, cv), [(0, iri, op) for iri, op in g] + [(1, iri, op) for iri, op in ops])
        moved = self.papers_moved
        for k in self.keys:  # the changed sources' papers whose authors are other people now
            e, plan = self.old.get(k), self.new_plans.get(k)
            was = _listed_authors(e.plan, e.paper_of.get, e.person_of.get) if e is not None else {}
            now = _listed_authors(plan, lambda i: res.paper_of.get((k, i)),
                                  lambda mid: res.person_of.get((k, mid))) if plan is not None else {}
            moved |= {p for p in was.keys() | now.keys() if was.get(p) != now.get(p)}
        old_ops = self.old_ops
        self.refold = {iri for iri in set(old_ops) | set(new_ops) if old_ops.get(iri) != new_ops.get(iri)} | moved
        self.folded = folded = Resolution(self.m)
        for iri, rows in ix.ops_of(self.refold).items():
            for _, _, _, op in rows:
                step(folded, iri, op, self.person)

    def _write(self) -> None:
        """One SPARQL Update: entity descriptions, source graphs and derived edges that change; then the index."""
        ix, m, res, folded, report = self.ix, self.m, self.res, self.folded, self.report
        changed, touched = self.changed, self.touched
        rg, dg = m.resolution_graph, m.derived_graph
        # people described anew: those whose description differs from the stored one (most of a re-resolved
        # component is as it was), and those gone
        digests = {iri: person_digest(res.people[iri]) for iri in sorted(self.new_people)}
        stored = ix.person_digests(self.new_people)
        digests = {iri: d for iri, d in digests.items() if stored.get(iri) != d}
        gone = self.old_people - self.new_people
        ix.set_people(digests, gone)
        folded.people = {iri: res.people[iri] for iri in digests}
        adds = [q for piece in resolution_quads(folded) for q in piece]
        described = set(digests) | gone | self.refold
        old_desc, old_authors = self._descriptions(described, rg)
        counts = self._counts(old_desc, described, folded)
        was, now = set(old_desc), set(adds)
        del old_desc
        dels, adds = list(was - now), list(now - was)  # only the differences are kept
        del was, now

        # source graphs: the changed ones, and the unchanged ones whose mentions moved
        for s in touched:
            e = self._entries[s]
            e.person_of.update({mid: res.person_of[(s, mid)] for mid in e.person_of if (s, mid) in res.person_of})
            e.owner = res.owner_of.get(s, e.owner)
            ix.set_entry(e)
        rewritten = sorted(set(changed) | touched)
        view = self._view(rewritten, res)
        digests = source_digests([self.cv(k) for k in rewritten], view)
        for k in rewritten:
            cv = self.cv(k)
            dig = digests[k]
            if k in changed:
                ix.put_file(k, m.source_graph(k), cv.source.sha256, cv.source.root, dig, self.stats.get(k), cv.source.extractor)
                ix.put_parses(cv.source)
            else:
                ix.set_digest(k, dig)
            # compared graph by graph: a change reaching thousands of CVs moves a few mentions in each
            was = set(self.store._s.quads_for_pattern(None, None, None, NamedNode(m.source_graph(k))))
            now = set(source_quads(cv, view, dig))
            dels.extend(was - now)
            adds.extend(now - was)
        for k in self.removed:
            if k not in changed:
                dels.extend(self.store._s.quads_for_pattern(None, None, None, NamedNode(m.source_graph(k))))

        # derived edges of everyone whose papers, CVs or IRI changed
        self.owners = owners = {e.owner for e in self.old.values()} | {res.owner_of.get(k) for k in changed} | \
            {self._entries[s].owner for s in touched}
        # (a paper folded again with the same authors changes nobody's co-authors)
        new_authors = {p.iri: {a.person for a in p.authors} for p in folded.papers.values()}
        reauthored = {x for p in old_authors.keys() | new_authors.keys() if old_authors.get(p) != new_authors.get(p)
                      for x in old_authors.get(p, set()) | new_authors.get(p, set())}
        affected = {x for x in self.moved_people | reauthored | owners if self.is_person(x)}
        d_old, d_new = self._derived(affected, folded, self.refold, res, rg, dg)
        dels.extend(d_old)
        adds.extend(d_new)

        removed_q, added_q = set(dels) - set(adds), set(adds) - set(dels)
        self.store.apply(removed_q, added_q)
        n = int(ix.meta("triples") or 0) - len(removed_q) + len(added_q)
        report.removed_triples, report.added_triples = len(removed_q), len(added_q)
        ix.db.execute("INSERT OR REPLACE INTO meta VALUES('triples', ?)", (str(n),))
        for kind, c in counts.items():
            ix.db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", ("count-" + kind, str(c)))
        ix.commit(ix.current_fingerprint())
        report.triples = n
        report.people, report.papers, report.venues, report.orgs = (counts["person"], counts["paper"], counts["venue"],
                                                                    counts["org"])
        report.sources = ix.db.execute("SELECT COUNT(*) FROM files").fetchone()[0]

    def _descriptions(self, iris: set, rg: str):
        """The resolution-graph quads describing ``iris`` now (with their merge decisions and
        authorships), and the authors of each paper among them."""
        st = self.store._s
        g = NamedNode(rg)
        author = NamedNode(SCHEMA + "author")
        out, authors = [], {}
        for iri in sorted(i for i in iris if i):
            prefix = iri + "/"
            for q in st.quads_for_pattern(NamedNode(iri), None, None, g):
                out.append(q)
                o = q.object
                if isinstance(o, NamedNode):
                    if o.value.startswith(prefix):
                        out.extend(st.quads_for_pattern(o, None, None, g))
                    elif q.predicate == author:
                        authors.setdefault(iri, set()).add(o.value)
        return out, authors

    def _counts(self, old_desc, described: set, folded) -> dict:
        """Entities of each kind after the change, from the stored counts and what this change made or dropped."""
        kinds = {"person/": "person", "paper/": "paper", "venue/": "venue", "org/": "org"}
        base = self.m.base
        counts = {k: int(self.ix.meta("count-" + k) or 0) for k in kinds.values()}
        typ = RDF + "type"
        was = {q.subject.value for q in old_desc if q.predicate.value == typ and q.subject.value in described}
        now = set(folded.people) | set(folded.papers) | set(folded.venues) | {o.iri for o in folded.orgs.values() if not o.group}
        for iri in was ^ now:
            kind = next((v for k, v in kinds.items() if iri.startswith(base + k)), None)
            if kind:
                counts[kind] += 1 if iri in now else -1
        return counts

    def _view(self, keys: list, res: Resolution) -> Resolution:
        """The resolution holding what the source graphs and owner edges of ``keys`` need (one for the
        whole update: each source is planned once)."""
        view = self.view
        for k in keys:
            if k in self._viewed:
                continue
            self._viewed.add(k)
            cv = self.cv(k)
            self.r.plan_ops(cv, view)
            e = self.entry(k) if k not in self.changed else None
            if e is not None:
                for mid, iri in e.person_of.items():
                    view.person_of[(k, mid)] = res.person_of.get((k, mid), iri)
                owner = res.owner_of.get(k, e.owner)
            else:
                view.person_of.update({key: v for key, v in res.person_of.items() if key[0] == k})
                owner = res.owner_of.get(k)
            if owner:
                view.owner_of[k] = owner
        return view

    def _derived(self, affected: set, folded: Resolution, refold: set, res: Resolution, rg: str, dg: str):
        """(removed, added) quads of the derived graph: the edges of every affected person, compared person
        by person (a change reaching most of the corpus would otherwise hold the whole graph twice)."""
        st = self.store._s
        g_r, g_d = NamedNode(rg), NamedNode(dg)
        author, co = NamedNode(SCHEMA + "author"), K("coAuthor")
        # co-authors: stored papers the change did not touch, and the papers folded again
        papers = list(folded.papers.values())
        seen = set(folded.papers)
        for x in sorted(affected):
            for q in st.quads_for_pattern(None, author, NamedNode(x), g_r):
                p = q.subject.value
                if p in refold or p in seen:
                    continue
                seen.add(p)
                authors = [Authorship(a.object.value, None, None) for a in st.quads_for_pattern(q.subject, author, None, g_r)]
                papers.append(PaperEntity(p, "", authors=authors))
        sets = coauthor_sets(papers, self.is_person)
        del papers
        # owners' edges from all the CVs they own
        # a CV's owner is the one cluster res.owner_of names (its owner's forms may sit in two clusters
        # when a union was refused; the full build gives the CV to the last of them, and so here)
        owned = {x: sorted(s for s in res.people[x].owner_of if res.owner_of.get(s) == x) for x in affected
                 if x in res.people}
        rest = [x for x in affected if x not in res.people]
        for x, srcs in self.ix.owned_by(rest).items():
            owned[x] = sorted(srcs)
        # … drawn again only for the people whose edges may differ: a CV of theirs changed, went, or has a
        # mention resolved elsewhere (an advisor), or they gained or lost a mention (a CV among them);
        # the others (co-authors of a paper folded again) keep the edges the store holds
        redo = set(self.changed) | set(self.removed) | self.touched
        kept = {x for x in affected if x not in self.moved_people and x not in self.owners
                and redo.isdisjoint(owned.get(x, ()))}
        owned = {x: srcs for x, srcs in owned.items() if x not in kept}
        view = self._view(sorted({s for v in owned.values() for s in v}), res)
        edges: dict = {}
        for x, ss in owned.items():
            for s in ss:
                owner_edges(self.cv(s), view, x, edges.setdefault(x, set()))
        removed, added = [], []
        for x in sorted(affected):
            nx = NamedNode(x)
            was = set(st.quads_for_pattern(nx, None, None, g_d))
            e = Emitter(dg)
            for y in sorted(sets.get(x, ())):
                if y != x:
                    e.node(x, co, y)
            edge_quads(e, edges.get(x, ()))
            now = set(e.quads)
            if x in kept:  # its owner edges as they are
                now.update(q for q in was if q.predicate != co)
            for qs, out in ((was - now, removed), (now - was, added)):
                out.extend(qs)
                # co-authorship is symmetric: the other side's edge, when the other side is not redone itself
                out.extend(Quad(q.object, co, nx, g_d) for q in qs
                           if q.predicate == co and q.object.value not in affected)
        return removed, added


def apply_update(store, index: Index, minter: Minter, changed: dict, removed: list, report,
                 stats: Optional[dict] = None) -> None:
    """Apply ``changed`` (source key → CV, new or changed) and ``removed`` (keys) to the store;
    ``stats`` are the size and modification time of the files read (key → (size, mtime))."""
    if len(changed) + len(removed) > MAX_SOURCES:
        raise NotIncremental(f"{len(changed) + len(removed)} sources changed")
    Update(store, index, minter, stats or {}).run(changed, removed, report)
