"""Academic-site folders (academicpages/Jekyll, Hugo): one person's site is one source.

``_config.yml`` (``name`` / ``author.name``) names the owner; each ``_publications/*.md`` front
matter (title, date, venue, citation) is a publication; ``_pages/cv*.md`` (or Hugo ``content/``)
gives the CV text, with HTML and Liquid removed.
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from ..errors import InputError
from ..records import Document, Line, Publication, SourceInfo
from .markdown import clean_markdown
from .text import decode


def is_site(folder: Path) -> bool:
    return (folder / "_config.yml").is_file() and ((folder / "_publications").is_dir() or (folder / "_pages").is_dir()) \
        or ((folder / "config.toml").is_file() or (folder / "hugo.toml").is_file()) and (folder / "content").is_dir()


def _strip_html(s: str) -> str:
    s = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "", s)
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = re.sub(r"<(?:b|strong)>(.*?)</(?:b|strong)>", r"**\1**", s, flags=re.I | re.S)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def _publication(md: Path, rel: str) -> Publication | None:
    from ..extract.citation import parse_reference

    text, meta = clean_markdown(decode(md.read_bytes(), str(md)))
    title = str(meta.get("title") or "").strip()
    if not title:
        return None
    m = re.search(r"(19|20)\d\d", str(meta.get("date") or meta.get("year") or ""))
    year = int(m.group(0)) if m else None
    venue = _strip_html(str(meta.get("venue") or "")).strip() or None
    pub = Publication(title=title.rstrip("."), venue=venue, year=year, line=1)
    cit = meta.get("citation")
    if cit:
        ref = parse_reference(_strip_html(re.sub(r"\[([^\]]*)\]\([^)]*\)", "", str(cit))))
        from ..records import Author

        pub.authors = [Author(a.name, i + 1, marks=list(a.marks)) for i, a in enumerate(ref.authors)]
        pub.et_al = ref.et_al
        pub.year = pub.year or ref.year
        pub.doi = ref.doi
        pub.venue = pub.venue or ref.venue
        pub.status = ref.status
    return pub


def read(folder: Path, key: str) -> Document:
    import yaml

    folder = Path(folder)
    if not is_site(folder):
        raise InputError(f"{folder}: not an academic-site folder (_config.yml with _publications/ or _pages/)")
    owner = None
    cfg = folder / "_config.yml"
    if cfg.is_file():
        try:
            conf = yaml.safe_load(decode(cfg.read_bytes(), str(cfg))) or {}
        except yaml.YAMLError:
            conf = {}
        author = conf.get("author") if isinstance(conf, dict) else None
        owner = (author.get("name") if isinstance(author, dict) else None) or (conf.get("name") if isinstance(conf, dict) else None)
    lines: list[Line] = []
    h = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".md", ".markdown", ".yml", ".html"))
    for p in files:
        h.update(p.relative_to(folder).as_posix().encode())
        h.update(p.read_bytes())
    pages = [p for p in files if p.parent.name in ("_pages", "content") and re.search(r"cv|resume|vita", p.stem, re.I)]
    for p in pages:
        body, _ = clean_markdown(decode(p.read_bytes(), str(p)))
        rel = p.relative_to(folder).as_posix()
        for i, t in enumerate(_strip_html(body).split("\n"), 1):
            lines.append(Line(t, i, None, rel))
    pubs = [x for x in (_publication(p, p.relative_to(folder).as_posix())
                        for p in sorted((folder / "_publications").glob("*.md"))) if x] if (folder / "_publications").is_dir() else []
    src = SourceInfo(path=key, sha256=h.hexdigest(), format="site", key=key)
    return Document(source=src, lines=lines, publications=pubs, owner=owner)
