"""One reference string → authors, title, venue, year, status, ids (offline, thousands a second).

Two readers, combined field by field:

* a linear-chain CRF tagger (:mod:`.citation_crf`, trained on a fixed split of AnyStyle's
  tagged gold references, BSD-2) labels every token (author, title, journal, date, …); its
  decoder may not open a title or venue right after a bare word, and rules clean each field;
* the rules of :mod:`.citation_rules` (sentence ends, parenthesised years, quotes and an
  author-list test) read the same string.

The tagger's reading wins unless it is incomplete or contradicts itself where the rules' reading
holds together: no title at all, a title that runs on into what the rules read as the venue, a
title cut at its subtitle colon, a venue that repeats the title. Author lists are always split
by :func:`split_authors` (rules), which CV readers use too. Without the model file the rules
alone answer.

>>> r = parse_reference("[3] A. Roe, B. Li*, and C. Diaz, “Sparse widgets,” in Proc. ICML, 2022, pp. 1–10.")
>>> [a.name for a in r.authors], r.authors[1].marks, r.title, r.venue, r.year
(['A. Roe', 'B. Li', 'C. Diaz'], ['*'], 'Sparse widgets', 'Proc. ICML', 2022)
>>> r = parse_reference("Roe, J. A., & Li, B. (2021). Learning to widget. Neural Computation, 33(4), 100–120. https://doi.org/10.1162/neco_a_01")
>>> [a.name for a in r.authors], r.title, r.venue, r.year, r.doi
(['Roe, J. A.', 'Li, B.'], 'Learning to widget', 'Neural Computation', 2021, '10.1162/neco_a_01')
"""
from __future__ import annotations

import copy
import re
import unicodedata
from functools import lru_cache

from ..names import looks_like_name

from . import citation_crf as _crf
from .dates import HYPHEN_YEAR, short_year
from . import citation_rules as _rules
from .citation_rules import RefAuthor, Reference, author_like, split_authors, status_of  # noqa: F401

__all__ = ["RefAuthor", "Reference", "parse_reference", "split_authors", "status_of", "author_like"]


def parse_reference(text: str) -> Reference:
    """Split one reference string into fields (the tagger and the rules, combined)."""
    moved = _MARK_AFTER_INITIAL.sub(r"\1.", text)  # "Raman, P.† Title": the mark before the initial's full stop
    moved = _MARK_BETWEEN.sub(r"\1.", moved)  # "Nair, D.†. Title": one full stop, after the mark
    moved = _DOUBLE_STOP.sub(".", moved)  # "Fu, S.. Title": the initial's full stop and the list's
    # "…, Peter Roberts†. Title": the last author's mark, taken off while the text is read and given back
    stop_marks = _MARK_BEFORE_STOP.findall(moved)
    if stop_marks:
        moved = _MARK_BEFORE_STOP.sub(r"\1.", moved)
    moved = _STATUS_SLOT.sub(_status_slot, moved)  # "(en prensa)" in the year's place: "(in press)"
    ref = _parse(moved)
    if ref.title:  # "Roe, Jane. Forthcoming. “Title.”": a status in the year's place
        m = _STATUS_LEAD.match(ref.title)
        if m and len(ref.title) > m.end() + 3:
            ref.title = ref.title[m.end():].rstrip("”\"").strip()
            ref.status = ref.status or status_of(m.group(0)) or "accepted"
    if ref.authors:  # "…; Roe, E. M.* Title of the Work. Angew. Chem. 2023": the title ran into the last name
        a = ref.authors[-1]
        m = re.match(r"(.+?,\s*(?:[A-ZÀ-ÖØ-Þ]\.\s*-?\s*)+)\s+([A-Z].{8,})$", a.name)
        if m and not looks_like_name(a.name):
            spill = m.group(2).strip()
            if ref.title and len(ref.title.split()) == 1 and ref.venue and f"{spill}. {ref.title}. " in text:
                a.name, ref.title, ref.venue = m.group(1).strip(), spill, f"{ref.title}. {ref.venue}"
            elif not ref.title:
                a.name, ref.title = m.group(1).strip(), spill
        m = re.match(r"(.+?,\s*(?:[A-ZÀ-ÖØ-Þ]\.\s*-?\s*)+)\s+([A-Z][\w-]*)$", a.name)
        if m and ref.title and f"{m.group(2)}: {ref.title}" in moved:  # "Zhou, G. LHBZE: Offline …"
            a.name, ref.title = m.group(1).strip(), f"{m.group(2)}: {ref.title}"
    m = _CJK_LEAD.match(ref.title or "")
    if m and ref.authors and all(_CJK_NAME.fullmatch(a.name) for a in ref.authors):  # "刘洋, 赵建国*. 标题"
        ref.authors.append(RefAuthor(m.group(1), list(m.group(2))))
        ref.title = m.group(3)
    m = _APA_CHAPTER.search(text)
    if m and ref.title and m.start() > text.find(ref.title):  # "In A. Ed (Eds.), Handbook of X (pp. 1–9). Press": the book
        ref.venue = m.group(1).strip(" .,")
    if ref.venue:
        ref.venue = _VENUE_NOTE.sub("", ref.venue).strip(" ,;") or None
    if ref.venue and re.match(r"(?:Department|Dept\.|Faculty|School) of\b", ref.venue):
        ref.venue = None  # the department of an unpublished manuscript, not where it appeared
    if ref.venue and _ONLINE.match(ref.venue):  # "[Online]. Available: arXiv:…": where to read it, not a venue
        ref.venue = None
    if ref.title and not ref.venue:  # "Title. Enviado a Revista X (…), 2024": the journal it went to
        i = text.find(ref.title)
        m = _SENT_TO.match(text, i + len(ref.title)) if i >= 0 else None
        if m:
            ref.venue, ref.status = m.group(1).strip(), ref.status or "submitted"
    if ref.title:  # "Title [Letter]", "Title [dissertation]": a note on the kind of work, not the title
        ref.title = _KIND_TAG.sub("", ref.title).strip() or ref.title
    if ref.venue:
        ref.venue = _KIND_TAG.sub("", ref.venue).strip() or None
    if len(ref.authors) >= 2 and (not ref.title or re.match(r"In:?\s", ref.title)):
        # Vancouver, where initials take no full stop: "Roe JA, Li B. Title. In: Eds, editors. Book": the
        # last name ran on into the title
        m = re.match(r"(.+?\s[A-Z]{1,3})\.\s+([A-Z].{8,})$", ref.authors[-1].name)
        if m and all(re.fullmatch(r"[^\d.,;]+\s[A-Z]{1,3}", a.name) for a in ref.authors[:-1]):
            ref.authors[-1].name, ref.title = m.group(1), m.group(2).rstrip(".")
    if ref.title and ref.title.endswith(("?", "!")) and ref.venue:  # "Does X Help? A Study. arXiv:…": a subtitle
        m = re.match(r"([A-Z][^.]{3,80})\.\s+(\S.*)$", ref.venue)
        if m and len(m.group(1).split()) >= 3 and not _VENUE_WORD.search(m.group(1)) and f"{ref.title} {m.group(1)}" in text:
            ref.title, ref.venue = f"{ref.title} {m.group(1)}", m.group(2)
    m = _IN_BOOK.search(ref.title or "")
    if m and len(ref.title[: m.start()].split()) >= 2:  # "Chapter Title. In Book Title; Eds.; …": the book is the venue
        ref.title, ref.venue = ref.title[: m.start()].strip(), re.split(r"\s*;\s*", ref.title[m.end():])[0].strip(" ,.")
    if ref.venue:
        v = _EDITORS.sub("", _VENUE_LEAD.sub("", ref.venue))
        ref.venue = _crf.drop_place(v.strip(" ,;") if v != ref.venue else v) or None
    if ref.venue:
        i = text.find(ref.venue) if ("Workshop" in text or "Symposium" in text or "Tutorial" in text) else -1
        m = _WORKSHOP_AFTER.match(text, i + len(ref.venue)) if i >= 0 else None
        if m:  # "ICML 2024 Workshop on Distribution Shifts": a workshop, not the conference
            ref.venue = (ref.venue + m.group(0)).strip(" ,;")
        m = re.fullmatch(r"(.*?[A-Za-z])\s*['’](\d\d)?", ref.venue) or \
            re.fullmatch(r"(.*?[A-Z]{2})" + HYPHEN_YEAR, ref.venue)
        if m:  # "CVPR'22", "OSDI '22", "AAAI-23" (the tagger may leave the digits out of the venue)
            yy = m.group(2) or (re.search(re.escape(ref.venue) + r"(\d\d)\b", text) or [None, None])[1]
            ref.venue = m.group(1)
            if yy:
                ref.year = ref.year or short_year(yy)
    for word, mark in stop_marks:
        a = next((a for a in reversed(ref.authors) if a.name.endswith(word)), None)
        if a is not None:
            a.marks.extend(c for c in mark if c not in a.marks)
    if ref.title and ref.authors:  # "Roe, A. MAY: A benchmark for …": a system's name the tagger read as a month
        m = re.search(r"(?:^|[.?!]\s+)([A-Z][\w-]{1,20}):\s+" + re.escape(ref.title), moved)
        if m and not any(m.group(1) in a.name for a in ref.authors):
            ref.title = f"{m.group(1)}: {ref.title}"
    if moved != text:
        for a in ref.authors:  # "Raman, P†." read as 'Raman, P' + '†': the initial keeps its full stop
            if re.search(r"(?:^|[\s,.-])[A-Z]$", a.name) and f"{a.name}{''.join(a.marks)}." in moved:
                a.name += "."
    return ref


_WORKSHOP_AFTER = re.compile(r"(?:\s+(?:19|20)\d\d)?\s+(?:Workshop|Symposium|Tutorial)\b[^.]*")
_KIND_TAG = re.compile(r"\s*\[(?:manuscript[^\]]{0,40}|letter|editorial|dissertation|thesis|preprint|abstract|review|commentary|erratum|comment|"
                       r"internet|published online|conference abstract|correspondence|perspective|opinion)\]", re.I)
_VENUE_WORD = re.compile(r"\b(?:proc|proceedings|conference|journal|arxiv|workshop|transactions|symposium|letters|review|"
                         r"advances|annals|bulletin|preprint|bio[rR]xiv|med[rR]xiv|ssrn)\b", re.I)
_IN_BOOK = re.compile(r"[.?!]\s+In:?\s+(?=[A-Z])")
_STATUS_LEAD = re.compile(r"^(?:forthcoming|in press|to appear|under review|submitted|n\.\s?d)\.\s*[\"“]?", re.I)
# 'For submission to Journal X', 'Submitted to X', 'To appear in X': the venue is X
_VENUE_LEAD = re.compile(r"^(?:(?:for submission|submitted|to be submitted|under review|accepted|to appear|"
                         r"forthcoming|in press)\s+(?:to|in|at)\s+|(?:enviado|sometido|aceptado|soumis|accepté|eingereicht|"
                         r"angenommen)\s+(?:a|à|en|bei|in|para)\s+)", re.I)
# 'Handbook X, edited by A and B, 123–45' / 'Volume X, eds. A and B': the editors are not the venue
_EDITORS = re.compile(r";[^;]*,\s*Eds?\.\s*;.*$|(?:,\s*eds?\.|[,.]?\s*\(eds?\.?\)|[,.]?\s*\bedited by)\s.*$", re.I)
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")
_CJK_LEAD = re.compile(r"([\u3400-\u9fff]{2,4})([*†‡#§]*)[.。]\s*(\S.{3,})$")
_SENT_TO = re.compile(r"[\s.,;\"”’']*(?:enviado|sometido|submitted|soumis|eingereicht|under review)\s+(?:a|à|to|bei|en|at)\s+"
                      r"([^,(]{3,}?)\s*(?:[,(]|\.?$)", re.I)
_APA_CHAPTER = re.compile(r"\bIn:?\s+[^()]{2,200}?\((?:Eds?|Hrsg|Dirs?|Coords?)\.?\),?\s*([^()]{3,200}?)\s*\(", re.I)
# notes after a journal's name: "Advance online publication", "early access", "[Manuscript submitted …]"
_VENUE_NOTE = re.compile(r"[.,]?\s*(?:advance online(?: publication)?|early access|online first|epub ahead of print)\.?\s*$|"
                         r"\[manuscript[^\]]*\]\.?\s*", re.I)
_ONLINE = re.compile(r"\[?online\]?\.?\s*available\b", re.I)
_STATUS_SLOT = re.compile(r"\((en prensa|no prelo|sous presse|à paraître|im druck|aceptado|accepté|enviado|soumis|"
                          r"eingereicht|en revisión|en révision)\)", re.I)
_SLOT_EN = {"en prensa": "in press", "no prelo": "in press", "sous presse": "in press", "à paraître": "in press",
            "im druck": "in press", "aceptado": "accepted", "accepté": "accepted", "enviado": "submitted",
            "soumis": "submitted", "eingereicht": "submitted", "en revisión": "under review", "en révision": "under review"}


def _status_slot(m) -> str:
    return f"({_SLOT_EN[m.group(1).lower()]})"


_MARK_AFTER_INITIAL = re.compile(r"(?<=\b[A-Z])\.([*†‡#§]+)(?=[\s,;&])")
_DOUBLE_STOP = re.compile(r"(?<=\b[A-Z])\.\.(?=\s)")
_MARK_BEFORE_STOP = re.compile(r"([^\W\d_]{2,})([*†‡#§]+)\.(?=\s)")
_MARK_BETWEEN = re.compile(r"(?<=\b[A-Z])\.([*†‡#§]+)\.(?=\s)")


def _parse(text: str) -> Reference:
    tagged = _crf.parse(text, split_authors)
    if tagged is not None and not _doubtful(tagged, text):
        return tagged  # nothing that :func:`combine` would take from the rules: skip them (speed)
    rules = _rules.parse_reference(text)
    if tagged is not None and _garbled(tagged, text):
        return rules
    if tagged is not None and not tagged.authors and len(rules.authors) >= 2 and rules.title and \
            all(looks_like_name(a.name) for a in rules.authors) and text.lstrip("[(0123456789.) ").startswith(rules.authors[0].name):
        return rules  # the tagger found no author at all where the rules read a list of names opening the text
    return combine(rules, tagged, text)


def _name_like(s) -> bool:
    return bool(s) and 2 <= len(s.split()) <= 4 and looks_like_name(s)


def _garbled(r: Reference, text: str) -> bool:
    """Did the tagger cut a list of names into title and venue? ("Title Wei Chen, Jia Hui Lin, Ada
    Quintero Under review": title 'Jia Hui Lin', venue 'Ada Quintero'; or a venue that opens with
    two names; a title that ends with an initial; neither authors nor title, all read as venue.) Lines
    of a CV joined without punctuation do this; no reference in the tagged data does."""
    if not r.authors and not r.title and r.venue:
        return True
    for sep in (",", ";"):
        if r.venue and sep in r.venue and \
                all(_name_like(re.sub(r"^(?:and|&)\s+", "", x.strip())) for x in r.venue.split(sep)[:2]):
            return True
    if r.title and _INITIAL_END.search(r.title):  # "… Long Sequences R. | D. Young and C. Tian": no title ends so
        return True
    return bool(r.title and r.venue and _name_like(r.title) and _name_like(r.venue) and
                re.search(re.escape(r.title) + r"\s*,\s*" + re.escape(r.venue), text))


def _doubtful(r: Reference, text: str) -> bool:
    """Could :func:`combine` change the tagger's reading? (No title, venue, year or author; a venue inside
    the title; a colon right after the title; a sentence end inside an author name; names cut into
    title and venue; a title that opens with a name and a full stop.)"""
    if not r.title or not r.venue or r.year is None or not r.authors or _inside(_n(r.venue), _n(r.title)) or \
            any(_SENTENCE_IN_NAME.search(a.name) for a in r.authors) or _garbled(r, text):
        return True
    i = text.find(r.title)
    if i >= 0 and text[i + len(r.title): i + len(r.title) + 3].lstrip().startswith(":"):
        return True
    tail = re.split(r"[.?!]\s+", r.title)[-1]
    if author_like(r.title) or (tail != r.title and author_like(tail)):
        return True  # the title is, or ends with, a list of names
    m = _NAME_LEAD.match(r.title)
    if not m:
        return False
    names = split_authors(m.group(1))[0]
    return 0 < len(names) <= 8 and all(looks_like_name(a.name) for a in names)


_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]\.$")
_NAME_LEAD = re.compile(r"^([^.:;]{3,200}?[a-z\u00e0-\u024f])\.\s+\S")


@lru_cache(maxsize=20_000)
def _n(s) -> str:
    """Normalized for comparison: NFKD, accents and punctuation dropped, case folded."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


_SENTENCE_IN_NAME = re.compile(r"[a-z\u00e0-\u024f]\.\s+[A-Z\u00c0-\u024f][a-z\u00e0-\u024f]")


def _more_names(longer: list, shorter: list) -> bool:
    """`longer` is `shorter` and more, and every name added looks like a person's name."""
    if len(longer) <= len(shorter) or [a.name for a in longer[: len(shorter)]] != [a.name for a in shorter]:
        return False
    return all(looks_like_name(a.name) and len(a.name.split()) <= 4 for a in longer[len(shorter):])


def _no_conj(s: str) -> str:
    return " ".join(w for w in s.split() if w not in ("and", "et", "und", "y", "e"))


def _inside(a: str, b: str) -> bool:
    """Is normalized `a` a run of whole words of normalized `b`, long enough not to be chance?"""
    return len(a) > 20 and f" {a} " in f" {b} "


def combine(rules: Reference, tagged, text: str = "") -> Reference:
    """The tagger's reading (`tagged`, None without a model), mended with the rules' where it fails.

    >>> R = Reference(title="Deep nets: a survey", venue="Widget Letters")
    >>> C = Reference(title="Deep nets", venue="a survey. Widget Letters")
    >>> combine(R, C).title, combine(R, C).venue
    ('Deep nets: a survey', 'Widget Letters')
    """
    R, C = rules, tagged
    if C is None:
        return R
    out = copy.copy(C)
    if R.title and C.title and _more_names(R.authors, C.authors) and \
            _n(" ".join(a.name for a in R.authors[len(C.authors):])) == _n(C.title):
        # "Ann Lee, Bo Li, Cy Roe. Why X? Venue": the last name read as the title, the title as the venue
        out.authors, out.et_al, out.title, out.venue = R.authors, R.et_al, R.title, R.venue
    elif R.title and C.title and _more_names(R.authors, C.authors) and \
            _n(C.title) == _n(R.authors[len(C.authors)].name) and _inside(_n(R.title), _n(C.venue)):
        # "Ann Lee, Bram van der Berg, Cy Roe. Title. Venue": a name with particles read as the title
        out.authors, out.et_al, out.title, out.venue = R.authors, R.et_al, R.title, R.venue
    elif R.title and C.title and _more_names(R.authors, C.authors) and \
            C.title.startswith(R.authors[len(C.authors)].name) and _n(C.title).endswith(_n(R.title)):
        # "秦淑兰, 刘洋, 赵建国*. 硫化物…": the last names opened the tagger's title
        out.authors, out.et_al, out.title = R.authors, R.et_al, R.title
    elif R.title and R.authors and any(_SENTENCE_IN_NAME.search(a.name) for a in C.authors) and \
            not any(_SENTENCE_IN_NAME.search(a.name) for a in R.authors):
        # "Hang Yu. Knowledge": the tagger's author list ran on into the title
        out.authors, out.et_al, out.title = R.authors, R.et_al, R.title
    elif R.title and C.title and _more_names(R.authors, C.authors) and _n(C.title).endswith(" " + _n(R.title)) and \
            C.title.rstrip().endswith(R.title.rstrip()) and \
            C.title[: len(C.title.rstrip()) - len(R.title.rstrip())].rstrip(" \"“‘«'`").endswith("."):
        # "Peter Green, María José Álvarez, María Gómez Oliveira. Title": the last name went to the title
        out.authors, out.et_al, out.title = R.authors, R.et_al, R.title
    elif R.authors and R.title and C.title and _n(R.title) != _n(C.title) and \
            len(" ".join(a.name for a in R.authors).split()) >= 2 and \
            f" {' '.join(_n(a.name) for a in R.authors)} " in f" {_no_conj(_n(C.title))} " and \
            f" {_n(R.authors[0].name)} " not in f" {_n(R.title)} ":
        # title first: "Deep Gizmo Networks. Jane Roe, Ali Khan. NeurIPS 2021" — the names read as the title
        out.authors, out.et_al, out.title = R.authors, R.et_al, R.title
        if out.venue and _n(out.venue) == _n(R.title):
            out.venue = R.venue
    elif not C.authors and R.authors and C.venue and R.venue and \
            _n(C.venue).startswith(_n(R.authors[0].name) + " ") and not _inside(_n(R.venue), _n(out.title)):
        # "Title. J. Roe, A. Khan. arXiv:2301.01234": the authors after the title read as the venue
        out.authors, out.et_al, out.venue = R.authors, R.et_al, R.venue
        k = C.venue.find(R.authors[-1].name)
        rest = C.venue[k + len(R.authors[-1].name):].lstrip(" .,;:") if k >= 0 else ""
        if rest and _crf._clean_venue(rest):
            out.venue = _crf._clean_venue(rest)
    elif not C.title and R.title:
        out.title = R.title
        if C.venue and C.venue.startswith(R.title) and len(C.venue) > len(R.title) + 3 and \
                C.venue[len(R.title)] in ".,:;":  # "Title. arXiv e-prints, arXiv:2005.01234": the rest is the venue
            out.venue = C.venue[len(R.title):].lstrip(" .,:;") or R.venue
        elif C.venue and f" {_n(R.title)} " in f" {_n(C.venue)} ":  # the tagger read the title as the venue
            out.venue, out.authors, out.et_al = R.venue, R.authors, R.et_al
    elif C.title and R.title and R.venue and not C.venue and not re.search(r"[\"“”«»]", R.venue) \
            and _n(C.title) == _n(R.title + " " + R.venue):
        out.title, out.venue = R.title, R.venue  # "Title. Venue" all read as the title
    elif C.title and R.title and C.venue and R.title.startswith(C.title) and \
            R.title[len(C.title):].lstrip().startswith(":") and _n(C.venue).startswith(_n(R.title[len(C.title):])):
        out.title, out.venue = R.title, R.venue  # "Title: Subtitle. Venue" cut at the colon
    if out.year is None and R.year and re.search(rf"(?<![\w/.-]){R.year}(?!\d|\.\d)", text.replace(out.title or "\0", " ")):
        out.year = R.year  # a year the tagger missed, standing alone outside the title ("EGU2021" is not one)
    nt = _n(out.title)
    if out.venue and _inside(_n(out.venue), nt):
        out.venue = None
    if not out.venue and R.venue and not _inside(_n(R.venue), nt) and _n(R.venue) != nt and \
            not _crf._STATUS_PHRASE.match(R.venue):  # "Working paper, Department of …" is no venue
        out.venue = R.venue
    return out
