"""Publication entries: numbered or bulleted, one or several lines each."""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Optional

from ..names import compatible, looks_like_group, looks_like_name, marks_of, clean_name
from ..records import Author, Publication, Warning_
from .dates import HYPHEN_YEAR, short_year, years_in
from .lines import _BOLD, CLine, strip_markup

ENTRY_MARK = re.compile(r"^\s*(?:\[\s*[A-Za-z]?\d+\s*\]|\(\s*\d+\s*\)|(?:[A-Z]{1,2}-?)?\d{1,3}[.)](?!\d))\s*")
NOTE_RE = re.compile(
    r"^[(\[]?\s*(?:note\s*[:.]|[*†‡#§]+(?:\s*(?:,|and|&|/)\s*[*†‡#§]+)*\s*(?:denotes?|indicates?|marks?|:|=)|"
    r"(?:the\s+)?authors? with|equal contribution|\*{0,2}(?:bold|underlined?|italics?)\*{0,2}(?:\s*(?:face|type))?\s*(?:=|:|denotes|indicates|marks)|"
    r"[*†‡#§]+\s*[:=]?\s*(?:corresponding|(?:under)?graduate|students?|trainees?|mentees?|postdoc|senior|equal|joint|"
    r"(?:these|the)\s+authors?|autora?s?\s+(?:de\s+)?correspond|auteur|korrespond|contributed)|"
    r"(?:student|trainee|mentee)s?(?:\s+co-?authors?)?\s+(?:are\s+)?(?:underlined|in bold|in italics?|marked)|"
    r"alphabetical order|(?:co-)?first authors?|corresponding authors?|students? (?:i )?supervised|"
    r"google scholar\s*:|(?:total\s+)?citations?\s*[:>]|h-index|"
    # a pointer to the list elsewhere: "See publications.bib.", "Full list on Google Scholar"
    r"(?:please\s+)?see\s+(?:also\s+)?(?:my\s+|the\s+)?(?:\S+\.(?:bib|pdf|html?|md)\b|google scholar|dblp|orcid|"
    r"(?:full|complete)\s+list|https?://)|(?:a\s+)?(?:full|complete|up-to-date|updated)\s+(?:publication\s+)?list\b"
    r"(?:\s+of\s+publications)?\s*(?:(?:is\s+)?(?:at|on|in|available)\b|:))",
    re.I,
)
EQUAL_NOTE = re.compile(r"([*†‡#§]+)\s*(?:denotes?|indicates?|:|=|authors? with)?[^.]*?\b(equal(ly)?|joint first|co-first)", re.I)
STATUS = [
    ("submitted", re.compile(r"\b(submitted|under review|under revision|in revision|revised? (?:and|&) resubmit(?:ted)?|r&r|"
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


def author_name(raw: str) -> str:
    """An author's name as written, markup and marks off; the full stop of a final initial stays, also for
    initials outside ASCII ('Sigurðardóttir, Þ.', 'Nowak, Ł.').

    >>> author_name("Sigurðardóttir, Þ."), author_name("**Roe, J.**"), author_name("Ada Lee*")
    ('Sigurðardóttir, Þ.', 'Roe, J.', 'Ada Lee')
    """
    name = clean_name(raw)
    if re.search(r"(?:^|[\s,.-])[^\W\d_]\.$", marks_of(raw.strip())[0].strip().rstrip("*")) and not name.endswith(".") \
            and re.search(r"(?:^|[\s,.-])[^\W\d_]$", name):
        name += "."
    return name


def _initials_match(name: str, owner_forms: list[str]) -> bool:
    """'Sigurðardóttir, Þ.' or 'Þ. Sigurðardóttir' against 'Þóra Sigurðardóttir': the same surname and
    initials that start the given names (compared without accents, 'Þ' as 'Th')."""
    from ..names import fold

    def parts(n: str):
        n = n.strip()
        if "," in n:
            fam, _, giv = n.partition(",")
        else:
            toks = n.split()
            if len(toks) < 2:
                return None
            k = len(toks) - 1
            while k > 0 and not re.fullmatch(r"[^\W\d_]\.?", toks[k - 1]) and k - 1 > 0:
                k -= 1
            giv, fam = " ".join(toks[:k]), " ".join(toks[k:])
        return fold(fam).replace(" ", ""), [fold(g) for g in re.findall(r"[^\W\d_]+", giv)]

    a = parts(name)
    if not a or not a[1]:
        return False
    for f in owner_forms:
        b = parts(f)
        if not b or not b[1] or a[0] != b[0]:
            continue
        short, full = (a[1], b[1]) if sum(map(len, a[1])) <= sum(map(len, b[1])) else (b[1], a[1])
        if all(full[i].startswith(x) for i, x in enumerate(short[: len(full)])) and len(short) <= len(full):
            return True
    return False


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
        t = text.strip()
        if re.fullmatch(r"[^\s,]+(?: [^\s,]+)?, [^\s,]+(?: [^\s,.]+)?\.?", t):  # "Ivanov, Dmitri" alone
            return looks_like_name(t)
        # … or initials ("Ashley M. Hall", "L. Dominguez Diaz"): a solo paper's author line
        return looks_like_name(names[0][0]) and len(names[0][0].split()) <= 4 and "," not in text[:-1] \
            and bool(re.search(r"[*†‡#◦]|^\S+ \S+$|^\S+(?: \S+)* [A-Z]\.(?: \S+)+$|^(?:[A-Z]\.[ -]?)+\S+(?: \S+)?$", t))
    return good >= max(1, 0.75 * len(names))


def entries_of(lines: list[CLine]) -> list[list[CLine]]:
    """Group a publication section's lines into entries."""
    body = [c for c in lines if not c.blank]
    marked = [c for c in body if ENTRY_MARK.match(c.text)]
    entries: list[list[CLine]] = []
    def context_line(c: CLine) -> bool:  # "2023" or "### Journal articles" between entries
        return bool(re.fullmatch(r"(19|20)\d\d", c.text.strip())) or _subheading(c, strict=True) or \
            (c.heading_mark and not ENTRY_MARK.match(c.text) and _heading_like(c))

    if len(marked) >= 2 or (marked and len(body) <= 4):
        styles = [_mark_style(c.text) for c in marked]
        style = max(set(styles), key=styles.count)

        def starts(c: CLine) -> bool:
            if not ENTRY_MARK.match(c.text):
                return False
            # "134. https://…" after "115–": a page range broken after its dash, or a number in another style
            return not (entries and (re.search(r"[-–]$", entries[-1][-1].text.strip()) or
                                     (_mark_style(c.text) != style and styles.count(style) >= 2)))

        for c in body:
            if starts(c) or c.bullet or not entries or context_line(c) or context_line(entries[-1][-1]):
                entries.append([c])  # (a bulleted list in a section whose other lists are numbered)
            else:
                entries[-1].append(c)
        return entries
    bullets = [c for c in body if c.bullet]
    if len(bullets) >= 2:
        for c in body:
            if c.bullet or not entries or context_line(c) or context_line(entries[-1][-1]):
                entries.append([c])
            else:
                entries[-1].append(c)
        return entries
    # no markers: blank-line blocks; an indented or definition-list block continues the entry before it;
    # inside a block, a line that starts with an author list after a line that ended an entry starts anew
    block: list[CLine] = []
    for c in lines + [CLine("", "", 0)]:
        if not c.blank and block and _starts_entry(c.text) and _CLOSED.search(block[-1].text) \
                and not block[-1].definition and (_ends_entry(block[-1]) or _starts_entry(block[0].text)):
            entries.extend(_split_block(block))
            block = []
        if c.blank:
            if block:
                if entries and (block[0].indent >= 2 or block[0].definition) and not ENTRY_MARK.match(block[0].text):
                    entries[-1].extend(block)
                else:
                    entries.extend(_split_block(block))
            block = []
        else:
            block.append(c)
    return entries


# a line of links under an entry: "[[pdf](…)] [[code](…)]", "[PDF] [DOI] [PubMed]"
_LINKS_ONLY = re.compile(r"(?:\s*\[+(?!-?@)[^\[\]]{1,30}\](?:\([^()\s]*\))?\]*\s*[|·,]?)+\s*")


# how an entry's last line ends: a full stop or bracket, or a DOI / URL
_CLOSED = re.compile(r"(?:[.)\]]|https?://\S+|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+)\s*$", re.I)


def _ends_entry(c: CLine) -> bool:
    """A line that can close an entry: it holds a year, or is all in italics (a venue)."""
    return bool(years_in(c.text) or _SHORT_YEAR.search(c.text) or _HYPHEN_YEAR.search(c.text)) or \
        (bool(c.italic) and len(c.italic[0]) >= len(c.text) - 2)


def _split_block(block: list[CLine]) -> list[list[CLine]]:
    """Entries written one after another without blank lines or numbers ('Title' / 'Authors' / '*Venue,
    2016*' / 'Title' / …): cut before each title (title-first) or each author list (authors-first) when
    every cut follows a line that can close an entry.

    >>> from .lines import clean
    >>> b = [clean(x) for x in ["Sparse widgets", "Ann Lee, **Bo Li**", "*NIPS, 2016*", "Dense gadgets",
    ...                         "**Bo Li** and Cy Roe", "ICLR 2017"]]
    >>> [[c.text for c in e] for e in _split_block(b)]
    [['Sparse widgets', 'Ann Lee, Bo Li', 'NIPS, 2016'], ['Dense gadgets', 'Bo Li and Cy Roe', 'ICLR 2017']]
    """
    if len(block) < 4:
        return [block]
    low = min(c.indent for c in block)
    tops = [i for i, c in enumerate(block) if c.indent == low]
    if len(tops) >= 2 and tops[0] == 0 and all(b - a >= 2 for a, b in zip(tops, tops[1:] + [len(block)])):
        # hanging indents: each entry's first line at the margin, its other lines indented under it
        return [block[a:b] for a, b in zip(tops, tops[1:] + [len(block)])]
    authors = [i for i, c in enumerate(block) if is_author_line(c.text) and not years_in(c.text)]
    if len(authors) < 2:
        return [block]
    for starts in ([a - 1 for a in authors], authors):  # title-first, then authors-first
        if starts[0] != 0:
            continue
        cuts = [0] + [s for s in starts[1:] if _ends_entry(block[s - 1])]
        if len(cuts) >= 0.8 * len(starts) and all(b - a >= 2 for a, b in zip(cuts, cuts[1:])):
            return [block[a:b] for a, b in zip(cuts, cuts[1:] + [len(block)])]
    return [block]


def _heading_like(c: CLine) -> bool:
    """A '#' heading, or a short bold line that is not an author list ('**Du Zeng**' alone is the author
    line of a one-author paper)."""
    return bool(re.match(r"\s*#", c.raw)) or (len(c.text.split()) <= 6 and not looks_like_name(c.text)
                                              and not is_author_line(c.text))


def _mark_style(text: str) -> str:
    """'[1]' → '[]', '(1)' → '()', '1.' → '.', '1)' → ')'."""
    t = text.lstrip()
    return "[]" if t.startswith("[") else "()" if t.startswith("(") else ")" if re.match(r"\d+\)", t) else "."


def _starts_entry(text: str) -> bool:
    """Does a line open with an author list ('Kun Xue, Ronghua Ma, …' or 'Roe, J., Li, B.')?"""
    segs = [re.sub(r"[*†‡#§]+", "", x).strip() for x in text.split(",")[:3]]
    if len(segs) < 2:
        return False
    if re.fullmatch(r"(?:[A-Z]\.\s*-?)+", segs[1]):  # "Roe, J."
        return looks_like_name(segs[0] + ", " + segs[1])
    return all(looks_like_name(x) and 2 <= len(x.split()) <= 4 for x in segs[:2])


def _strip_mark(s: str) -> str:
    return ENTRY_MARK.sub("", s, count=1).strip()


URL_LINE = re.compile(r"^\s*(?:doi:\s*)?(?:https?://|www\.|10\.\d{4,}/)\S*\s*$", re.I)
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s,;\]]+[^\s,;.\]])")


def _venue_like(c: CLine, text: str) -> bool:
    return bool((c.italic and len(c.italic[0]) >= 0.6 * len(text)) or VENUE_WORDS.search(text)
                or re.search(r"\b\d+\s*\(\d+\)|\bpp?\.\s*\d|\b(19|20)\d\d\b", text))


def parse_entry(entry: list[CLine], ctx_status: Optional[str], ctx_year: Optional[int],
                parse: Optional[Callable] = None) -> Optional[Publication]:
    """One entry of a publication list (``parse``: the reference parser, default
    :func:`~kg.extract.citation.parse_reference`)."""
    first = entry[0]
    if re.match(r"^\W{0,3}\[-?@[\w:.-]+\]", first.text):
        return None  # a pandoc citation: the reader took the entry from the bibliography
    rows = [(c, _strip_mark(c.text) if i == 0 else c.text) for i, c in enumerate(entry)]
    rows = [(c, t) for c, t in rows if t and not NOTE_RE.match(t)]
    rows, side = _split_columns(rows)
    doi = url = None
    kept = []
    for c, t in rows:
        if URL_LINE.match(t) or _LINKS_ONLY.fullmatch(t):
            m = DOI_RE.search(t)
            doi = doi or (m.group(1) if m else None)
            url = url or (t.strip() if not m else None)
            continue
        kept.append((c, t))
    rows = kept
    term_year = None
    if len(rows) >= 2 and re.fullmatch(r"(19|20)\d\d", rows[0][1].strip()):
        term_year = int(rows[0][1])
        rows = rows[1:]
    if not rows or re.match(r"^\W{0,3}\[-?@[\w:.-]+\]", rows[0][1]):
        return None  # nothing left, or a pandoc citation whose entry the reader took from the bibliography
    texts = [t for _, t in rows]
    if side:  # the right column of a two-column layout ("Title ...... CVPR 2022") goes after the entry
        texts = texts + [", ".join(side)]
        rows = rows + [(rows[-1][0], texts[-1])]
    titled = _title_first(join_lines(texts), first)
    if titled is not None:
        pub = titled
        pub.doi, pub.url = pub.doi or doi, pub.url or url
        _status_from_venue(pub)
        if pub.status is None and ctx_status:
            pub.status = ctx_status
        if pub.year is None and ctx_year:
            pub.year = ctx_year
        return pub
    structured = None
    cands = [i for i, t in enumerate(texts) if is_author_line(t)]
    if not cands and len(texts) >= 3:
        # title / one name / venue on lines of their own: a solo paper ("Thanh Huong Nguyen", "Lea Le Goff")
        cands = [i for i in range(1, len(texts) - 1) if looks_like_name(texts[i]) and len(texts[i].split()) <= 5
                 and _venue_like(*rows[i + 1]) and not _venue_like(*rows[i])][:1]
    # the line with the most names is the author list (a two-word title can look like one name)
    ai = max(cands, key=lambda i: (len(split_authors(texts[i])[0]), -i)) if cands else None
    # ... and an author list wrapped over several lines starts at the first of them
    while ai is not None and ai - 1 in cands and re.search(r"[;,]\s*$", texts[ai - 1]):
        ai -= 1
    if len(texts) >= 2 and ai is not None:
        venue_pre = ""
        if ai == 0:
            title, rest = texts[1], texts[2:]
        else:
            pre = rows[:ai]
            if len(pre) >= 2 and _venue_like(*pre[-1]):
                title, venue_pre = " ".join(t for _, t in pre[:-1]), pre[-1][1]
            elif len(pre) == 1 and pre[0][0].bold and len(pre[0][0].bold[0].split()) >= 3 and \
                    len(pre[0][0].bold[0]) < len(pre[0][1]) - 3:
                title = pre[0][0].bold[0]
                venue_pre = pre[0][1][pre[0][1].find(title) + len(title):]
            else:
                title = " ".join(t for _, t in pre)
            rest = texts[ai + 1:]
        author_text = texts[ai]
        # an author list that wraps onto the next line(s)
        while rest and re.search(r"[;,]\s*$", author_text) and (is_author_line(rest[0]) or looks_like_name(rest[0].split(";")[0].split(",")[0])):
            author_text = author_text + " " + rest.pop(0)
        names, et_al = split_authors(author_text)
        tail = " ".join(x for x in [venue_pre.strip(" ,."), *rest] if x)
        pub = Publication(title=title.strip().rstrip(".,").strip(), et_al=et_al, page=first.page, line=first.line)
        pub.authors = [Author(author_name(n), i + 1, marks=m) for i, (n, m) in enumerate(names)]
        _venue_year_status(pub, tail, title)
        structured = pub
    pub = structured
    if structured is None or len(texts) >= 2:
        # a citation wrapped over several lines (PDF, DOCX): parse the joined text as one reference
        cit = _from_citation(join_lines(texts), first, parse)
        if cit is not None and (structured is None or _quality(cit) > _quality(structured)):
            pub = cit
    if pub is None:
        return None
    if term_year and pub.year is None:
        pub.year = term_year
    _status_from_venue(pub)
    pub.doi = pub.doi or doi
    pub.url = pub.url or url
    if pub.status is None and ctx_status:
        pub.status = ctx_status
    if pub.year is None and ctx_year and pub.title:
        pub.year = ctx_year
    for a in pub.authors:
        a.is_group = is_group_name(a.name)
    return pub


_GROUP_END = re.compile(r"\b(team|collaboration|consortium|group|committee|network|initiative|society|association|"
                        r"investigators|alliance|project)$", re.I)


def is_group_name(name: str) -> bool:
    """A group author ("Kimi Team", "LUMEN Collaboration"), not a person.

    >>> is_group_name("LUMEN Collaboration"), is_group_name("Kimi Team"), is_group_name("Wei Hu")
    (True, True, False)
    """
    return looks_like_group(name) and (not looks_like_name(name) or bool(_GROUP_END.search(name.strip(" .,"))))


def _split_columns(rows):
    """Two-column title lines ("Title ........ CVPR 2022"): (rows with the left parts, right parts)."""
    out, side = [], []
    for i, (c, t) in enumerate(rows):
        cols = c.columns
        if len(cols) >= 2:
            right = cols[-1]
            if len(right.split()) <= 8 and (re.search(r"\b(19|20)\d\d\b", right) or VENUE_WORDS.search(right)) \
                    and not re.fullmatch(r"\(?(19|20)\d\d\)?", cols[0].strip()) and not is_author_line(cols[0]):
                left = " ".join(cols[:-1])
                if i == 0:
                    left = _strip_mark(left)
                out.append((c, left))
                side.append(right)
                continue
        out.append((c, t))
    return out, side


_QUOTED_FIRST = re.compile(r"^(?:``|[\"“«‘])\s*(?P<title>.+?)\s*[,.]?\s*(?:''|[\"”»’])\s*[,.:]?\s*(?P<rest>.*)$")
_WITH = re.compile(r"\(\s*(?:joint(?:\s+work)?\s+)?with\s+(?P<co>[^()]+?)\s*\)\s*[,.;]?\s*"
                   r"|,\s+(?:joint(?:\s+work)?\s+)?with\s+(?P<co2>(?:[^.;()]|(?<=\b[A-Z])\.)+?)\s*(?:(?<!\b[A-Z])[.;](?=\s|$)|$)\s*")


def _title_first(text: str, first: CLine) -> Optional[Publication]:
    """Title-first entries of the owner's own work: '"Title" (with A and B), 2024. Venue.' or a bare
    '"Title"'. The co-authors written are ranked in the order written; the owner, only implied, is added
    unranked by :func:`parse_section`. None when the entry is not of this kind."""
    t = text.strip()
    q = _QUOTED_FIRST.match(t)
    w = _WITH.search(t)
    if q:
        title, rest = q.group("title"), q.group("rest")
        w = _WITH.search(rest)
    elif w and w.start() > 10 and not is_author_line(t[: w.start()]) and not re.search(r"[.?!]\s", t[: w.start()]) \
            and is_author_line(w.group("co") or w.group("co2")):
        title, rest = t[: w.start()], t[w.start():]
        w = _WITH.search(rest)
    else:
        return None
    co: list = []
    lead_with = _with_lead(rest) if q else None
    if lead_with:
        co = split_authors(lead_with[0])[0]
        rest = lead_with[1]
    elif w:
        co = split_authors(w.group("co") or w.group("co2"))[0]
        rest = rest[: w.start()] + " " + rest[w.end():]
    else:
        lead = re.split(r"[.;]\s|\(", rest)[0].strip(" ,")
        if lead and is_author_line(lead) and not re.search(r"\b(19|20)\d\d\b", lead):
            return None  # '"Title," A. Roe and B. Li, Venue': authors after the title
    pub = Publication(title=title.strip().rstrip(".,").strip(), page=first.page, line=first.line)
    pub.authors = [Author(author_name(n), i + 1, marks=m) for i, (n, m) in enumerate(co)]
    _venue_year_status(pub, rest, title)
    pub._owner_implied = True  # type: ignore[attr-defined]
    return pub


def _with_lead(rest: str) -> Optional[tuple[str, str]]:
    """After a quoted title, 'with A, B and C, Venue, 2023': (the names, what follows them); the list ends
    at the first comma-separated part that is not names. None when ``rest`` does not open with 'with'.

    >>> _with_lead("with Mei-Ling Tan and Oskar Brandt, Journal of Monetary Economics, 2023, 134: 45–67.")
    ('Mei-Ling Tan and Oskar Brandt', 'Journal of Monetary Economics, 2023, 134: 45–67.')
    >>> _with_lead("with A. Roe, B. Li, and C. Diaz — Revise & Resubmit at Econometrica.")
    ('A. Roe, B. Li, and C. Diaz', '— Revise & Resubmit at Econometrica.')
    >>> _with_lead("Econometrica, 2021") is None
    True
    """
    m = re.match(r"\s*(?:joint(?:\s+work)?\s+)?with\s+", rest, re.I)
    if not m:
        return None
    body = re.split(r"\s[—–]\s|\s--\s", rest[m.end():], maxsplit=1)[0]  # a dash ends the list
    names_end = 0
    for part in re.finditer(r"[^,—;]+(?=[,—;]|$)", body):
        seg = part.group(0)
        cut = re.search(r"(?<!\b[A-Z])\.(?=\s|$)", seg)  # 'C. Diaz. Venue': a full stop ends the list
        text = re.sub(r"^\s*(?:and|&)\s+", "", seg[: cut.start()] if cut else seg).strip()
        if not text or status_of(text) or not is_author_line(text) and not (looks_like_name(text) and len(text.split()) <= 4):
            break
        names_end = part.start() + (cut.start() if cut else len(seg))
        if cut:
            break
    if not names_end:
        return None
    return body[:names_end].strip(" ,"), rest[m.end() + names_end:].lstrip(" ,.;")


_PROGRESS_WORDS = re.compile(
    r"\[[^\]]*\]|\b(?:manuscripts?|manuscrit|articles?|papers?|drafts?|analysis|data|collection|collected|work(?:ing)?|"
    r"in|progress|preparation|prep|en|cours|préparation|soumis|submitted|under|review|revision|preprints?|prépublication|"
    r"to be)\b", re.I)


def _status_from_venue(pub: Publication) -> None:
    """A venue that only states a status ("Article soumis", "Manuscript in preparation", "Working paper"): the
    status is kept, the venue dropped.

    >>> p = Publication("T", venue="Article soumis"); _status_from_venue(p); (p.venue, p.status)
    (None, 'submitted')
    >>> p = Publication("T", venue="Prépublication arXiv"); _status_from_venue(p); (p.venue, p.status)
    ('Prépublication arXiv', 'preprint')
    """
    if not pub.venue:
        return
    st = status_of(pub.venue)
    if st and pub.status is None:
        pub.status = st
    if (st or re.search(r"\bin progress\b|\ben cours\b|\bcollected\b|^(?:unpublished )?manuscript\W*$", pub.venue, re.I)) \
            and not re.search(r"\w", _PROGRESS_WORDS.sub(" ", pub.venue)):
        pub.venue = None


def join_lines(texts) -> str:
    """Join wrapped lines, mending words hyphenated at a line end ('opti-' + 'mization'); a hyphen or dash
    that stays ('High-' + 'Resolution', '115–' + '134') joins without a space.

    >>> join_lines(["satel-", "lite radar", "pages 115–", "134, High-", "Resolution"])
    'satellite radar pages 115–134, High-Resolution'
    """
    out = ""
    for t in texts:
        t = t.strip()
        if out.endswith("-") and re.match(r"[a-z]", t) and re.search(r"[a-z]-$", out):
            out = out[:-1] + t
        elif re.search(r"\w[-–]$", out) and re.match(r"[A-Z0-9]", t):
            out = out + t
        else:
            out = f"{out} {t}" if out else t
    return out


def _quality(p: Publication) -> int:
    """How plausible a parse is: names that look like names, a title without years or name lists, a year."""
    score = 0
    ranked = [a for a in p.authors if a.rank]
    if ranked and all(looks_like_name(a.name) or looks_like_group(a.name) for a in ranked) and \
            not (len(ranked) == 1 and " " not in ranked[0].name.strip()):
        score += 2  # (not one word: "UPAN: A benchmark for …", "OmniNav: High-Dimensional …" open a title)
    if p.title and 2 <= len(p.title.split()) <= 40 and not re.search(r"\b(19|20)\d\d\b", p.title) \
            and p.title.count(",") < 3 and not re.search(r"[a-z)]\.\s+[A-Z][a-z]{0,7}\.?$", p.title):
        score += 2  # (not "Title. Angew.": an abbreviated journal's first word left on the title)
    if p.year:
        score += 1
    if p.venue and not re.search(r"\b(19|20)\d\d\b.*\.", p.venue) and len(p.venue) < 150 and not is_author_line(p.venue):
        score += 1
    return score


_SHORT_YEAR = re.compile(r"(?<=[A-Za-z])\s?['’](\d\d)\b")  # "OSDI '22", "CVPR’19"
_HYPHEN_YEAR = re.compile(HYPHEN_YEAR)


def _venue_year_status(pub: Publication, tail: str, title: str) -> None:
    st = status_of(tail)
    ys = years_in(tail)
    pub.year = ys[-1] if ys else None
    short = _SHORT_YEAR.search(tail) or _HYPHEN_YEAR.search(tail)  # "OSDI '22", "CVPR’19", "AAAI-15"
    if short:
        tail = tail[: short.start()] + tail[short.end():]
        if pub.year is None:
            pub.year = short_year(short.group(1))
    pub.status = st
    venue = re.sub(r"^[\s,.;:]*\(?(?:19|20)\d\d[a-z]?\)?(?=[\s,.;:]|$)[\s,.;:]*", "", tail)  # ", 2024. Venue"
    venue = re.sub(r"^\s*(?:in\s*:?\s+)", "", venue, flags=re.I)
    venue = re.sub(r"\[[^\]]{1,20}\]", " ", venue)  # link labels: [pdf] [code] [draft]
    venue = re.sub(r",\s*(?:\(?eds?\.\)?|edited by)\s.*$", "", venue, flags=re.I)  # 'Handbook …, eds. A and B, Publisher'
    venue = re.sub(r"^(?P<v>[^,]{3,}?),\s*\(?(?:19|20)\d\d[a-z]?\)?\s*(?:[,.:;(].*)?$", r"\g<v>", venue)  # 'Venue, 2023, 134: 45–67'
    if st:
        venue = STATUS_PREFIX.sub("", venue)
    venue = re.sub(r"\s*\b(19|20)\d\d[a-z]?\s*(?=\))", "", venue)  # "(ICML 2025)" → "(ICML)"
    venue = re.sub(r"[,.\s]*\(?\b(19|20)\d\d[a-z]?\)?[.,\s]*$", "", venue).strip(" ,.;")
    venue = clean_venue(venue)
    if re.fullmatch(r"[\W\d]*", venue) or (st and not VENUE_WORDS.search(venue) and len(venue.split()) <= 2):
        venue = ""
    pub.venue = venue or None


def clean_venue(v: str) -> str:
    """Drop volume, issue, pages and DOIs after a venue name.

    >>> clean_venue("Revista de la Asociación Geológica Argentina 78 (2), 333-337")
    'Revista de la Asociación Geológica Argentina'
    >>> clean_venue("Journal of Open-Source Software, 7(71), 4070")
    'Journal of Open-Source Software'
    >>> clean_venue("Nature 590:1–5. doi:10.1038/xyz")
    'Nature'
    >>> clean_venue("MNRAS, 546, stag199"), clean_venue("ApJ, 965, 145")
    ('MNRAS', 'ApJ')
    """
    v = DOI_RE.sub("", re.sub(r"\bdoi:\s*", "", v, flags=re.I))
    if re.search(r"\d{4}\.\d{4,5}(v\d+)?\s*[,.;]?\s*$", v):  # an arXiv id ends it
        return v.strip(" ,.;:")
    v = re.sub(r",\s*(?:vol(?:ume)?\.?\s*)?\d+\s*(?:\(\s*[\w-]+\s*\))?\s*[,:]\s*(?:pp?\.\s*)?[A-Za-z]{0,6}\d+[\w–-]*\s*$", "", v)  # "MNRAS, 546, stag199"
    v = re.sub(r"[,.;]?\s*(?:vol(?:ume)?\.?\s*)?\d+\s*(?:\(\s*[\w-]+\s*\))?\s*(?:[,:]\s*(?:pp?\.\s*)?[\d–-]+(?:\s*[–-]\s*\d+)?)?[.,;\s]*$", "", v)
    v = re.sub(r"[,.;]?\s*(?:pp?\.|pages?)\s*[\d–-]+.*$", "", v)
    return v.strip(" ,.;:")


STATUS_PREFIX = re.compile(r"^\s*(?:accepted for publication|submitted for publication|submitted|under review|accepted|to appear|"
                           r"in press|preprint|in preparation|"
                           r"working paper|under revision|revised? (?:and|&) resubmit(?:ted)?|r\s*&\s*r|"
                           r"major revision|minor revision|conditionally accepted)\b\s*(?:to|at|in|by|for)?\s*[:,]?\s*",
                           re.I)


def _from_citation(text: str, first: CLine, parse: Optional[Callable] = None) -> Optional[Publication]:
    if parse is None:
        from .citation import parse_reference as parse
    ref = parse(text)
    if not ref.title:
        return None
    venue = ref.venue
    if venue and venue.count("(") == venue.count(")") + 1 and venue + ")" in text:
        venue += ")"  # "(ICML 2023" cut before its closing parenthesis
    pub = Publication(title=ref.title, et_al=ref.et_al, venue=venue, year=ref.year, status=ref.status,
                      doi=ref.doi, url=ref.url, page=first.page, line=first.line)
    pub.authors = [Author(author_name(a.name), i + 1, marks=list(a.marks)) for i, a in enumerate(ref.authors)]
    for a in pub.authors:  # a final initial keeps its full stop ('Moreau, É.' before '(2017)' or ', et al.')
        if re.search(r"(?:^|[\s,.-])[^\W\d_]$", a.name) and re.search(re.escape(a.name) + r"\.", text):
            a.name += "."
    return pub


def equal_marks_of(lines: list[CLine]) -> set:
    """The marks a list's notes declare as equal contribution ('* equal contribution', '‡ and # denote
    equal contribution; † denotes joint senior authorship'); ``{'*'}`` when no note says.

    >>> from .lines import clean
    >>> sorted(equal_marks_of([clean("‡ and # denote equal contribution; † denotes joint senior authorship.")]))
    ['#', '‡']
    """
    marks: set = set()
    for c in lines:
        for part in re.split(r"[;.]\s+|\s*[;]\s*", c.text):
            m = re.search(r"\b(equal(ly)?|joint first|co-first)", part, re.I)
            if m and EQUAL_NOTE.search(part):
                marks |= set(re.findall(r"[*†‡#§]", part[: m.start()]))
    return marks or {"*"}


def parse_section(lines: list[CLine], owner_forms: list[str], bold_owner: set[str],
                  warnings: list[Warning_], title: str = "", parse: Optional[Callable] = None) -> list[Publication]:
    equal_marks = equal_marks_of(lines)
    pubs = []
    # a section that is all one status ("Preprints", "Under Review", "Working Papers") sets it for its entries
    mixed = re.search(r"journal|conference|peer|published|publications|\band\b|&", title, re.I)
    ctx_status, ctx_year = (None if mixed else status_of(title)), None
    section_status = ctx_status
    for entry in entries_of(lines):
        head = entry[0].text.strip()
        if len(entry) == 1 and re.fullmatch(r"(19|20)\d\d", head):
            ctx_year, ctx_status = int(head), section_status  # a year heading starts a new group
            continue
        if len(entry) == 1 and _subheading(entry[0]):
            ctx_status = _heading_status(head)
            continue
        if all(NOTE_RE.match(_strip_mark(c.text)) for c in entry):
            continue
        pub = parse_entry(entry, ctx_status, ctx_year, parse)
        if pub is None and any(re.match(r"^\W{0,3}\[-?@[\w:.-]+\]", c.text) for c in entry[:2]):
            continue
        if pub is None or not pub.title:
            warnings.append(Warning_(entry[0].line, head[:200], "publication entry not understood", entry[0].page))
            continue
        if pubs and pub.authors and _DITTO.fullmatch(pub.authors[0].name):
            _ditto_authors(pub, pubs[-1])
        implied = getattr(pub, "_owner_implied", False) or not pub.authors
        _mark_authors(pub, equal_marks, owner_forms, bold_owner | {b for c in entry for b in c.bold},
                      _bold_at(entry), implied, _bold_at(entry, _EMPH))
        pubs.append(pub)
    return pubs


_DITTO = re.compile(r"\s*(?:[—–_-]\s*){2,}\.?\s*")  # '———.': the same author(s) as the entry before


def _ditto_authors(pub: Publication, prev: Publication) -> None:
    """'———. 2018. Title.' (a bibliography's dash for a repeated author): alone, it stands for the
    previous entry's whole author list; followed by more names ('———, and A. Roe'), for its first author."""
    from dataclasses import replace

    before = [a for a in prev.authors if a.rank]
    if not before:
        return
    lead = before if len(pub.authors) == 1 else before[:1]
    rest = pub.authors[1:]
    pub.authors = [replace(a, rank=i + 1, marks=list(a.marks)) for i, a in enumerate(lead)] + \
        [replace(a, rank=(len(lead) + i + 1) if a.rank else None) for i, a in enumerate(rest)]


def _subheading(c: CLine, strict: bool = False) -> bool:
    """A one-line group heading inside a publication list ("Journal Articles", "Articles de conférence").
    ``strict``: only headings made of heading words (not a venue line such as "Journal of Econometrics").

    >>> from .lines import clean
    >>> [_subheading(clean(x), strict=True) for x in ["Articles de conférence", "Journal of Econometrics", "Preprints"]]
    [True, False, True]
    """
    from .sections import HEAD_VOCAB, classify

    head = c.text.strip().rstrip(":").strip()
    if not head or len(head) >= 50 or ENTRY_MARK.match(head):
        return False
    if (c.heading_mark and _heading_like(c)) or (not strict and GROUP_HEAD.match(head)):
        return True
    return head[0].isupper() and len(head.split()) <= 6 and not re.search(r"\d|[.,;\"“”«»]", head) \
        and all(w.lower().strip(":&,/") in HEAD_VOCAB | {""} for w in head.split()) and classify(head) == "publications"


def _heading_status(head: str) -> Optional[str]:
    """The status a group heading gives its entries: one status for every part ("Preprints"), else None."""
    if re.search(r"journal|conference|conférence|peer|published|publi[ée]s", head, re.I):
        return None
    parts = [p for p in re.split(r"\s*(?:\band\b|\bet\b|\by\b|\bund\b|&|/|,)\s*", head) if p.strip()]
    sts = {status_of(p) for p in parts}
    return sts.pop() if len(sts) == 1 else None


_EMPH = re.compile(r"<u>(.*?)</u>|<(i|em)>(.*?)</\2>|(?<![\w*])\*(?!\*)([^*\n]+?)\*(?![\w*])|(?<![\w_])_([^_\n]+?)_(?![\w_])",
                   re.I)


def _bold_at(entry: list[CLine], rx=_BOLD) -> set:
    """(name, k) for each bold span of an entry: the k-th occurrence (0-based) of that text is bold."""
    out = set()
    before = ""
    for c in entry:
        for m in rx.finditer(c.raw):
            g = [x for x in m.groups() if x is not None and x.lower() not in ("i", "em")]
            name = clean_name(strip_markup(g[-1])) if g else ""
            if name:
                out.add((name, (before + " " + strip_markup(c.raw[: m.start()])).count(name)))
        before += " " + c.text
    return out


def _surname_overlap(name: str, owner_forms: list[str]) -> bool:
    """Does a name share a surname-like word (3+ letters) with one of the owner's forms?"""
    from ..names import fold

    words = {fold(w) for w in re.findall(r"[^\W\d_][^\W\d_'-]*(?:-[^\W\d_]+)*", name) if len(w) >= 3}
    return any(words & {fold(w) for w in re.findall(r"[^\W\d_][^\W\d_'-]*(?:-[^\W\d_]+)*", f) if len(w) >= 3}
               for f in owner_forms)


def _mark_authors(pub: Publication, equal_marks: set, owner_forms: list[str], bold: set[str],
                  bold_at: Optional[set] = None, owner_implied: bool = False, emph_at: Optional[set] = None) -> None:
    """Equal-contribution marks, the owner's authorship (a bold name where the entry has one, else the
    first name compatible with the owner's), and the owner added unranked when the list hides them
    ("et al.") or the entry implies them (a title-first entry of the owner's own CV)."""
    owner_found = False
    for a in pub.authors:
        a.equal_contribution = any(m in equal_marks for m in a.marks)
        a.marks = [m for m in a.marks if m not in equal_marks]
    seen: Counter = Counter()
    bold_hits = []
    for a in pub.authors:
        if bold_at and (a.name, seen[a.name]) in bold_at:
            bold_hits.append(a)
        seen[a.name] += 1
    if owner_forms and bold_hits:
        bold_hits[0].is_owner = owner_found = True
    for a in pub.authors:
        if owner_found:
            break
        if owner_forms and (any(clean_name(b) == a.name for b in bold) or any(compatible(a.name, f) for f in owner_forms)
                            or re.fullmatch(r"(?:me|myself|moi|yo|ich)", a.name.strip(), re.I)):
            a.is_owner = owner_found = True
    for a in pub.authors:
        if owner_found or not owner_forms:
            break
        if _initials_match(a.name, owner_forms):  # initials outside ASCII: 'Sigurðardóttir, Þ.'
            a.is_owner = owner_found = True
    if not owner_found and owner_forms and emph_at:
        # an italic or underlined name that shares the owner's surname ("*Okonjo-Lind A*")
        seen = Counter()
        for a in pub.authors:
            if (a.name, seen[a.name]) in emph_at and _surname_overlap(a.name, owner_forms):
                a.is_owner = owner_found = True
                break
            seen[a.name] += 1
    if (pub.et_al or owner_implied) and not owner_found and owner_forms:
        pub.authors.append(Author(owner_forms[0], None, is_owner=True))


def tidy_structured(pub: Publication) -> None:
    """A publication a reader took from structured data (BibTeX, front matter, YAML): '…' or 'et al.' in the
    author list is no author but the list cut short; a venue that states a status ('Submitted to Journal X')
    gives the publication its status.

    >>> p = Publication("T", [Author("A. Roe", 1), Author("...", 2), Author("B. Li", 3)], venue="Submitted to Stat X")
    >>> tidy_structured(p); [(a.name, a.rank) for a in p.authors], p.et_al, p.venue, p.status
    ([('A. Roe', 1), ('B. Li', 2)], True, 'Submitted to Stat X', 'submitted')
    """
    kept = []
    for a in pub.authors:
        if re.fullmatch(r"\s*(?:\.{3}|…|et\.?\s*al\.?|others)\s*", a.name, re.I):
            pub.et_al = True
            continue
        kept.append(a)
    if len(kept) != len(pub.authors):
        rank = 0
        for a in kept:
            if a.rank:
                rank += 1
                a.rank = rank
        pub.authors = kept
    if pub.venue and pub.status is None:  # the venue field stays as written ('submitted to ApJ', 'ApJ, 965, 145')
        pub.status = status_of(pub.venue)

