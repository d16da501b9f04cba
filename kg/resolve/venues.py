"""Venue normalization: one node per venue, whatever the year, ordinal or wording.

>>> v = VenueTable.default()
>>> [v.lookup(x)[0] for x in ["NeurIPS 2023", "NIPS", "Advances in Neural Information Processing Systems 36",
...   "Proc. of the 40th Int. Conf. on Machine Learning (ICML)", "The Thirty-seventh Annual Conference on Learning Theory (COLT 2024)",
...   "Forty-Second International Conference on Machine Learning (ICML)", "Journal of the Royal Statistical Society, Series B",
...   "arXiv preprint arXiv:2401.01234", "Neurips2023"]]
['NeurIPS', 'NeurIPS', 'NeurIPS', 'ICML', 'COLT', 'ICML', 'JRSS-B', 'arXiv', 'NeurIPS']
>>> v.lookup("Journal of Obscure Widgets, vol. 3")
('Journal of Obscure Widgets', 'journal', 'journal obscure widgets')
"""
from __future__ import annotations

import re
from typing import Optional
from functools import lru_cache
from importlib.resources import files

from ..names import fold

_ORD_WORDS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|" \
             r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|" \
             r"sixtieth|seventieth|eightieth|ninetieth|hundredth"
_ORD_RE = re.compile(rf"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?)?(?:{_ORD_WORDS})\b|\b\d+(?:st|nd|rd|th)\b")
_ABBREV = [(r"\bint(?:l|')?\.?(?=\s)", "international"), (r"\bconf\.?(?=\s|$)", "conference"), (r"\bproc\.?(?=\s)", "proceedings"),
           (r"\bann\.?(?=\s)", "annual"), (r"\bsymp\.?(?=\s)", "symposium"), (r"\btrans\.?(?=\s)", "transactions"),
           (r"\bj\.(?=\s)", "journal"), (r"\bassoc\.?(?=\s)", "association"), (r"&", " and ")]
_NOISE = re.compile(r"\b(?:the|proceedings|of|in|advances|annual|on|vol(?:ume)?|no|pp|pages?|ieee|acm|cvf|usenix|"
                    r"international|edition|part|track|main|and)\b")
CONF_WORDS = re.compile(r"\b(conference|symposium|meeting|congress|proceedings|workshop|colloquium|summit)\b", re.I)


def normalize(text: str) -> str:
    """Folded, yearless, ordinal-less, noise-word-less key."""
    s = fold(text)
    s = re.sub(r"\barxiv:\s*\S+", "arxiv", s)
    for pat, rep in _ABBREV:
        s = re.sub(pat, rep, s)
    s = _ORD_RE.sub(" ", s)
    s = re.sub(r"\b(19|20)\d\d\b|(?<=[a-z])(19|20)\d\d\b|'\d\d\b", " ", s)
    s = re.sub(r"\b\d+\b", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = _NOISE.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip()


_ARXIV_ID = re.compile(r"\barxiv\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?", re.I)
_OTHER_ID = re.compile(r"[\s,;:]*(?:\babs/\d{4}(?:\.\d{4,5}(?:v\d+)?)?|\b\d{4}\.\d{4,5}(?:v\d+)?\b|"
                       r"\bdoi:?\s*10\.\d{4,9}/\S+|\b10\.\d{4,9}/\S+)", re.I)


def venue_form(text: str) -> str:
    """A venue as written, without the paper's own identifier: the form a venue node lists among its
    names (one per paper would give arXiv thousands).

    >>> [venue_form(x) for x in ["arXiv preprint arXiv:2402.18267", "CoRR, abs/2508.03877", "arXiv:1309.0663",
    ...                          "arXiv e-prints, arXiv:1912.18474", "Nature, doi:10.1038/xyz", "ICML 2019"]]
    ['arXiv preprint', 'CoRR', 'arXiv', 'arXiv e-prints', 'Nature', 'ICML 2019']
    """
    s = _OTHER_ID.sub("", _ARXIV_ID.sub("arXiv", text))
    s = re.sub(r"^(arxiv\b.*?)[\s,;]+arxiv$", r"\1", s.strip(" ,;:."), flags=re.I)
    return s.strip(" ,;:.") or text.strip()


class VenueTable:
    def __init__(self, rows):
        self.by_key: dict[str, tuple[str, str]] = {}
        self.acronyms: dict[str, tuple[str, str]] = {}
        self.names: dict[str, list[str]] = {}
        for canonical, vtype, aliases in rows:
            self.names[canonical] = aliases
            for a in aliases + [canonical]:
                self.by_key.setdefault(normalize(a), (canonical, vtype))
                if re.fullmatch(r"[A-Za-z&-]{2,12}", a) and (a.isupper() or any(c.isupper() for c in a[1:]) or a in ("arXiv", "bioRxiv", "medRxiv")):
                    self.acronyms.setdefault(fold(a).replace("-", ""), (canonical, vtype))

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "VenueTable":
        rows = []
        text = (files("kg.resolve") / "data" / "venues.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            canonical, vtype, aliases = line.split("\t")
            rows.append((canonical, vtype, aliases.split("|")))
        return cls(rows)

    def lookup(self, text: str) -> tuple[str, str, str]:
        """(canonical name, venue type, key) for a venue as written (memoized: CVs repeat venues)."""
        cache = self.__dict__.setdefault("_cache", {})
        hit = cache.get(text)
        if hit is None:
            if len(cache) > 100_000:
                cache.clear()
            hit = cache[text] = self._lookup(text)
        return hit

    def _lookup(self, text: str) -> tuple[str, str, str]:
        # acronyms in parentheses or standing alone: "(ICML 2025)", "NeurIPS 2023", "Neurips2023"
        for m in re.finditer(r"\(([^()]+)\)", text):
            inner = re.sub(r"\s*'?\d{2,4}\b|(?<=[A-Za-z])\d{4}", "", m.group(1)).strip()
            hit = self.acronyms.get(fold(inner).replace("-", "").replace(" ", ""))
            if hit:
                return hit[0], hit[1], fold(hit[0])
        key = normalize(text)
        hit = self.by_key.get(key)
        if hit:
            return hit[0], hit[1], fold(hit[0])
        toks = key.split()
        for t in toks[:3]:
            hit = self.acronyms.get(t.replace("-", ""))
            if hit and (len(toks) <= 3 or t == toks[0]):
                return hit[0], hit[1], fold(hit[0])
        # a known full name inside a longer string ("... Conference on Learning Theory, PMLR")
        long_re = self.__dict__.get("_long_re")
        if long_re is None:
            longs = sorted((k for k in self.by_key if len(k) > 12), key=len, reverse=True)
            long_re = self._long_re = re.compile(r"(?:^| )(" + "|".join(map(re.escape, longs)) + r")(?: |$)")
        m = long_re.search(key)
        if m:
            hit = self.by_key[m.group(1)]
            return hit[0], hit[1], fold(hit[0])
        name = re.sub(r",?\s*(?:vol(?:ume)?\.?|no\.|pp\.?|pages?)\s*[\d–-].*$", "", text, flags=re.I)
        name = re.sub(r"\s*\b(19|20)\d\d\b", "", name).strip(" ,.;:")
        vtype = "conference" if CONF_WORDS.search(text) else ("workshop" if re.search(r"workshop", text, re.I) else "journal")
        if re.search(r"workshop", text, re.I):
            vtype = "workshop"
        return name or text.strip(), vtype, key or fold(text)


_STOP = {"of", "the", "and", "on", "for", "in", "de", "la", "at", "&"}


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", fold(name)) if w and w not in _STOP]


def abbreviations(names: dict, aliases: Optional[dict] = None) -> dict:
    """Abbreviated venue names → the full name they abbreviate, among the names of one corpus.

    ``names`` maps venue keys to a name as written (``aliases``: keys to more full names of the same
    venue, from the alias table); the answer maps the key of an abbreviation
    ('Nat. Biotechnol.', 'J. R. Stat. Soc. Ser. B', 'JHEP') to the key of the one full name it
    stands for: every word of the abbreviation begins the word of the full name at the same place
    (ISO 4 style, small words aside), or an all-capitals acronym is the initials of the full name.
    An abbreviation that fits several full names is left alone.

    >>> m = abbreviations({"nb": "Nature Biotechnology", "nb2": "Nat. Biotechnol.", "jhep": "JHEP",
    ...                    "hep": "Journal of High Energy Physics", "x": "Nat. Phys.", "np": "Nature Physics",
    ...                    "npo": "Nature Photonics", "nar": "Nucleic Acids Res", "nar2": "Nucleic Acids Research"})
    >>> sorted(m.items())
    [('jhep', 'hep'), ('nar', 'nar2'), ('nb2', 'nb'), ('x', 'np')]
    """
    full_by_shape: dict = {}
    full_by_initials: dict = {}
    fulls = [(k, n) for k, n in names.items()] + [(k, n) for k, ns in (aliases or {}).items() for n in ns]
    for key, name in fulls:
        if re.search(r"[A-Za-z]\.", name) or re.fullmatch(r"[A-Z]{2,8}", name.strip()):
            continue  # itself abbreviated
        ws = _words(name)
        if len(ws) < 2:
            continue
        shape = full_by_shape.setdefault((len(ws), "".join(w[0] for w in ws)), [])
        if (key, ws) not in shape:
            shape.append((key, ws))
        if all(w.isalpha() for w in ws):
            full_by_initials.setdefault("".join(w[0] for w in ws), set()).add(key)
    out = {}
    for key, name in names.items():
        n = name.strip()
        if re.fullmatch(r"[A-Z]{3,8}", n):  # an acronym
            hits = full_by_initials.get(n.lower(), set()) - {key}
            if len(hits) == 1:
                out[key] = next(iter(hits))
            continue
        ws = _words(n)
        cands = {k for k, full in full_by_shape.get((len(ws), "".join(w[0] for w in ws)), [])
                 if k != key and all(f.startswith(w) for w, f in zip(ws, full)) and ws != full}
        if len(cands) == 1:
            out[key] = next(iter(cands))
    return out

