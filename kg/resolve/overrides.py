"""User overrides that win over the matcher.

File format (UTF-8 text, one decision a line, ``#`` starts a comment; fields are
separated by a tab or by `` | ``)::

    same        Luca Di Stefano     L. Di Stefano
    different   Wei Wang            Wei  Wang (Tsinghua)   # never merged

Names are compared like names (case, accents, joins: :func:`kg.names.name_key`).
``same`` merges every mention of the two names; ``different`` keeps any entity
holding one name apart from any entity holding the other. A homonym you want
split can be told apart by the co-authors: list it as ``different`` together with
a form only one of them uses.

>>> o = Overrides.parse("same\\tL. Di Stefano\\tLuca Di Stefano\\ndifferent | Wei Hu | W. Hu\\n")
>>> o.forbids(["Wei Hu"], ["W. Hu"]), o.forbids(["Wei Hu"], ["Yixin Wang"])
(True, False)
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..names import name_key


class Overrides:
    def __init__(self):
        self.same: list[tuple[str, str]] = []
        self.different: set[frozenset] = set()

    @classmethod
    def parse(cls, text: str, origin: str = "overrides") -> "Overrides":
        o = cls()
        for n, raw in enumerate(text.splitlines(), 1):
            line = re.sub(r"\s+#.*$", "", raw).strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in re.split(r"\t+|\s+\|\s+", line) if p.strip()]
            if len(parts) != 3 or parts[0].lower() not in ("same", "different"):
                raise InputError(f"{origin}:{n}: expected 'same|different <name> <name>' separated by tabs or ' | '")
            a, b = name_key(parts[1]), name_key(parts[2])
            if parts[0].lower() == "same":
                o.same.append((a, b))
            else:
                o.different.add(frozenset((a, b)))
        return o

    @classmethod
    def load(cls, path) -> "Overrides":
        p = Path(path)
        try:
            return cls.parse(p.read_text(encoding="utf-8"), str(p))
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{p}: cannot read the overrides file: {e}") from None

    def forbids(self, names_a, names_b) -> bool:
        if not self.different:
            return False
        ka = {name_key(n) for n in names_a}
        kb = {name_key(n) for n in names_b}
        return any(frozenset((x, y)) in self.different for x in ka for y in kb if x != y)

    def same_pairs(self, mentions):
        first: dict[str, int] = {}
        for i, m in enumerate(mentions):
            first.setdefault(name_key(m.name), i)
        for a, b in self.same:
            if a in first and b in first:
                yield first[a], first[b], "user override: same person"
