"""Text repair shared by the readers: mojibake, ligatures, odd spaces.

>>> repair_text("Ef\\ufb01cient\\u00a0models")
'Efficient models'
>>> repair_text("Universit\\u00c3\\u00a9 de Montr\\u00c3\\u00a9al")
'Université de Montréal'
"""
from __future__ import annotations

import re
import unicodedata

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
