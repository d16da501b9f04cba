"""Text repair shared by the readers: mojibake, ligatures, odd spaces.

>>> repair_text("Ef\\ufb01cient\\u00a0models")
'Efficient models'
>>> repair_text("Universit\\u00c3\\u00a9 de Montr\\u00c3\\u00a9al")
'Université de Montréal'
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ZERO = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def repair_text(text: str) -> str:
    if re.search("[\u00c2\u00c3][\u0080-\u00bf]", text):
        try:
            import ftfy

            text = ftfy.fix_text(text, normalization="NFC")
        except ImportError:  # pragma: no cover - ftfy is a core dependency
            pass
    for k, v in _LIGATURES.items():
        text = text.replace(k, v)
    text = _ZERO.sub("", _SPACES.sub(" ", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# Layout repair for text that comes out of PDFs (and other page-based formats)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
#: bullets at the start of a line (Word's Symbol/Wingdings bullets land in the private-use area)
_BULLET = re.compile(r"^(\s*)(?:[•▪◦●■□▫◆◇►▸▹‣⁃∙·❖➢➤✓✔✗★☐⦁\u2043\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0d7\uf0e0\uf0f0]"
                     r"|[-–—](?=\s))\s*")
_PAGENO = re.compile(r"^\s*(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?\s*"
                     r"(?:(?:/|of|de|sur|von|di)\s*\d{1,3})?\s*$", re.I)
_ICON = re.compile(r"^\s*(?:Envelope|GLOBE|Globe|MapMarker|Map-marker|Home|Fax|Linkedin(?:Square)?|LinkedIn|"
                   r"Github(?:Square|Alt)?|GitHub|Twitter|Orcid|ORCID|Skype|MobilePhone|Mobile|Link)\s+(?=\S*[@./\d])")


def normalize_bullet(line: str) -> str:
    """A bullet glyph at the start of a line becomes ``- ``.

    >>> normalize_bullet("\\u2022 Item one"), normalize_bullet("\\uf0b7  Item"), normalize_bullet("– 2019 Award")
    ('- Item one', '- Item', '- 2019 Award')
    >>> normalize_bullet("Zhiwei Xu\\u25e6, Wei Hu"), normalize_bullet("-3 dB")
    ('Zhiwei Xu◦, Wei Hu', '-3 dB')
    """
    m = _BULLET.match(line)
    if not m or m.end() == len(line):
        return line
    return m.group(1) + "- " + line[m.end():]


def is_page_number(line: str) -> bool:
    """A bare page number ('3', '- 2 -', 'Page 2 of 5', '1/5').

    >>> [is_page_number(x) for x in ["3", "- 2 -", "Page 2 of 5", "1/5", "2021", "3 papers"]]
    [True, True, True, True, False, False]
    """
    return bool(_PAGENO.match(line)) and bool(line.strip())


def strip_icon_names(line: str) -> str:
    """Icon-font glyph names that leak into PDF text ('Envelope name@x.org', 'GLOBE site.org').

    >>> strip_icon_names("Envelope ada@example.org"), strip_icon_names("Home Office")
    ('ada@example.org', 'Home Office')
    """
    return _ICON.sub("", line, count=1)


def vocabulary(text: str) -> tuple[set, set]:
    """(words, hyphenated compounds) of a text, lower-cased: evidence for re-joining split words."""
    words, compounds = set(), set()
    for m in _WORD.finditer(text.replace("\ufffe", " ")):
        w = m.group(0).lower()
        (compounds if "-" in w else words).add(w)
    return words, compounds


def hyphen_joint(left: str, right: str, vocab: Optional[tuple] = None) -> str:
    """What goes between two halves of a word split at a line end: ``"-"`` (a real hyphen) or ``""``.

    A real hyphen stays when the second part starts with a capital or a digit (``High-Resolution``,
    ``COVID-19``) or when the text writes the hyphenated compound elsewhere and never the joined word.

    >>> hyphen_joint("High", "Resolution"), hyphen_joint("opti", "mization"), hyphen_joint("ICESat", "2")
    ('-', '', '-')
    >>> hyphen_joint("virus", "interacting", ({"virus"}, {"virus-interacting"}))
    '-'
    """
    l = re.sub(r"^\W+", "", left)
    r = re.sub(r"\W+$", "", right)
    if not l or not r:
        return "-"
    if r[0].isupper() or r[0].isdigit() or l[-1].isdigit() or not l[-1].isalpha():
        return "-"
    if vocab:
        words, compounds = vocab
        joined, hyph = (l + r).lower(), f"{l}-{r}".lower()
        if hyph in compounds and joined not in words:
            return "-"
    return ""


def rejoin_soft_hyphens(text: str, vocab: Optional[tuple] = None, keep_hyphens: bool = False) -> str:
    """pdfium writes a line-end hyphen as U+FFFE and drops the line break: put the whole word on the
    first line and the break back after it.

    >>> rejoin_soft_hyphens("Deriving High\\ufffeResolution Reservoir data\\nnext")
    'Deriving High-Resolution\\nReservoir data\\nnext'
    >>> rejoin_soft_hyphens("an opti\\ufffe\\r\\nmization method")
    'an optimization\\nmethod'
    >>> rejoin_soft_hyphens("Mapping High\\ufffe2")
    'Mapping High-\\n2'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    def sub(m):
        left_word = re.search(r"(\S*)$", text[: m.start()]).group(1)
        tail, after = m.group(1), m.group(2)
        if re.fullmatch(r"\d{1,3}", tail) and not text[m.end():].strip():
            return "-\n" + tail  # the hyphen ends the page and the "word" after it is the page number
        joint = "-" if keep_hyphens else hyphen_joint(left_word, tail, vocab)
        return joint + tail + ("\n" if after is not None else "")

    return re.sub(r"\ufffe\n?(\S*)(?:([ \t]+)|(?=\n)|$)", sub, text)


def dehyphenate(lines: list[str], vocab: Optional[tuple] = None, keep_hyphens: bool = False) -> list[str]:
    """Words split by a hyphen at a line end are joined on the first line (same number of lines;
    a line left empty stays as ``""`` so line numbers do not move). ``keep_hyphens``: the producer
    never hyphenates by itself (a word processor), so every hyphen at a line end is a real one.

    >>> dehyphenate(["a new opti-", "mization method", "High-", "Resolution maps"])
    ['a new optimization', 'method', 'High-Resolution', 'maps']
    """
    out = list(lines)
    for i in range(len(out) - 1):
        m = re.search(r"(?<![\s-])([^\W\d_]+)-$", out[i].rstrip())
        if not m:
            continue
        nxt = out[i + 1].lstrip()
        if is_page_number(nxt):  # a footer, not the rest of the word
            continue
        t = re.match(r"([^\W\d_][^\s]*|\d\S*)", nxt)
        if not t:
            continue
        tail = t.group(1)
        joint = "-" if keep_hyphens else hyphen_joint(m.group(1), tail, vocab)
        out[i] = out[i].rstrip()[:-1] + joint + tail
        out[i + 1] = nxt[len(tail):].lstrip()
    return out


def restore_spaces(line: str) -> str:
    """Spaces a PDF lost after a comma or semicolon between words ('Evolution,Genome' → 'Evolution, Genome').

    >>> restore_spaces("Biology,University of Arizona;Tucson"), restore_spaces("1,2 and a.b.org")
    ('Biology, University of Arizona; Tucson', '1,2 and a.b.org')
    """
    return re.sub(r"(?<=[a-z]{2})([,;])(?=[A-Z][a-z])", r"\1 ", line)


def running_lines(pages: list[list[str]], edge: int = 3) -> set[str]:
    """Keys (see :func:`line_key`) of header/footer lines repeated near the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    from collections import Counter

    seen: Counter = Counter()
    for p in pages:
        body = [l for l in p if l.strip()]
        seen.update({line_key(l) for l in body[:edge] + body[-edge:]})
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, n in seen.items() if n >= need and len(k.replace("#", "").strip()) > 2}


def line_key(line: str) -> str:
    """A line with digits and spacing normalised, so 'Page 2 of 5' and 'Page 3 of 5' match."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))
