"""Which files of a folder are sources, and which belong together.

* an academic-site folder (``_config.yml`` + ``_publications/`` or ``_pages/``; Hugo ``content/``) is one source;
* a ``.tex`` and the ``.bib`` files it names are one source (those ``.bib`` are not read again);
* a markdown CV and the CSL-YAML bibliography it cites (``[@key]``) are one source;
* other files with a known suffix are sources; READMEs, licences, queries (``*.rq``), JSON and
  hidden or build folders are never CVs; anything else is reported through ``on_skip``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

SKIP_DIRS = {".git", "node_modules", "_site", "__pycache__", ".venv", "venv", "queries", "expected", "_includes",
             "_layouts", "_sass", "assets", "images", "static", "public", "node_modules"}
NEVER = re.compile(r"^(readme|license|licence|changelog|contributing|notice|copying)(\.|$)|\.(rq|sparql|json|lock|cfg|ini|toml|css|js|html?|png|jpe?g|gif|svg|ico|ttl|trig|nq|nt)$", re.I)


@dataclass
class Source:
    path: Path
    key: str


def _bib_of_tex(tex: Path) -> list[Path]:
    from .tex import bib_files
    from .text import decode

    try:
        return bib_files(tex, decode(tex.read_bytes(), str(tex)))
    except Exception:  # an unreadable .tex is reported when it is read, not here
        return []


def _yaml_of_md(md: Path) -> Optional[Path]:
    try:
        text = md.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if not re.search(r"\[-?@[\w:.-]+", text):
        return None
    m = re.search(r"(?m)^bibliography:\s*['\"]?([^'\"\n]+)", text)
    if m and (md.parent / m.group(1).strip()).is_file():
        return md.parent / m.group(1).strip()
    for cand in sorted(md.parent.glob("*.y*ml")):
        if cand.suffix in (".yaml", ".yml") and re.search(r"(?m)^references:", cand.read_text(encoding="utf-8", errors="replace")[:5000]):
            return cand
    return None


def sources_in(root: Path, on_skip: Optional[Callable[[str, str], None]] = None) -> Iterator[Source]:
    from . import REGISTRY
    from .site import is_site

    root = Path(root)
    if is_site(root):
        yield Source(root, root.name)
        return
    files: list[Path] = []
    sites: list[Path] = []

    def walk(d: Path):
        for p in sorted(d.iterdir()):
            if p.name.startswith(".") or p.is_symlink() and p.is_dir():
                continue
            if p.is_dir():
                if p.name in SKIP_DIRS:
                    continue
                if is_site(p):
                    sites.append(p)
                else:
                    walk(p)
            elif p.is_file():
                files.append(p)

    walk(root)
    consumed = set()
    for f in files:
        if f.suffix.lower() == ".tex":
            consumed.update(_bib_of_tex(f))
        elif f.suffix.lower() in (".md", ".markdown"):
            y = _yaml_of_md(f)
            if y:
                consumed.add(y)
    out = [Source(s, s.relative_to(root).as_posix()) for s in sites]
    for f in files:
        rel = f.relative_to(root).as_posix()
        if f in consumed or NEVER.search(f.name) or f.name == "_config.yml":
            continue
        if f.suffix.lower() not in REGISTRY:
            if on_skip:
                on_skip(str(f), f"{f}: unsupported file type {f.suffix or '(none)'!r}, skipped")
            continue
        out.append(Source(f, rel))
    yield from sorted(out, key=lambda s: s.key)
