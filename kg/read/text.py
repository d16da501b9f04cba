"""Plain text and markdown CVs (often converted from PDF)."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..records import Document, Line
from . import source_info


def decode(data: bytes, name: str) -> str:
    """Bytes → text; binary junk raises :class:`InputError`.

    >>> decode("Jos\\u00e9".encode("utf-8"), "x")
    'José'
    >>> decode(b"\\x00\\x01\\x02PK\\x03\\x04" * 50, "x.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.txt: binary data, not text (is it a renamed PDF, DOCX or image?)
    """
    head = data[:65536]
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or ctrl > max(8, len(head) // 100):
        raise InputError(f"{name}: binary data, not text (is it a renamed PDF, DOCX or image?)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    from .repair import repair_text

    return repair_text(text)


def lines_of(text: str, page=None, file=None) -> list[Line]:
    """One :class:`Line` per line as an editor numbers them (only ``\\n`` ends a line; a form feed from
    pdftotext starts a new page inside the line count). Text converted from a PDF keeps its running
    headers, footers and page numbers at the page edges; those are dropped (their numbers are skipped).

    >>> [(l.line, l.text) for l in lines_of("Ada Roe - CV\\nBody one\\n1\\n\\fAda Roe - CV\\nBody two\\n2")]
    [(2, 'Body one'), (5, 'Body two')]
    """
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    pages: list[list[int]] = [[]]
    for i, t in enumerate(raw):
        if "\f" in t:
            head, _, tail = t.rpartition("\f")
            if head.strip(" \f") and pages[-1] is not None:
                pages[-1].append(i)
            pages.append([])
            raw[i] = tail if not head.strip(" \f") else head.replace("\f", " ") + " " + tail
        pages[-1].append(i)
    drop: set[int] = set()
    if len(pages) >= 2:
        from .repair import is_page_number, line_key, running_lines

        texts = [[raw[i] for i in p] for p in pages]
        running = running_lines(texts, 3)
        for p in pages:
            body = [i for i in p if raw[i].strip()]
            for i in body[:3] + body[-3:]:
                if is_page_number(raw[i]) or line_key(raw[i]) in running:
                    drop.add(i)
    return [Line(t.replace("\f", ""), i + 1, page, file) for i, t in enumerate(raw) if i not in drop]


def read(path: Path, key: str) -> Document:
    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: no text in the file")
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    owner = None
    if fmt == "md" or text.lstrip().startswith(("---", "<!--")):
        from .markdown import clean_markdown, owner_from_meta

        text, meta = clean_markdown(text)
        owner = owner_from_meta(meta)
    doc = Document(source=source_info(path, fmt, key), lines=lines_of(text), owner=owner)
    if not (fmt == "md" and _pandoc_citations(path, text, doc)):
        _named_bibliography(path, doc)
    return doc


def _named_bibliography(path: Path, doc: Document) -> None:
    """A CV that names a bibliography file beside it ("see publications.bib"): all its entries are
    the CV's publications, read with that file's reader."""
    from .grouping import named_bibliography

    bib = named_bibliography(path)
    if bib is None:
        return
    try:
        if bib.suffix.lower() == ".bib":
            from .bib import read as read_bib

            listed = read_bib(bib, bib.name)
        else:
            from .yamlcv import read as read_yaml

            listed = read_yaml(bib, bib.name)
    except InputError as e:
        from ..records import Warning_

        doc.warnings.append(Warning_(None, str(bib), str(e)))
        return
    doc.publications.extend(listed.publications)
    doc.warnings.extend(listed.warnings)


def _pandoc_citations(path: Path, text: str, doc: Document) -> bool:
    """A pandoc CV citing a CSL-YAML bibliography ([@key]): the cited entries are its publications.
    Was there such a bibliography?"""
    import re

    from .grouping import _yaml_of_md
    from .yamlcv import read as read_yaml

    keys = []
    for m in re.finditer(r"\[-?@([\w:.\-]+)", text):
        if m.group(1) not in keys:
            keys.append(m.group(1).rstrip("."))
    if not keys:
        return False
    bib = _yaml_of_md(path)
    if bib is None:
        return False
    try:
        cited = read_yaml(bib, bib.name, keys=keys)
    except InputError as e:
        from ..records import Warning_

        doc.warnings.append(Warning_(None, str(bib), str(e)))
        return True
    doc.publications.extend(cited.publications)
    return True
