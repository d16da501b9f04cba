"""Dates and date ranges as CVs write them.

>>> parse_range("2021.9 – 2026.7 (expected)")
('2021-09', '2026-07', True)
>>> parse_range("May.2025 - Oct.2025")
('2025-05', '2025-10', False)
>>> parse_range("Aug - Nov.2024")
('2024-08', '2024-11', False)
>>> parse_range("2022 - present")
('2022', None, False)
>>> parse_range("09/2019 – 06/2021")
('2019-09', '2021-06', False)
>>> parse_range("Sept. 2018 to June 2020")
('2018-09', '2020-06', False)
>>> parse_range("since 2019")
('2019', None, False)
>>> parse_range("2015")
(None, '2015', False)
>>> parse_range("2020--"), parse_range("2019 – , Paris")
(('2020', None, False), ('2019', None, False))
>>> parse_range("2014–18"), parse_range("Summer 2018"), parse_range("sept. 2021 – présent"), parse_range("févr. 2020 – juil. 2020")
(('2014', '2018', False), ('2018', '2018', False), ('2021-09', None, False), ('2020-02', '2020-07', False))
>>> parse_dates("Oct. 2019, 2020")
['2019-10', '2020-10']
>>> parse_dates("2022.9 & 2023.9")
['2022-09', '2023-09']
"""
from __future__ import annotations

import re
from typing import Optional

MONTHS = {
    "jan": 1, "january": 1, "janv": 1, "janvier": 1, "enero": 1, "januar": 1,
    "feb": 2, "february": 2, "fev": 2, "fév": 2, "févr": 2, "fevr": 2, "février": 2, "fevrier": 2, "febrero": 2,
    "februar": 2, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "mär": 3, "okt": 10, "dez": 12,
    "mar": 3, "march": 3, "mars": 3, "marzo": 3, "märz": 3,
    "apr": 4, "april": 4, "avr": 4, "avril": 4, "abril": 4,
    "may": 5, "mai": 5, "mayo": 5,
    "jun": 6, "june": 6, "juin": 6, "junio": 6, "juni": 6,
    "jul": 7, "july": 7, "juil": 7, "juillet": 7, "julio": 7, "juli": 7,
    "aug": 8, "august": 8, "août": 8, "aout": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9,
    "oct": 10, "october": 10, "octobre": 10, "octubre": 10, "oktober": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
    "dec": 12, "december": 12, "déc": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dezember": 12,
}
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
PRESENT = r"(?:present|présent|now|current|currently|ongoing|today|date|aujourd'hui|aujourd’hui|actuel|actuellement|" \
          r"en cours|presente|actualidad|hoy|heute|jetzt|dato)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# one date: "2021.9", "2021-09", "09/2021", "Sept. 2018", "May.2025", "2018"
_POINT = (
    rf"(?:(?P<m1>{_MON})\.?\s*,?\s*(?P<y1>{_YEAR})"
    rf"|(?P<y2>{_YEAR})[./-](?P<m2>1[0-2]|0?[1-9])(?!\d)"
    rf"|(?P<m3>1[0-2]|0?[1-9])[./](?P<y3>{_YEAR})"
    rf"|(?P<y4>{_YEAR}))"
)
_POINT_RE = re.compile(_POINT, re.I)
_DASH = r"\s*(?:[-–—~]|to|until|à|au|a|bis|hasta)\s*"
_RANGE_RE = re.compile(
    rf"(?:(?P<since>since|from|depuis|desde|seit)\s+)?"
    rf"(?P<a>(?:(?:{_MON})\.?\s*)?{_POINT_RE.pattern.replace('?P<', '?P<a_')})"
    rf"(?:{_DASH}(?P<b>{PRESENT}\b|(?:{_MON})\.?\s*{_YEAR}|{_POINT_RE.pattern.replace('?P<', '?P<b_')}|\d\d(?![\d./])))?",
    re.I,
)
_SEASON = re.compile(r"\b(?:spring|summer|fall|autumn|winter|été|printemps|automne|hiver|fin|end of|late|early)\s+(?:of\s+)?$",
                     re.I)
_MONTH_ONLY = re.compile(rf"\b(?P<m>{_MON})\.?{_DASH}", re.I)
EXPECTED = re.compile(r"\b(expected|anticipated|prévu|prevista|expected graduation)\b", re.I)


def _fmt(year, month=None) -> str:
    return f"{int(year):04d}-{int(month):02d}" if month else f"{int(year):04d}"


def _month(tok: Optional[str]) -> Optional[int]:
    if not tok:
        return None
    if tok.isdigit():
        return int(tok)
    return MONTHS.get(tok.lower().rstrip("."))


def parse_point(text: str) -> Optional[str]:
    """The first single date in text, as 'YYYY' or 'YYYY-MM'."""
    m = _POINT_RE.search(text)
    if not m:
        return None
    g = m.groupdict()
    for i in "1234":
        if g.get("y" + i):
            return _fmt(g["y" + i], _month(g.get("m" + i)))
    return None


def find_range(text: str):
    """Return (match_span, start, end, expected) of the first date range in text, or None."""
    for m in _RANGE_RE.finditer(text):
        a = parse_point(m.group("a"))
        if not a:
            continue
        b_txt = m.group("b")
        start, end = a, None
        if b_txt is not None and re.fullmatch(r"\d\d", b_txt):  # "2014–18"
            full = a[:2] + b_txt
            b_txt = full if len(a) == 4 and full >= a else None
            if b_txt is None:
                m = _RANGE_RE.match(text, m.start(), m.start() + len(m.group("a")) + (len(m.group("since")) + 1 if m.group("since") else 0))
                if m is None:
                    continue
        if b_txt is None:
            open_end = re.match(r"\s*(?:[-–—]+|\bto\b)\s*(?:$|[,;|)\]]|\s{2})", text[m.end():])
            if m.group("since") or open_end:  # "since 2019", "2020--" (an open range: ongoing)
                if open_end:
                    return (m.start(), m.end() + open_end.end()), a, None, bool(EXPECTED.search(text))
                start, end = a, None
            else:
                # a lone month before this date ("Aug - Nov.2024")
                before = text[: m.start()]
                mo = re.search(rf"(?P<m>{_MON})\.?{_DASH}$", before, re.I)
                if mo and "-" in a:
                    start = f"{a[:4]}-{_month(mo.group('m')):02d}"
                    end = a
                    span = (m.start() - len(mo.group(0)), m.end())
                    return span, start, end, bool(EXPECTED.search(text))
                start, end = None, a
                season = _SEASON.search(text[: m.start()])
                if season:  # "Summer 2018": it began and ended that year
                    return (season.start(), m.end()), a, a, bool(EXPECTED.search(text))
        elif re.fullmatch(PRESENT, b_txt.strip(), re.I):
            end = None
        else:
            end = parse_point(b_txt)
            if end and "-" not in a and "-" not in end:
                pass
            elif end and len(a) == 7 and len(end) == 4 and not re.search(_MON, b_txt, re.I):
                pass
        return (m.start(), m.end()), start, end, bool(EXPECTED.search(text))
    return None


def parse_range(text: str):
    """(start, end, expected); a single date is an end date (completion year)."""
    r = find_range(text)
    if not r:
        return None, None, False
    return r[1], r[2], r[3]


def parse_dates(text: str) -> list[str]:
    """All dates in a list like 'Oct. 2019, 2020' (a bare year reuses the last month)."""
    out, month = [], None
    for m in _POINT_RE.finditer(text):
        d = parse_point(m.group(0))
        if not d:
            continue
        if len(d) == 7:
            month = d[5:]
        elif month:
            d = f"{d}-{month}"
        out.append(d)
    return out


YEAR_RE = re.compile(rf"(?<![\d.])({_YEAR})(?![\d])")


def years_in(text: str) -> list[int]:
    return [int(y) for y in YEAR_RE.findall(text)]


#: "AAAI-15", "IJCAI-19": an acronym's two-digit year after a hyphen ("COVID-19" is no venue); group 1: the digits
HYPHEN_YEAR = r"(?<=[A-Z]{2})(?<!COVID)(?<!SARS)(?<!MERS)-(\d\d)\b(?![-\d]|\.\d)"


def short_year(yy) -> int:
    """The year a two-digit year stands for ('CVPR'22', "OSDI '98").

    >>> short_year("22"), short_year(98)
    (2022, 1998)
    """
    yy = int(yy)
    return 2000 + yy if yy <= 40 else 1900 + yy

