"""BibTeX files (bibtexparser 2): every entry becomes a publication; slips are warnings with lines."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..errors import InputError, MissingDependency
from ..records import Author, Document, Publication, Warning_
from . import source_info
from .latex import latex_to_text
from .text import decode

_STATUS = [("accepted", r"to appear|accepted|in press|forthcoming"), ("submitted", r"submitted|under review|in review|revision"),
           ("preprint", r"preprint|arxiv|working paper|in preparation")]


def parse_entries(text: str, origin: str):
    """(entries as dicts with 'key', 'type', 'line' and fields, warnings) from BibTeX text."""
    try:
        import bibtexparser
    except ImportError:
        raise MissingDependency("reading BibTeX needs the 'bib' extra: pip install 'pubkg[bib]'") from None
    import logging

    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # its warnings go to our warning list instead
    try:
        lib = bibtexparser.parse_string(text)
    except Exception as e:  # the parser's own errors on hopeless input
        raise InputError(f"{origin}: broken BibTeX ({type(e).__name__}: {str(e)[:80]})") from None
    entries, warnings = [], []
    for e in lib.entries:
        d = {k.lower(): f.value for k, f in e.fields_dict.items()}
        d["key"], d["type"], d["line"] = e.key, e.entry_type.lower(), e.start_line + 1
        entries.append(d)
    for b in lib.failed_blocks:
        if type(b).__name__ == "DuplicateFieldKeyBlock" and getattr(b, "entry", None) is not None:
            e = b.entry  # an entry with a repeated field: keep the entry, warn about the field
            d = {k.lower(): f.value for k, f in e.fields_dict.items()}
            d["key"], d["type"], d["line"] = e.key, e.entry_type.lower(), e.start_line + 1
            entries.append(d)
            warnings.append(Warning_(e.start_line + 1, e.key, "BibTeX entry repeats a field"))
            continue
        raw = getattr(b, "raw", "") or ""
        warnings.append(Warning_(getattr(b, "start_line", 0) + 1, raw.strip().splitlines()[0][:120] if raw.strip() else "",
                                 "BibTeX block not understood"))
    for m in re.finditer(r"(?m)^\s*@@\w+", text):
        warnings.append(Warning_(text[: m.start()].count("\n") + 1, m.group(0).strip(), "doubled '@' in an entry type"))
    return entries, warnings


def _year(d) -> Optional[int]:
    m = re.search(r"(19|20)\d\d", str(d.get("year") or d.get("date") or ""))
    return int(m.group(0)) if m else None


def entry_to_publication(d: dict) -> Publication:
    title = latex_to_text(str(d.get("title", ""))).strip().rstrip(".")
    raw_authors = latex_to_text(str(d.get("author", "")), bold_markup=False)
    names = [a.strip() for a in re.split(r"\s+and\s+", raw_authors) if a.strip()]
    et_al = any(n.lower() in ("others", "et al.", "et al") for n in names)
    names = [n for n in names if n.lower() not in ("others", "et al.", "et al")]
    venue = None
    for k in ("journal", "journaltitle", "booktitle", "school", "institution", "publisher", "howpublished"):
        if d.get(k):
            venue = latex_to_text(str(d[k]))
            break
    if not venue and str(d.get("eprinttype", d.get("archiveprefix", ""))).lower() == "arxiv" and d.get("eprint"):
        venue = f"arXiv:{d['eprint']}"
    status = None
    blob = " ".join(str(d.get(k, "")) for k in ("pubstate", "note", "keywords", "journal", "howpublished"))
    for st, rx in _STATUS:
        if re.search(rx, blob, re.I):
            status = st
            break
    pub = Publication(title=title, et_al=et_al, venue=venue, year=_year(d), status=status,
                      doi=(str(d["doi"]) if d.get("doi") else None), url=(str(d["url"]) if d.get("url") else None),
                      line=d.get("line"))
    pub.authors = [Author(n, i + 1) for i, n in enumerate(names)]
    return pub


def read(path: Path, key: str) -> Document:
    text = decode(path.read_bytes(), str(path))
    entries, warnings = parse_entries(text, str(path))
    if not entries:
        raise InputError(f"{path}: broken BibTeX: no entry could be read" + (f" ({len(warnings)} bad blocks)" if warnings else ""))
    pubs = [entry_to_publication(d) for d in entries if d.get("title")]
    return Document(source=source_info(path, "bib", key), publications=pubs, warnings=warnings)
