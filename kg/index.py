"""The build index: what an incremental build needs to redo only what a change touches.

A SQLite file inside the store folder (``pubkg-index.sqlite``), never part of the RDF
dataset. Per source it keeps the person-resolution plan (mentions in order), the IRIs its
mentions resolved to, and the operations it states on venues, organizations, courses and
papers (see :mod:`kg.resolve.entities`); across sources, which forms each source writes,
the keys and pairs through which forms can meet (:func:`kg.resolve.people.name_features`,
:func:`~kg.resolve.people.name_alts`), and the
first lookup of each venue and organization key (abbreviations depend on them). It also keeps each
source's reference-string parses (``SourceInfo.parses``), for its next extraction.

The index is only trusted when it was written by the same code for the same base IRI and
the store has not been written since: every write of the store first leaves a mark in its
folder (:data:`kg.store.WRITTEN`), which only a committed index clears. A build killed
between the store's commit and the index's leaves the mark, and the next build resolves
everything and writes a new index. A full build writes it to a fresh file that replaces the
old one; an incremental build changes it in one SQLite transaction, committed after the
store's own. The index also keeps the :func:`fingerprint` of the store it describes (the
source graphs and their digests): :func:`store_fingerprint` checks it at leisure.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from functools import partial
from pathlib import Path
from typing import Iterable, Optional

from .rdf.build import person_digest
from .store import WRITTEN, clear_written
from .resolve import PeoplePlan
from .resolve.people import name_alts, name_features, slip_block, slip_pairs, slip_partners

FILE = "pubkg-index.sqlite"
VERSION = "10"  # of the index's format: change it with the tables or what they hold
_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB);
CREATE TABLE src(key TEXT PRIMARY KEY, blob BLOB);
CREATE TABLE ops(iri TEXT, phase INT, src TEXT, seq INT, op BLOB);
CREATE TABLE names(name TEXT, src TEXT, blob BLOB, PRIMARY KEY(name, src));  -- a rowid table: blobs of 1-2 KB
CREATE TABLE feats(feat TEXT, name TEXT, PRIMARY KEY(feat, name)) WITHOUT ROWID;
CREATE TABLE alts(name TEXT, alt TEXT, PRIMARY KEY(name, alt)) WITHOUT ROWID;
CREATE TABLE slips(block TEXT, key TEXT, PRIMARY KEY(block, key)) WITHOUT ROWID;
CREATE TABLE hits(kind TEXT, key TEXT, src TEXT, hit BLOB, PRIMARY KEY(kind, key, src)) WITHOUT ROWID;
CREATE TABLE people(iri TEXT PRIMARY KEY, digest TEXT) WITHOUT ROWID;
CREATE TABLE owned(iri TEXT, src TEXT, PRIMARY KEY(iri, src)) WITHOUT ROWID;
CREATE TABLE parses(key TEXT PRIMARY KEY, extractor TEXT, blob BLOB);  -- SourceInfo.parses
CREATE TABLE files(key TEXT PRIMARY KEY, graph TEXT, sha256 TEXT, root TEXT, digest TEXT, size INT, mtime INT,
                   extractor TEXT);
"""
_INDEXES = """
CREATE INDEX ops_iri ON ops(iri);
CREATE INDEX ops_src ON ops(src);
CREATE INDEX names_src ON names(src);
CREATE INDEX feats_name ON feats(name);
CREATE INDEX alts_alt ON alts(alt);
CREATE INDEX hits_src ON hits(src);
CREATE INDEX owned_src ON owned(src);
"""


def code_version() -> str:
    """Of the format and of the code an index's contents depend on (resolution, names, records, the
    RDF builder): another version of either means a full build."""
    from importlib.resources import files

    h = hashlib.sha1(VERSION.encode())
    for pkg, names in (("kg", ("names.py", "records.py")),
                       ("kg.resolve", ("__init__.py", "entities.py", "people.py", "orgs.py", "venues.py")),
                       ("kg.rdf", ("build.py",))):
        for n in names:
            h.update((files(pkg) / n).read_bytes())
    return h.hexdigest()


def fingerprint(digests: Iterable[tuple]) -> str:
    """Of a store's state: its source graphs and the digest each was written with."""
    h = hashlib.sha1()
    for graph, dig in sorted(digests, key=lambda t: t[0]):
        h.update(f"{graph}\x1f{dig}\x1e".encode("utf-8"))
    return h.hexdigest()


def store_fingerprint(store) -> str:
    """:func:`fingerprint` of what a store holds (one index scan: the digest of every source graph)."""
    from .iri import KG

    rows = store._s.query(f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?s <{KG}resolutionDigest> ?d }} }}")
    return fingerprint((g.value, d.value) for g, d in rows)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _dump(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


_load = pickle.loads


class Entry:
    """What the index keeps of one source: the head pickled in ``src``, its mentions pickled form by form
    in ``names`` (each with the IRI it resolved to) and decoded on demand. An update reads a few forms
    of thousands of sources (:meth:`plan_for`, :meth:`iri_of`) and the whole of only the sources it
    rewrites; an entry read for some forms only (``Index.entries(keys, forms)``) fetches the rest
    itself when it is asked for its whole plan."""

    __slots__ = ("head", "blobs", "groups_of", "paper_blob", "owner", "_plan", "_po", "_seen", "_papers", "_rest",
                 "_loaded")

    def __init__(self, plan, person_of: dict, paper_of: dict, owner: Optional[str]):
        self._plan = plan  # kg.resolve.PeoplePlan
        self.head = (plan.key, plan.owner_name, plan.key_names, plan.groups, plan.contact)
        self.blobs = None  # form → pickled [(position, Mention, IRI or None)]
        self._po = person_of  # mention id → person or group IRI (None until asked for whole)
        self._papers = paper_of
        self.paper_blob = None
        self.groups_of = {mid: person_of[mid] for mid, _ in plan.groups if mid in person_of}
        self._seen: dict = {}  # mention id → IRI, of the forms decoded so far
        self.owner = owner
        self._rest = None  # for an entry read for some forms: () → all its form blobs
        self._loaded = None  # … and those forms

    @property
    def key(self) -> str:
        return self.head[0]

    @property
    def plan(self):
        """The source's whole plan."""
        if self._plan is None:
            self._whole()
            self._plan = self._decode(self.blobs)
        return self._plan

    def _whole(self) -> None:
        if self._rest is not None:
            self.blobs = self._rest()
            self._rest = self._loaded = None

    @property
    def person_of(self) -> dict:
        """Mention id → the person or group IRI it resolved to, for the whole source (a dict that may be
        changed: the entry is stored with it)."""
        if self._po is None:
            self.plan
            self._po = {**self._seen, **self.groups_of}
        return self._po

    @property
    def paper_of(self) -> dict:
        """Publication index → paper IRI."""
        if self._papers is None:
            self._papers = _load(self.paper_blob)
        return self._papers

    def iri_of(self, mid) -> Optional[str]:
        """The IRI of one mention of a form decoded already (:meth:`plan_for`), or of a group."""
        if self._po is not None:
            return self._po.get(mid)
        return self._seen.get(mid) or self.groups_of.get(mid)

    def plan_for(self, names) -> "PeoplePlan":
        """The plan with only the mentions of the forms ``names``, in order."""
        if self._plan is not None:
            return self._with([m for m in self._plan.mentions if m.name in names])
        if self._loaded is not None and not self._loaded >= set(names):
            self._whole()
        return self._decode(self.blobs.keys() & names)

    def _decode(self, names) -> "PeoplePlan":
        rows = []
        for n in names:
            rows.extend(_load(self.blobs[n]))
        rows.sort(key=lambda r: r[0])
        seen = self._seen
        for _, m, iri in rows:
            if iri is not None:
                seen[m.mid] = iri
        return self._with([m for _, m, _ in rows])

    def _with(self, mentions: list) -> "PeoplePlan":
        """The source's plan with these mentions."""
        key, owner_name, key_names, groups, contact = self.head
        return PeoplePlan(key, owner_name, mentions, key_names, groups, contact)

    def __getstate__(self):
        """The head (its form blobs, ``blobs``, are stored beside it: see ``Index.put_source``)."""
        self._whole()
        if self.blobs is None or self._po is not None:  # new, or its IRIs may have changed
            po = self.person_of
            forms: dict = {}
            for i, m in enumerate(self.plan.mentions):
                forms.setdefault(m.name, []).append((i, m, po.get(m.mid)))
            self.blobs = {n: _dump(rows) for n, rows in forms.items()}
            self.groups_of = {mid: po[mid] for mid, _ in self.head[3] if mid in po}
        if self.paper_blob is None or self._papers is not None:
            self.paper_blob = _dump(self.paper_of)
        return (self.head, self.groups_of, self.paper_blob, self.owner)

    def __setstate__(self, st):
        self.head, self.groups_of, self.paper_blob, self.owner = st
        self.blobs = self._plan = self._po = self._papers = self._rest = self._loaded = None
        self._seen = {}


def entry_of(plan, res, cv) -> Entry:
    """What the index keeps of one source, from its plan and a resolution that holds it."""
    key = plan.key
    po = {m.mid: res.person_of[(key, m.mid)] for m in plan.mentions if (key, m.mid) in res.person_of}
    for mid, _ in plan.groups:
        if (key, mid) in res.person_of:
            po[mid] = res.person_of[(key, mid)]
    papers = {i: res.paper_of[(key, i)] for i in range(len(cv.publications)) if (key, i) in res.paper_of}
    return Entry(plan, po, papers, res.owner_of.get(key))


def alt_rows(names: Iterable[str]):
    return ((n, a) for n in names for a in name_alts(n))


def hit_rows(key: str, venue_hits: list, org_hits: list):
    seen = set()
    for kind, hits in (("v", venue_hits), ("o", org_hits)):
        for hit in hits:
            if (kind, hit[-1]) not in seen:
                seen.add((kind, hit[-1]))
                yield kind, hit[-1], key, _dump(hit)


class Index:
    """An open index (read, or changed in one transaction)."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.db = conn

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, store_path) -> Optional["Index"]:
        """The index of a store, or None when there is none or it cannot be read."""
        path = Path(store_path) / FILE
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(str(path), isolation_level=None)
            db.execute("PRAGMA journal_mode=DELETE")
            if db.execute("SELECT v FROM meta WHERE k='version'").fetchone() != (VERSION,):
                db.close()
                return None
        except sqlite3.Error:
            return None
        return cls(path, db)

    def why_not(self, store, base: str) -> Optional[str]:
        """Why this index does not describe the store as it is, or None when it does."""
        if (Path(store.path) / WRITTEN).exists():
            return "the store was written after its build index (a build was interrupted)"
        try:
            if self.meta("base") != base:
                return "the store was built with another base IRI"
            if self.meta("code") != code_version():
                return "the store was built by another version of PubKG"
        except sqlite3.Error:
            return "its build index cannot be read"
        return None

    def listed(self) -> dict:
        """The store's sources as the index records them: key → {"graph", "sha256", "root", "digest", "size", "mtime",
        "extractor"}."""
        return {k: {"graph": g, "sha256": sha, "root": root or "", "digest": dig, "size": size, "mtime": mtime,
                    "extractor": ex or ""}
                for k, g, sha, root, dig, size, mtime, ex in self.db.execute("SELECT * FROM files")}

    def put_file(self, key: str, graph: str, sha: str, root: str, digest: str, stat: Optional[tuple],
                 extractor: str = "") -> None:
        size, mtime = stat or (None, None)
        self.db.execute("INSERT OR REPLACE INTO files VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                        (key, graph, sha, root, digest, size, mtime, extractor))

    def set_digest(self, key: str, digest: str) -> None:
        self.db.execute("UPDATE files SET digest=? WHERE key=?", (digest, key))

    def current_fingerprint(self) -> str:
        return fingerprint(self.db.execute("SELECT graph, digest FROM files"))

    def meta(self, k: str):
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (k,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()

    # -- reading ---------------------------------------------------------------------
    def entries(self, keys: Iterable[str], forms: Optional[set] = None) -> dict:
        """Source key → :class:`Entry`, whole, or with the mentions of the forms ``forms`` only (the rest
        is read when the entry is asked for its whole plan)."""
        out = {k: _load(blob) for k, blob in self.many("SELECT key, blob FROM src WHERE key IN ({})", keys)}
        if forms is None:
            for e in out.values():
                e.blobs = {}
            for name, src, blob in self.many("SELECT name, src, blob FROM names WHERE src IN ({})", out):
                out[src].blobs[name] = blob
            return out
        for e in out.values():
            e.blobs, e._loaded = {}, frozenset(forms)
            e._rest = partial(self.blobs_of, e.key)
        for name, src, blob in self.many("SELECT name, src, blob FROM names WHERE name IN ({})", forms):
            if src in out:
                out[src].blobs[name] = blob
        return out

    def parses_of(self, keys: Iterable[str], extractor: str) -> dict:
        """Source key → the parses its last extraction made (``SourceInfo.parses``), when the same version of
        the extractor made them."""
        return {k: blob for k, ex, blob in self.many("SELECT key, extractor, blob FROM parses WHERE key IN ({})", keys)
                if ex == extractor}

    def blobs_of(self, key: str) -> dict:
        """Form → the pickled mentions of that form in the source ``key``."""
        return dict(self.db.execute("SELECT name, blob FROM names WHERE src=?", (key,)))

    def many(self, sql: str, values: list) -> list:
        """Rows of ``sql`` (whose ``IN ({})`` takes the values) for values in batches of 500."""
        out = []
        values = list(values)
        for i in range(0, len(values), 500):
            part = values[i:i + 500]
            out.extend(self.db.execute(sql.format(",".join("?" * len(part))), part).fetchall())
        return out

    def component(self, seeds: set) -> set:
        """The forms reachable from the forms ``seeds``: through keys they share (:func:`name_features`),
        and from a form to the forms written as its alternatives (:func:`name_alts`) and back."""
        names, feats = set(), set()
        frontier = set(seeds)
        while frontier:
            names |= frontier
            own = {f for (f,) in self.many("SELECT feat FROM feats WHERE name IN ({})", frontier)}
            for n in frontier:
                own |= name_features(n)
            alts = {"m" + a for (a,) in self.many("SELECT alt FROM alts WHERE name IN ({})", frontier)}
            more = (own | alts) - feats
            feats |= more
            rows = self.many("SELECT feat, name FROM feats WHERE feat IN ({})", more)
            found = {n for _, n in rows}
            # the longer forms that have a form found here as an alternative (only a written form,
            # so that two longer forms do not meet through an alternative nobody writes)
            keys = {f[1:] for f in own & more if f[0] == "m"} | {f[1:] for f, _ in rows if f[0] == "m"}
            found |= {n for (n,) in self.many("SELECT name FROM alts WHERE alt IN ({})", keys)}
            frontier = found - names
        return names

    def sources_of(self, names: set) -> set:
        return {s for (s,) in self.many("SELECT DISTINCT src FROM names WHERE name IN ({})", names)}

    def ops_of(self, iris: Iterable[str]) -> dict:
        """IRI → [(phase, source, seq, operation)] in fold order."""
        out: dict = {}
        for iri, phase, src, seq, op in self.many("SELECT iri, phase, src, seq, op FROM ops WHERE iri IN ({})", iris):
            out.setdefault(iri, []).append((phase, src, seq, _load(op)))
        for v in out.values():
            v.sort(key=lambda t: t[:3])
        return out

    def person_digests(self, iris: Iterable[str]) -> dict:
        """IRI → the digest of the description stored for that person (see ``person_digest``)."""
        return dict(self.many("SELECT iri, digest FROM people WHERE iri IN ({})", iris))

    def set_people(self, digests: dict, gone: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM people WHERE iri=?", [(x,) for x in gone])
        self.db.executemany("INSERT OR REPLACE INTO people VALUES(?, ?)", sorted(digests.items()))

    def owned_by(self, iris: Iterable[str]) -> dict:
        out: dict = {}
        for iri, src in self.many("SELECT iri, src FROM owned WHERE iri IN ({})", iris):
            out.setdefault(iri, []).append(src)
        return out

    def first_hits(self, kind: str, keys: Optional[Iterable[str]] = None) -> dict:
        """key → the first lookup of it in the corpus (source order)."""
        if keys is None:
            rows = self.db.execute("SELECT key, hit, MIN(src) FROM hits WHERE kind=? GROUP BY key", (kind,)).fetchall()
        else:
            rows = self.many(f"SELECT key, hit, MIN(src) FROM hits WHERE kind='{kind}' AND key IN ({{}}) GROUP BY key", keys)
        return {k: _load(h) for k, h, _ in rows}

    # -- changing (inside begin() … commit()) ------------------------------------------------
    def begin(self) -> None:
        self.db.execute("BEGIN")

    def commit(self, fp: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES('fingerprint', ?)", (fp,))
        self.db.execute("COMMIT")
        clear_written(self.path.parent)

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def drop_sources(self, keys: Iterable[str]) -> None:
        for k in keys:
            for table, col in (("src", "key"), ("ops", "src"), ("names", "src"), ("hits", "src"), ("owned", "src"),
                               ("parses", "key"), ("files", "key")):
                self.db.execute(f"DELETE FROM {table} WHERE {col}=?", (k,))

    def put_parses(self, source) -> None:
        """Keep a source's reference-string parses (``SourceInfo.parses``) for its next extraction."""
        if source.parses:
            self.db.execute("INSERT OR REPLACE INTO parses VALUES(?, ?, ?)", (source.key, source.extractor, source.parses))

    def put_hits(self, key: str, venue_hits: list, org_hits: list) -> None:
        """Record the venue and organization lookups of one source (see ``Resolver.hits``)."""
        self.db.executemany("INSERT OR IGNORE INTO hits VALUES(?, ?, ?, ?)", hit_rows(key, venue_hits, org_hits))

    def put_source(self, entry: Entry, ops: list, new: bool = False) -> None:
        """Record one source (``new``: the index is being written from scratch, nothing to replace)."""
        key = entry.key
        self._put_entry(entry)
        self.db.executemany("INSERT INTO ops VALUES(?, ?, ?, ?, ?)",
                            [(iri, phase, key, seq, _dump(op)) for seq, (phase, iri, op) in enumerate(ops)])
        if new:
            if entry.owner:
                self.db.execute("INSERT OR IGNORE INTO owned VALUES(?, ?)", (entry.owner, key))
        else:
            self.set_owner(key, entry.owner)

    def set_entry(self, entry: Entry) -> None:
        self._put_entry(entry)
        self.set_owner(entry.key, entry.owner)

    def _put_entry(self, entry: Entry) -> None:
        """The head in ``src``, the forms' mentions in ``names`` (pickling the head makes the form blobs)."""
        self.db.execute("INSERT OR REPLACE INTO src VALUES(?, ?)", (entry.key, _dump(entry)))
        self.db.executemany("INSERT OR REPLACE INTO names VALUES(?, ?, ?)",
                            [(name, entry.key, blob) for name, blob in entry.blobs.items()])

    def set_owner(self, key: str, owner: Optional[str]) -> None:
        self.db.execute("DELETE FROM owned WHERE src=?", (key,))
        if owner:
            self.db.execute("INSERT OR IGNORE INTO owned VALUES(?, ?)", (owner, key))

    def add_names(self, plan) -> None:
        """Record the forms a source writes, and the keys through which they meet others."""
        rows, feats = set(), set()
        for m in plan.mentions:
            rows.add((m.name, plan.key))
            feats.update((x, m.name) for x in name_features(m.name))
            if m.owner:
                feats.add(("s" + plan.key, m.name))
        self.db.executemany("INSERT OR IGNORE INTO names VALUES(?, ?, NULL)", rows)
        self.db.executemany("INSERT OR IGNORE INTO feats VALUES(?, ?)", feats)
        self.db.executemany("INSERT OR IGNORE INTO alts VALUES(?, ?)", alt_rows(n for n, _ in rows))
        self._add_slips({m.name for m in plan.mentions})

    def _add_slips(self, names: set) -> None:
        """Link each new full form to the keys of its block it may be a slip of (rule 3d)."""
        for name in names:
            sb = slip_block(name)
            if sb is None:
                continue
            block, key = sb
            if self.db.execute("SELECT 1 FROM slips WHERE block=? AND key=?", sb).fetchone():
                continue
            others = [k for (k,) in self.db.execute("SELECT key FROM slips WHERE block=?", (block,))]
            self.db.execute("INSERT INTO slips VALUES(?, ?)", sb)
            for other in slip_partners(key, others):
                feat = "p" + min(key, other) + "\x1f" + max(key, other)
                partners = [n for (n,) in self.db.execute("SELECT name FROM feats WHERE feat=?", ("m" + other,))]
                self.db.executemany("INSERT OR IGNORE INTO feats VALUES(?, ?)", [(feat, n) for n in partners + [name]])


class IndexWriter:
    """Writes a whole new index beside the store while a full build resolves (see ``Resolver.resolve``'s sink)."""

    def __init__(self, store_path, resolver):
        import tempfile

        store_path = Path(store_path)
        parent = store_path.resolve().parent
        fd, tmp = tempfile.mkstemp(prefix=f".{store_path.name}.index-", suffix=".sqlite", dir=parent)
        os.close(fd)
        os.chmod(tmp, 0o644 & ~_umask())
        self.tmp = Path(tmp)
        self.store_path = store_path
        self.resolver = resolver
        self.db = sqlite3.connect(tmp, isolation_level=None)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self.db.execute("BEGIN")
        self.ix = Index(self.tmp, self.db)
        self.names: set = set()
        self.owner_feats: list = []

    def __call__(self, plan, ops, res, cv, hits) -> None:
        self.ix.put_source(entry_of(plan, res, cv), ops, new=True)
        self.ix.put_parses(cv.source)
        self.ix.put_hits(plan.key, *hits)  # put_source wrote the forms' rows in names
        for m in plan.mentions:
            self.names.add(m.name)
            if m.owner:
                self.owner_feats.append(("s" + plan.key, m.name))

    def people(self, people: dict) -> None:
        """Record the digest of every person's description (``Resolution.people``)."""
        self.ix.set_people({iri: person_digest(p) for iri, p in people.items()}, ())

    def finish(self, files: list, base: str, counts: dict, triples: int) -> None:
        """``files``: (key, graph, sha256, root, digest, (size, mtime) or None) for every source."""
        db = self.db
        feats = set(self.owner_feats)
        blocks: dict = {}
        for name in self.names:
            feats.update((f, name) for f in name_features(name))
            sb = slip_block(name)
            if sb:
                blocks.setdefault(sb[0], {}).setdefault(sb[1], []).append(name)
        for block, keys in blocks.items():
            db.executemany("INSERT INTO slips VALUES(?, ?)", [(block, k) for k in keys])
            if len(keys) > 1:
                for a, b, _ in slip_pairs(keys):
                    feat = "p" + a + "\x1f" + b
                    feats.update((feat, n) for n in keys[a] + keys[b])
        db.executemany("INSERT OR IGNORE INTO feats VALUES(?, ?)", sorted(feats))
        db.executemany("INSERT OR IGNORE INTO alts VALUES(?, ?)", alt_rows(self.names))
        for stmt in filter(str.strip, _INDEXES.split(";")):
            db.execute(stmt)
        for f in files:
            self.ix.put_file(*f)
        self._keep_parses()
        r = self.resolver
        db.executemany("INSERT INTO meta VALUES(?, ?)", [
            ("version", VERSION), ("base", base), ("fingerprint", fingerprint((f[1], f[4]) for f in files)),
            ("code", code_version()), ("triples", str(triples)),
            ("abbreviations", _dump((r._venue_of_key, r._org_of_key)))] +
            [("count-" + k, str(v)) for k, v in counts.items()])
        db.execute("COMMIT")
        db.close()

    def _keep_parses(self) -> None:
        """Copy from the index this one replaces the parses of the sources not read again (written by the same
        extractor: they are only a cache, so an old index that cannot be read just has none to give)."""
        old = self.store_path / FILE
        if not old.is_file():
            return
        from .extract import extractor_version

        try:
            src = sqlite3.connect(old.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                rows = src.execute("SELECT key, extractor, blob FROM parses WHERE extractor=?", (extractor_version(),))
                self.db.executemany("INSERT OR IGNORE INTO parses SELECT ?, ?, ? WHERE EXISTS "
                                    "(SELECT 1 FROM files WHERE key=?)", ((k, e, b, k) for k, e, b in rows))
            finally:
                src.close()
        except sqlite3.Error:
            pass  # (no parses to keep: the next edit of those sources parses their references again)

    def install(self, store_path) -> None:
        """Put the new index in the store folder (after the store itself was written)."""
        os.replace(self.tmp, Path(store_path) / FILE)
        clear_written(store_path)

    def discard(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass
        self.tmp.unlink(missing_ok=True)
