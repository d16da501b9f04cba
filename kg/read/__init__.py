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
    ".json": "kg.read.yamlcv",  # CSL-JSON bibliographies, JSON Resume
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


def discover(root, on_skip=None) -> Iterator:
    """Walk ``root`` and yield one :class:`~kg.read.grouping.Source` per source (keys relative to root).

    A ``Source`` has ``path``, ``key``, ``reader`` and ``members`` and still unpacks like the old
    ``(path, key)`` pair. Files that belong together (a .tex and its .bib files, a pandoc markdown CV
    and its CSL bibliography, an academic-site folder) are one source; unknown file types are
    reported through ``on_skip(path, reason)`` (see :mod:`kg.read.grouping`).
    """
    from .grouping import sources_in

    yield from sources_in(Path(root), on_skip=on_skip)


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
