"""Which files of a folder are sources, and which belong together.

:func:`sources_in` walks a folder recursively, in sorted order, and yields one :class:`Source` per
source (``key`` = POSIX path relative to the folder, ``reader`` = the reader module's name):

* an academic-site folder (``_config.yml`` + ``_publications/`` or ``_pages/``; a Hugo config +
  ``content/``) is one source (reader ``site``), not walked further — the folder given itself
  may be one (its key is then the folder's name);
* a ``.tex`` and the ``.bib`` files it names (``\\bibliography``, ``\\addbibresource``…) plus the
  ``.tex`` files it ``\\input``s are one source (reader ``tex``); those files are not sources again;
* a markdown CV and the CSL-YAML/JSON (or .bib) bibliography it cites with pandoc keys
  (``[@key]``; found through its ``bibliography:`` front matter or beside it) are one source;
  so are a text/markdown CV and a bibliography beside it that it names ("see publications.bib"),
  whose entries are all the CV's publications
  (reader ``text``; the cited entries are its publications);
* every other file with a known suffix is its own source (a standalone ``.bib`` too); a YAML/JSON
  file only when it is a CV or a bibliography; ``cv.pdf`` next to ``cv.tex``/``cv.docx`` is the
  same CV compiled, and is left out;
* hidden files and folders, ``.git``, ``node_modules``, ``_site`` and other build folders,
  ``examples/queries``, ``*.rq``/``*.sparql``, READMEs, licences, images, styles, scripts and
  site templates are never CVs and are passed over silently;
* anything else is skipped *with a reason*: ``on_skip(path, reason)`` is called for it, and
  :func:`plan` returns the list as :attr:`Plan.skipped` (``[(Path, reason)]``).

:func:`read_source` reads one :class:`Source` into a :class:`~kg.records.Document`.
"""
from __future__ import annotations

import hashlib
import importlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

#: folders that never hold CVs (build output, dependencies, site machinery)
SKIP_DIRS = {".git", "node_modules", "_site", "__pycache__", ".venv", "venv", "site-packages", "_includes",
             "_layouts", "_sass", "_plugins", "_build", ".ipynb_checkpoints", "expected", "bower_components",
             "vendor", "resources"}
#: files that are never CVs and not worth a warning
NEVER = re.compile(
    r"^(readme|license|licence|changelog|contributing|notice|copying|authors|code_of_conduct|security|citation|cname|"
    r"robots|humans|sitemap|feed|404|favicon|\.htaccess)(\.|$)|licen[cs]e"
    r"|^(_config|config|hugo|netlify|package|package-lock|tsconfig|environment|requirements|mkdocs|\.travis|codecov|"
    r"docker-compose|pyproject|setup|conda|binder|latexmkrc|gemfile|gemfile\.lock|makefile|dockerfile)(\.|$)"
    r"|\.(rq|sparql|lock|cfg|ini|toml|css|scss|sass|less|js|mjs|ts|jsx|map|html?|xml|svg|png|jpe?g|gif|webp|ico|bmp|tiff?|"
    r"eps|ps|woff2?|ttf|otf|eot|ttl|trig|nq|nt|jsonld|cls|sty|bst|bbx|cbx|csl|dtx|ins|log|aux|out|bbl|blg|fls|"
    r"fdb_latexmk|synctex(\.gz)?|toc|lof|lot|nav|snm|vrb|run\.xml|bcf|py|pyc|r|rb|sh|bat|ps1|ipynb|gitignore|"
    r"gitattributes|gitkeep|keep|nojekyll|liquid|mp3|mp4|mov|avi|zip|gz|tar|7z|rar|csv|tsv|xlsx?|pptx?|key|numbers|"
    r"db|sqlite|pkl|npz|npy|h5|parquet|txt\.bak|swp|DS_Store|webmanifest|pem|crt|jsonl|ndjson|sst|whl|egg|so|dll)$",
    re.I)
_QUERIES = re.compile(r"(^|/)examples/queries(/|$)")
_DOC_FIRST = (".tex", ".docx")  # a PDF with the same stem beside one of these is its compiled copy


@dataclass(frozen=True)
class Source:
    """One source: its main path (a file or a site folder), its key and the reader module to use.

    ``members`` are the other files read with it (the .bib files of a .tex, the bibliography of a
    pandoc markdown CV). A ``Source`` still unpacks and indexes like the old ``(path, key)`` pair.
    """

    path: Path
    key: str
    reader: str
    members: tuple = ()

    def __iter__(self):
        return iter((self.path, self.key))

    def __getitem__(self, i):
        return (self.path, self.key, self.reader)[i]

    def __len__(self):
        return 2


@dataclass
class Plan:
    """The sources of a folder and the files skipped with a reason."""

    sources: list = field(default_factory=list)  # [Source]
    skipped: list = field(default_factory=list)  # [(Path, reason)]


def reader_name(path: Path) -> Optional[str]:
    return _reader_of_suffix(path.suffix.lower())


# ---------------------------------------------------------------------------------------------
# what belongs together

def _bib_of_tex(tex: Path) -> list[Path]:
    from .tex import bib_files, included_files
    from .text import decode

    try:
        text = decode(tex.read_bytes(), str(tex))
    except Exception:  # an unreadable .tex is reported when it is read, not here
        return []
    out = bib_files(tex, text)
    for sub in included_files(tex, text):  # a \input-ed file may name the .bib
        try:
            out += [b for b in bib_files(sub, decode(sub.read_bytes(), str(sub))) if b not in out]
        except Exception:
            pass
    return out


def _tex_members(tex: Path) -> list[Path]:
    from .tex import included_files
    from .text import decode

    try:
        subs = included_files(tex, decode(tex.read_bytes(), str(tex)))
    except Exception:
        subs = []
    return _bib_of_tex(tex) + subs


#: a pandoc citation: [@key], [-@key], [see @key, p. 3; @other] (an e-mail address in brackets is not one)
_PANDOC_CITE = re.compile(r"\[(?:[^\]\n]*?[\s;])?-?@[A-Za-z0-9_][\w:.#$%&+?<>~/-]*")


def _yaml_of_md(md: Path, _csl_cache: Optional[dict] = None, text: Optional[str] = None) -> Optional[Path]:
    """The bibliography a pandoc markdown CV cites (``bibliography:`` in its front matter, else a CSL
    file beside it), or None when it cites nothing (no ``[@key]``)."""
    if text is None:
        try:
            text = md.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    if "@" not in text or not _PANDOC_CITE.search(text):
        return None
    fm = re.match(r"^---\s*\n(.*?)\n(?:---|\.\.\.)\s*$", text, re.S | re.M)
    if fm:
        m = re.search(r"(?m)^bibliography:\s*(.*)$", fm.group(1))
        if m:
            names = [m.group(1)]
            if not m.group(1).strip():  # a YAML list on the next lines
                names = re.findall(r"(?m)^\s*-\s*(.+)$", fm.group(1)[m.end():].split("\n\n")[0])
            for name in names:
                name = name.strip().strip("'\"[]")
                for part in name.split(","):
                    p = md.parent / part.strip().strip("'\"")
                    if part.strip() and p.is_file():
                        return p
    cache = _csl_cache if _csl_cache is not None else {}
    if md.parent not in cache:
        cache[md.parent] = [c for c in sorted(md.parent.iterdir()) if c.suffix.lower() in (".yaml", ".yml", ".json")
                            and c.is_file() and _is_csl(c)]
    return cache[md.parent][0] if cache[md.parent] else None


_NAMES_A_FILE = re.compile(r"\.(?:bib|ya?ml|json)", re.I)


def named_bibliography(doc: Path, _cache: Optional[dict] = None, text: Optional[str] = None) -> Optional[Path]:
    """A .bib (or CSL) file beside a text/markdown CV that the CV names ("Publications: see
    publications.bib"): the CV's publication list, read whole. None when no such file is named.
    ``_cache`` keeps each folder's bibliography files (a folder of 10,000 CVs is listed once).
    """
    if text is None:
        try:
            text = doc.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    text = text[:200_000]
    if not _NAMES_A_FILE.search(text):
        return None  # no file named at all (cheap: the pattern below is slow on long texts)
    named = {n.lower() for n in re.findall(r"(?<![\w.-])[\w.-]+\.(?:bib|ya?ml|json)(?![\w-])", text, re.I)}
    if not named:
        return None  # most CVs: no listing of the folder at all
    cache = _cache if _cache is not None else {}
    if doc.parent not in cache:
        try:
            cache[doc.parent] = sorted(c for c in doc.parent.iterdir()
                                       if c.suffix.lower() in (".bib", ".yaml", ".yml", ".json") and c.is_file())
        except OSError:
            cache[doc.parent] = []
    for c in cache[doc.parent]:
        if c.name.lower() in named and (c.suffix.lower() == ".bib" or _is_csl(c)):
            return c
    return None


def _is_csl(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return False
    if not re.search(r"(?m)^\s*-?\s*\"?(family|container-title|issued|citation-key)\"?\s*:", head):
        return False
    from ..errors import InputError
    from .yamlcv import csl_items, load

    try:
        return csl_items(load(path)[1]) is not None
    except InputError:
        return False


def _yaml_is_cv(path: Path) -> bool:
    from .yamlcv import looks_like_cv_or_bibliography

    try:
        return looks_like_cv_or_bibliography(path)
    except Exception:  # a file the check cannot even open is left to the reader's error
        return True


# ---------------------------------------------------------------------------------------------
# the walk

def _holds_store(names: set) -> bool:
    """Is a folder with these names an embedded RDF store (RocksDB files: CURRENT, MANIFEST-…),
    e.g. ``kg-store/``?"""
    return "CURRENT" in names and any(n.startswith("MANIFEST-") for n in names)


#: names in a folder without which it is no site (see :func:`.site.is_site`)
_SITE_MARKERS = {"_config.yml", "config", "config.toml", "config.yaml", "config.yml", "hugo.toml", "hugo.yaml", "hugo.yml"}


def _site_has_content(folder: Path) -> bool:
    from .site import _CV_PAGE

    if any(folder.glob("_publications/*.md")) or any((folder / "content").glob("publication*/**/*.md")):
        return True
    pages = list(folder.glob("_pages/*")) + list((folder / "content").rglob("*")) if (folder / "content").is_dir() \
        else list(folder.glob("_pages/*"))
    return any(_CV_PAGE.match(p.stem) or (p.stem in ("index", "_index") and _CV_PAGE.match(p.parent.name)) for p in pages)


def _opens_front_matter(p) -> bool:
    """Does the file open with a YAML front matter line (``---``)? Reads three bytes."""
    try:
        fd = os.open(p, os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.read(fd, 3) == b"---"
    except OSError:
        return False
    finally:
        os.close(fd)


def _same(p) -> str:
    """A path's absolute, normalized spelling: how two references to one file are told apart
    (no symlink resolution: a stat per file on a folder of 10,000 CVs is not free)."""
    return os.path.normpath(os.path.abspath(p))


def _suffix(name: str) -> str:
    """``Path(name).suffix``, on a string: the last dot's part, not for ``.hidden`` or ``name.``.

    >>> [_suffix(n) for n in ("cv.md", "a.tar.gz", ".bashrc", "notes.", "README")]
    ['.md', '.gz', '', '', '']
    """
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


@dataclass
class _File:
    """A file met in the walk, as strings (a folder of 10,000 CVs makes no Path objects until the end)."""

    path: str  # as the walk reached it (the folder given, then the names below it)
    rel: str  # POSIX path relative to the folder given: the source's key
    folder: str
    name: str
    suffix: str  # lower case

    @property
    def stem(self) -> str:
        return self.name[:len(self.name) - len(self.suffix)] if self.suffix else self.name


def _reader_of_suffix(suffix: str) -> Optional[str]:
    """The reader module's name for a lower-case suffix, or None."""
    from . import REGISTRY

    mod = REGISTRY.get(suffix)
    if mod is None and suffix == ".json":
        mod = "kg.read.yamlcv"
    return mod.rsplit(".", 1)[-1] if mod else None


def plan(root, on_skip: Optional[Callable[[str, str], None]] = None) -> Plan:
    """All sources of a folder (see the module doc) and the files skipped with a reason."""
    from .site import is_site

    root = Path(root)
    out = Plan()

    def skip(p, reason: str):
        out.skipped.append((Path(p), reason))
        if on_skip:
            on_skip(str(p), reason)

    if root.is_file():
        r = reader_name(root)
        if r:
            out.sources.append(Source(root, root.name, r))
        else:
            skip(root, f"{root}: unsupported file type {root.suffix or '(none)'!r}, skipped")
        return out
    if is_site(root) and _site_has_content(root):
        out.sources.append(Source(root, root.name, "site"))
        return out
    files: list[_File] = []
    sites: list[Path] = []
    bib_like: set = set()  # folders holding a file a CV may name as its bibliography
    bib_cache: dict = {}  # … and those files, in the walk's order (by name)

    def listing(d: str):
        try:
            with os.scandir(d) as it:
                return sorted(it, key=lambda e: e.name)  # DirEntry: file types without a stat each
        except OSError as e:
            skip(d, f"{d}: cannot list the folder ({e.strerror or e})")
            return None

    def walk(d: str, rel: str, entries):
        for e in entries:
            name = e.name
            if name.startswith(".") or name.startswith("~$"):  # hidden files, Word lock files
                continue
            p = os.path.join(d, name)
            r = rel + name
            if e.is_dir():
                if e.is_symlink() or name in SKIP_DIRS or _QUERIES.search(r) or name.endswith(".egg-info"):
                    continue
                inner = listing(p)
                if inner is None:
                    continue
                names = {x.name for x in inner}
                if _holds_store(names):
                    continue
                if _SITE_MARKERS & names and is_site(Path(p)) and _site_has_content(Path(p)):
                    sites.append(Path(p))
                else:
                    walk(p, r + "/", inner)
            elif e.is_file():
                suffix = _suffix(name).lower()
                files.append(_File(p, r, d, name, suffix))
                if suffix in (".bib", ".yaml", ".yml", ".json"):
                    bib_like.add(d)
                    bib_cache.setdefault(Path(d), []).append(Path(p))  # named_bibliography's listing, without another

    top = listing(os.fspath(root))
    if top is not None:
        walk(os.fspath(root), "", top)
    consumed: dict[str, str] = {}
    members: dict[str, tuple] = {}
    csl_cache: dict = {}
    for f in files:
        if f.suffix == ".tex":
            ms = [m for m in _tex_members(Path(f.path)) if m != Path(f.path)]
            members[f.path] = tuple(ms)
            for m in ms:
                consumed.setdefault(_same(m), f.path)
        elif f.suffix in (".md", ".markdown", ".txt"):
            if f.folder not in bib_like and (f.suffix == ".txt" or not _opens_front_matter(f.path)):
                continue  # nothing beside it to name, and no front matter that could name a file elsewhere
            try:
                with open(f.path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
            except OSError:
                continue  # the reader reports it
            p = Path(f.path)
            y = (_yaml_of_md(p, csl_cache, text) if f.suffix != ".txt" else None) or named_bibliography(p, bib_cache, text)
            if y is not None:
                members[f.path] = (y,)
                consumed.setdefault(_same(y), f.path)
    for s in sites:
        out.sources.append(Source(s, s.relative_to(root).as_posix(), "site"))
    stems = {(f.folder, f.stem.lower()) for f in files if f.suffix in _DOC_FIRST}
    at = _same(root)
    for f in files:
        suf = f.suffix
        if consumed and os.path.join(at, f.rel) in consumed:  # = _same(f.path): the walk's paths are normal
            # a .tex that is both a main document and \input by another: the other one reads it
            continue
        if NEVER.search(f.name) and suf != ".json":
            continue
        r = _reader_of_suffix(suf)
        if r is None:
            hint = " (an old binary Word file: save it as .docx or PDF)" if suf == ".doc" else ""
            skip(f.path, f"{f.path}: unsupported file type {_suffix(f.name) or '(none)'!r}, skipped{hint}")
            continue
        if suf == ".json" and not _yaml_is_cv(Path(f.path)):
            continue  # package.json, notebooks' metadata… never CVs
        if suf in (".yaml", ".yml") and not _yaml_is_cv(Path(f.path)):
            skip(f.path, f"{f.path}: YAML file is not a CV or bibliography, skipped")
            continue
        if suf == ".pdf" and (f.folder, f.stem.lower()) in stems:
            twin = next(g for g in files if g.folder == f.folder and g.stem.lower() == f.stem.lower()
                        and g.suffix in _DOC_FIRST)
            skip(f.path, f"{f.path}: the compiled copy of {twin.name}, which is read instead")
            continue
        out.sources.append(Source(Path(f.path), f.rel, r, members.get(f.path, ())))
    out.sources.sort(key=lambda s: s.key)
    return out


def sources_in(root: Path, on_skip: Optional[Callable[[str, str], None]] = None) -> Iterator[Source]:
    """The sources of a folder, sorted by key; skipped files are reported through ``on_skip(path, reason)``."""
    yield from plan(root, on_skip).sources


def source_sha256(source: Source) -> str:
    """Content hash of a whole source: the main file and its members (a site: every text file in it)."""
    if source.reader == "site" or Path(source.path).is_dir():
        from .site import read as _  # noqa: F401 - same hashing as the site reader

        h = hashlib.sha256()
        folder = Path(source.path)
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix.lower() in (".md", ".markdown", ".html", ".yml", ".yaml", ".toml") \
                    and not any(x.startswith(".") or x in ("_site", "node_modules", "public", "resources", "vendor")
                                for x in p.relative_to(folder).parts[:-1]):
                h.update(p.relative_to(folder).as_posix().encode() + b"\0")
                h.update(p.read_bytes())
        return h.hexdigest()
    from . import sha256_of

    if not source.members:
        return sha256_of(source.path)
    h = hashlib.sha256(sha256_of(source.path).encode())
    for m in source.members:
        if Path(m).is_file():
            h.update(Path(m).name.encode() + b"\0" + sha256_of(m).encode())
    return h.hexdigest()


def read_source(source: Source):
    """Read one :class:`Source` into a :class:`~kg.records.Document` (raises :class:`InputError`)."""
    from ..errors import InputError

    path = Path(source.path)
    if source.reader == "site" or path.is_dir():
        from . import site

        return site.read(path, key=source.key)
    from . import check_file

    check_file(path)
    try:
        mod = importlib.import_module(f"kg.read.{source.reader}")
    except ModuleNotFoundError:
        raise InputError(f"{path}: no reader {source.reader!r}") from None
    return mod.read(path, key=source.key)
