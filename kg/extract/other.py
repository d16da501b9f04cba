"""Header (owner, contact), awards, teaching, reviewing and skills.

>>> [(a.name, a.dates) for a in parse_awards([clean("- IIIS Scholarship (2022.9 & 2023.9)")])]
[('IIIS Scholarship', ['2022-09', '2023-09'])]
>>> [(a.name, a.dates) for a in parse_awards([clean("Outstanding GSI Award"), clean(""), clean("April. 2024")])]
[('Outstanding GSI Award', ['2024-04'])]
>>> [(r.venue, r.years) for r in parse_reviewing([clean("Reviewer of ICML2022, 2024, Neurips2023, AISTATS 2025")])]
[('ICML', [2022, 2024]), ('Neurips', [2023]), ('AISTATS', [2025])]
>>> t = parse_teaching([clean("- 3. Intro to Systems"), clean(" Taught by Professor Chenren Xu, Peking University, 2019~2020 Autumn")])[0]
>>> t.course, t.instructors, t.organization, t.term
('Intro to Systems', ['Chenren Xu'], 'Peking University', '2019~2020 Autumn')
>>> parse_contact("Email: a.b@x.edu | Tel: (+1) 616-227-1677 | Web: ab.github.io")
('a.b@x.edu', '+1 616-227-1677', 'ab.github.io')
"""
from __future__ import annotations

import re
from typing import Optional

from ..names import NAME_TOO, clean_name, has_cjk, looks_like_name
from ..records import Award, Person, Review, Teaching
from .dates import YEAR_RE, parse_dates
from .lines import CLine, clean
from .positions import _HONORIFIC, ORG_WORDS, TOP_ORG, _is_date_text, people_after

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_LABELLED = re.compile(r"\b(?:tel|phone|mobile|cell|téléphone|telefono)[\w/]*\s*[:.]?\s*(\+?[\d()][\d\s().+-]{6,}\d)", re.I)
PHONE = re.compile(r"(\(?\+\d{1,3}\)?[\s.-]?\d[\d\s.-]{6,}\d)")
URL = re.compile(r"\b(?:https?://[^\s|,;)]+|www\.[^\s|,;)]+|[\w-]+(?:\.[\w-]+)*\.(?:github\.io|com|org|net|edu|io|me|ai|site|page)(?:/[^\s|,;)]*)?)", re.I)
URL_LABEL = re.compile(r"\b(?:web|website|homepage|home page|url|site)\s*:\s*(\S+)", re.I)


def parse_contact(text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    email = EMAIL.search(text)
    m = PHONE_LABELLED.search(text) or PHONE.search(text)
    phone = None
    if m:
        raw = m.group(1).strip()
        phone = re.sub(r"[()]", "", raw)
        phone = re.sub(r"\s+", " ", phone).strip()
    url = None
    lm = URL_LABEL.search(text)
    if lm:
        url = lm.group(1).strip(" |,;")
    else:
        for u in URL.finditer(EMAIL.sub(" ", text)):
            url = u.group(0)
            break
    return (email.group(0) if email else None), phone, url


# degrees and post-nominals after the owner's name in a CV's header
_DEGREES_AFTER = re.compile(
    r"(?:\s*,?\s*\b(?:Ph\.?\s?D|M\.?D|D\.?Phil|M\.?Sc|M\.?S|M\.?A|MBA|MPH|MBBS|B\.?Sc|Pharm\.?D|DVM|DDS|J\.?D|"
    r"P\.?E|FRCPC?|FRCS|FACS|FRS|MRCP|Dr\.?\s?rer\.?\s?nat|habil)\.?(?![\w.]))+\s*$")


def parse_header(lines: list[CLine], owner: Optional[str]) -> Person:
    p = Person()
    for c in lines:
        if c.blank:
            continue
        t = c.text
        if p.name is None and not owner:
            cand = re.sub(r"\s*[(（][^)）]*[)）]\s*", " ", t).strip()
            cand = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", cand)).strip()  # HTML tags are markup, not name
            cand = _DEGREES_AFTER.sub("", cand)  # "Ingrid T. Halvorsen, MD, PhD"
            if looks_like_name(cand, NAME_TOO) and not EMAIL.search(t) and len(cand.split()) <= 5:
                p.name, p.line, p.page = cand, c.line, c.page
                for alt in re.findall(r"[(（]([^)）]+)[)）]", t):
                    if has_cjk(alt) or looks_like_name(alt):
                        p.alternate_names.append(alt.strip())
                continue
        email, phone, url = parse_contact(t)
        p.email = p.email or email
        p.telephone = p.telephone or phone
        p.url = p.url or url
    if owner:
        p.name = owner
    if p.name:
        from ..names import display_name

        disp = display_name(p.name, reorder=False)  # the form as written stays the owner's name
        if disp != p.name:
            p.alternate_names.insert(0, p.name)
            p.name = disp
    return p


_PAREN_DATES = re.compile(r"\s*[(\[]([^()\[\]]*\d{4}[^()\[\]]*)[)\]]\s*$")
_TRAIL_DATES = re.compile(r"(?:\s*[,–—-]\s*|\s+)((?:(?:[A-Z][a-z]{2,8}\.?\s*)?(?:19|20)\d\d(?:\.\d{1,2})?(?:\s*[,&–-]\s*)?)+)\s*$")


def _is_date_line(t: str) -> bool:
    return bool(re.fullmatch(r"[\s,.&\-–~/]*(?:(?:[A-Za-z]{3,9}\.?\s*)?(?:19|20)\d\d(?:\.\d{1,2})?[\s,.&\-–~/]*)+", t))


_LEAD_YEARS = re.compile(r"^((?:19|20)\d\d(?:\s*[,&–-]\s*(?:19|20)\d\d)*)\s+(?=[A-Z])")
_LEAD_DATE = re.compile(r"^((?:[A-Za-zéûÉ]{3,9}\.?\s+)?(?:19|20)\d\d(?:\s*[–-]\s*(?:(?:19|20)\d\d|\d\d)(?!\d))?)\s*[:–—-]\s+(?=\S)")


def _date_column(c: CLine, t: str):
    """(dates, rest): a date written in its own column, before or after the name ('juin 2021      Prix …',
    'Stanford Graduate Fellowship        2015'), or after the last comma ('…, 08/2019')."""
    cols = c.columns or ([x.strip() for x in re.split(r"\s+\|\s+", t)] if " | " in t else [])
    if len(cols) >= 2:
        if _is_date_text(cols[-1]):
            return parse_dates(cols[-1]), " ".join(cols[:-1])
        if _is_date_text(cols[0]):
            return parse_dates(cols[0]), " ".join(cols[1:])
    tail: list[str] = []
    head = t
    while True:
        h, sep, last = head.rpartition(",")
        if not (sep and h.strip() and _is_date_text(last)):
            break
        tail.insert(0, last)
        head = h
    if tail:
        m = re.search(r"\s((?:19|20)\d\d)$", head)  # "award 2021, 2022, 2024"
        if m:
            tail.insert(0, m.group(1))
            head = head[: m.start()]
        return parse_dates(", ".join(tail)), head
    m = _LEAD_DATE.match(t)
    if m and _is_date_text(m.group(1)):
        return parse_dates(m.group(1)), t[m.end():]
    m = _LEAD_YEARS.match(t)
    if m:
        return parse_dates(m.group(1)), t[m.end():]
    return [], t


def parse_awards(lines: list[CLine]) -> list[Award]:
    """
    >>> [(a.name, a.dates) for a in parse_awards([clean("- Best Poster Award, Brazilian School of Probability, 08/2019"),
    ...     clean("juin 2021      Prix du meilleur stage"), clean("Stanford Graduate Fellowship        2015")])]
    [('Best Poster Award, Brazilian School of Probability', ['2019-08']), ('Prix du meilleur stage', ['2021-06']), ('Stanford Graduate Fellowship', ['2015'])]
    """
    out: list[Award] = []
    for c in lines:
        t = c.text.strip()
        if not t:
            continue
        if out and _is_date_line(t):
            if not out[-1].dates:
                out[-1].dates = parse_dates(t)
            continue
        dates, t = _date_column(c, t)
        dates = list(dict.fromkeys(dates))
        t = t.strip()
        if dates:
            name = t.strip(" ,;–-")
            if name:
                out.append(Award(name, dates, c.page, c.line))
            continue
        m = _PAREN_DATES.search(t)
        if m:
            dates, t = parse_dates(m.group(1)), t[: m.start()]
        else:
            m = _TRAIL_DATES.search(t)
            if m and re.search(r"[,–—-]\s*[^,–—-]*$", t[: m.end()]) and (t[m.start()] in ",–—-" or t[m.start():].lstrip()[0:1] in ",–—-"):
                dates, t = parse_dates(m.group(1)), t[: m.start()]
        name = t.strip(" ,;–-")
        if name:
            out.append(Award(name, dates, c.page, c.line))
    for a in out:
        if not a.dates:
            a.dates = [str(y) for y in YEAR_RE.findall(a.name)][-1:]
    return out


TAUGHT = re.compile(r"\b(?:taught by|instructors?|lecturers?|with|under)\s*:?\s*(?:prof(?:essor)?\.?|dr\.?)?\s*", re.I)
TEACH_ROLE = re.compile(
    r"(?:(?:head|senior|graduate|undergraduate|lead|chief|co-?|guest|recitation|lab|laboratory|course|student)\s+)*"
    r"(?:teaching assistant(?:ship)?|teaching fellow|TA|GSI|tutor|grader|instructor|lecturer|course assistant|demonstrator|"
    r"co-instructor|assistant|chargée? de (?:td|tp|cours)|chargée? d'enseignement|moniteur|monitrice|ater|"
    r"ayudante(?: de cátedra)?|tutorial leader|teacher|professor|übungsleiter(?:in)?|tutor(?:in)?)", re.I)
_INSTRUCTOR = re.compile(
    r"\b(?:taught by|under(?: the supervision of)?|with)\s+(?=(?:prof(?:essor)?|dr)\.?\s|[A-Z])"
    r"|\b(?:instructors?|lecturers?|professors?(?: in charge)?|teachers?|responsables? du cours|responsable|"
    r"enseignante? responsable|course (?:leader|coordinator|instructor)|profesora?|dozent(?:in)?)\s*[:：]\s*"
    r"|\b(?:instructors?|lecturers?)\s+(?=(?:prof(?:essor)?|dr)\.?\s)"
    r"|(?<=\()\s*(?=(?:prof(?:essor)?|dr)\.?\s+[A-Z])", re.I)
_TERM = re.compile(r"\b(?:19|20)\d\d\b|\b(?:spring|summer|fall|autumn|winter|semesters?|terms?|quarters?|trimesters?|"
                   r"semestres?|printemps|automne|hiver|été|wintersemester|sommersemester|ws|ss)\b", re.I)


def _names_run(s: str):
    """(names, end): the people named at the start of s ('Prof. A Roe and B Li), Org' → ['A Roe', 'B Li'])."""
    names, end, pos = [], 0, 0
    for m in re.finditer(r"\s*(,|;|\(|\)|&|\band\b|\bet\b|\.\s|$)\s*", s):
        part = s[pos: m.start()]
        if m.group(1).startswith(".") and re.fullmatch(r"\s*(?:prof|professor|dr|hab|mgr|assoc|asst)", part, re.I):
            continue  # "Prof. A Roe": the title's full stop
        n = _HONORIFIC.sub("", clean_name(part)).strip()
        if not n or not n[0].isupper() or not looks_like_name(n) or ORG_WORDS.search(n) or len(n.split()) > 4:
            break
        names.append(n)
        end = m.start()
        pos = m.end()
        if m.group(1) not in (",", "&", "and", "et") or m.end() >= len(s):
            break
    return names, end


def _take_instructors(t: str):
    """(names, text without them): 'X (lecturer: dr A Roe)', 'X. Responsable du cours : A Roe', 'X (Prof. A Roe)'."""
    for m in _INSTRUCTOR.finditer(t):
        names, end = _names_run(t[m.end():])
        if not names:
            continue
        a, b = m.start(), m.end() + end
        if re.search(r"\(\s*$", t[:a]) and re.match(r"\s*\)", t[b:]):
            a = t[:a].rstrip().rfind("(")
            b = b + re.match(r"\s*\)", t[b:]).end()
        return names, (t[:a] + " " + t[b:]).strip()
    return [], t


def _teach_role(seg: str):
    """(role, course) when a segment is a teaching role, possibly with its course ('TA for Algorithms')."""
    m = re.fullmatch(rf"({TEACH_ROLE.pattern})(?:\s+(?:for|of|in|de|en|pour)\s+(.+))?", seg.strip(), re.I)
    if not m:
        return None
    return m.group(1), m.group(m.lastindex) if m.lastindex and m.lastindex > 1 and m.group(m.lastindex) != m.group(1) else None


def parse_teaching(lines: list[CLine]) -> list[Teaching]:
    """Courses taught, with the role, the instructor, the organization and the term.

    >>> t = parse_teaching([clean("- Teaching assistant, Quantum Optics Laboratory, University of Warsaw, 2017–2020 (lecturer: dr Anna Kowalczyk)")])[0]
    >>> t.course, t.role, t.instructors, t.organization, t.term
    ('Quantum Optics Laboratory', 'Teaching assistant', ['Anna Kowalczyk'], 'University of Warsaw', '2017–2020')
    >>> t = parse_teaching([clean("EE 364A Convex Optimization I, Stanford University      Winter 2017"),
    ...                     clean("Teaching Assistant (Instructor: Prof. Olivia Hartmann)")])
    >>> [(x.course, x.role, x.instructors, x.organization, x.term) for x in t]
    [('EE 364A Convex Optimization I', 'Teaching Assistant', ['Olivia Hartmann'], 'Stanford University', 'Winter 2017')]
    """
    out: list[Teaching] = []
    group_role = None
    body = [c for c in lines if not c.blank]
    for i, c in enumerate(body):
        t = re.sub(r"^\s*\d+[.)]\s+", "", c.text.strip())
        names, rest = _take_instructors(t)
        lead = TAUGHT.match(t) or re.match(r"(?:taught by|instructors?|lecturers?|responsables? du cours)\b", t, re.I)
        role_only = _teach_role(rest.strip(" ,.;")) if rest.strip(" ,.;") else None
        if out and (lead or (not rest.strip(" ,.;") and names)) and out[-1].line == body[i - 1].line:
            # a continuation line: "Taught by Professor X, Org, Term"
            cur = out[-1]
            cur.instructors = cur.instructors or names
            for p in [x.strip() for x in re.split(r",|;", rest)][1 if lead and not names else 0:]:
                if not p or p.lower().startswith(("taught by", "instructor", "lecturer")):
                    continue
                if ORG_WORDS.search(p) and not cur.organization:
                    cur.organization = p
                elif _TERM.search(p):
                    cur.term = p if not cur.term else cur.term + ", " + p
            continue
        if role_only and role_only[1] is None:
            nxt = body[i + 1] if i + 1 < len(body) else None
            if nxt is not None and nxt.bullet and not c.bullet:
                group_role = role_only[0]  # "Teaching Assistant" over a list of courses
                continue
            if out and out[-1].role is None and out[-1].line == body[i - 1].line:
                out[-1].role = role_only[0]  # "Course, Org    Term" then "Teaching Assistant (Instructor: X)"
                out[-1].instructors = out[-1].instructors or names
                continue
        term = None
        if len(c.columns) >= 2:
            for col in (c.columns[0], c.columns[-1]):
                if _is_date_text(col) or (_TERM.search(col) and len(col.split()) <= 4):
                    term = col
                    names2, rest = _take_instructors(re.sub(r"^\s*\d+[.)]\s+", "", " ".join(x for x in c.columns if x is not col)))
                    names = names or names2
                    break
        role, course, org = None, None, None
        terms = [term] if term else []
        for seg in [x.strip(" .") for x in re.split(r"\s*[,;|]\s*(?![^()]*\))|\.\s+", rest)]:
            lead = _LEAD_TERM.match(seg)
            if lead and seg[lead.end():].strip():  # "2021 Graduate teaching assistant in Genetics"
                terms.append(lead.group(1).strip())
                seg = seg[lead.end():].strip()
            if not seg:
                continue
            r = _teach_role(seg)
            if r and role is None:
                role = r[0]
                course = course or r[1]
            elif _TERM.search(seg) and len(seg.split()) <= 4:
                terms.append(seg)
            elif course is None:
                course = seg
            elif org is None and ORG_WORDS.search(seg):
                org = seg
        if course and not re.match(r"^[\w\s-]{2,30}:\s*\d", course):  # not "Undergraduate: 2 courses"
            out.append(Teaching(course, names, org, ", ".join(terms) or None, role or group_role, c.page, c.line))
    return out


_LEAD_TERM = re.compile(r"^((?:(?:spring|summer|fall|autumn|winter)\s*,?\s*)?(?:19|20)\d\d(?:\s*[-–/~]\s*(?:19|20)?\d\d)?"
                        r"(?:\s*(?:spring|summer|fall|autumn|winter))?)\s*[:–—-]?\s+(?=[A-Za-z])", re.I)


def _parse_teaching_unused(lines: list[CLine]) -> list[Teaching]:
    out: list[Teaching] = []
    for c in lines:
        t = re.sub(r"^\s*\d+[.)]\s+", "", c.text.strip())
        if not t:
            continue
        m = TAUGHT.search(t)
        if m and (m.start() == 0 or t[: m.start()].strip(" ,(") == ""):
            # a continuation line: "Taught by Professor X, Org, Term"
            if not out:
                continue
            rest = t[m.end():]
            parts = [p.strip() for p in rest.split(",")]
            cur = out[-1]
            cur.instructors = people_after(parts[0]) if parts else []
            for p in parts[1:]:
                if ORG_WORDS.search(p) and not cur.organization:
                    cur.organization = p
                elif re.search(r"\d{4}|spring|fall|autumn|winter|summer|semester|term", p, re.I):
                    cur.term = p if not cur.term else cur.term + ", " + p
            continue
        course, instructors, org, term = t, [], None, None
        if m:
            course = t[: m.start()].strip(" ,(–-")
            instructors = people_after(t[m.end():])
        parts = [p.strip() for p in course.split(",")]
        if len(parts) > 1:
            course = parts[0]
            for p in parts[1:]:
                if ORG_WORDS.search(p):
                    org = p
                elif re.search(r"\d{4}|spring|fall|autumn|winter|summer|semester|term", p, re.I):
                    term = p
        course = re.sub(r"^(?:teaching assistant|ta|tutor|grader)\s*(?:for|of|,|:|-)\s*", "", course, flags=re.I)
        if course:
            out.append(Teaching(course.strip(" ,;"), instructors, org, term, None, c.page, c.line))
    return out


_VENUE_TOKEN = re.compile(r"([A-Za-z][A-Za-z&\-]*(?:\s+[A-Z][A-Za-z&\-]*)*)\s*'?((?:19|20)\d\d)?")


REVIEW_LABEL = re.compile(
    r"\b(?:(?:ad[- ]hoc|journal|conference|external|invited|occasional|regular|paper|manuscript)\s+)*"
    r"(?:reviewer|referee|reviewing|refereeing|relect(?:eur|rice|ure)s?|rapporteur|gutachter(?:in)?|revisor(?:a)?|"
    r"(?:technical )?program committee(?: member)?|pc member|review(?=\s*(?:for\b|:)))s?\b"
    r"(?:\s+(?:service\s+)?(?:for|of|at|in|pour|de|para|für))?(?:\s+the\s+following(?:\s+\w+)?)?\s*(?:\(\w+\))?\s*[:：,]?\s*",
    re.I)
_SMALL = {"of", "and", "the", "on", "for", "in", "&", "de", "des", "du", "la", "le", "et", "y", "a", "an", "at"}
_NOT_VENUE = re.compile(r"\b(organi[sz](?:er|ing|ed)|chair|member|committee|mentor|volunteer|judge|session|council|"
                        r"department|university|seminar|club|served|student)\b", re.I)


def _title_case(seg: str) -> bool:
    words = [w for w in re.split(r"\s+", seg.strip()) if w]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words) and words[0][0].isupper()


_VENUE_END = r"(?:Letters|Review|Reviews|Journal|Express|Reports|Proceedings|Transactions|Research|Science|Nature|" \
             r"Communications|Physics|Chemistry|Biology|Economics|Statistics|Econometrica|Medicine|Annals)"
_VENUE_START = r"(?:Journal|Proceedings|Transactions|IEEE|ACM|Annals|International|Conference|Nature|Science|Physical|" \
               r"Review|Reviews|Letters|American|European|Quarterly)\b"


def _split_venues(text: str) -> list[str]:
    """'A, B and C' → ['A', 'B', 'C'] (an 'and' inside a name such as 'Transactions on X and Y' stays)."""
    out = []
    for seg in re.split(r"\s*[,;]\s*(?![^()]*\))", text):
        seg = re.sub(r"^(?:and|&)\s+", "", seg.strip(" ."))
        parts = re.split(r"\s+and\s+(?=[A-Z])", seg)
        if len(parts) == 2 and not re.search(r"\b(?:on|of|for|in)\b", parts[0]) and all(p[:1].isupper() for p in parts) \
                and (len(parts[1].split()) >= 2 or re.fullmatch(r"[A-Z]{2,6}", parts[1])) and (re.search(r"(?:\b[A-Z]{1,6}|\b" + _VENUE_END + r")$", parts[0])
                     or re.match(r"(?:[A-Z]{2,6}\b|" + _VENUE_START + r")", parts[1])):
            out.extend(parts)
        elif seg:
            out.append(seg)
    return out


def _years(text: str) -> list[int]:
    """'2021–2024' → [2021, 2022, 2023, 2024]; '2022, 2023' → [2022, 2023]."""
    ys: list[int] = []
    for m in re.finditer(r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d|present|now))?", text, re.I):
        a = int(m.group(1))
        b = m.group(2)
        rng = [a] if not b or not b[:1].isdigit() else list(range(a, int(b) + 1))
        ys.extend(y for y in rng if y not in ys)
    return ys


def parse_reviewing(lines: list[CLine]) -> list[Review]:
    """Venues reviewed for, with years.

    >>> [(r.venue, r.years) for r in parse_reviewing([clean("Referee: MNRAS (2021–2024), ApJ (2023)")])]
    [('MNRAS', [2021, 2022, 2023, 2024]), ('ApJ', [2023])]
    >>> [(r.venue, r.years) for r in parse_reviewing([clean("- Referee for Physical Review A and Optics Express")])]
    [('Physical Review A', []), ('Optics Express', [])]
    >>> [r.venue for r in parse_reviewing([clean("Econometrica, Journal of Econometrics, Review of Economic Studies")])]
    ['Econometrica', 'Journal of Econometrics', 'Review of Economic Studies']
    """
    out: dict[str, Review] = {}
    order: list[str] = []
    body = [c for c in lines if not c.blank]
    labelled = any(REVIEW_LABEL.search(c.text) for c in body)
    listing = True  # unlabelled venue lists: only those that open the section, one after the other
    for c in body:
        t = c.text
        m = REVIEW_LABEL.search(t)
        if m:
            rest = t[m.end():]
        elif labelled or not listing:
            continue
        else:
            listing = False
            # a section of bare venue lists ("Refereeing: Econometrica, Journal of …")
            segs = _split_venues(re.sub(r"\([^)]*\)|\b(?:19|20)\d\d\b", "", t))
            if len(segs) < 2 or _NOT_VENUE.search(t) or not all(_title_case(x) and len(x.split()) <= 8 for x in segs if x) \
                    or (len(segs) < 3 and not any(re.search(r"\b[A-Z]{3,}\b", x) or re.search(
                        r"journal|review|transactions|letters|conference|proceedings", x, re.I) for x in segs)):
                continue
            rest = t
            listing = True
        cur = None
        for seg in _split_venues(rest):
            seg = seg.strip(" .")
            if not seg:
                continue
            pm = re.fullmatch(r"(.*?)\s*\(([^()]*\d{4}[^()]*)\)", seg)
            if pm:  # "MNRAS (2021–2024)"
                cur = pm.group(1).strip() or cur
                if cur:
                    r = out.setdefault(cur.lower(), Review(cur, [], c.page, c.line))
                    if cur.lower() not in order:
                        order.append(cur.lower())
                    r.years.extend(y for y in _years(pm.group(2)) if y not in r.years)
                continue
            ym = re.fullmatch(r"(?:(.*?)\s*)?'?((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?", seg)
            if ym:
                name = (ym.group(1) or "").strip()
                years = [int(ym.group(2))] + ([int(ym.group(3))] if ym.group(3) else [])
                if ym.group(3):
                    years = list(range(int(ym.group(2)), int(ym.group(3)) + 1))
                if name:
                    cur = name
                if cur:
                    r = out.setdefault(cur.lower(), Review(cur, [], c.page, c.line))
                    if cur.lower() not in order:
                        order.append(cur.lower())
                    r.years.extend(y for y in years if y not in r.years)
            elif re.match(r"[A-Z]", seg) and len(seg.split()) <= 8:
                cur = re.sub(r"\s*\(.*$", "", seg).strip()
                if cur.lower() not in out:
                    out[cur.lower()] = Review(cur, [], c.page, c.line)
                    order.append(cur.lower())
    return [out[k] for k in order]


KNOWN_SKILLS = ["PyTorch", "TensorFlow", "JAX", "Keras", "Megatron", "DeepSpeed", "FlashAttention", "Python", "C++",
                "CUDA", "Triton", "Julia", "MATLAB", "Java", "JavaScript", "Rust", "Go", "SQL", "Spark", "Hadoop", "Docker",
                "Kubernetes", "Git", "LaTeX", "Scikit-learn", "scikit-learn", "Pandas", "NumPy", "Stata", "SAS", "SPSS",
                "Fortran", "Haskell", "OCaml", "Linux", "AWS", "GCP", "HuggingFace", "Hugging Face"]


def parse_skills(lines: list[CLine]) -> list[str]:
    out: list[str] = []
    for c in lines:
        t = c.text.strip()
        if not t:
            continue
        if ":" in t:
            label, _, t = t.partition(":")
            if re.search(r"\b(language|english|toefl|gre|ielts|proficiency)\b", label, re.I):
                continue
        parts = [p.strip(" .") for p in re.split(r"\s*[,;]\s*|\s+\|\s+", t) if p.strip(" .")]
        if parts and all(len(p.split()) <= 4 for p in parts):
            out.extend(p for p in parts if p not in out)
        else:
            for s in KNOWN_SKILLS:
                if re.search(rf"(?<![\w]){re.escape(s)}(?![\w])", t) and s not in out:
                    out.append(s)
    return out
