"""YAML sources: CSL-YAML/CSL-JSON bibliographies and YAML CV data files.

Any mapping with a ``title`` and authors (``author``/``authors`` as CSL names or a free
string) is a publication; a top-level name (``name``, ``info.first_name``…) is the owner.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..records import Author, Document, Publication
from . import source_info
from .text import decode

PUB_TYPES = re.compile(r"publication|paper|article|journal|conference|preprint|chapter|book|proceeding|thesis|report", re.I)


def _csl_name(a) -> Optional[str]:
    if isinstance(a, str):
        return a.strip() or None
    if isinstance(a, dict):
        if a.get("literal"):
            return str(a["literal"])
        fam = " ".join(str(x) for x in (a.get("non-dropping-particle"), a.get("family")) if x)
        giv = " ".join(str(x) for x in (a.get("given"), a.get("dropping-particle")) if x)
        if fam and giv:
            return f"{fam}, {giv}"
        return fam or giv or None
    return None


def _year(item) -> Optional[int]:
    for k in ("issued", "year", "date"):
        v = item.get(k)
        if isinstance(v, list) and v:
            v = v[0]
        if isinstance(v, dict):
            v = v.get("year") or (v.get("date-parts") or [[None]])[0][0]
        m = re.search(r"(19|20)\d\d", str(v or ""))
        if m:
            return int(m.group(0))
    return None


def item_to_publication(item: dict, line: Optional[int] = None) -> Optional[Publication]:
    from ..extract.citation import split_authors

    title = re.sub(r"\s+", " ", str(item.get("title") or "")).strip().rstrip(".")
    if not title:
        return None
    raw = item.get("author", item.get("authors"))
    names, et_al = [], False
    if isinstance(raw, list):
        names = [n for n in (_csl_name(a) for a in raw) if n]
    elif isinstance(raw, str):
        got, et_al = split_authors(raw)
        names = [a.name for a in got]
    venue = None
    for k in ("container-title", "journal", "venue", "booktitle", "collection-title", "publisher"):
        if item.get(k):
            venue = re.sub(r"\s+", " ", str(item[k])).strip()
            break
    status = None
    blob = " ".join(str(item.get(k, "")) for k in ("status", "note", "type", "genre"))
    for st, rx in (("accepted", r"accepted|in press|to appear"), ("submitted", r"submitted|under review"),
                   ("preprint", r"preprint|working paper")):
        if re.search(rx, blob, re.I):
            status = st
            break
    pub = Publication(title=title, et_al=et_al, venue=venue, year=_year(item), status=status,
                      doi=str(item["doi"]) if item.get("doi") else None, line=line)
    pub.authors = [Author(n, i + 1) for i, n in enumerate(names)]
    return pub


def _walk(node, out: list, in_pubs: bool = False):
    if isinstance(node, dict):
        pubish = in_pubs or bool(PUB_TYPES.search(str(node.get("type", "")) + " " + str(node.get("name", ""))))
        if node.get("title") and ("author" in node or "authors" in node):
            out.append(node)
            return
        for v in node.values():
            _walk(v, out, pubish)
    elif isinstance(node, list):
        for v in node:
            _walk(v, out, in_pubs)


def owner_of(data) -> Optional[str]:
    if not isinstance(data, dict):
        return None
    info = data.get("info") or data.get("basics") or data.get("personal") or data
    if isinstance(info, dict):
        if info.get("name") and isinstance(info["name"], str):
            return info["name"]
        first, last = info.get("first_name") or info.get("firstname"), info.get("last_name") or info.get("lastname")
        if first and last:
            return f"{first} {last}"
    return None


def load(path: Path):
    import yaml

    text = decode(path.read_bytes(), str(path))
    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"{path}: broken YAML{where}") from None
    return text, (docs[0] if len(docs) == 1 else docs)


def items_of(data) -> list[dict]:
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        return [x for x in data["references"] if isinstance(x, dict)]
    if isinstance(data, list) and data and all(isinstance(x, dict) and "title" in x for x in data):
        return data
    out: list = []
    _walk(data, out)
    return out


def _line_of(text: str, title: str) -> Optional[int]:
    probe = title[:30]
    i = text.find(probe)
    return text[:i].count("\n") + 1 if i >= 0 else None


def read(path: Path, key: str, keys: Optional[list] = None) -> Document:
    text, data = load(path)
    items = items_of(data)
    if keys is not None:  # only the entries a document cites (pandoc [@key])
        by_id = {str(x.get("id") or x.get("citation-key")): x for x in items}
        items = [by_id[k] for k in keys if k in by_id]
    pubs = [p for p in (item_to_publication(x, _line_of(text, str(x.get("title", "")))) for x in items) if p]
    owner = owner_of(data)
    if not pubs and not owner:
        raise InputError(f"{path}: YAML file is not a CV or bibliography (no publications, no name)")
    return Document(source=source_info(path, "yaml", key), publications=pubs, owner=owner)
