"""Organization normalization: aliases, acronyms, parents, departments.

>>> t = OrgTable.default()
>>> t.lookup("PKU")[0], t.lookup("UC Berkeley")[0], t.lookup("University of Michigan, Ann Arbor")[0]
('Peking University', 'University of California, Berkeley', 'University of Michigan')
>>> split_org("Simons Institute, UC Berkeley")
('Simons Institute', None, 'UC Berkeley')
>>> split_org("Department of Statistics, Stanford University")
('Stanford University', 'Department of Statistics', None)
>>> split_org("Cubist Systematic Strategies, LLC")
('Cubist Systematic Strategies, LLC', None, None)
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Optional

from ..names import fold

UNIT_RE = re.compile(r"^(?:the\s+)?(?:department|dept\.?|school|faculty|division|graduate school|college|"
                     r"laboratory|lab|center|centre|institute|program(?:me)?)\s+(?:of|for|in)\b", re.I)
TOP_RE = re.compile(r"\b(universit|college|polytechnic|eth\b|epfl|institute of technology|academy of sciences|"
                    r"inc\b|llc|ltd|gmbh|corp)", re.I)
_LEGAL = re.compile(r",?\s*\b(?:inc|llc|ltd|gmbh|corp|co|plc|s\.?a)\.?$", re.I)


def org_key(text: str) -> str:
    s = fold(text)
    s = re.sub(r"^the\s+", "", s)
    s = s.replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def split_org(text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(organization, unit, parent) from an organization as written.

    "Dept. of X, Univ Y" → org Y with unit X; "Named Institute, Univ Y" → org
    the institute with parent Y; a legal suffix (", LLC") stays in the name.
    """
    text = re.sub(r"\s+", " ", text or "").strip(" ,;")
    if not text:
        return None, None, None
    if _LEGAL.search(text) and text.count(",") <= 1:
        return text, None, None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2:
        first, rest = parts[0], parts[1:]
        top = next((p for p in rest if TOP_RE.search(p) or OrgTable.default().known(p)), None)
        if top:
            if UNIT_RE.match(first):
                return top, first, None
            if OrgTable.default().known(first) or re.search(r"\b(institute|lab|laboratory|center|centre)\b", first, re.I):
                return first, None, top
            return top, first, None
        # "University of X, City": drop the place
        if TOP_RE.search(first) or OrgTable.default().known(first):
            return first, None, None
    return text, None, None


class OrgTable:
    def __init__(self, rows):
        self.by_key: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.aliases: dict[str, list[str]] = {}
        for canonical, aliases, parent in rows:
            self.aliases[canonical] = aliases
            for a in [canonical] + aliases:
                self.by_key.setdefault(org_key(a), canonical)
            if parent:
                self.parent[canonical] = parent

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "OrgTable":
        rows = []
        text = (files("kg.resolve") / "data" / "orgs.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t") + ["", ""]
            rows.append((cols[0], [a for a in cols[1].split("|") if a], cols[3].strip() if len(cols) > 3 else ""))
        return cls(rows)

    def known(self, text: str) -> bool:
        return org_key(text) in self.by_key

    def lookup(self, text: str) -> tuple[str, str]:
        """(canonical name, key)."""
        k = org_key(text)
        hit = self.by_key.get(k)
        if hit is None:
            k2 = org_key(_LEGAL.sub("", text))
            hit = self.by_key.get(k2)
        if hit:
            return hit, org_key(hit)
        return re.sub(r"\s+", " ", text).strip(" ,;"), k
