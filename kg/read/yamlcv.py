"""YAML (and JSON) sources: CSL-YAML/CSL-JSON bibliographies and YAML CV data files.

* A CSL bibliography (a list of items, or ``references:``, with ``title``, ``author: [{family,
  given}]``, ``issued``, ``container-title``…) → publications; authors are written ``"family,
  given"``; an item with editors only (an edited book) lists its editors; HTML and pandoc markup
  (``<span class="smallcaps">``, ``^th^``) are removed. ``keys=[…]`` keeps only those ids, in that
  order (the entries a pandoc document cites).
* A YAML CV data file (``info``/``basics``/``cv`` with a name; sections of items: custom Jinja
  schemas, rendercv, JSON Resume) → the owner, its publications (items with a title and authors,
  or any titled item under a publications heading) and text lines for the rest: ``## Section``
  headings and one ``- title, institution, date; Advisor: X`` line per item, numbered with the
  item's line in the file. Layout settings (``moderncv``, ``design``…) are left out.
* Anything else → :class:`InputError` ("YAML file is not a CV or bibliography").
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Optional

from ..errors import InputError
from ..records import Author, Document, Line, Publication
from . import source_info

PUB_WORDS = re.compile(r"publication|paper|article|journal|conference|preprint|chapter|book|proceeding|report|"
                       r"working|manuscript|bibliograph", re.I)
_LAYOUT_KEYS = {"moderncv", "design", "theme", "style", "layout", "locale", "locale_catalog", "rendercv_settings",
                "settings", "meta", "config", "template", "geometry", "fonts", "font", "colors", "colours",
                "margins", "page", "output", "latex", "pdf", "html", "markdown", "typst"}
_LINE = "__line__"
_GENERIC_CONTAINER = re.compile(r"^\s*(?:(?:conference|congress|symposium|workshop)\s+)?(?:proceedings|anais|actas|"
                                r"actes|atti|abstracts?|annals|book of abstracts|papers)\s*$", re.I)


def _loader():
    import yaml

    class LineLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            m = super().construct_mapping(node, deep=deep)
            m[_LINE] = node.start_mark.line + 1
            return m

    # dates stay strings ("2019-05"): a CV date is text, not a datetime
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_yaml_str)
    return LineLoader


def load(path: Path):
    """(text, data) of a YAML or JSON file; mappings carry their line as ``__line__``."""
    import yaml

    from .text import decode

    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    try:
        docs = [d for d in yaml.load_all(text, Loader=_loader()) if d is not None]
    except yaml.YAMLError as e:
        if path.suffix.lower() == ".json":
            import json

            try:
                return text, json.loads(text)
            except ValueError as je:
                raise InputError(f"{path}: broken JSON at line {je.lineno}: {je.msg}") from None
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None)
        raise InputError(f"{path}: broken YAML{where}" + (f": {problem}" if problem else "")) from None
    if not docs:
        raise InputError(f"{path}: the YAML file holds no data")
    return text, (docs[0] if len(docs) == 1 else docs)


def _plain(v) -> str:
    """Text of a YAML value without HTML, pandoc or markdown markup."""
    s = str(v if v is not None else "")
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    s = re.sub(r"\^([^^\s]+)\^", r"\1", s)  # pandoc superscript 6^th^
    s = re.sub(r"(?<!~)~([^~\s]+)~(?!~)", r"\1", s)  # pandoc subscript
    s = re.sub(r"\[([^\]]*)\]\{[.#][^}]*\}", r"\1", s)  # [IPHAN]{.smallcaps}
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # [text](url)
    s = re.sub(r"\*\*([^*]+)\*\*|__([^_]+)__", lambda m: m.group(1) or m.group(2), s)
    s = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def _csl_name(a) -> Optional[str]:
    if isinstance(a, str):
        return _plain(a) or None
    if isinstance(a, dict):
        if a.get("literal"):
            return _plain(a["literal"])
        fam = " ".join(_plain(x) for x in (a.get("non-dropping-particle"), a.get("family")) if x)
        giv = " ".join(_plain(x) for x in (a.get("given"), a.get("dropping-particle")) if x)
        suffix = _plain(a.get("suffix") or "")
        if fam and giv:
            return f"{fam}, {giv}" + (f", {suffix}" if suffix else "")
        return fam or giv or (_plain(a.get("name")) if a.get("name") else None)
    return None


def _year(item: dict) -> Optional[int]:
    for k in ("issued", "year", "date", "releaseDate", "release_date", "published", "event-date"):
        v = item.get(k)
        if isinstance(v, list) and v:
            v = v[0]
        if isinstance(v, dict):
            v = v.get("year") or v.get("literal") or ((v.get("date-parts") or [[None]])[0] or [None])[0]
        m = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", str(v or ""))
        if m:
            return int(m.group(1))
    return None


def _status(item: dict) -> Optional[str]:
    blob = " ".join(str(item.get(k, "")) for k in ("status", "note", "type", "genre", "publication-status", "pubstate"))
    for st, rx in (("accepted", r"accepted|in press|to appear|forthcoming"),
                   ("submitted", r"submitted|under review|in review|revis"),
                   ("preprint", r"preprint|working paper|in preparation")):
        if re.search(rx, blob, re.I):
            return st
    return None


def _venue(item: dict) -> Optional[str]:
    typ = str(item.get("type", "")).lower()
    container = _plain(item.get("container-title") or "")
    event = _plain(item.get("event-title") or item.get("event") or "")
    if container and _GENERIC_CONTAINER.match(container) and event:
        return event
    keys = ["container-title", "journal", "venue", "booktitle", "journaltitle", "collection-title", "event-title",
            "event", "conference"]
    if typ in ("thesis", "book", "report", "manuscript") or not any(item.get(k) for k in keys):
        keys += ["publisher", "institution", "school", "university", "archive", "repository"]
    for k in keys:
        v = item.get(k)
        if v and not isinstance(v, (dict, list)):
            t = _plain(v)
            if t:
                return t
    return None


def _free_authors(raw: str) -> tuple[list[str], bool]:
    try:
        from ..extract.citation import split_authors
    except ImportError:  # pragma: no cover - the citation module is part of the package
        split_authors = None
    text = _plain(raw)
    if split_authors is not None:
        got, et_al = split_authors(text)
        return [a.name for a in got], et_al
    et_al = bool(re.search(r"\bet al\.?", text))
    text = re.sub(r",?\s*\bet al\.?", "", text)
    return [p.strip() for p in re.split(r"\s*(?:;|,?\s+and\s+|&|,(?!\s*[A-Z]\.?(?:,|$)))\s*", text) if p.strip()], et_al


def item_to_publication(item: dict, line: Optional[int] = None) -> Optional[Publication]:
    """One CSL item or CV publication entry → :class:`Publication` (None without a title)."""
    title = _plain(item.get("title") or item.get("name") or "")
    title = re.sub(r"\s*\.$", "", title)
    if not title:
        return None
    raw = item.get("author", item.get("authors"))
    if not raw and item.get("editor"):
        raw = item.get("editor")
    names: list[str] = []
    et_al = False
    if isinstance(raw, list):
        for a in raw:
            n = _csl_name(a)
            if n and n.lower() in ("others", "et al.", "et al"):
                et_al = True
            elif n and n not in names:  # the owner written twice in one list is one author
                names.append(n)
    elif isinstance(raw, str):
        names, et_al = _free_authors(raw)
    names = [re.sub(r"^\*+|\*+$", "", n).strip() for n in names]
    doi = str(item.get("doi") or item.get("DOI") or "").strip() or None
    if doi:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
    url = str(item.get("url") or item.get("URL") or item.get("paperurl") or "").strip() or None
    if not doi and url:  # "https://doi.org/10.…": the DOI is in the link
        m = re.search(r"doi\.org/(10\.\d{4,9}/\S+)", url)
        doi = m.group(1).rstrip(".") if m else None
    pub = Publication(title=title, et_al=et_al, venue=_venue(item), year=_year(item), status=_status(item),
                      doi=doi, url=url, line=item.get(_LINE, line))
    pub.authors = [Author(n, i + 1) for i, n in enumerate(names) if n]
    return pub


# ---------------------------------------------------------------------------------------------
# what kind of YAML is it?

def _is_csl_item(x) -> bool:
    return isinstance(x, dict) and bool(x.get("title")) and any(
        k in x for k in ("id", "citation-key", "issued", "container-title", "author", "editor", "type", "DOI"))


def csl_items(data) -> Optional[list[dict]]:
    """The items of a CSL bibliography (a list, or ``references:``), else None."""
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        data = data["references"]
    if isinstance(data, list) and data and sum(_is_csl_item(x) for x in data) >= max(1, 0.8 * len(data)) \
            and any(isinstance(x, dict) and ("issued" in x or "container-title" in x or isinstance(x.get("author"), list))
                    for x in data):
        return [x for x in data if _is_csl_item(x)]
    return None


def owner_of(data) -> Optional[str]:
    if not isinstance(data, dict):
        return None
    for k in ("info", "basics", "personal", "personal_info", "contact", "cv", "header", "person", "profile"):
        sub = data.get(k)
        if isinstance(sub, dict):
            got = owner_of_block(sub)
            if got:
                return got
    return owner_of_block(data)


def owner_of_block(info: dict) -> Optional[str]:
    from ..names import looks_like_name

    first = info.get("first_name") or info.get("firstname") or info.get("given_name") or info.get("given")
    last = info.get("last_name") or info.get("lastname") or info.get("family_name") or info.get("surname") or info.get("family")
    if isinstance(first, str) and isinstance(last, str) and first.strip() and last.strip():
        return f"{first.strip()} {last.strip()}"
    for k in ("name", "full_name", "fullname", "author"):
        v = info.get(k)
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, str) and v.strip() and looks_like_name(_plain(v)):
            return _plain(v)
    return None


_PUB_LIST_KEYS = re.compile(r"^(publications?|papers?|articles?|preprints?|bibliography|journal_articles|"
                            r"conference_papers|selected_publications|peer[_ -]?reviewed.*|books?|chapters?)$", re.I)


def _cv_publications(data) -> list[dict]:
    """Items of a CV data file that are publications: a title with authors anywhere, or any titled item
    in a list under a publications key or section (JSON Resume writes the title as ``name``)."""
    out: list[dict] = []

    def walk(node, in_pubs: bool):
        if isinstance(node, dict):
            title = node.get("title") or (node.get("name") if in_pubs and any(
                k in node for k in ("publisher", "releaseDate", "journal", "venue", "authors", "author", "doi", "url")) else None)
            if isinstance(title, str) and title.strip() and (("author" in node or "authors" in node) or in_pubs) \
                    and not isinstance(node.get("items"), list):
                out.append(node)
                return
            sect = " ".join(str(node.get(k, "")) for k in ("type", "name", "title", "heading", "section") if isinstance(node.get(k, ""), str))
            here = in_pubs or bool(PUB_WORDS.search(sect) and isinstance(node.get("items") or node.get("entries"), list))
            for k, v in node.items():
                if k == _LINE or k in _LAYOUT_KEYS:
                    continue
                walk(v, here or bool(_PUB_LIST_KEYS.match(str(k))))
        elif isinstance(node, list):
            for v in node:
                walk(v, in_pubs)

    walk(data, False)
    return out


# ---------------------------------------------------------------------------------------------
# the rest of a YAML CV as text lines

_MAIN = ["title", "position", "role", "degree", "studyType", "area", "course", "label", "name", "institution",
         "organization", "organisation", "company", "employer", "school", "university", "awarder", "issuer",
         "location", "city", "date", "dates", "year", "startDate", "start_date", "endDate", "end_date"]
_SKIP_FIELDS = {"type", "subsection", "id", "icon", "highlights_style", "show", "hidden", "visible", "order"}


def _scalar(v) -> bool:
    return isinstance(v, (str, int, float)) and not isinstance(v, bool)


def _label(k: str) -> str:
    k = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(k)).replace("_", " ").strip()
    return k[:1].upper() + k[1:]


def _item_line(item: dict) -> str:
    main, extra = [], []
    used = set()
    start = item.get("startDate") or item.get("start_date")
    end = item.get("endDate") or item.get("end_date")
    for k in _MAIN:
        v = item.get(k)
        if k in ("startDate", "start_date", "endDate", "end_date"):
            continue
        if _scalar(v) and str(v).strip():
            main.append(_plain(v))
            used.add(k)
    if start or end:
        main.append(f"{_plain(start or '')} – {_plain(end or 'present')}".strip(" –"))
    used |= {"startDate", "start_date", "endDate", "end_date"}
    for k, v in item.items():
        if k in used or k == _LINE or k in _SKIP_FIELDS:
            continue
        if _scalar(v) and str(v).strip():
            extra.append(f"{_label(k)}: {_plain(v)}")
        elif isinstance(v, list) and v and all(_scalar(x) for x in v):
            extra.append(f"{_label(k)}: " + "; ".join(_plain(x) for x in v))
    text = ", ".join(x for x in main if x)
    if extra:
        text = (text + ". " if text else "") + "; ".join(extra)
    return text


def _render(data, pubs: list[dict]) -> list[Line]:
    pub_ids = {id(p) for p in pubs}
    lines: list[Line] = []

    def emit(text: str, line: Optional[int]):
        if text.strip():
            lines.append(Line(text, line or (lines[-1].line if lines else 1)))

    def section(title: str, body, line: Optional[int]):
        items = body if isinstance(body, list) else [body]
        if not any(not (isinstance(x, dict) and id(x) in pub_ids) for x in items):
            return  # a section of publications only: they are structured entries already
        emit(f"## {_plain(title)}", line)
        block(body, line)

    def block(node, line: Optional[int]):
        if isinstance(node, dict):
            if id(node) in pub_ids:
                return
            ln = node.get(_LINE, line)
            items = node.get("items") if isinstance(node.get("items"), list) else node.get("entries")
            if isinstance(items, list) and isinstance(node.get("name") or node.get("title") or node.get("heading"), str):
                section(node.get("name") or node.get("title") or node.get("heading"), items, ln)
                return
            if any(isinstance(v, (dict, list)) for k, v in node.items() if k != _LINE):
                for k, v in node.items():
                    if k == _LINE or k in _LAYOUT_KEYS or k in _SKIP_FIELDS:
                        continue
                    if _scalar(v):
                        emit(f"{_label(k)}: {_plain(v)}", ln)
                    elif isinstance(v, list) and v and all(_scalar(x) for x in v):
                        emit(f"{_label(k)}: " + "; ".join(_plain(x) for x in v), ln)
                    elif isinstance(v, (dict, list)):
                        section(_label(k), v, v.get(_LINE, ln) if isinstance(v, dict) else ln)
                return
            emit("- " + _item_line(node), ln)
        elif isinstance(node, list):
            for x in node:
                if _scalar(x):
                    emit(f"- {_plain(x)}", line)
                else:
                    block(x, line)
        elif _scalar(node):
            emit(_plain(node), line)

    if isinstance(data, dict):
        for k in ("info", "basics", "personal", "personal_info", "contact", "header", "profile"):
            if isinstance(data.get(k), dict):
                info = data[k]
                name = owner_of_block(info)
                if name:
                    emit(name, info.get(_LINE))
                for kk, v in info.items():
                    if kk == _LINE or kk in ("first_name", "last_name", "name", "firstname", "lastname"):
                        continue
                    if _scalar(v):
                        emit(f"{_label(kk)}: {_plain(v)}", info.get(_LINE))
                    elif isinstance(v, list) and all(_scalar(x) for x in v):
                        emit(f"{_label(kk)}: " + "; ".join(_plain(x) for x in v), info.get(_LINE))
                    elif isinstance(v, (list, dict)):
                        section(_label(kk), v, info.get(_LINE))
        for k, v in data.items():
            if k == _LINE or k in _LAYOUT_KEYS or k in ("info", "basics", "personal", "personal_info", "contact", "header", "profile"):
                continue
            if isinstance(v, list):
                # a list of sections ({name, items}) or the items of a section named by the key
                if all(isinstance(x, dict) and isinstance(x.get("items") or x.get("entries"), list) or
                       (isinstance(x, dict) and x.get("type") and x.get("name") and not x.get("items")) for x in v):
                    for x in v:
                        if isinstance(x.get("items") or x.get("entries"), list):
                            block(x, x.get(_LINE))
                else:
                    section(_label(k), v, None)
            elif isinstance(v, dict):
                if k == "cv" or k == "sections":
                    block(v, v.get(_LINE))
                else:
                    section(_label(k), v, v.get(_LINE))
            elif _scalar(v) and k not in ("name",):
                emit(f"{_label(k)}: {_plain(v)}", None)
    lines.sort(key=lambda l: l.line)
    return lines


def _strip_lines(node):
    if isinstance(node, dict):
        return {k: _strip_lines(v) for k, v in node.items() if k != _LINE}
    if isinstance(node, list):
        return [_strip_lines(v) for v in node]
    return node


def _cited_bibtex(path: Path, key: str, keys: list) -> Document:
    """The entries of a .bib file that a pandoc document cites, in the order cited."""
    from .bib import entry_to_publication, parse_entries
    from .text import decode

    entries, warnings = parse_entries(decode(path.read_bytes(), str(path)), str(path))
    by_key = {e["key"]: e for e in entries}
    pubs = [entry_to_publication(by_key[k]) for k in keys if k in by_key and str(by_key[k].get("title", "")).strip()]
    return Document(source=source_info(path, "bib", key), publications=pubs, warnings=warnings)


def read(path: Path, key: str, keys: Optional[list] = None) -> Document:
    if keys is not None and path.suffix.lower() == ".bib":  # a pandoc CV may cite a BibTeX file too
        return _cited_bibtex(path, key, keys)
    text, data = load(path)
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    items = csl_items(data)
    if items is not None:  # a bibliography
        if keys is not None:  # only the entries a document cites (pandoc [@key]), in its order
            by_id: dict[str, dict] = {}
            for x in items:
                for k in (x.get("id"), x.get("citation-key")):
                    if k is not None:
                        by_id.setdefault(str(k), x)
            items = [by_id[k] for k in keys if k in by_id]
        pubs = [p for p in (item_to_publication(x) for x in items) if p]
        return Document(source=source_info(path, fmt, key), publications=pubs)
    if keys is not None:
        raise InputError(f"{path}: not a CSL bibliography (no list of references with titles)")
    owner = owner_of(data)
    entries = _cv_publications(data)
    if not owner and not entries:
        raise InputError(f"{path}: YAML file is not a CV or bibliography (no name, no publications)")
    if not owner and len(entries) < 2:
        raise InputError(f"{path}: YAML file is not a CV or bibliography (no name and no list of publications)")
    pubs = [p for p in (item_to_publication(x) for x in entries) if p]
    lines = _render(data, entries)
    return Document(source=source_info(path, fmt, key), lines=lines, publications=pubs, owner=owner)


def looks_like_cv_or_bibliography(path: Path) -> bool:
    """Cheap check used by discovery: is this YAML/JSON file worth reading as a source?"""
    try:
        _, data = load(path)
    except InputError:
        return path.suffix.lower() in (".yaml", ".yml")  # a broken YAML is reported when it is read
    if csl_items(data) is not None:
        return True
    owner = owner_of(data)
    entries = _cv_publications(data)
    return bool(owner and (entries or _has_cv_sections(data))) or len(entries) >= 2


def _has_cv_sections(data) -> bool:
    blob = " ".join(str(k) for k in (data.keys() if isinstance(data, dict) else []))
    if isinstance(data, dict):
        for k in ("cv", "sections"):
            v = data.get(k)
            if isinstance(v, dict):
                blob += " " + " ".join(map(str, v.keys()))
            elif isinstance(v, list):
                blob += " " + " ".join(str(x.get("name", "")) for x in v if isinstance(x, dict))
    return bool(re.search(r"education|experience|employment|work|publications|positions|awards|teaching|sections", blob, re.I))
