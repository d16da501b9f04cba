"""Line cleaning: markup off, bold spans and table cells kept.

>>> c = clean("- [5] Roey Magen*, **Zhiwei Xu**, <i>Dept</i>")
>>> c.text, c.bold, c.bullet
('[5] Roey Magen*, Zhiwei Xu, Dept', ['Zhiwei Xu'], True)
>>> clean("| University of Michigan | <i>Ann Arbor</i> 2022 |").cells
['University of Michigan', 'Ann Arbor 2022']
>>> clean("|---|--|").text
''
>>> clean("Lindgren, M., Aalto-Rahman, S.*, Okoye, T.*, et al.").text
'Lindgren, M., Aalto-Rahman, S.*, Okoye, T.*, et al.'
>>> clean("Stanford University          2015 – 2020").columns, clean("one  two").columns
(['Stanford University', '2015 – 2020'], [])
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Optional

from ..records import Line

_TAG = re.compile(r"</?(?:i|b|em|strong|u|span|a|sup|sub|small|font|br|p|div|li|ul|ol)\b[^>]*>", re.I)
_ITALIC = re.compile(r"<(i|em)>(.*?)</\1>|(?<![\w*])(_)([^_\n]+?)_(?!\w)|(?<![\w*])(\*)(?=[^\W_]|[\"“‘(\[<])([^*\n]+?)\*(?![\w*])",
                     re.I)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|<(?:b|strong)>(.*?)</(?:b|strong)>", re.I)
_BULLET = re.compile(r"^\s*(?:[-•◦▪●○■□➢►✓*·]|\u2022|\d+\)\s)\s+")
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|[ ]*\t[ \t]*)(?=\S)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")


@dataclass
class CLine:
    text: str  # markup removed, whitespace collapsed
    raw: str
    line: int
    page: Optional[int] = None
    bold: list[str] = field(default_factory=list)
    italic: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # markdown table cells
    bullet: bool = False
    indent: int = 0
    heading_mark: bool = False  # "# Heading" or a line that is entirely bold
    definition: bool = False  # a pandoc definition-list line (": text")
    #: parts of a laid-out line split at wide gaps (3+ spaces or a tab: two-column text); [] when none
    columns: list[str] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.text


def strip_markup(s: str) -> str:
    s = s.replace("\\*", "*").replace("\\_", "_")  # markdown escapes: "Lin\*" is an equal-contribution mark
    s = _BOLD.sub(lambda m: next(g for g in m.groups() if g is not None), s)
    s = _TAG.sub("", s)
    # *emphasis*: it opens on a word ('Okoye, T.*, Roe, J.*,' are two equal-contribution marks)
    s = re.sub(r"(?<!\w)\*(?=[^\W_]|[\"“‘(\[<])([^*\n]+?)(?<!\s)\*(?!\w)", r"\1", s)
    s = re.sub(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])", r"\1", s)  # _emphasis_
    s = re.sub(r"^_(?=\S)|(?<=\S)_$", "", s)  # emphasis that spans lines: a stray opening/closing "_"
    s = html.unescape(s)
    s = s.replace("\\&", "&")
    return re.sub(r"[ \t]+", " ", s).strip()


def clean(raw: str, line: int = 1, page=None) -> CLine:
    s = raw.rstrip()
    indent = len(s) - len(s.lstrip(" \t"))
    if _TABLE_SEP.match(s) and "-" in s:
        return CLine("", raw, line, page)
    heading_mark = bool(re.match(r"^\s*#{1,6}\s+\S", s))
    s = re.sub(r"^\s*#{1,6}\s+", "", s)
    bold = [strip_markup(next(g for g in m.groups() if g is not None)) for m in _BOLD.finditer(s)]
    italic = [strip_markup(m.group(2) or m.group(4) or m.group(6) or "") for m in _ITALIC.finditer(s)]
    italic = [x for x in italic if x]
    if bold and re.fullmatch(r"\s*(\*\*|__|<b>|<strong>).+(\*\*|__|</b>|</strong>)\s*:?\s*", s, re.I):
        heading_mark = heading_mark or len(bold) == 1
    cells = []
    st = s.strip()
    if st.startswith("|") and st.endswith("|") and st.count("|") >= 2:
        cells = [strip_markup(c) for c in st.strip("|").split("|")]
        cells = [c for c in cells if c]
        s = " | ".join(cells)
    definition = bool(re.match(r"^\s*[:~]\s+\S", s))
    if definition:
        s = re.sub(r"^\s*[:~]\s+", "", s, count=1)
    bullet = bool(_BULLET.match(s))
    if bullet:
        s = _BULLET.sub("", s, count=1)
    text = strip_markup(s)
    columns = [] if cells else [c for c in (strip_markup(x) for x in _COLUMN_GAP.split(s.strip())) if c]
    return CLine(text, raw, line, page, bold, italic, cells, bullet, indent, heading_mark, definition,
                 columns if len(columns) >= 2 else [])


def clean_lines(lines: list[Line]) -> list[CLine]:
    """Clean every line; a setext underline ('Education' over '======') makes the line above a heading.

    >>> [(c.text, c.heading_mark) for c in clean_lines([Line("Education", 1), Line("======", 2), Line("x", 3)])]
    [('Education', True), ('', False), ('x', False)]
    """
    out = [clean(ln.text, ln.line, ln.page) for ln in lines]
    for i, (ln, c) in enumerate(zip(lines, out)):
        if i and re.fullmatch(r"\s*(?:={3,}|-{3,})\s*", ln.text) and out[i - 1].text and not out[i - 1].bullet \
                and lines[i - 1].file == ln.file:
            out[i - 1].heading_mark = True
            out[i] = CLine("", ln.text, ln.line, ln.page)
    return out
