"""PDF CVs (pypdfium2): the text of each page in reading order, repaired, one :class:`Line` per visual line.

``Line.page`` is 1-based and ``Line.line`` counts the visual lines of that page (1-based), so a fact
can be traced to "page 2, line 14". Repairs: ligatures and odd spaces (:func:`repair_text`); words
split at a line end are joined on the first line (a real hyphen stays before a capital or digit,
``High-Resolution``; ``opti-``/``mization`` → ``optimization``); lost spaces; running headers and
footers (lines repeated near the top or bottom of most pages) and bare page numbers are dropped
(their line numbers are skipped, not reused); bullet glyphs become ``- ``; icon-font names that
leak into the text (``Envelope``, ``GLOBE``) are dropped. Line breaks are kept.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, MissingDependency
from ..records import Document, Line
from . import source_info
from .repair import (dehyphenate, is_page_number, line_key, normalize_bullet, rejoin_soft_hyphens, repair_text,
                     restore_spaces, running_lines, strip_icon_names, vocabulary)

MISSING = "reading PDF needs the 'pdf' extra: pip install 'pubkg[pdf]'"
_WORD_PROCESSOR = re.compile(r"Microsoft|\bWord\b|LibreOffice|OpenOffice|Google Docs|Pages|WPS|Quartz", re.I)
_EDGE = 3  # how many lines at the top and bottom of a page can be running headers/footers


def _open(path: Path, data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        import pypdfium2.raw as raw

        if code == raw.FPDF_ERR_PASSWORD or "password" in str(e).lower():
            raise InputError(f"{path}: the PDF is password-protected (remove the password and try again)") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise InputError(f"{path}: the PDF uses an unsupported security handler (encrypted)") from None
        raise InputError(f"{path}: corrupt or unreadable PDF ({e})") from None
    except Exception as e:  # pragma: no cover - pdfium never raises anything else on bad bytes, but be sure
        raise InputError(f"{path}: corrupt or unreadable PDF ({type(e).__name__})") from None


def _chars_text(textpage) -> str:
    """The page text rebuilt from character boxes, with a space wherever there is a visible gap.

    Used only when pdfium's own text has lost most spaces (some LaTeX and OCR-layer PDFs).
    """
    import pypdfium2.raw as raw

    out: list[str] = []
    prev = None  # (right edge, vertical centre, font size) of the last glyph on the line
    for i in range(textpage.count_chars()):
        u = raw.FPDFText_GetUnicode(textpage, i)
        ch = {0: "", 2: "\ufffe"}.get(u, chr(u))  # 2: pdfium's mark for a hyphen at a line end
        if ch in ("\r", "\n"):
            if ch == "\n":
                out.append("\n")
            prev = None
            continue
        if not ch:
            continue
        try:
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
        except Exception:  # pragma: no cover - a char without a box
            out.append(ch)
            continue
        size = raw.FPDFText_GetFontSize(textpage, i) or max(top - bottom, 1.0)
        mid = (top + bottom) / 2
        if prev is not None and not ch.isspace() and out and not out[-1].isspace():
            p_right, p_mid, p_size = prev
            if abs(mid - p_mid) > 0.5 * max(size, p_size):
                out.append("\n")
            elif left - p_right > 0.2 * max(size, p_size):
                out.append(" ")
        out.append(ch)
        prev = (right, mid, size)
    return "".join(out)


def _widen_column_gaps(textpage, text: str) -> str:
    """A space that stands for a wide horizontal gap on one line (a right-hand column of dates, a
    tabulated layout) becomes three spaces, as in plain-text CVs, so the columns stay apart.

    pdfium writes one space between two text runs on the same baseline, however far apart they are."""
    import pypdfium2.raw as raw

    n = textpage.count_chars()
    if n != len(text) or " " not in text:
        return text
    out = list(text)
    for i, ch in enumerate(text):
        if ch != " " or i == 0 or i + 1 >= n or text[i - 1].isspace() or text[i + 1].isspace():
            continue
        try:
            _, b1, right, t1 = textpage.get_charbox(i - 1, loose=True)
            left, b2, _, t2 = textpage.get_charbox(i + 1, loose=True)
        except Exception:  # pragma: no cover - a char without a box
            continue
        size = max(raw.FPDFText_GetFontSize(textpage, i - 1), raw.FPDFText_GetFontSize(textpage, i + 1), 1.0)
        if abs((b1 + t1) / 2 - (b2 + t2) / 2) < 0.5 * size and left - right > max(24.0, 2.5 * size):
            out[i] = "   "
    return "".join(out)


def _lost_spaces(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    return letters > 200 and text.count(" ") < letters * 0.04


def _page_texts(path: Path, pdf) -> list[str]:
    import pypdfium2 as pdfium

    texts = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            text = tp.get_text_range() or ""
            if _lost_spaces(text):
                rebuilt = _chars_text(tp)
                if rebuilt.count(" ") > text.count(" "):
                    text = rebuilt
                else:
                    text = _widen_column_gaps(tp, text)
            else:
                text = _widen_column_gaps(tp, text)
            texts.append(text)
            tp.close()
            page.close()
    except pdfium.PdfiumError as e:
        raise InputError(f"{path}: corrupt or unreadable PDF ({e})") from None
    return texts


def page_lines(texts: list[str], keep_hyphens: bool = False) -> list[list[str]]:
    """Raw page texts → repaired lines per page (same visual lines, before header/footer removal)."""
    vocab = vocabulary("\n".join(texts))
    pages = []
    for text in texts:
        text = rejoin_soft_hyphens(text, vocab, keep_hyphens)
        lines = repair_text(text).split("\n")
        lines = dehyphenate([l.rstrip() for l in lines], vocab, keep_hyphens)
        out = []
        for l in lines:
            if l[:1].isspace() and l.strip() and not re.match(r"\s*[-–—•]", l):
                l = "- " + l.strip()  # Word writes a bullet whose glyph has no text as a leading space
            l = normalize_bullet(l.strip())
            out.append(restore_spaces(strip_icon_names(l)))
        pages.append(out)
    return pages


def read(path: Path, key: str) -> Document:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        raise MissingDependency(MISSING) from None
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"%PDF" not in data[:1024]:
        raise InputError(f"{path}: not a PDF file (no %PDF header)")
    pdf = _open(path, data)
    try:
        if len(pdf) == 0:
            raise InputError(f"{path}: the PDF has no pages")
        texts = _page_texts(path, pdf)
        try:
            meta = pdf.get_metadata_dict()
        except Exception:  # pragma: no cover - broken info dictionary
            meta = {}
    finally:
        pdf.close()
    producer = f"{meta.get('Creator', '')} {meta.get('Producer', '')}"
    # word processors do not hyphenate on their own: a hyphen at a line end is part of the word
    keep_hyphens = bool(_WORD_PROCESSOR.search(producer))
    pages = page_lines(texts, keep_hyphens=keep_hyphens)
    if not any(l.strip() for p in pages for l in p):
        raise InputError(f"{path}: the PDF has no text layer (a scan? OCR is not supported)")
    running = running_lines(pages, _EDGE)
    out: list[Line] = []
    for pno, lines in enumerate(pages, 1):
        nonblank = [i for i, l in enumerate(lines) if l.strip()]
        edges = set(nonblank[:_EDGE] + nonblank[-_EDGE:])
        for i, text in enumerate(lines):
            if not text.strip():
                continue
            if i in edges and (is_page_number(text) or line_key(text) in running):
                continue
            out.append(Line(text, i + 1, pno))
    _join_across_pages(out, vocabulary("\n".join(texts)), keep_hyphens)
    return Document(source=source_info(path, "pdf", key), lines=out, owner=_owner(meta.get("Author", ""), out))


def _join_across_pages(lines: list[Line], vocab, keep_hyphens: bool) -> None:
    """A word split at the bottom of one page ("High-" … "Resolution") is joined on the first page."""
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page or not re.search(r"(?<![\s-])[^\W\d_]+-$", a.text):
            continue
        fixed = dehyphenate([a.text, b.text], vocab, keep_hyphens)
        if fixed[0] != a.text:
            a.text, b.text = fixed
    lines[:] = [l for l in lines if l.text.strip()]


def _owner(author: str, lines: list[Line]):
    """The metadata author, when one of the first lines of page 1 writes the same name (in any order/case).

    Word often records the account name ('Microsoft user', a login), so the metadata alone is not trusted.
    """
    key = sorted(re.findall(r"\w+", author.casefold()))
    if len(key) < 2 or len(key) > 5:
        return None
    for ln in lines[:8]:
        if ln.page != 1:
            break
        text = re.sub(r"[*_#]", "", ln.text).strip()
        if sorted(re.findall(r"\w+", text.casefold())) == key:
            return text if not text.isupper() else author.strip()
    return None
