"""Academic-site folders (academicpages/Jekyll, Hugo/Wowchemy): one person's site is one source.

* Owner: ``_config.yml`` ``author.name`` (else ``name``), Hugo ``params.author``/``author`` or the
  ``content/authors/*/_index.md`` title; honorifics (", PhD", "Dr.") are dropped.
* Publications: each ``_publications/*.md`` front matter (``title``, ``date``, ``venue``,
  ``paperurl``; authors from the ``citation`` string: the part before the title, split with
  :func:`kg.extract.citation.split_authors`; ``<strong>``/``**`` names are the owner's) and Hugo
  ``content/publication(s)/**`` pages (``title``, ``authors`` list — ``admin`` is the owner —,
  ``date``, ``publication``, ``doi``). ``line`` is the line of ``title:`` in that file.
* Text: ``_pages/cv*.md`` (or ``resume``/``vita``; Hugo ``content/**/cv*``) body lines, with front
  matter blanked, Liquid ``{% … %}``/``{{ … }}`` and HTML tags removed (``<h2>`` → ``## ``), as
  :class:`Line` s with ``file`` set to the page's path inside the site.
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..records import Author, Document, Line, Publication, SourceInfo
from .markdown import clean_markdown

_HUGO_CONFIGS = ("config.toml", "config.yaml", "config.yml", "hugo.toml", "hugo.yaml", "hugo.yml")
_CV_PAGE = re.compile(r"^(cv|resume|résumé|vita|curriculum[-_ ]?vitae?)(?:[-_.].*)?$", re.I)


def is_site(folder: Path) -> bool:
    """An academicpages/Jekyll site (``_config.yml`` with ``_publications/`` or ``_pages/``) or a Hugo
    site (a Hugo config with ``content/``)."""
    folder = Path(folder)
    if (folder / "_config.yml").is_file() and ((folder / "_publications").is_dir() or (folder / "_pages").is_dir()):
        return True
    hugo = any((folder / c).is_file() for c in _HUGO_CONFIGS) or (folder / "config" / "_default").is_dir()
    return hugo and (folder / "content").is_dir()


def strip_html(s: str) -> str:
    """HTML and Liquid out, line count kept; ``<h1>``/``<h2>`` become ``## ``, bold becomes ``**``."""
    s = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", lambda m: "\n" * m.group(0).count("\n"), s, flags=re.S)
    s = re.sub(r"<(script|style)\b.*?</\1>", lambda m: "\n" * m.group(0).count("\n"), s, flags=re.S | re.I)
    s = re.sub(r"<h[12]\b[^>]*>(.*?)</h[12]>",
               lambda m: "## " + re.sub(r"^[\W_]+", "", re.sub(r"<[^>]+>", "", m.group(1))).strip(), s, flags=re.I | re.S)
    s = re.sub(r"<br\s*/?>", " ", s, flags=re.I)
    s = re.sub(r"<(b|strong)\b[^>]*>(.*?)</\1>", r"**\2**", s, flags=re.I | re.S)
    s = re.sub(r"<li\b[^>]*>", "- ", s, flags=re.I)
    s = re.sub(r"<[^>]+>", lambda m: "\n" * m.group(0).count("\n"), s)
    return html.unescape(s)


def _page_lines(text: str, rel: str) -> list[Line]:
    body, _ = clean_markdown(text)
    raw = body.split("\n")
    clean = strip_html(body).split("\n")
    out = []
    for i, t in enumerate(clean, 1):
        had_tag = i <= len(raw) and bool(re.search(r"<[^>]+>|\{%", raw[i - 1]))
        t = t.rstrip()
        if had_tag or not t.strip():
            t = t.strip()  # indentation of HTML source is layout, not structure
        out.append(Line(t, i, None, rel))
    return out


def _owner_clean(name) -> Optional[str]:
    if not isinstance(name, str):
        return None
    n = re.sub(r"^\s*(?:Dr\.?|Prof\.?|Professor)\s+", "", name.strip())
    n = re.sub(r"\s*,?\s*(?:Ph\.?\s?D\.?|M\.?D\.?|MSc|M\.Sc\.|DPhil)\s*$", "", n, flags=re.I).strip(" ,")
    return n or None


def _front(md: Path) -> tuple[str, dict]:
    from .text import decode

    text = decode(md.read_bytes(), str(md))
    body, meta = clean_markdown(text)
    return text, meta


def _title_line(text: str) -> int:
    m = re.search(r"(?m)^title\s*[:=]", text)
    return text[: m.start()].count("\n") + 1 if m else 1


def _norm_map(s: str) -> tuple[str, list[int]]:
    out, idx = [], []
    for i, c in enumerate(s):
        if c.isalnum():
            out.append(c.casefold())
            idx.append(i)
    return "".join(out), idx


def authors_from_citation(citation: str, title: str):
    """(author names, et al., bold names) from a formatted citation, using the known title to cut it.

    >>> authors_from_citation('<strong>Roe, A.</strong>, Bo Li, and C. Wu. (2016). &quot;Deep Things&quot; <i>J</i>.', 'Deep Things')
    (['Roe, A.', 'Bo Li', 'C. Wu'], False, ['Roe, A.'])
    """
    c = html.unescape(re.sub(r"\[([^\]]*)\]\([^)]*\)", "", str(citation)))
    bold = [re.sub(r"<[^>]+>", "", g1 or g2).strip()
            for g1, g2 in re.findall(r"<(?:b|strong)>(.*?)</(?:b|strong)>|\*\*(.*?)\*\*", c, flags=re.I)]
    c = re.sub(r"<[^>]+>", "", c).replace("**", "")
    c = re.sub(r"\s+", " ", c)
    cn, idx = _norm_map(c)
    tn, _ = _norm_map(title)
    cut = None
    if tn:
        probe = tn[: min(len(tn), 30)]
        k = cn.find(probe)
        if k >= 0:
            cut = idx[k]
    if cut is None:
        m = re.search(r"\(?\b(?:19|20)\d\d[a-z]?\)?\s*[.:,]", c) or re.search(r"[\"“]", c)
        cut = m.start() if m else len(c)
    part = c[:cut]
    part = re.sub(r"[\s\"“”'‘’«»(]+$", "", part)
    part = re.sub(r"[\s,:;]*\(?\b(?:19|20)\d\d[a-z]?\)?[\s.,:;]*$", "", part)  # "(2019)." / ", 2019."
    part = re.sub(r"(?<=[^\W\d_]{2})\.$", "", part.strip(" ,;:")).strip(" ,;:")  # "… Nghiem." but not "D."
    if not part:
        return [], False, bold
    try:
        from ..extract.citation import split_authors
    except ImportError:  # pragma: no cover - written by another module; a simple fallback
        split_authors = None
    if split_authors is not None:
        got, et_al = split_authors(part)
        names = [a.name for a in got]
        _MARKS.clear()
        _MARKS.extend(list(a.marks) for a in got)
    else:
        et_al = bool(re.search(r"\bet al\b", part))
        part = re.sub(r",?\s*\bet al\.?", "", part)
        names = [x.strip() for x in re.split(r"\s*;\s*|,?\s+(?:and|&)\s+", part) if x.strip()]
    return names, et_al, bold


_MARKS: list = []  # the marks of the names the last authors_from_citation call returned


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).casefold() == re.sub(r"\W+", "", b).casefold()


def _status(*texts) -> Optional[str]:
    blob = " ".join(str(t or "") for t in texts)
    for st, rx in (("accepted", r"\baccepted\b|\bin press\b|\bto appear\b"), ("submitted", r"\bsubmitted\b|\bunder review\b|\bin review\b"),
                   ("preprint", r"\bpreprint\b|\barxiv\b")):
        if re.search(rx, blob, re.I):
            return st
    return None


def _year(*vals) -> Optional[int]:
    for v in vals:
        m = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", str(v or ""))
        if m:
            return int(m.group(1))
    return None


def _jekyll_publication(md: Path) -> Optional[Publication]:
    text, meta = _front(md)
    title = re.sub(r"\s+", " ", str(meta.get("title") or "")).strip()
    if not title:
        return None
    title = re.sub(r"\s*\.$", "", html.unescape(re.sub(r"<[^>]+>", "", title)))
    venue = re.sub(r"\s+", " ", strip_html(str(meta.get("venue") or ""))).strip() or None
    cit = str(meta.get("citation") or "")
    pub = Publication(title=title, venue=venue, year=_year(meta.get("date"), meta.get("year"), cit),
                      url=str(meta.get("paperurl") or meta.get("url") or "").strip() or None, line=_title_line(text))
    pub.status = _status(meta.get("venue"), meta.get("status"))
    if cit:
        _MARKS.clear()
        names, et_al, bold = authors_from_citation(cit, title)
        marks = list(_MARKS) if len(_MARKS) == len(names) else [[] for _ in names]
        pub.et_al = et_al
        pub.authors = [Author(n, i + 1, marks=m, is_owner=any(_same(n, b) for b in bold))
                       for i, (n, m) in enumerate(zip(names, marks))]
        m = re.search(r"\b(10\.\d{4,9}/[^\s\"'<>\])]+[^\s\"'<>\]).,;])", cit)
        if m:
            pub.doi = m.group(1)
        if not pub.venue:
            iv = re.search(r"<i>(.*?)</i>", cit)
            pub.venue = html.unescape(iv.group(1)).strip() if iv else None
    if not pub.doi and pub.url:
        m = re.search(r"doi\.org/(10\.\S+)", pub.url)
        pub.doi = m.group(1) if m else None
    return pub


def _hugo_publication(md: Path, owner: Optional[str]) -> Optional[Publication]:
    text, meta = _front(md)
    title = re.sub(r"\s+", " ", str(meta.get("title") or "")).strip()
    if not title:
        return None
    venue = meta.get("publication") or meta.get("venue") or meta.get("journal") or meta.get("publication_short")
    venue = re.sub(r"[*_]", "", re.sub(r"\s+", " ", strip_html(str(venue or "")))).strip() or None
    if venue:
        venue = re.sub(r"^In\s+", "", venue)
    pub = Publication(title=re.sub(r"\s*\.$", "", title), venue=venue, year=_year(meta.get("date"), meta.get("publishDate")),
                      doi=str(meta.get("doi") or "").strip() or None, url=str(meta.get("url_pdf") or "").strip() or None,
                      line=_title_line(text))
    authors = meta.get("authors") or meta.get("author") or []
    if isinstance(authors, str):
        authors = [a.strip() for a in re.split(r"\s*;\s*|\s+and\s+", authors) if a.strip()]
    for a in authors if isinstance(authors, list) else []:
        name = str(a).strip()
        is_owner = name.lower() == "admin"
        if is_owner:
            if not owner:
                continue
            name = owner
        name = re.sub(r"[*\\]+$", "", name).strip()
        if name:
            pub.authors.append(Author(name, len(pub.authors) + 1, is_owner=is_owner))
    types = " ".join(str(t) for t in (meta.get("publication_types") or []))
    pub.status = _status(meta.get("status"), "preprint" if types.strip() == "3" else "")
    return pub


def _config(folder: Path) -> dict:
    import yaml

    from .text import decode

    for name in ("_config.yml",) + _HUGO_CONFIGS:
        p = folder / name
        if not p.is_file():
            continue
        text = decode(p.read_bytes(), str(p))
        try:
            if name.endswith(".toml"):
                try:
                    import tomllib
                except ImportError:  # pragma: no cover - Python 3.10
                    return {}
                data = tomllib.loads(text)
            else:
                data = yaml.safe_load(text)
        except Exception:  # a broken config names no owner; the rest of the site is still read
            data = None
        if isinstance(data, dict):
            return data
    return {}


def _owner(folder: Path, conf: dict) -> Optional[str]:
    author = conf.get("author")
    cands = []
    if isinstance(author, dict):
        cands.append(author.get("name"))
    elif isinstance(author, str):
        cands.append(author)
    params = conf.get("params") if isinstance(conf.get("params"), dict) else {}
    if isinstance(params.get("author"), (str, dict)):
        a = params["author"]
        cands.append(a.get("name") if isinstance(a, dict) else a)
    cands.append(conf.get("name"))
    authors_dir = folder / "content" / "authors"
    if authors_dir.is_dir():
        for idx in sorted(authors_dir.glob("*/_index.md")):
            cands.append(_front(idx)[1].get("title"))
    from ..names import looks_like_name

    for c in cands:
        c = _owner_clean(c)
        if c and looks_like_name(c):
            return c
    for c in cands:
        c = _owner_clean(c)
        if c:
            return c
    return None


def _config_contact(folder: Path) -> list[Line]:
    """The owner's email and site URL from ``_config.yml`` (``author.email``, ``url``) as header lines."""
    conf = folder / "_config.yml"
    if not conf.is_file():
        return []
    out = []
    text = conf.read_text(encoding="utf-8", errors="replace").split("\n")
    in_author = False
    for i, l in enumerate(text, 1):
        if re.match(r"^author\s*:", l):
            in_author = True
            continue
        if in_author and l and not l[0].isspace():
            in_author = False
        m = re.match(r"^\s+email\s*:\s*[\"']?([^\s\"'#]+@[^\s\"'#]+)", l) if in_author else None
        if m:
            out.append(Line(f"Email: {m.group(1)}", i, None, "_config.yml"))
        m = re.match(r"^url\s*:\s*[\"']?(https?://[^\s\"'#]+)", l)
        if m:
            out.append(Line(f"Web: {m.group(1)}", i, None, "_config.yml"))
    return out


def _skip_dir(rel_parts) -> bool:
    return any(p.startswith(".") or p in ("_site", "node_modules", "public", "resources", "vendor") for p in rel_parts)


def read(folder: Path, key: str) -> Document:
    from .text import decode

    folder = Path(folder)
    if not folder.is_dir() or not is_site(folder):
        raise InputError(f"{folder}: not an academic-site folder (_config.yml with _publications/ or _pages/, "
                         "or a Hugo config with content/)")
    conf = _config(folder)
    owner = _owner(folder, conf)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not _skip_dir(p.relative_to(folder).parts[:-1])
                   and p.suffix.lower() in (".md", ".markdown", ".html", ".yml", ".yaml", ".toml"))
    h = hashlib.sha256()
    for p in files:
        h.update(p.relative_to(folder).as_posix().encode() + b"\0")
        h.update(p.read_bytes())
    lines: list[Line] = []
    pages = [p for p in files if p.suffix.lower() in (".md", ".markdown", ".html")
             and (p.parent.name == "_pages" or "content" in p.relative_to(folder).parts[:1])
             and (_CV_PAGE.match(p.stem) or (p.stem in ("index", "_index") and _CV_PAGE.match(p.parent.name)))]
    lines += _config_contact(folder)
    for p in pages:
        lines += _page_lines(decode(p.read_bytes(), str(p)), p.relative_to(folder).as_posix())
    pubs: list[Publication] = []
    jekyll = folder / "_publications"
    if jekyll.is_dir():
        for md in sorted(jekyll.rglob("*")):
            if md.is_file() and md.suffix.lower() in (".md", ".markdown", ".html"):
                pub = _jekyll_publication(md)
                if pub:
                    pubs.append(pub)
    for d in ("publication", "publications"):
        hugo = folder / "content" / d
        if hugo.is_dir():
            for md in sorted(hugo.rglob("*.md")):
                if md.stem == "_index":
                    continue
                pub = _hugo_publication(md, owner)
                if pub:
                    pubs.append(pub)
    if not lines and not pubs and not owner:
        raise InputError(f"{folder}: the site has no CV page, no publications and names no owner")
    src = SourceInfo(path=key, sha256=h.hexdigest(), format="site", key=key)
    return Document(source=src, lines=lines, publications=pubs, owner=owner)
