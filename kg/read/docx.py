"""DOCX CVs (python-docx): paragraphs and tables in body order, bold runs kept as ``**bold**``.

* ``Line.line`` is the 1-based index of the body block: each paragraph and each table row counts
  one (a paragraph with soft line breaks gives several :class:`Line` s with the same number;
  text boxes anchored in a paragraph follow it with its number).
* Table rows are written like markdown rows: ``| cell | cell |`` (merged cells once, nested tables
  flattened into their cell).
* List paragraphs (bullets or numbering, or a "List …" style) start with ``- ``; paragraphs in a Word
  heading style become markdown headings (``## Journal Articles``).
* Bold runs (direct formatting or a bold character style) are wrapped in ``**…**``; hyperlink runs
  are kept; tabs become three spaces (they separate dates from entries).
* The owner is the document's author property only when one of the first lines writes that name.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import InputError, MissingDependency
from ..records import Document, Line
from . import source_info
from .repair import repair_text

MISSING = "reading DOCX needs the 'docx' extra: pip install 'pubkg[docx]'"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _runs(p):
    """Runs in order, including those inside hyperlinks (python-docx's ``p.runs`` skips them)."""
    if hasattr(p, "iter_inner_content"):
        for item in p.iter_inner_content():
            if hasattr(item, "runs") and not hasattr(item, "bold"):
                yield from item.runs
            else:
                yield item
    else:  # python-docx < 1.0
        yield from p.runs


def _is_bold(run) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    try:
        style = run.style
        while style is not None:  # a character style ("Strong") or its base
            if style.font.bold is not None:
                return bool(style.font.bold)
            style = style.base_style
    except (AttributeError, KeyError, ValueError):
        pass
    return False


def _para_text(p) -> str:
    parts = []
    for run in _runs(p):
        t = run.text
        if not t:
            continue
        if t.strip() and _is_bold(run):
            lead, core, trail = t[: len(t) - len(t.lstrip())], t.strip(), t[len(t.rstrip()):]
            parts.append(f"{lead}**{core}**{trail}")
        else:
            parts.append(t)
    text = "".join(parts) if parts else p.text
    text = re.sub(r"\*\*(\s*)\*\*", r"\1", text)  # adjacent bold runs make one bold span
    text = text.replace("\t", "   ")
    try:
        style = (p.style.name or "").lower() if p.style is not None else ""
    except (AttributeError, KeyError, ValueError):
        style = ""
    ppr = p._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    heading = re.fullmatch(r"heading ([1-6])", style)
    if heading and text.strip():  # a Word heading style: a heading, blank lines around it or not
        return "#" * int(heading.group(1)) + " " + text.strip()
    if ("list" in style or numbered) and text.strip() and not re.match(r"\s*[-•▪◦●]\s", text):
        text = "- " + text.strip()
    return text


def _textbox_paragraphs(p_element):
    """Paragraphs inside text boxes anchored in a paragraph (the fallback copy of a shape is skipped)."""
    for txbx in p_element.iter(f"{_W}txbxContent"):
        anc, fallback = txbx.getparent(), False
        while anc is not None:
            if anc.tag == _MC_FALLBACK:
                fallback = True
                break
            anc = anc.getparent()
        if not fallback:
            yield from txbx.iter(f"{_W}p")


def _cell_text(cell, Paragraph, Table) -> str:
    parts = []
    for child in cell._tc.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            t = _para_text(Paragraph(child, cell)).strip()
            if t:
                parts.append(t)
        elif tag == "tbl":
            for row in Table(child, cell).rows:
                cells = [_cell_text(c, Paragraph, Table) for c in row.cells]
                t = " ; ".join(c for c in cells if c)
                if t:
                    parts.append(t)
    return " ".join(parts).replace("|", "/")


def read(path: Path, key: str) -> Document:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise MissingDependency(MISSING) from None
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty")
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not a DOCX file (not a zip archive; an old binary .doc renamed?)")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise InputError(f"{path}: not a DOCX file (a zip archive without word/document.xml)")
            bad = z.testzip()
            if bad is not None:
                raise InputError(f"{path}: damaged DOCX file (corrupt member {bad})")
    except InputError:
        raise
    except Exception as e:  # BadZipFile, zlib.error, EOFError… on a damaged archive
        raise InputError(f"{path}: damaged DOCX file (broken zip archive: {type(e).__name__})") from None
    try:
        d = docx.Document(str(path))
    except InputError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as e:
        raise InputError(f"{path}: not a readable DOCX file ({type(e).__name__}: {str(e)[:80]})") from None
    except Exception as e:  # lxml syntax errors on a zip holding junk XML
        raise InputError(f"{path}: not a readable DOCX file ({type(e).__name__}: {str(e)[:80]})") from None

    lines: list[Line] = []
    n = 0

    def add(text: str, number: int):
        for sub in repair_text(text).split("\n"):
            lines.append(Line(sub.rstrip(), number))

    def blocks(parent):
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "sdt":  # content controls wrap ordinary paragraphs and tables
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from blocks(content)
            elif tag in ("p", "tbl"):
                yield tag, child

    try:
        for tag, child in blocks(d.element.body):
            if tag == "p":
                n += 1
                add(_para_text(Paragraph(child, d)), n)
                for tp in _textbox_paragraphs(child):
                    t = _para_text(Paragraph(tp, d))
                    if t.strip():
                        add(t, n)
            else:
                for row in Table(child, d).rows:
                    n += 1
                    cells: list[str] = []
                    for c in row.cells:
                        t = _cell_text(c, Paragraph, Table)
                        if t and (not cells or cells[-1] != t):
                            cells.append(t)
                    if cells:
                        add("| " + " | ".join(cells) + " |", n)
    except InputError:
        raise
    except Exception as e:  # a document.xml python-docx cannot walk
        raise InputError(f"{path}: not a readable DOCX file ({type(e).__name__}: {str(e)[:80]})") from None
    if not any(l.text.strip() for l in lines):
        raise InputError(f"{path}: the DOCX has no text")
    owner = None
    try:
        author = (d.core_properties.author or "").strip()
    except Exception:  # pragma: no cover - broken core properties
        author = ""
    key_words = sorted(re.findall(r"\w+", author.casefold()))
    if 2 <= len(key_words) <= 5:
        for ln in [l for l in lines if l.text.strip()][:8]:
            text = re.sub(r"[*_#|]", "", ln.text).strip()
            if sorted(re.findall(r"\w+", text.casefold())) == key_words:
                owner = author if text.isupper() else text
                break
    return Document(source=source_info(path, "docx", key), lines=lines, owner=owner)
