"""The library API behind ``kg build``: read → extract → resolve → RDF → store.

>>> from kg.pipeline import build          # doctest: +SKIP
>>> report = build(["cvs/"], "kg-store")   # doctest: +SKIP
"""
from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .errors import InputError, KGError
from .extract import extract, extractor_version
from .index import FILE, Index, IndexWriter
from .iri import DEFAULT_BASE, KG as KG_NS, Minter
from .rdf.build import build_quads, source_digests
from .records import CV
from .resolve import Resolver
from .store import Store


@dataclass
class SkippedSource:
    path: str
    reason: str


@dataclass
class BuildReport:
    store: str
    sources: int = 0
    extracted: int = 0  # new or changed sources read this run
    unchanged: int = 0
    removed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # [SkippedSource]
    warnings: list = field(default_factory=list)  # [(source key, line, text, reason)]
    resolution_warnings: list = field(default_factory=list)
    people: int = 0
    papers: int = 0
    venues: int = 0
    orgs: int = 0
    triples: int = 0
    removed_triples: int = 0  # what this run changed in the store
    added_triples: int = 0
    # people of the store before this run that the new evidence merged or renamed: (old IRI, new IRI or None)
    entity_changes: list = field(default_factory=list)
    incremental: bool = False  # only what the change touched was resolved again (kg.incremental)
    notes: list = field(default_factory=list)  # why a build took the full path, …


@dataclass
class PlannedSource:
    path: Path
    key: str
    root: str = ""  # name of the folder given that holds it ("" for a file given alone)


def plan_sources(paths: Iterable, on_skip: Callable[[str, str], None]) -> list[PlannedSource]:
    """Files and folders → sources with stable keys (relative to the folder given)."""
    from .read import discover

    out: list[PlannedSource] = []
    used: dict[str, Path] = {}

    def add(path: Path, key: str, root: Path, root_name: str):
        if key in used and used[key] != path:  # two folders given hold the same relative path
            key = f"{root.name}/{key}"
        used[key] = path
        out.append(PlannedSource(path, key, root_name))

    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if p.is_file():
            add(p, p.name, p.parent, "")
            continue
        found = 0
        name = p.resolve().name
        for item in discover(p, on_skip=on_skip):
            add(item[0], item[1], p, name)
            found += 1
        if not found:
            raise InputError(f"{p}: no CV files found (looked for .txt .md .pdf .docx .bib .tex .yaml and site folders)")
    return out


def read_source(ps: PlannedSource):
    from .read import read_path

    return read_path(ps.path, ps.key)


def _extract_one(ps: PlannedSource, owner: Optional[str], earlier_parses: Optional[bytes] = None):
    """(source, CV or None, error or None); errors are data so a folder build can go on."""
    try:
        return ps, extract(read_source(ps), owner, earlier_parses), None
    except KGError as e:
        return ps, None, e
    except (OSError, ValueError, UnicodeError) as e:
        return ps, None, InputError(f"{ps.path}: {e}")


def _exit_with_parent(parent: int) -> None:
    """In a worker: leave as soon as the build that started it is gone (killed builds leave no orphans).
    A worker collects its garbage (the build that forked it does not, see :func:`_without_gc`)."""
    import threading
    import time

    gc.enable()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _extract_all(todo: list, owner: Optional[str], workers: int, parses: dict):
    """Read and extract sources, on several processes when there are many (``parses``: source key → the
    reference parses of its last extraction, see ``SourceInfo.parses``)."""
    if workers <= 1 or len(todo) < 40:
        for ps in todo:
            yield _extract_one(ps, owner, parses.get(ps.key))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        yield from pool.map(_extract_one, todo, [owner] * len(todo), [parses.get(ps.key) for ps in todo],
                            chunksize=16)


def build(paths: Iterable, store_path, *, base: str = DEFAULT_BASE, owner: Optional[str] = None,
          overrides=None, progress: Optional[Callable[[int, int, str], None]] = None,
          workers: Optional[int] = None, incremental: bool = True) -> BuildReport:
    """Build (or update) the store at ``store_path`` from files and folders.

    Sources whose content hash is unchanged are not read again. When the store has a valid
    build index (:mod:`kg.index`) and few sources changed, only what they touch is resolved
    and written again (:mod:`kg.incremental`); otherwise the whole corpus is resolved. Both
    give the same dataset. ``incremental=False`` forces the full path.
    """
    with _without_gc() as gc_was:
        return _build(paths, store_path, base, owner, overrides, progress, workers, incremental, gc_was)


def _build(paths, store_path, base, owner, overrides, progress, workers, incremental, gc_was) -> BuildReport:
    paths = list(paths)
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    report = BuildReport(str(store_path))
    skipped: list[SkippedSource] = []
    planned = plan_sources(paths, lambda path, why: skipped.append(SkippedSource(path, why)))
    single = len(paths) == 1 and Path(paths[0]).is_file()
    store = Store(store_path, read_only=False)
    ix = _valid_index(store, base, report.notes) if incremental and overrides is None else None
    try:
        listed = ix.listed() if ix is not None else store.source_list()
        # files gone from a folder built before: their facts go too
        roots = {ps.root for ps in planned if ps.root}
        planned_keys = {ps.key for ps in planned}
        report.removed = [k for k in sorted(listed) if listed[k]["root"] in roots and k not in planned_keys]
        from .read import sha256_of

        todo = []
        stale = 0
        version = extractor_version()
        stats: dict = {}  # key → (size, mtime) of the files seen
        for ps in planned:
            known = listed.get(ps.key)
            try:
                st = os.stat(ps.path)  # one stat: is it a file, its size and time
                if stat.S_ISREG(st.st_mode):
                    stats[ps.key] = (st.st_size, st.st_mtime_ns)
                    # the same size and modification time as when it was read: not hashed again
                    same_stat = known is not None and (known.get("size"), known.get("mtime")) == stats[ps.key]
                    sha = known["sha256"] if same_stat else sha256_of(ps.path)
                else:
                    sha = None
            except OSError as e:
                if single:
                    raise InputError(f"{ps.path}: {e.strerror or e}") from None
                skipped.append(SkippedSource(str(ps.path), f"{ps.path}: {e.strerror or e}"))
                continue
            if sha and known is not None and known["sha256"] == sha and known["root"] == ps.root:
                if known.get("extractor") == version:
                    report.unchanged += 1
                    continue
                stale += 1  # read by another version of the readers or extractor: read again
            todo.append(ps)
        if stale:
            report.notes.append(f"{stale} unchanged source(s) read again: another version of PubKG extracted them")
        new: dict[str, CV] = {}
        earlier = ix.parses_of([ps.key for ps in todo], version) if ix is not None else {}
        for n, (ps, cv, err) in enumerate(_extract_all(todo, owner, workers, earlier)):
            if progress:
                progress(n + 1, len(todo), ps.key)
            if err is not None:
                if single:
                    raise err
                skipped.append(SkippedSource(str(ps.path), str(err)))
                continue
            cv.source.key, cv.source.root = ps.key, ps.root
            new[ps.key] = cv
            report.extracted += 1
        report.skipped = skipped
        if ix is not None and _incremental(store, ix, report, base, listed, new, report.removed, stats):
            return report
        if gc_was:
            gc.enable()  # the full path: the resolver decides for itself (and the rest holds the whole corpus)
        cvs: dict[str, CV] = _cached_cvs(store, [*report.removed, *new])  # (not the cached versions of those read anew)
        cvs.update(new)
        if not cvs:
            raise InputError("nothing to build: " + "; ".join(s.reason for s in skipped[:3]))
        kept = {v["graph"] for k, v in listed.items() if k in cvs and k not in new}
        _write(store, cvs, report, base, overrides, {k: v["digest"] for k, v in listed.items() if v.get("digest")},
               kept, stats)
        return report
    finally:
        if ix is not None:
            ix.close()
        store.close()


@contextmanager
def _without_gc():
    """No cyclic garbage collection inside: a build makes hundreds of thousands of small objects
    (planning a folder, the index's rows, an update's mentions) and no cycles worth collecting, and
    collections cost a one-CV update a quarter of its time (the resolver does the same, see
    ``PersonResolver.resolve``; :func:`_release_memory` collects explicitly where it pays)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield was
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def _valid_index(store: Store, base: str, notes: Optional[list] = None):
    """The store's build index when it describes the store as it is, else None (and, in ``notes``,
    why a store that holds sources is resolved whole)."""
    ix = Index.open(store.path)
    if ix is None:
        why = "its build index is from another version of PubKG or cannot be read" if (store.path / FILE).exists() \
            else "the store has no build index"
    else:
        why = ix.why_not(store, base)
        if why is not None:
            ix.close()
            ix = None
    if why is not None and notes is not None and not store.is_empty():
        notes.append(f"full resolution: {why}")
    return ix


def _incremental(store: Store, ix, report: BuildReport, base: str, listed: dict, new: dict, removed: list,
                 stats: Optional[dict] = None) -> bool:
    """Apply the change through the build index; False when it must take the full path."""
    from .incremental import NotIncremental, apply_update

    if not new and not removed:
        _unchanged_report(ix, report, listed)
        return True
    try:
        apply_update(store, ix, Minter(base), new, [k for k in removed if k not in new], report, stats)
    except NotIncremental as e:
        report.notes.append(f"full resolution: {e}")
        return False
    report.incremental = True
    for cv in new.values():
        for w in cv.warnings:
            report.warnings.append((cv.source.key, w.line, w.text, w.reason))
    return True


def _unchanged_report(ix, report: BuildReport, listed: dict) -> None:
    """Nothing to do: the counts of the store as it is."""
    report.sources = len(listed)
    report.people, report.papers = int(ix.meta("count-person")), int(ix.meta("count-paper"))
    report.venues, report.orgs = int(ix.meta("count-venue")), int(ix.meta("count-org"))
    report.triples = int(ix.meta("triples"))


def _write(store: Store, cvs: dict, report: BuildReport, base: str, overrides, digests=None,
           kept_graphs: frozenset = frozenset(), stats: Optional[dict] = None) -> None:
    """Resolve all CVs and replace every graph of the store in one transaction (and write a new build index)."""
    minter = Minter(base)
    before = _people(store, minter) if kept_graphs else set()
    r = Resolver(minter, overrides)
    writer = IndexWriter(store.path, r) if overrides is None else None
    try:
        res = r.resolve(list(cvs.values()), sink=writer)
        if writer is not None:
            writer.people(res.people)
        _release_memory()  # the resolver's working state is garbage now: give it back before the store is written
        probes = _probes(store, sorted(before - res.people.keys()), kept_graphs)
        ordered = sorted(cvs.values(), key=lambda c: c.source.key)
        new_digests = source_digests(ordered, res)
        report.triples, report.removed_triples, report.added_triples = store.sync(
            lambda: build_quads(ordered, res, digests, new_digests))
        report.people = len(res.people)
        report.papers = len(res.papers)
        report.venues = len(res.venues)
        report.orgs = sum(1 for o in res.orgs.values() if not o.group)
        report.resolution_warnings = list(res.warnings)
        del res  # the index is written from its own rows: the resolution can go first
        _release_memory()
        if writer is not None:
            files = [(c.source.key, minter.source_graph(c.source.key), c.source.sha256, c.source.root,
                      new_digests[c.source.key], (stats or {}).get(c.source.key), c.source.extractor) for c in ordered]
            writer.finish(files, base, {"person": report.people, "paper": report.papers, "venue": report.venues,
                                              "org": report.orgs}, report.triples)
            writer.install(store.path)
        else:
            (store.path / FILE).unlink(missing_ok=True)  # resolved with overrides: the index does not describe it
    except BaseException:
        if writer is not None:
            writer.discard()
        raise
    if probes:
        now = {r["m"]: r["p"] for r in store.select(
            "SELECT ?m ?p WHERE { VALUES ?m { " + " ".join(f"<{m}>" for m in sorted(probes.values())) +
            f" }} ?m <{KG_NS}mentionOf> ?p }}")}
        report.entity_changes = [(old, now.get(m)) for old, m in sorted(probes.items())]
    report.sources = len(cvs)
    for cv in cvs.values():
        for w in cv.warnings:
            report.warnings.append((cv.source.key, w.line, w.text, w.reason))


def _release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the system (glibc ``malloc_trim``), so the
    write phase does not stack on the resolver's high-water mark. A no-op where there is no glibc."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _people(store: Store, minter: Minter) -> set:
    """The people the store holds now (before a rebuild)."""
    return {r["p"] for r in store.select(f"SELECT ?p WHERE {{ GRAPH <{minter.resolution_graph}> "
                                         f"{{ ?p a <https://schema.org/Person> }} }}")}


def _probes(store: Store, gone: list, kept_graphs) -> dict:
    """For each person IRI about to disappear, one of its mentions in a source that stays as it is
    (a person only the changed or removed sources named just goes: that is no merge or rename)."""
    if not gone:
        return {}
    out: dict = {}
    for i in range(0, len(gone), 500):
        rows = store.select("SELECT ?p ?g ?m WHERE { VALUES ?p { " + " ".join(f"<{p}>" for p in gone[i:i + 500]) +
                            f" }} GRAPH ?g {{ ?m <{KG_NS}mentionOf> ?p }} }}")
        for r in sorted(rows, key=lambda r: (r["p"], r["m"])):
            if r["g"] in kept_graphs:
                out.setdefault(r["p"], r["m"])
    return out


def _cached_cvs(store: Store, leave: Iterable[str] = ()) -> dict:
    """The CVs the store holds (from each source's cached extraction), but those of the keys ``leave``."""
    cvs = {}
    for k, v in store.iter_sources(but=leave):
        cv = CV.from_json(v.pop("extraction"))
        cv.source.key, cv.source.root = k, v.get("root", "")
        cvs[k] = cv
    return cvs


def remove(store_path, key: str, *, base: str = DEFAULT_BASE, overrides=None) -> BuildReport:
    """Drop one source (by key, or by file name when that is unique) and rebuild what depended on it."""
    store = Store(store_path, read_only=False)
    try:
        listed = store.source_list()
        matches = [k for k in listed if k == key] or [k for k in listed if Path(k).name == Path(key).name]
        if not matches:
            raise InputError(f"no source {key!r} in {store_path} (sources: {', '.join(sorted(listed)[:5])}"
                             f"{'…' if len(listed) > 5 else ''})")
        if len(matches) > 1:
            raise InputError(f"{key!r} names several sources: {', '.join(matches)}; give the full key")
        report = BuildReport(str(store_path), removed=matches)
        if len(listed) == len(matches):
            store.replace([], store.graphs())
            (store.path / FILE).unlink(missing_ok=True)
            return report
        ix = _valid_index(store, base, report.notes) if overrides is None else None
        if ix is not None:
            try:
                with _without_gc():
                    done = _incremental(store, ix, report, base, listed, {}, matches)
                if done:
                    return report
            finally:
                ix.close()
        cvs = _cached_cvs(store, matches)
        _write(store, cvs, report, base, overrides, {k: v["digest"] for k, v in listed.items() if v.get("digest")},
               {v["graph"] for k, v in listed.items() if k in cvs})
        return report
    finally:
        store.close()


def extract_path(path, owner: Optional[str] = None) -> CV:
    """What one CV file (or site folder) yields before resolution."""
    from .read import check_file, read_path

    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    if p.is_file():
        check_file(p)
    cv = extract(read_path(p, p.name), owner)
    return cv
