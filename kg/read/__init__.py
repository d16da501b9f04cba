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


def discover(root) -> Iterator[tuple[Path, str, list[Path]]]:
    """Walk ``root`` and yield ``(path, key, skipped)`` for each source.

    Files that belong together are one source: an academic-site folder
    (``_config.yml`` + ``_publications/``), a ``.tex`` with the ``.bib`` files
    beside it. Keys are paths relative to ``root`` so they stay stable.
    """
    root = Path(root)
    if root.is_file():
        yield root, root.name
        return
    from . import grouping

    yield from grouping.sources_in(root)
