"""Publication entries: numbered or bulleted, one or several lines each."""
from __future__ import annotations

import re
from typing import Optional

from ..names import compatible, looks_like_group, looks_like_name, marks_of, clean_name
from ..records import Author, Publication, Warning_
from .dates import years_in
from .lines import CLine

ENTRY_MARK = re.compile(r"^\s*(?:\[\s*[A-Za-z]?\d+\s*\]|\(\s*\d+\s*\)|\d{1,3}[.)](?!\d))\s*")
NOTE_RE = re.compile(
    r"^[(\[]?\s*(?:note\s*:|[*†‡#]+\s*(?:denotes?|indicates?|:|=)|(?:the\s+)?authors? with|equal contribution|"
    r"alphabetical order|(?:co-)?first authors?|corresponding authors?|students? (?:i )?supervised)",
    re.I,
)
EQUAL_NOTE = re.compile(r"([*†‡#§]+)\s*(?:denotes?|indicates?|:|=|authors? with)?[^.]*?\b(equal(ly)?|joint first|co-first)", re.I)
STATUS = [
    ("submitted", re.compile(r"\b(submitted|under review|under revision|in revision|revise and resubmit|r&r|"
                             r"major revision|minor revision|soumis|en révision|manuscript in review)\b", re.I)),
    ("accepted", re.compile(r"\b(to appear|accepted|in press|forthcoming|à paraître|a paraitre)\b", re.I)),
    ("preprint", re.compile(r"\b(arxiv|preprint|working paper|biorxiv|medrxiv|ssrn|technical report|tech\. rep\.?|"
                            r"in preparation|in prep\.?|en préparation|prépubl)", re.I)),
]
VENUE_WORDS = re.compile(
    r"\b(conference|journal|proceedings|proc\.|transactions|trans\.|workshop|symposium|letters|review|annals|"
    r"advances|neurips|nips|icml|iclr|colt|aistats|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd|arxiv|nature|science|"
    r"press|magazine|bulletin|in:)\b",
    re.I,
)
GROUP_HEAD = re.compile(r"^(?:journal|conference|refereed|peer[- ]reviewed|selected|other|book|working|"
                        r"preprints?|under review|submitted|in preparation|technical|reports?)\b[\w\s&,-]*$", re.I)


def split_authors(text: str) -> tuple[list[tuple[str, list[str]]], bool]:
    """Split an author list into (name, marks) pairs and an et-al flag.

    >>> split_authors("Roey Magen*, Shuning Shang*, Zhiwei Xu, Gal Vardi")[0][:2]
    [('Roey Magen', ['*']), ('Shuning Shang', ['*'])]
    >>> split_authors("Kimi Team et al.")
    ([('Kimi Team', [])], True)
    >>> split_authors("Smith, J. A., Doe, B. and Roe, C.")[0]
    [('Smith, J. A.', []), ('Doe, B.', []), ('Roe, C.', [])]
    """
    try:  # the full splitter, when present
        from .citation import split_authors as full

        names, et_al = full(text)
        return [(a.name, list(a.marks)) for a in names], et_al
    except ImportError:
        pass
    t = text.strip()
    if not re.search(r"\b[A-Z]\.$", t):
        t = t.rstrip(".")
    et_al = False
    m = re.search(r",?\s*(?:et\s*al\.?|and others|\.\.\.|…)\s*$", t, re.I)
    if m:
        et_al, t = True, t[: m.start()]
    sep = ";" if ";" in t else ","
    t = re.sub(r"\s*,?\s+(?:and|&)\s+", sep + " ", t)
    parts = [p.strip() for p in t.split(sep) if p.strip()]
    out, i = [], 0
    while i < len(parts):
        p = parts[i]
        if sep == "," and i + 1 < len(parts) and re.fullmatch(r"(?:[A-Z]\.?\s*-?){1,3}[*†‡#]*", parts[i + 1]):
            p = f"{p}, {parts[i + 1]}"
            i += 1
        name, marks = marks_of(p)
        out.append((name, marks))
        i += 1
    return out, et_al


def status_of(text: str) -> Optional[str]:
    for st, rx in STATUS:
        if rx.search(text):
            return st
    return None


def is_author_line(text: str) -> bool:
    if VENUE_WORDS.search(text) and not re.search(r"\bet al\b", text):
        return False
    if re.search(r"\b(19|20)\d\d\b", text):
        return False
    names, et_al = split_authors(text)
    if not names:
        return False
    good = sum(1 for n, _ in names if looks_like_name(n) or looks_like_group(n))
    if len(names) == 1 and not et_al:
        # one bare name could be a short title; demand name shape and a mark or owner bold
        return looks_like_name(names[0][0]) and len(names[0][0].split()) <= 4 and "," not in text[:-1] \
            and bool(re.search(r"[*†‡#◦]|^\S+ \S+$", text.strip()))
    return good >= max(1, 0.75 * len(names))


def entries_of(lines: list[CLine]) -> list[list[CLine]]:
    """Group a publication section's lines into entries."""
    body = [c for c in lines if not c.blank]
    marked = [c for c in body if ENTRY_MARK.match(c.text)]
    entries: list[list[CLine]] = []
    if len(marked) >= 2 or (marked and len(body) <= 4):
        for c in body:
            if ENTRY_MARK.match(c.text) or not entries:
                entries.append([c])
            else:
                entries[-1].append(c)
        return entries
    bullets = [c for c in body if c.bullet]
    if len(bullets) >= 2:
        for c in body:
            if c.bullet or not entries:
                entries.append([c])
            else:
                entries[-1].append(c)
        return entries
    # no markers: blank-line blocks; a block of one citation-like line each
    block: list[CLine] = []
    for c in lines + [CLine("", "", 0)]:
        if c.blank:
            if block:
                entries.append(block)
            block = []
        else:
            block.append(c)
    return entries


def _strip_mark(s: str) -> str:
    return ENTRY_MARK.sub("", s, count=1).strip()


def parse_entry(entry: list[CLine], ctx_status: Optional[str], ctx_year: Optional[int]) -> Optional[Publication]:
    texts = [_strip_mark(entry[0].text)] + [c.text for c in entry[1:]]
    texts = [t for t in texts if t and not NOTE_RE.match(t)]
    if not texts:
        return None
    first = entry[0]
    ai = next((i for i, t in enumerate(texts) if is_author_line(t)), None)
    if len(texts) >= 2 and ai is not None:
        if ai == 0:
            title, rest = texts[1], texts[2:]
        else:
            title, rest = " ".join(texts[:ai]), texts[ai + 1:]
        names, et_al = split_authors(texts[ai])
        tail = " ".join(rest)
        pub = Publication(title=title.strip().rstrip(".").strip(), et_al=et_al, page=first.page, line=first.line)
        pub.authors = [Author(clean_name(n), i + 1, marks=m) for i, (n, m) in enumerate(names)]
        _venue_year_status(pub, tail, title)
    else:
        pub = _from_citation(" ".join(texts), first)
        if pub is None:
            return None
    if pub.status is None and ctx_status:
        pub.status = ctx_status
    if pub.year is None and ctx_year and pub.title:
        pub.year = ctx_year
    for a in pub.authors:
        a.is_group = looks_like_group(a.name) and not looks_like_name(a.name)
    return pub


def _venue_year_status(pub: Publication, tail: str, title: str) -> None:
    st = status_of(tail)
    ys = years_in(tail)
    pub.year = ys[-1] if ys else None
    pub.status = st
    venue = tail
    venue = re.sub(r"^\s*(?:in\s*:?\s+)", "", venue, flags=re.I)
    if st:
        venue = STATUS_PREFIX.sub("", venue)
    venue = re.sub(r"\s*\b(19|20)\d\d[a-z]?\s*(?=\))", "", venue)  # "(ICML 2025)" → "(ICML)"
    venue = re.sub(r"[,.\s]*\(?\b(19|20)\d\d[a-z]?\)?[.,\s]*$", "", venue).strip(" ,.;")
    if re.fullmatch(r"[\W\d]*", venue) or (st and not VENUE_WORDS.search(venue) and len(venue.split()) <= 2):
        venue = ""
    pub.venue = venue or None


STATUS_PREFIX = re.compile(r"^\s*(?:submitted|under review|accepted|to appear|in press|preprint|in preparation|"
                           r"working paper|under revision)\b\s*(?:to|at|in|by|for)?\s*[:,]?\s*", re.I)


def _from_citation(text: str, first: CLine) -> Optional[Publication]:
    try:
        from .citation import parse_reference
    except ImportError:
        return None
    ref = parse_reference(text)
    if not ref.title:
        return None
    pub = Publication(title=ref.title, et_al=ref.et_al, venue=ref.venue, year=ref.year, status=ref.status,
                      doi=ref.doi, url=ref.url, page=first.page, line=first.line)
    pub.authors = [Author(clean_name(a.name), i + 1, marks=list(a.marks)) for i, a in enumerate(ref.authors)]
    return pub


def parse_section(lines: list[CLine], owner_forms: list[str], bold_owner: set[str],
                  warnings: list[Warning_]) -> list[Publication]:
    equal_marks = {"*"}
    for c in lines:
        m = EQUAL_NOTE.search(c.text)
        if m:
            equal_marks = set(m.group(1))
    pubs = []
    ctx_status, ctx_year = None, None
    for entry in entries_of(lines):
        head = entry[0].text.strip()
        if len(entry) == 1 and re.fullmatch(r"(19|20)\d\d", head):
            ctx_year = int(head)
            continue
        if len(entry) == 1 and (GROUP_HEAD.match(head) or entry[0].heading_mark) and len(head) < 50:
            ctx_status = status_of(head) if not re.search(r"journal|conference|peer", head, re.I) else None
            continue
        if all(NOTE_RE.match(_strip_mark(c.text)) for c in entry):
            continue
        pub = parse_entry(entry, ctx_status, ctx_year)
        if pub is None or not pub.title:
            warnings.append(Warning_(entry[0].line, head[:200], "publication entry not understood", entry[0].page))
            continue
        _mark_authors(pub, equal_marks, owner_forms, bold_owner | {b for c in entry for b in c.bold})
        pubs.append(pub)
    return pubs


def _mark_authors(pub: Publication, equal_marks: set, owner_forms: list[str], bold: set[str]) -> None:
    owner_found = False
    for a in pub.authors:
        a.equal_contribution = any(m in equal_marks for m in a.marks)
        a.marks = [m for m in a.marks if m not in equal_marks]
        if not owner_found and owner_forms and (
            any(clean_name(b) == a.name for b in bold) or any(compatible(a.name, f) for f in owner_forms)
        ):
            a.is_owner = owner_found = True
    if pub.et_al and not owner_found and owner_forms:
        pub.authors.append(Author(owner_forms[0], None, is_owner=True))
