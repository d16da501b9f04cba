"""The embedded on-disk store (Oxigraph) and SPARQL access to it.

Writes are atomic: one SPARQL Update request (DROP + INSERT DATA) is one
transaction, so a failed or killed build leaves the store as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .errors import QueryError, StoreError
from .iri import KG

_UPDATE_RE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)


#: a file in the store folder saying "written since its build index was" (:mod:`kg.index` clears it)
WRITTEN = "pubkg-index.stale"
BULK_PIECE = 100_000  # quads per bulk-loader call (about 100 MB of loader memory each)
EXACT_QUADS = 200_000  # quads of one graph above which :meth:`Store.sync` compares it by digests
HELD_TEXT = 20_000_000  # characters of literals a sync's change may hold before it is bulk-loaded instead


def _ox():
    import pyoxigraph

    return pyoxigraph


class Store:
    """A PubKG store on disk. Use :func:`open_store` to get one."""

    def __init__(self, path, read_only: bool = True, create: bool = False):
        self.path = Path(path)
        recover(self.path)
        ox = _ox()
        if read_only:
            if not self.path.is_dir() or not any(self.path.iterdir()):
                raise StoreError(f"no store at {self.path} (run 'kg build … --store {self.path}' first)")
            try:
                self._s = ox.Store.read_only(str(self.path))
            except OSError as e:
                raise StoreError(f"cannot open the store at {self.path}: {e}") from None
        else:
            if self.path.exists() and not self.path.is_dir():
                raise StoreError(f"{self.path} exists and is not a store directory")
            if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / "CURRENT").exists():
                raise StoreError(f"{self.path} is a non-empty directory that is not a PubKG store")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)  # "--store out/kg-store" makes out/ too
                self._s = ox.Store(str(self.path))
            except OSError as e:
                msg = str(e)
                if "lock" in msg.lower():
                    msg = "it is in use by another process (a running 'kg serve' or build?)"
                raise StoreError(f"cannot open the store at {self.path} for writing: {msg}") from None
            drop_abandoned(self.path)
        self.read_only = read_only

    # -- reading -----------------------------------------------------------
    def raw_query(self, sparql: str):
        if _UPDATE_RE.match(_strip_comments(sparql)):
            raise QueryError("kg query is read-only: SPARQL Update (INSERT/DELETE/DROP/…) is refused")
        try:
            return self._s.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {_one_line(e)}") from None
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {_one_line(e)}") from None

    def select(self, sparql: str) -> list[dict]:
        """Rows of a SELECT as dicts of Python values (str for IRIs and literals)."""
        res = self.raw_query(sparql)
        if not hasattr(res, "variables"):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in res.variables]
        return [{n: (None if t is None else t.value) for n, t in zip(names, sol)} for sol in res]

    def source_list(self) -> dict[str, dict]:
        """Sources without their cached extraction: key → {"graph", "sha256", "digest", "root", "extractor"}
        (read by index lookups, not SPARQL: a store of 10,000 CVs lists them in a few ms)."""
        ox = _ox()
        per: dict = {}
        for local, field in (("fileName", "key"), ("sha256", "sha256"), ("resolutionDigest", "digest"),
                             ("sourceRoot", "root"), ("extractorVersion", "extractor")):
            for q in self._s.quads_for_pattern(None, ox.NamedNode(KG + local), None, None):
                if isinstance(q.graph_name, ox.NamedNode):
                    per.setdefault((q.graph_name.value, q.subject.value), {})[field] = q.object.value
        out = {}
        for (g, _), v in per.items():
            if "key" in v and "sha256" in v:
                out[v["key"]] = {"graph": g, "sha256": v["sha256"], "digest": v.get("digest"), "root": v.get("root", ""),
                                 "extractor": v.get("extractor", "")}
        return out

    def sources(self) -> dict[str, dict]:
        """Cached sources: key → {"sha256", "extraction" (the CV JSON), "graph", "digest", "root", "extractor"}."""
        return {key: v for key, v in self.iter_sources()}

    def iter_sources(self, but: Iterable[str] = ()) -> Iterator[tuple[str, dict]]:
        """The cached sources one by one, as :meth:`sources` gives them, but those of the keys ``but``:
        :meth:`source_list` and each one's extraction (a store of 10,000 CVs holds a gigabyte of extraction
        JSON: a caller that turns each into a record never holds it all)."""
        ox = _ox()
        but = set(but)
        by_graph = {v["graph"]: (k, v) for k, v in self.source_list().items() if k not in but}
        for q in self._s.quads_for_pattern(None, ox.NamedNode(KG + "extraction"), None, None):
            hit = by_graph.get(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else None
            if hit is not None:
                yield hit[0], {**hit[1], "extraction": json.loads(q.object.value)}

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._s.named_graphs())

    def __len__(self) -> int:
        return len(self._s)  # counts every quad: use is_empty() to ask whether there are any

    def is_empty(self) -> bool:
        return next(iter(self._s.quads_for_pattern(None, None, None, None)), None) is None

    def quads(self):
        return self._s.quads_for_pattern(None, None, None, None)

    def dump(self, fmt, out=None, graph=None):
        return self._s.dump(out, format=fmt, from_graph=graph) if graph else self._s.dump(out, format=fmt)

    # -- writing -----------------------------------------------------------
    def replace(self, graphs: Iterable[tuple[str, list]], drop: Iterable[str] = ()) -> int:
        """Replace whole named graphs in ONE transaction. Returns triples written."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        parts, n = [], 0
        for g in drop:
            parts.append(f"DROP SILENT GRAPH <{g}>")
        body = []
        for g, quads in graphs:
            parts.append(f"DROP SILENT GRAPH <{g}>")
            if quads:
                body.append(f"GRAPH <{g}> {{\n")
                body.extend(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
                body.append("}\n")
                n += len(quads)
        if body:
            parts.append("INSERT DATA {\n" + "".join(body) + "}")
        self._update(parts)
        return n

    def rewrite(self, graphs: Iterable[tuple[str, list]], small: Optional[int] = None) -> int:
        """Replace the whole dataset with ``graphs`` atomically.

        Small datasets go in one SPARQL Update transaction. Large ones are bulk-loaded
        into a fresh store beside this one, which then takes its place by renames
        (:func:`recover` finishes an interrupted swap), so a build killed at any
        moment leaves either the old store or the new one, never a mix.
        """
        if small is None:  # quads above which a build bulk-loads a fresh store (tunable)
            small = int(os.environ.get("PUBKG_BULK_THRESHOLD", "200000"))
        buffered: list = []
        count = 0
        it = iter(graphs)
        for g, quads in it:
            buffered.append((g, quads))
            count += len(quads)
            if count > small:
                return self._bulk_rewrite(buffered, it)
        merged: dict = {}
        for g, quads in buffered:  # a graph may come in several pieces
            merged.setdefault(g, []).extend(quads)
        return self.replace(list(merged.items()), [g for g in self.graphs() if g not in merged])

    def sync(self, make_graphs, small: Optional[int] = None) -> tuple[int, int, int]:
        """Make the dataset equal to the graphs ``make_graphs()`` yields, writing only what changed, atomically.

        ``make_graphs`` is called once, or twice for a big change, and yields ``(graph IRI,
        quads)`` pieces (a graph may come in several consecutive pieces); ``(graph, None)``
        means "keep this graph as it is". Every other graph is compared with what the
        store holds; the removed and added quads (and graphs that are gone) go in ONE
        SPARQL Update, so re-building after one changed CV touches that CV's graph and the
        entities its facts reach, not the whole store. An empty store, or a change bigger
        than the bulk threshold (counted, not held, past it), is bulk-loaded into a fresh
        store by :meth:`rewrite` instead (kept graphs are copied from this one).
        Returns (triples, removed, added).
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        if small is None:
            small = int(os.environ.get("PUBKG_BULK_THRESHOLD", "200000"))
        ox = _ox()
        if self.is_empty():
            n = self.rewrite(((g, q) for g, q in make_graphs() if q is not None), small)
            return n, 0, n
        changes = _Changes(small)
        keep: set = set()
        diff = None
        for g, quads in make_graphs():
            if diff is None or g != diff.graph:
                if diff is not None:
                    diff.finish()
                diff = _GraphDiff(self._s, g, changes)
            keep.add(g)
            if quads is None:
                diff = None
                continue
            diff.add(quads)
        if diff is not None:
            diff.finish()
        diff = None
        gone = [g for g in self.graphs() if g not in keep]
        gone_n = sum(1 for g in gone for _ in self._s.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        removed_n, added_n = changes.n_removed + gone_n, changes.n_added
        if not changes.held or removed_n + added_n > small:  # (gone graphs count too)
            del changes  # a big change: bulk-loaded (held as quads and SPARQL text, it would take gigabytes)
            full = ((g, q if q is not None else list(self._s.quads_for_pattern(None, None, None, ox.NamedNode(g))))
                    for g, q in make_graphs())
            return self.rewrite(full, small), removed_n, added_n
        self.apply(changes.removed, changes.added, gone)
        return len(self._s), removed_n, added_n

    def apply(self, removed, added, drop: Iterable[str] = ()) -> None:
        """Delete ``removed`` quads, insert ``added`` ones and drop the graphs ``drop``, in ONE transaction."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        parts = [f"DROP SILENT GRAPH <{g}>" for g in drop]
        for verb, qs in (("DELETE DATA", removed), ("INSERT DATA", added)):
            if qs:
                body = [f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}\n" for q in qs]
                parts.append(verb + " {\n" + "".join(body) + "}")
        self._update(parts)

    def _update(self, parts: list) -> None:
        """Run SPARQL Update operations as ONE transaction (nothing when there are none)."""
        if not parts:
            return
        self.mark_written()
        try:
            self._s.update(" ;\n".join(parts))
            self._s.flush()
        except (OSError, SyntaxError, ValueError, RuntimeError) as e:
            raise StoreError(f"writing the store failed (nothing was changed): {_one_line(e)}") from None

    def mark_written(self) -> None:
        """Leave the mark :data:`WRITTEN` before a write (the build index clears it once it describes the store
        again: a build killed between the store's commit and the index's leaves it, and the index is not trusted)."""
        mark = self.path / WRITTEN
        if mark.exists():
            return
        os.close(os.open(mark, os.O_CREAT | os.O_WRONLY, 0o644))
        fd = os.open(self.path, os.O_RDONLY)  # the mark is on disk before the store's write is
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _bulk_rewrite(self, first: list, rest) -> int:
        import shutil
        import tempfile

        ox = _ox()
        parent = self.path.resolve().parent
        fresh = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.new-", dir=parent))
        n = 0
        try:
            new = ox.Store(str(fresh))
            # pieces of BULK_PIECE quads: Oxigraph's bulk loader holds a whole call's quads in
            # memory, so one call for the dataset would cost about 1 GB per million quads
            chunk: list = []
            for part in (first, rest):
                for _, quads in part:
                    chunk.extend(quads)
                    if len(chunk) >= BULK_PIECE:
                        new.bulk_extend(chunk)
                        n += len(chunk)
                        chunk = []
                if part is first:
                    first.clear()
            if chunk:
                new.bulk_extend(chunk)
                n += len(chunk)
            new.flush()
            new.optimize()
            del new
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        self._s = None  # release the lock on the old store before the swap
        swap_in(self.path, fresh)
        self._s = ox.Store(str(self.path))
        return n

    def close(self) -> None:
        self._s = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Changes:
    """The quads a sync removes and adds: held while there are at most ``limit`` of them and their
    literals' text is under :data:`HELD_TEXT` characters, only counted past that (such a change is
    bulk-loaded: as quads and SPARQL text, millions of quads, or ten thousand cached extractions of
    100 kB each, would take gigabytes)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.removed: list = []
        self.added: list = []
        self.n_removed = self.n_added = 0
        self.text = 0
        self.held = True

    def remove(self, quads) -> None:
        self.n_removed += self._take(quads, self.removed)

    def add(self, quads) -> None:
        self.n_added += self._take(quads, self.added)

    def _take(self, quads, into: list) -> int:
        """Hold ``quads`` in ``into`` while the change is held; how many there were."""
        literal = _ox().Literal
        n = 0
        for q in quads:
            n += 1
            if self.held:
                into.append(q)
                if isinstance(q.object, literal):
                    self.text += len(q.object.value)
                if self.n_removed + self.n_added + n > self.limit or self.text > HELD_TEXT:
                    self.held = False  # from here on only counted
                    self.removed, self.added = [], []
        return n


class _GraphDiff:
    """What one graph loses and gains (into ``changes``, a :class:`_Changes`) when it becomes the quads
    given to :meth:`add`. A small graph is compared as two sets. Past :data:`EXACT_QUADS` quads, the new
    quads are kept as 128-bit digests only, each looked up in the store, and the stored ones are streamed
    past the digests: a graph of millions of quads (the resolution graph at 10,000 CVs) is never held
    twice as Python objects."""

    def __init__(self, store, graph: str, changes: _Changes):
        self.s, self.graph, self.changes = store, graph, changes
        self.new: set = set()
        self.seen: Optional[set] = None  # digests, once the graph is big

    def add(self, quads) -> None:
        if self.seen is None:
            self.new.update(quads)
            if len(self.new) <= EXACT_QUADS:
                return
            self.seen, quads, self.new = set(), self.new, set()
        seen, s = self.seen, self.s

        def fresh():
            for q in quads:
                d = _digest(q)
                if d not in seen:
                    seen.add(d)
                    if q not in s:
                        yield q

        self.changes.add(fresh())

    def finish(self) -> None:
        stored = self.s.quads_for_pattern(None, None, None, _ox().NamedNode(self.graph))
        if self.seen is None:
            old = set(stored)
            if old != self.new:
                self.changes.remove(old - self.new)
                self.changes.add(self.new - old)
            return
        seen = self.seen
        self.changes.remove(q for q in stored if _digest(q) not in seen)


def clear_written(folder: Path) -> None:
    """Take away the mark :meth:`Store.mark_written` leaves (the build index describes the store again)."""
    (Path(folder) / WRITTEN).unlink(missing_ok=True)


def _digest(q) -> bytes:
    return hashlib.blake2b(str(q).encode("utf-8"), digest_size=16).digest()


def _old(path: Path) -> Path:
    return path.with_name(path.name + ".old")


def swap_in(path: Path, fresh: Path) -> None:
    """Put ``fresh`` where ``path`` is: rename the old away, the new in, then delete the old."""
    import shutil

    old = _old(path)
    if old.exists():
        shutil.rmtree(old)
    if path.exists():
        os.rename(path, old)
    os.rename(fresh, path)  # from here on the new store is in place
    shutil.rmtree(old, ignore_errors=True)


def recover(path: Path) -> None:
    """Finish or undo a swap that a killed build left half done; drop abandoned fresh stores."""
    import shutil

    old = _old(path)
    if old.exists():
        if path.exists():
            shutil.rmtree(old, ignore_errors=True)  # the new store made it in
        else:
            os.rename(old, path)  # killed between the two renames: the old store comes back


def drop_abandoned(path: Path) -> None:
    """Delete fresh stores that killed builds left beside ``path`` (call holding the store's lock)."""
    import shutil

    for p in path.resolve().parent.glob(f".{path.name}.new-*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in path.resolve().parent.glob(f".{path.name}.index-*"):
        p.unlink(missing_ok=True)


def open_store(path, write: bool = False) -> Store:
    return Store(path, read_only=not write)


def _strip_comments(q: str) -> str:
    return re.sub(r"(?m)^\s*#.*$", "", q)


def _one_line(e: Exception) -> str:
    return re.sub(r"\s+", " ", str(e)).strip()[:300]
