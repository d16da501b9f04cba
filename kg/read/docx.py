"""DOCX CVs (python-docx): paragraphs and tables in body order, bold runs kept as **bold**.

Line numbers count the body's paragraphs and table rows (1-based).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError, MissingDependency
from ..records import Document, Line
from . import source_info
from .repair import repair_text


def _runs(p):
    """Runs in order, including those inside hyperlinks (python-docx's p.runs skips them)."""
    if hasattr(p, "iter_inner_content"):
        for item in p.iter_inner_content():
            if hasattr(item, "runs") and not hasattr(item, "bold"):
                yield from item.runs
            else:
                yield item
    else:  # python-docx < 1.0
        yield from p.runs


def _para_text(p) -> str:
    parts = []
    for run in _runs(p):
        t = run.text
        if not t:
            continue
        if run.bold and t.strip():
            lead, core, trail = t[: len(t) - len(t.lstrip())], t.strip(), t[len(t.rstrip()):]
            parts.append(f"{lead}**{core}**{trail}")
        else:
            parts.append(t)
    text = "".join(parts) if parts else p.text
    text = text.replace("****", "").replace("** **", " ").replace("\t", "   ")
    style = (p.style.name or "").lower() if p.style is not None else ""
    numbered = p._p.pPr is not None and p._p.pPr.numPr is not None
    if ("list" in style or numbered) and text.strip():
        text = "- " + text.strip()
    return text


def read(path: Path, key: str) -> Document:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise MissingDependency("reading DOCX needs the 'docx' extra: pip install 'pubkg[docx]'") from None
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not a DOCX file (not a zip archive)")
    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as e:
        raise InputError(f"{path}: not a readable DOCX file ({type(e).__name__})") from None
    except Exception as e:  # lxml errors on a zip of junk
        raise InputError(f"{path}: not a readable DOCX file ({type(e).__name__})") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    n = 0
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n += 1
            for sub in repair_text(_para_text(Paragraph(child, d))).split("\n"):
                lines.append(Line(sub, n))
        elif tag == "tbl":
            for row in Table(child, d).rows:
                n += 1
                cells = []
                for c in row.cells:
                    t = " ".join(_para_text(p) for p in c.paragraphs).strip()
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                if cells:
                    lines.append(Line(repair_text("| " + " | ".join(cells) + " |"), n))
    if not any(l.text.strip() for l in lines):
        raise InputError(f"{path}: the DOCX has no text")
    return Document(source=source_info(path, "docx", key), lines=lines)
