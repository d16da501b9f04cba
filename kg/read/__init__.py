"""Readers: one module per format, chosen by file type from a small registry.

>>> reader_for("cv.md").__name__
'kg.read.text'
>>> reader_for("notes.xyz") is None
True
"""
from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path
from typing import Iterator, Optional

from ..errors import InputError
from ..records import Document, SourceInfo

#: suffix → module (imported lazily so heavy optional deps load only when needed)
REGISTRY = {
    ".txt": "kg.read.text",
    ".md": "kg.read.text",
    ".markdown": "kg.read.text",
    ".pdf": "kg.read.pdf",
    ".docx": "kg.read.docx",
    ".bib": "kg.read.bib",
    ".tex": "kg.read.tex",
    ".yaml": "kg.read.yamlcv",
    ".yml": "kg.read.yamlcv",
}

MAX_BYTES = 20 * 1024 * 1024  # a CV is never this large; refuse instead of hanging


def reader_for(path):
    mod = REGISTRY.get(Path(path).suffix.lower())
    if mod is None:
        return None
    try:
        return importlib.import_module(mod)
    except ModuleNotFoundError as e:  # a reader module not written yet
        if e.name == mod:
            return None
        raise


def sha256_of(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_file(path: Path) -> None:
    """Raise :class:`InputError` for files no reader should try."""
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: permission denied")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size / 1e6:.0f} MB is too large for a CV (limit {MAX_BYTES // 2**20} MB)")


def source_info(path: Path, fmt: str, key: Optional[str] = None) -> SourceInfo:
    return SourceInfo(path=str(key or path.name), sha256=sha256_of(path), format=fmt, key=key or path.name)


def read_file(path, key: Optional[str] = None) -> Document:
    """Read one file into a :class:`Document` (raises :class:`InputError`)."""
    path = Path(path)
    check_file(path)
    mod = reader_for(path)
    if mod is None:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'!r}")
    return mod.read(path, key=key or path.name)


def discover(root, on_skip=None) -> Iterator[tuple[Path, str]]:
    """Walk ``root`` and yield ``(path, key)`` for each source (keys relative to root).

    Unknown file types are reported through ``on_skip(path, reason)``.
    """
    root = Path(root)
    try:
        from . import grouping
    except ImportError:
        grouping = None
    if grouping is not None and hasattr(grouping, "sources_in"):
        for src in grouping.sources_in(root, on_skip=on_skip) if _accepts_on_skip(grouping.sources_in) else grouping.sources_in(root):
            yield Path(src.path), src.key
        return
    for p in sorted(root.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        if p.suffix.lower() in REGISTRY:
            yield p, p.relative_to(root).as_posix()
        elif on_skip:
            on_skip(str(p), f"{p}: unsupported file type {p.suffix or '(none)'!r}, skipped")


def _accepts_on_skip(fn) -> bool:
    import inspect

    return "on_skip" in inspect.signature(fn).parameters


def read_path(path, key: str) -> Document:
    """Read a file or a multi-file source folder (academic site)."""
    path = Path(path)
    if path.is_dir():
        try:
            from . import site
        except ModuleNotFoundError:
            raise InputError(f"{path}: folders are read as academic-site sources, which this build cannot read") from None
        return site.read(path, key=key)
    return read_file(path, key)
