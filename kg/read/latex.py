"""LaTeX text → plain text: accents, braces, common commands (shared by the .bib and .tex readers).

>>> latex_to_text(r"Ma{\\l}gorzata G{\\\"o}ssmann and J.~R\\'{e}my, \\textit{Deep} \\& {Wide} --- 2020")
'Małgorzata Gössmann and J. Rémy, Deep & Wide — 2020'
"""
from __future__ import annotations

import re
import unicodedata

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
            "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331"}
_SPECIAL = {"l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
            "ss": "ß", "i": "ı", "j": "ȷ", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", "textendash": "–",
            "textemdash": "—", "ldots": "…", "dots": "…", "textquoteright": "’", "textquoteleft": "‘", "LaTeX": "LaTeX", "TeX": "TeX"}
_KEEP_ARG = r"textbf|textit|emph|textsc|textrm|textsf|texttt|textup|underline|mbox|hbox|text|textnormal|uline|mathrm|mathit|mathbf|url|nolinkurl|small|large|footnotesize"


def latex_to_text(s: str, bold_markup: bool = False) -> str:
    if not s:
        return ""
    s = re.sub(r"(?<!\\)%.*", "", s)
    # accents: \'{e}, {\'e}, \'e, \"{\i}
    def acc(m):
        cmd, ch = m.group(1), m.group(2)
        ch = {"\\i": "i", "\\j": "j"}.get(ch, ch)
        return unicodedata.normalize("NFC", ch + _ACCENTS[cmd])
    s = re.sub(r"\\([\'`^\"~=.])\s*\{?\s*(\\[ij]|[A-Za-z])\s*\}?", acc, s)
    s = re.sub(r"\\([uvHckrdb])\s*\{\s*(\\[ij]|[A-Za-z])\s*\}", acc, s)
    s = re.sub(r"\\([uvHckrdb]) (\w)", acc, s)
    s = re.sub(r"\\(l|L|o|O|ae|AE|oe|OE|aa|AA|ss|i|j|textendash|textemdash|ldots|dots|textquoteright|textquoteleft|LaTeX|TeX)(?![A-Za-z])\s?",
               lambda m: _SPECIAL[m.group(1)], s)
    s = re.sub(r"\\([&%$#_{}])", lambda m: _SPECIAL[m.group(1)], s)
    s = re.sub(r"\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}", r"\1", s)
    if bold_markup:
        s = re.sub(r"\\textbf\s*\{([^{}]*)\}", r"**\1**", s)
    for _ in range(3):
        s = re.sub(rf"\\(?:{_KEEP_ARG})\s*\{{([^{{}}]*)\}}", r"\1", s)
    s = re.sub(r"\{\\(?:bf|it|em|sc|rm|sf|tt|small|footnotesize)\s+([^{}]*)\}", r"\1", s)
    s = re.sub(r"\\\\(\[[^\]]*\])?|\\newline", " ", s)
    s = re.sub(r"\\[A-Za-z]+\*?(\[[^\]]*\])?", "", s)  # other commands vanish, their {args} stay as text
    s = s.replace("---", "—").replace("--", "–").replace("~", " ").replace("``", "“").replace("''", "”")
    s = s.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", s).strip()
