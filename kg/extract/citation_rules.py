"""The rule-based reference splitter (sentence boundaries, parenthesised years, quotes and an
author-list test decide where authors, title and venue are) and the author-list splitter.

:func:`kg.extract.citation.parse_reference` runs this beside the tagger of
:mod:`.citation_crf` and keeps, field by field, the reading that holds together best.

>>> r = parse_reference("L. Okafor and M. Chen. Estimating widget density. In Proceedings of the Gizmo Symposium (GIGS), pages 10–14, 2014.")
>>> [a.name for a in r.authors], r.title, r.venue, r.year, r.pages
(['L. Okafor', 'M. Chen'], 'Estimating widget density', 'Proceedings of the Gizmo Symposium (GIGS)', 2014, '10–14')
>>> r = parse_reference("Okafor L, Chen M. Estimating widget density. J Gizmos. 2014;12(3):10-4.")
>>> [a.name for a in r.authors], r.title, r.venue, r.year
(['Okafor L', 'Chen M'], 'Estimating widget density', 'J Gizmos', 2014)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..names import looks_like_group, looks_like_name, marks_of


@dataclass
class RefAuthor:
    name: str
    marks: list = field(default_factory=list)


@dataclass
class Reference:
    authors: list = field(default_factory=list)
    et_al: bool = False
    title: Optional[str] = None
    venue: Optional[str] = None
    year: Optional[int] = None
    status: Optional[str] = None
    doi: Optional[str] = None
    arxiv: Optional[str] = None
    url: Optional[str] = None
    pages: Optional[str] = None
    volume: Optional[str] = None


_NUM = re.compile(r"^\s*(?:\[\s*[A-Za-z]*\d+[a-z]?\s*\]|\(\s*\d+\s*\)|\d{1,3}\s*[.)](?!\d)|\d{1,3}\s+(?=[A-Z\u00c0-\u024f]))\s*")
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bDOI\s*:?\s*)?(10\.\d{4,9}/[^\s\"<>]+?)(?=[.,;]?(?:\s|$))", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_ARXIV = re.compile(r"\barxiv\s*(?:preprint)?\s*(?:arxiv)?\s*:?\s*(\d{4}\.\d{4,5}(?:v\d+)?)|\barXiv:(\d{4}\.\d{4,5})", re.I)
_YEAR = r"(?:19|20)\d\d"
_PAREN_YEAR = re.compile(rf"\(\s*(?:[A-Za-z]+\.?\s+)?({_YEAR})[a-z]?(?:\s*,\s*[^)]*)?\s*\)|\(\s*(n\.\s*d\.|in press|forthcoming|in preparation|submitted|under review|accepted)\s*\)", re.I)
_ETAL = re.compile(r"(?:,?\s*(?:et\s*al\.?|and\s+others|u\.\s*a\.|\.\.\.|…))\s*$", re.I)
_STATUS = [
    ("accepted", re.compile(r"\b(to appear|accepted|in press|forthcoming)\b", re.I)),
    ("submitted", re.compile(r"\b(submitted|under review|in review|under revision|revised? (?:and|&) resubmit(?:ted)?)\b", re.I)),
    ("preprint", re.compile(r"\b(arxiv|preprint|biorxiv|medrxiv|ssrn|working paper|in preparation)\b", re.I)),
]
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Proc|Conf|Int|Intl|Trans|Vol|vol|No|no|pp|Eds?|eds?|ed|Jr|Sr|St|Dr|Prof|Univ|Dept|Inst|Natl|Acad|Sci|Soc|Rev|Lett|Phys|Chem|Biol|Med|Res|Eng|Comput|Stat|Math|J|Am|Ann|Appl|Assoc|Symp|Adv|Syst|Mach|Learn|Intell|Inf|Tech|Mol|Nat|Rep|Psychol|Ser|Bull|Geophys|Astron|Astrophys|Mon|Not|Opt|Mater|Environ|Ecol|Evol|Genet|Neurosci|Cell|Struct|Anal|Comp|Des|Dev|Econ|Educ|Electron|Energy|Proc|Publ|Q|R|Stud|Theor|al|vs|etc|e\.g|i\.e)\.)$")


def _strip(s: str) -> str:
    return s.strip().strip(" ,;:.").strip()


def status_of(text: str) -> Optional[str]:
    for st, rx in _STATUS:
        if rx.search(text):
            return st
    return None


# ------------------------------------------------------------------ authors
_INITIALS = re.compile(r"^(?:(?:[A-Z]\.?|[A-Z][a-z]\.)\s*-?\s*){1,4}$|^[A-Z]{1,3}$")


def _is_initials(seg: str, strict: bool = False) -> bool:
    """'J.', 'J. A.', 'JA'; strict: only with a dot or one letter ('LODI, J. B.': LODI is a surname)."""
    s, _ = marks_of(seg)
    s = s.strip()
    ok = bool(s) and bool(_INITIALS.match(s)) and len(s) <= 12
    return ok and (not strict or "." in s or len(s) == 1)


def _one_word_surname(seg: str) -> bool:
    s, _ = marks_of(seg)
    toks = s.split()
    lead = [t for t in toks if t.lower() in ("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "ter", "mac", "st.")]
    return len(toks) - len(lead) == 1 and len(toks) <= 4 and all(t[:1].isupper() or t in lead for t in toks) and \
        not any(_is_initials(t) for t in toks)


_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr|II|III|IV)\.?$")
_AFFIL_NUMS = re.compile(r"(?<=[a-z\u00e0-\u024f*†‡])\d{1,2}(?:\s*,\s*\d{1,2}\b)*(?=\s*(?:[,;]|$|\s(?:and|&)\s))")
_LOWER_PARTICLES = {"de", "da", "do", "dos", "das", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le", "ter", "ten"}
# a Vancouver list ("Nguyen TH, Park JY, Ahmed S."): undotted initials after each surname
_VANCOUVER_END = re.compile(r"^(?:[^,.;]*\s[A-Z]{1,3}\s*,\s*)+[^,.;]*\s[A-Z]{1,3}\.$")


@lru_cache(maxsize=50_000)
def _split_authors_cached(text: str):
    t = text.strip()
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"</?(?:b|strong|i|em|u)>|\*\*", "", t)
    t = _AFFIL_NUMS.sub("", t)  # affiliation numbers glued to names: "Jane Roe1,2, Ali Khan2"
    t = _ALPHA_NOTE.sub("", t)  # "A. Roe, B. Li (alphabetical order)"
    mid = re.search(r",?\s*(?:\.\s*){3}|\s*…\s*", t)
    if mid and mid.end() < len(t.rstrip(" .")) - 3:  # APA 7: 19 names, ". . .", the last author
        t = t[: mid.start()] + ", " + t[mid.end():].lstrip(" ,&")
        elided = True
    else:
        elided = False
    # "Nordic Oncology Group (writing committee: A, B)": the group, then the members named
    t = re.sub(r"\s*\((?:writing committee|writing group|on behalf of|steering committee)\s*:?\s*([^()]+)\)", r"; \1", t,
               flags=re.I)
    et_al = False
    group = None
    m = re.search(r"[,;]?\s*\bet\s*al\.?\s*[;,]\s*(?:the\s+|for the\s+)?([^;,]+)$", t)
    if m and looks_like_group(m.group(1)):  # "…, et al; TOCS Investigators"
        group, t = m.group(1).strip(" ."), t[: m.start()] + " et al."
    m = _ETAL.search(t)
    if m:
        et_al, t = True, t[: m.start()]
    et_al = et_al or elided
    if not re.search(r"\b[A-Z]\.$", t.strip()) or _VANCOUVER_END.match(t.strip()):
        t = t.strip().rstrip(".")  # the full stop that ends the list ("…, Ahmed S." when no initial has one)
    t = t.strip().strip(",;")
    if ";" in t:
        parts = [p.strip() for p in re.split(r"\s*;\s*", t)]
        parts = [re.sub(r"^(?:and|&|et|und)\s+", "", p) for p in parts]
        # Vancouver names before a ';' ("Roe JA, Li B, Khan C; the X Study Group"): split at the commas too
        parts = [x for p in parts for x in (p.split(", ") if _vancouver_run(p) else [p])]
    else:
        t2 = re.sub(r",?\s+(?:and|&|et|und|y|e)\s+(?=[A-Z\u00c0-\u024f])", ", ", t)
        raw = [p.strip() for p in t2.split(",")]
        parts = []
        i = 0
        while i < len(raw):
            p = raw[i]
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            if nxt is not None and (_is_initials(nxt) or (_one_word_surname(p) and _given_like(nxt) and _pairwise(raw))
                                    or (i == 0 and _chicago_lead(raw))) \
                    and not _is_initials(p, strict=True) and marks_of(p)[0] not in _SELF:
                parts.append(f"{p}, {nxt}")
                i += 2
                continue
            parts.append(p)
            i += 1
        parts = [re.sub(r"^(?:and|&)\s+", "", p) for p in parts]
        merged = []
        for p in parts:  # "Hale, Robert D., Jr.": a suffix belongs to the name before it
            if merged and _SUFFIX.match(p.strip()):
                merged[-1] = f"{merged[-1]}, {p.strip()}"
            else:
                merged.append(p)
        parts = merged
    out = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        name, marks = marks_of(p)
        name = re.sub(r"\s*\(\s*\)\s*$", "", name).strip(" ,")
        name = re.sub(r"^([\u3400-\u9fff]{2,6})\s*[(（][A-Za-z][A-Za-z\s-]+[)）]$", r"\1", name)  # "王晓东 (Wang Xiaodong)"
        if name:
            out.append(RefAuthor(name, marks))
    if group:
        out.append(RefAuthor(group, []))
    return tuple(out), et_al


_ALPHA_NOTE = re.compile(r"\s*[(\[]\s*(?:(?:authors?\s+)?(?:listed\s+)?in\s+)?alphabetic(?:al)?(?:\s+order)?\s*[)\]]", re.I)


def _vancouver_run(part: str) -> bool:
    """'Roe JA, Li B, van den Berg J': several 'Surname INITIALS' names joined by commas."""
    names = part.split(", ")
    return len(names) >= 2 and all(re.fullmatch(r"[^\d,;.()]+\s[A-Z\u00c0-\u00de]{1,3}", n.strip()) for n in names)


_SELF = {"Me", "ME", "Myself", "Moi", "Ich", "Yo", "Eu"}  # the CV owner, as some CVs write them in author lists


def _given_like(seg: str) -> bool:
    s, _ = marks_of(seg)
    toks = s.split()
    return 1 <= len(toks) <= 3 and all(t[0].isupper() or (k > 0 and t in _LOWER_PARTICLES) for k, t in enumerate(toks))


def _chicago_lead(raw: list) -> bool:
    """'Quispe Mamani, Rosa, Lucía Ortega, and Dan Achter' (Chicago: the first author inverted, a
    surname of several words; the others in natural order)."""
    first, given = marks_of(raw[0])[0].split(), marks_of(raw[1])[0].split()
    return 2 <= len(first) <= 3 and len(given) == 1 and _given_like(raw[1]) and len(given[0]) > 2 \
        and all(t[0].isupper() or t in _LOWER_PARTICLES for t in first) \
        and all(len(marks_of(x)[0].split()) >= 2 for x in raw[2:])


def _pairwise(raw: list) -> bool:
    """'Beck, Ulrich, Giddens, Anthony' (Last, First pairs) vs 'Ana Lee, Bo Li' (full names)."""
    singles = sum(1 for p in raw if len(marks_of(p)[0].split()) == 1)
    return singles >= max(1, len(raw) // 2)


def split_authors(text: str):
    """(list of RefAuthor, et_al) for an author-list string.

    >>> [a.name for a in split_authors("Beck, Ulrich, Anthony Giddens, and Scott Lash")[0]]
    ['Beck, Ulrich', 'Anthony Giddens', 'Scott Lash']
    >>> [a.name for a in split_authors("Quispe Mamani, Rosa, Lucía Ortega, and Dan Achter")[0]]
    ['Quispe Mamani, Rosa', 'Lucía Ortega', 'Dan Achter']
    >>> [a.name for a in split_authors("Smith JA, Doe B, Roe C")[0]]
    ['Smith JA', 'Doe B', 'Roe C']
    >>> split_authors("Gan Z*, Zhou D*, et al.")[1]
    True
    """
    names, et_al = _split_authors_cached(text)
    return [RefAuthor(a.name, list(a.marks)) for a in names], et_al


def author_like(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 600 or re.search(r"\b(19|20)\d\d\b|[“”\"«»?!]", s):
        return False
    names, et_al = _split_authors_cached(s)
    if not names or any(re.search(r"[A-Za-z\u00c0-\u024f][a-z\u00e0-\u024f]+\.\s+\S", a.name) for a in names):
        return False  # "Erving. Encounters": a sentence ends inside what would be a name
    ok = sum(1 for a in names if (looks_like_name(a.name) and (len(names) == 1 or len(re.split(r"[\s,]+", a.name.strip())) >= 2))
             or (len(names) == 1 and looks_like_group(a.name)))
    if len(names) == 1 and not et_al:
        n = names[0].name
        words = [w for w in n.split() if w not in _LOWER_PARTICLES]  # "Bram van der Berg": two words and particles
        return ok == 1 and ("," in n or len(words) <= 3) and not n.endswith(":")
    return ok >= max(1, int(0.8 * len(names) + 0.999))


# ------------------------------------------------------------------ sentences
def _boundaries(t: str) -> list[int]:
    """End positions of sentences: '. ' not after an initial or a common abbreviation."""
    out = []
    for m in re.finditer(r"[.?!](?=[\s\"”’)]+(?:[\"“‘(]?[A-Z0-9\u00c0-\u024f]|[a-z]))|[.?!]$", t):
        i = m.start()
        before = t[max(0, i - 12): i + 1]
        if t[i] == "." and _ABBREV.search(before):
            continue
        out.append(i + 1)
    return out


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fevr|avr|mai|juin|juil|août|aout|déc|dec)[a-zéû]*\.?"
_VENUE_END = re.compile(
    rf"(?:,\s*|\.\s+|(?<!abs/\d{{4}})(?<!xiv:\d{{4}})\.(?=\d)|\s+)(?=(?:v\.|vol\.?|volume|no\.|nr\.|n°|pages|pp?\.|to appear|in press|forthcoming|{_MONTHS}\s*\d"
    rf"|\d+(?![\d]|st\b|nd\b|rd\b|th\b)|\(\d|[IVX]+\s*[,(]))", re.I)


def _cut_venue(rest: str):
    """venue as written, and what follows (volume, pages, year, publisher place)."""
    r = rest.strip().lstrip(".,;: ")
    r = re.sub(r"^(?:in\s*:?\s+|in:\s*)", "", r, flags=re.I)
    # editors before the container: "R. N. Campbell & P. T. Smith (eds.), Recent advances…"
    r = re.sub(r"^\(?[^()]{0,120}?\((?:eds?|hrsg|dir)\.?\)\s*[,.:]?\s*", "", r, flags=re.I)
    r = re.sub(r"^\((?:[^()]{0,120}),\s*(?:eds?|hrsg)\.?\)\s*", "", r, flags=re.I)
    m = _VENUE_END.search(r)
    venue = r[: m.start()] if m else r
    return _strip(venue), (r[m.start():] if m else "")


def parse_reference(text: str) -> Reference:
    ref = Reference()
    t = re.sub(r"\s+", " ", text or "").strip()
    t = _NUM.sub("", t, count=1)
    t = re.sub(r"</?(?:b|strong|i|em|u)>|\*\*", "", t)
    m = _ARXIV.search(t)
    if m:
        ref.arxiv = m.group(1) or m.group(2)
    m = _DOI.search(t)
    if m:
        ref.doi = m.group(1).rstrip(".")
        t = (t[: m.start()] + t[m.end():]).strip()
    m = _URL.search(t)
    if m:
        ref.url = m.group(0).rstrip(".,;")
        t = (t[: m.start()] + t[m.end():]).strip()
    t = re.sub(r"\s*\b(?:Available (?:at|from)|Retrieved from|URL|Accessed)\b:?.*$", "", t, flags=re.I).strip()
    ref.status = status_of(t)
    years = [int(y) for y in re.findall(rf"(?<![\d/.-])({_YEAR})(?![\d])", t)]
    authors_part = title = rest = None
    placeholder = re.match(r"^\s*(?:[—–_-]{2,}|[—–])\s*[.,]?\s*", t)
    if placeholder:  # "———. Title": the same authors as the entry before
        t = t[placeholder.end():]
        ya = re.match(rf"\(?({_YEAR})[a-z]?\)?\s*[.,]\s*", t)
        if ya:
            ref.year, t = int(ya.group(1)), t[ya.end():]
        ref.title, rest = _first_sentence(t)
        ref.title = _strip(ref.title) or None
        venue, _ = _cut_venue(rest)
        ref.venue = venue or None
        if ref.year is None and years:
            ref.year = years[-1]
        return ref
    q = re.search(r"(?:``|[“\"«‘])\s*(.+?)\s*[,.]?\s*(?:''|[”\"»’])(?:\s|,|\.|$)", t)
    py = _PAREN_YEAR.search(t)
    if q and q.start() > 3 and author_like(t[: q.start()].strip(" ,.:")):
        authors_part, title, rest = t[: q.start()], q.group(1), t[q.end():]
    elif py and author_like(t[: py.start()].strip(" ,.")):
        authors_part = t[: py.start()]
        if py.group(1):
            ref.year = int(py.group(1))
        after = t[py.end():]
        if re.match(r"\s*,", after):  # "Authors (2020), Title, Venue, ..." : a comma ends the title
            title, rest = _title_by_comma(after.lstrip(" ,"))
        else:
            title, rest = _first_sentence(after.lstrip(" .,:"))
    else:
        ya = re.search(rf"[,.]?\s*\b({_YEAR})[a-z]?\b\s*[.,:]\s*", t)
        if ya and ya.start() > 3 and author_like(t[: ya.start()].strip(" ,.")):
            authors_part = t[: ya.start()]
            ref.year = int(ya.group(1))
            title, rest = _first_sentence(t[ya.end():])
        else:
            bs = _boundaries(t)
            best = None
            for m in re.finditer(r"[.:,;](?=\s)", t):
                b = m.end()
                if b > 0.8 * len(t):
                    break
                if author_like(t[: b].strip(" .,:;")):
                    best = b
                elif best is not None and t[m.start()] in ".:":
                    break
            if best is not None and t[best - 1] == ",":
                # an author list ended by a comma: the title runs to the next sentence end or comma
                nxt = re.search(r"[.:,;](?=\s)", t[best:])
                if nxt is None:
                    best = None
            if best is not None:
                authors_part = t[:best]
                title, rest = _first_sentence(t[best:].lstrip(" .,:;"))
            elif len(bs) >= 2 and author_like(t[bs[0]: bs[1]].strip(" .,")) and \
                    len(split_authors(t[bs[0]: bs[1]].strip(" .,"))[0]) >= 2:
                # title first: "Title. Authors. Venue, Year."
                title, authors_part, rest = t[: bs[0]], t[bs[0]: bs[1]], t[bs[1]:]
            elif py:
                # no author list at all (editors, institutions): "Title (2009). Venue"
                title, rest = _first_sentence(t)
            else:
                title, rest = _first_sentence(t)
    if authors_part is not None:
        names, et_al = split_authors(authors_part.strip(" ,:"))
        ref.authors, ref.et_al = names, et_al
    if title:
        title = re.sub(r"^(?:``|[“\"«‘])|(?:''|[”\"»’])$", "", title.strip()).strip()
        ref.title = _strip(title) or None
    if rest:
        venue, tail = _cut_venue(rest)
        if venue and not re.fullmatch(r"[\W\d]*", venue):
            ref.venue = venue
        vm = re.search(r"\b(\d+)\s*\((\d+[^)]*)\)", tail)
        if vm:
            ref.volume = vm.group(1)
        pm = re.search(r"(?:pp?\.\s*)?\b(\d+\s*[–-]\s*\d+)\b", tail)
        if pm:
            ref.pages = pm.group(1).replace(" ", "")
    if ref.year is None and years:
        ref.year = years[-1]
    if ref.venue and ref.status and re.fullmatch(r"(?:to appear|accepted|submitted|under review|in press|preprint|forthcoming)(?: (?:in|at|to))?",
                                                 ref.venue, re.I):
        ref.venue = None
    if ref.venue:
        ref.venue = re.sub(r"^(?:to appear|accepted|submitted|under review)\s+(?:in|at|to)\s+", "", ref.venue, flags=re.I)
    return ref


_SMALL = {"of", "and", "the", "in", "for", "on", "&", "a", "an", "to", "at", "de", "la", "des", "du", "y", "e"}


def _title_case(seg: str) -> bool:
    words = [w for w in re.split(r"[\s:]+", seg.strip()) if w]
    return len(words) >= 1 and words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _SMALL or not w[:1].isalpha()
                                                                for w in words)


def _title_by_comma(s: str):
    """Title, Venue, ...: the title ends at the first comma followed by a Title Case venue."""
    for m in re.finditer(r",\s+", s):
        nxt = re.split(r",|\.\s", s[m.end():])[0]
        if _title_case(nxt) and len(nxt.split()) >= 1 and m.start() > 10:
            return s[: m.start()], s[m.end():]
    return _first_sentence(s)


def _first_sentence(s: str):
    s = s.strip()
    bs = _boundaries(s)
    if not bs:
        # "Title, Venue 12(3)" with no full stop: cut at the first comma before a venue-like word
        m = re.search(r",\s+(?=(?:In |Proc|Journal|J\. |IEEE|ACM|Conference|Transactions|arXiv)\b)", s)
        if m:
            return s[: m.start()], s[m.end():]
        return s, ""
    b = bs[0]
    head = s[:b]
    m = re.search(r",\s+(?=(?:In |Proc\.?|Proceedings|Journal|J\. |IEEE|ACM|Annals|Transactions|Review|Letters|Advances)\b)", head)
    if m and m.start() > 15:
        return s[: m.start()], s[m.end():]
    return head, s[b:]
