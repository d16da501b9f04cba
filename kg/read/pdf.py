"""PDF CVs: text per page in reading order (pypdfium2), running headers/footers and page numbers removed.

Line numbers restart on every page (``Line.page`` is 1-based).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import InputError, MissingDependency
from ..records import Document, Line
from . import source_info
from .repair import repair_text

_PAGENO = re.compile(r"^\s*(?:page\s*)?\d{1,3}\s*(?:(?:/|of|de|sur)\s*\d{1,3})?\s*$|^\s*[-–]\s*\d{1,3}\s*[-–]\s*$", re.I)


def _key(s: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", s.strip().lower()))


def read(path: Path, key: str) -> Document:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise MissingDependency("reading PDF needs the 'pdf' extra: pip install 'pubkg[pdf]'") from None
    data = path.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{path}: not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg or "security" in msg:
            raise InputError(f"{path}: the PDF is password-protected") from None
        raise InputError(f"{path}: corrupt or unreadable PDF ({e})") from None
    pages: list[list[str]] = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            text = tp.get_text_range() or ""
            pages.append(repair_text(text).split("\n"))
    except pdfium.PdfiumError as e:
        raise InputError(f"{path}: corrupt or unreadable PDF ({e})") from None
    if not any(l.strip() for p in pages for l in p):
        raise InputError(f"{path}: the PDF has no text layer (scanned? OCR is not supported)")
    # running headers and footers: the first/last lines that repeat on most pages
    repeated = set()
    if len(pages) >= 2:
        edge = Counter()
        for p in pages:
            lines = [l for l in p if l.strip()]
            for l in set(lines[:2] + lines[-2:]):
                edge[_key(l)] += 1
        repeated = {k for k, n in edge.items() if n >= max(2, (len(pages) + 1) // 2) and len(k) > 2}
    out = []
    for pno, p in enumerate(pages, 1):
        for lno, text in enumerate(p, 1):
            t = text.rstrip()
            if not t.strip() or _PAGENO.match(t) or _key(t) in repeated:
                t = ""
            out.append(Line(t, lno, pno))
    return Document(source=source_info(path, "pdf", key), lines=out)
