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

from ..names import clean_name, has_cjk, looks_like_name
from ..records import Award, Person, Review, Teaching
from .dates import YEAR_RE, parse_dates
from .lines import CLine, clean
from .positions import ORG_WORDS, people_after

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


def parse_header(lines: list[CLine], owner: Optional[str]) -> Person:
    p = Person()
    for c in lines:
        if c.blank:
            continue
        t = c.text
        if p.name is None and not owner:
            cand = re.sub(r"\s*[(（][^)）]*[)）]\s*", " ", t).strip()
            if looks_like_name(cand) and not EMAIL.search(t) and len(cand.split()) <= 5:
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

        disp = display_name(p.name)
        if disp != p.name:
            p.alternate_names.insert(0, p.name)
            p.name = disp
    return p


_PAREN_DATES = re.compile(r"\s*[(\[]([^()\[\]]*\d{4}[^()\[\]]*)[)\]]\s*$")
_TRAIL_DATES = re.compile(r"(?:\s*[,–—-]\s*|\s+)((?:(?:[A-Z][a-z]{2,8}\.?\s*)?(?:19|20)\d\d(?:\.\d{1,2})?(?:\s*[,&–-]\s*)?)+)\s*$")


def _is_date_line(t: str) -> bool:
    return bool(re.fullmatch(r"[\s,.&\-–~/]*(?:(?:[A-Za-z]{3,9}\.?\s*)?(?:19|20)\d\d(?:\.\d{1,2})?[\s,.&\-–~/]*)+", t))


def parse_awards(lines: list[CLine]) -> list[Award]:
    out: list[Award] = []
    for c in lines:
        t = c.text.strip()
        if not t:
            continue
        if out and _is_date_line(t):
            if not out[-1].dates:
                out[-1].dates = parse_dates(t)
            continue
        dates = []
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


def parse_teaching(lines: list[CLine]) -> list[Teaching]:
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


def parse_reviewing(lines: list[CLine]) -> list[Review]:
    out: dict[str, Review] = {}
    order: list[str] = []
    for c in lines:
        t = c.text
        m = re.search(r"\b(?:reviewer|referee|review(?:ing)?|program committee|pc member)\b[^:]*?(?:\bof\b|\bfor\b|:)\s*", t, re.I)
        if not m:
            continue
        cur = None
        for seg in re.split(r"\s*[,;]\s*", t[m.end():]):
            seg = seg.strip(" .")
            if not seg:
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
                cur = re.sub(r"\s*\(.*$", "", seg)
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
