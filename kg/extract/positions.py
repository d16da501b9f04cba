"""Education and employment entries.

>>> e = parse_education_text("University of Michigan Ph.D. student, Department of Statistics Advisor: Prof. Wei Hu and Prof. Yixin Wang | Ann Arbor, U.S. 2022 - present", ["Ann Arbor, U.S."])
>>> e.organization, e.degree, e.unit, e.start, e.end, e.location, e.advisors
('University of Michigan', 'Ph.D. student', 'Department of Statistics', '2022', None, 'Ann Arbor, U.S.', ['Wei Hu', 'Yixin Wang'])
>>> j = parse_job_text("Google Research Student Researcher Host: Hrayr Harutyunyan | New York May.2025 - Oct.2025", ["New York"])
>>> j.organization, j.role, j.hosts, j.start, j.end, j.location
('Google Research', 'Student Researcher', ['Hrayr Harutyunyan'], '2025-05', '2025-10', 'New York')
>>> parse_job_text("Simons Institute, UC Berkeley Visiting Student Researcher Program: Modern Paradigms | Hybrid Aug - Nov.2024", ["Hybrid"]).visit
True
>>> parse_job_text("Cubist Systematic Strategies, LLC Quantitative Research Intern").organization
'Cubist Systematic Strategies, LLC'
>>> j = parse_job_text("Research Scientist, Google DeepMind, London, 2020 - present")
>>> j.organization, j.role, j.start
('Google DeepMind', 'Research Scientist', '2020')
"""
from __future__ import annotations

import re
from typing import Optional

from ..names import clean_name
from ..records import Education, Employment
from .dates import find_range
from .lines import CLine

ORG_WORDS = re.compile(
    r"\b(universit\w*|universida(d|de)|institu\w*|college|school|academy|polytechnic|politecnico|"
    r"ecole|école|escuela|hochschule|eth|epfl|mit|caltech|ucla|ucsd|cmu|kaist|laborator(y|ies)|labs?|"
    r"research|centre|center|foundation|hospital|inc\.?|llc|ltd\.?|gmbh|corp(oration)?|company|"
    r"securities|trading|capital|technologies|google|microsoft|meta|amazon|apple|openai|deepmind|nvidia|ibm|"
    r"baidu|alibaba|tencent|bytedance|huawei|cnrs|inria|max planck|nasa|national)\b",
    re.I,
)
DEGREE = re.compile(
    r"(?<![\w.])(ph\.?\s?d\.?|d\.?phil\.?|doctor(ate)?( of [a-z ]+)?|doctorat|doctorado|bachelor('?s)?( of [a-z ]+)?|"
    r"master('?s)?( of [a-z ]+)?|maîtrise|licence|licenciatura|diploma|diplôme|dipl\.|b\.?\s?sc?\.?|m\.?\s?sc?\.?|"
    r"b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng\.?|m\.?\s?eng\.?|b\.?\s?tech\.?|m\.?\s?tech\.?|mba|m\.?\s?phil\.?|"
    r"m\.?d\.?|j\.?d\.?|ll\.?m\.?|abd|undergraduate|graduate student|visiting student|exchange student|"
    r"postgraduate|mres|a\.?b\.?|s\.?b\.?|s\.?m\.?)(?![\w])",
    re.I,
)
ROLE_HEAD = r"(interns?|internship|researchers?|scientists?|engineers?|professors?|fellows?|postdoc(toral)?( fellow| researcher| scholar)?|" \
            r"lecturers?|instructors?|assistants?|associates?|analysts?|developers?|directors?|managers?|consultants?|" \
            r"students?|scholars?|head|chair|lead|officers?|visitors?|members?|traders?|economists?|editors?|" \
            r"technicians?|coordinators?|partners?|founders?|co-founder|cto|ceo|principal investigator|pi|" \
            r"maître de conférences|chargé de recherche|doctorant|ata?er|postdoctorant|investigador|profesor|ayudante)"
ROLE_WORDS = {
    "student", "visiting", "research", "senior", "junior", "graduate", "undergraduate", "postdoctoral", "software",
    "data", "teaching", "assistant", "associate", "summer", "applied", "principal", "staff", "quantitative",
    "machine", "learning", "lead", "chief", "head", "full", "adjunct", "doctoral", "phd", "ph.d.", "master's",
    "engineering", "product", "ai", "ml", "deep", "postdoc", "post-doctoral", "tenure-track", "clinical", "visiting",
    "intern", "researcher", "scientist", "engineer", "professor", "fellow", "lecturer", "instructor", "analyst",
    "developer", "director", "manager", "consultant", "scholar", "trader", "economist", "editor", "member", "of",
    "and", "computer", "science", "statistics", "technical", "program", "project", "team", "algorithm", "hardware",
    "systems", "core", "infrastructure", "quant", "algorithmic", "investment", "strategy", "distinguished",
    "emeritus", "honorary", "guest", "invited", "lab", "group", "r&d", "nlp", "vision", "robotics", "intern,",
}
ORG_SUFFIX = {"research", "institute", "university", "llc", "inc", "inc.", "ltd", "ltd.", "labs", "lab", "ai",
              "securities", "trading", "group", "company", "corporation", "center", "centre", "laboratory",
              "foundation", "gmbh", "technologies", "capital", "deepmind", "partners", "college", "school"}
PEOPLE_LABEL = re.compile(
    r"\b(?P<label>advis[oe]rs?|co-advis[oe]rs?|supervis(?:ed by|ors?)|directeur(?:s)? de thèse|directed by|"
    r"under the supervision of|mentors?|hosts?|hosted by|manager|working with|work with|with)\s*[:：]?\s*",
    re.I,
)
NON_JOB_LABEL = re.compile(r"\b(program|project|thesis|dissertation|topic|gpa|ranking|overall gpa|courses?)\s*:", re.I)


def people_after(label_text: str) -> list[str]:
    """'Prof. Wei Hu and Prof. Yixin Wang' → ['Wei Hu', 'Yixin Wang']."""
    t = re.split(r"\s*(?:\||;|\(|\)|\bprogram\b\s*:|\bthesis\b\s*:|\btopic\b\s*:)", label_text, flags=re.I)[0]
    parts = re.split(r"\s*(?:,|\band\b|&|/|\bet\b)\s*", t)
    out = []
    for p in parts:
        n = clean_name(p)
        n = re.sub(r"^(?:prof|professor|dr)\.?\s+", "", n, flags=re.I)
        if n and re.match(r"[A-Z\u00c0-\u024f\u3400-\u9fff]", n) and len(n.split()) <= 5:
            out.append(n)
    return out


def _split_people(text: str):
    """Remove 'Advisor: X and Y' parts; return (rest, {"advisor"|"host": names})."""
    found: dict[str, list[str]] = {}
    pos = 0
    while True:
        m = PEOPLE_LABEL.search(text, pos)
        if not m:
            break
        lab = m.group("label").lower()
        if lab in ("with", "work with", "working with") and not re.match(r"(?:prof|dr)\.?\s", text[m.end():], re.I):
            pos = m.end()
            continue
        names = people_after(text[m.end():])
        if not names:
            pos = m.end()
            continue
        key = "host" if lab.startswith(("mentor", "host", "manager", "with", "work")) else "advisor"
        found.setdefault(key, []).extend(names)
        tail = text[m.end():]
        cut = re.search(r"\s*(?:\||;|\bprogram\b\s*:|\bthesis\b\s*:|$)", tail, re.I)
        text = (text[: m.start()] + " " + tail[cut.start():]).strip()
        pos = m.start()
    return text, found


def _dates(text: str):
    r = find_range(text)
    if not r:
        return text, None, None, False
    (a, b), start, end, expected = r
    text = (text[:a] + " " + text[b:]).strip()
    text = re.sub(r"\(\s*(expected|anticipated)?\s*\)", "", text, flags=re.I).strip()
    return text, start, end, expected


def _location(text: str, italics: list[str]):
    for it in italics:
        if it and it in text and not re.search(r"\b(department|school|faculty|institute|college|program)\b", it, re.I):
            i = text.rfind(it)  # the place is written after the organization ("University of Toronto … | Toronto")
            return (text[:i] + " " + text[i + len(it):]).strip(), it.strip(" ,")
    return text, None


def _unit(text: str, italics: list[str]):
    m = re.search(r"((?:Department|Dept\.?|School|Faculty|Division|Institute|Laboratory|Lab|Center|Centre|"
                  r"Graduate School|College) (?:of|for) [A-Z][\w&' -]*?)(?=\s*(?:\||,|Advisor|Supervisor|$|\s{2}|;))",
                  text)
    if m:
        unit = m.group(1).strip(" ,")
        return (text[: m.start()] + " " + text[m.end():]).strip(), unit
    return text, None


def _tidy(s: Optional[str]) -> Optional[str]:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s).strip(" ,;|–-:")
    return s or None


def parse_education_text(text: str, italics=(), line=None, page=None) -> Education:
    text, people = _split_people(text)
    text, start, end, expected = _dates(text)
    text, location = _location(text, list(italics))
    text, unit = _unit(text, list(italics))
    cols = [c.strip() for c in text.split("|")]
    main = cols[0]
    if location is None and len(cols) > 1:
        location = _tidy(" ".join(cols[1:]))
    org, degree = None, None
    m = DEGREE.search(main)
    if m:
        before, after = main[: m.start()].strip(" ,–-"), main[m.start():]
        if before and ORG_WORDS.search(before):
            org, degree = before, after
        else:
            # "Ph.D. in Statistics, Stanford University" or "Ph.D. in CS at IIIS"
            segs = [s.strip() for s in re.split(r",|\s[–—-]\s|\bat\b", after)]
            orgseg = next((s for s in segs[1:] if ORG_WORDS.search(s)), None)
            if orgseg:
                org = orgseg
                degree = after[: after.find(orgseg)].strip(" ,–-")
                if before:
                    degree = before + " " + degree
            else:
                org, degree = (before or None), after
    else:
        org = main
    if degree:
        degree = degree.strip(" ;,")
        m2 = re.search(r"\s+at\s+(?P<u>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s*(?:\((?P<note>[^)]*)\))?[\s;,]*$", degree)
        if m2 and not unit:
            unit = m2.group("u")
            degree = degree[: m2.start()]
        degree = re.sub(r"\s*\([^)]*\)\s*$", "", degree)
        degree = re.sub(r",\s*$", "", degree)
    return Education(organization=_tidy(org), degree=_tidy(degree), unit=_tidy(unit), start=start, end=end,
                     expected=expected, location=_tidy(location), advisors=people.get("advisor", []),
                     page=page, line=line)


def split_org_role(text: str) -> tuple[Optional[str], Optional[str]]:
    """'Google Research Student Researcher' → ('Google Research', 'Student Researcher')."""
    segs = [s.strip() for s in re.split(r"\s*,\s*|\s+[–—-]\s+", text) if s.strip()]
    if len(segs) >= 2:
        roles = [s for s in segs if re.search(rf"\b{ROLE_HEAD}\b", s, re.I) and not ORG_WORDS.search(s.split()[-1])
                 and all(w.lower() in ROLE_WORDS or re.fullmatch(ROLE_HEAD, w, re.I) for w in s.split())]
        orgs = [s for s in segs if s not in roles]
        if roles and orgs and re.search(rf"\b{ROLE_HEAD}$", roles[0], re.I) and len(segs) <= 4:
            orgs_main = [o for o in orgs if ORG_WORDS.search(o)] or orgs[:1]
            if segs.index(roles[0]) < segs.index(orgs_main[0]) or len(roles[0].split()) <= 4:
                if all(len(o.split()) <= 6 for o in orgs_main):
                    return orgs_main[0], roles[0]
    words = text.split()
    if words and all(w.lower().strip(",.") in ROLE_WORDS or re.fullmatch(ROLE_HEAD + r"[,.]?", w, re.I) for w in words):
        return None, _tidy(text)
    heads = [i for i, w in enumerate(words) if re.fullmatch(ROLE_HEAD + r"[,.]?", w, re.I)]
    if not heads:
        return _tidy(text), None
    h = heads[-1]
    cands = []
    p = h
    while p > 0 and words[p - 1].lower().strip(",") in ROLE_WORDS and not words[p - 1].endswith(","):
        p -= 1
        cands.append(p)
    cands = [h] + cands if h > 0 else cands
    cands = sorted(set(c for c in cands if c > 0))
    if not cands:
        return None, _tidy(" ".join(words[: h + 1]))
    choice = next((c for c in cands if words[c - 1].lower().strip(",") in ORG_SUFFIX), None)
    if choice is None:
        choice = cands[0]
    return _tidy(" ".join(words[:choice])), _tidy(" ".join(words[choice: h + 1]) + (" " + " ".join(words[h + 1:]) if h + 1 < len(words) else ""))


def parse_job_text(text: str, italics=(), line=None, page=None) -> Employment:
    text, people = _split_people(text)
    text = re.split(r"\s*\b(?:program|project|topic)\s*:", text, flags=re.I)[0] + (
        " | " + text.split("|", 1)[1] if "|" in text and re.search(r"\b(?:program|project|topic)\s*:", text.split("|")[0], re.I) else "")
    text, start, end, expected = _dates(text)
    text, location = _location(text, list(italics))
    cols = [c.strip() for c in text.split("|")]
    main = cols[0]
    if location is None and len(cols) > 1:
        location = _tidy(" ".join(cols[1:]))
    main, unit = _unit(main, [])
    main = re.sub(r"\s*,\s*,", ",", main).strip(" ,")
    org, role = split_org_role(main)
    if role and location is None:
        # "Research Scientist, Google DeepMind, London": a trailing place after the organization
        segs = [s.strip() for s in main.split(",")]
        if org and org in segs and segs.index(org) + 1 < len(segs):
            rest = segs[segs.index(org) + 1:]
            if all(len(s.split()) <= 3 and not ORG_WORDS.search(s) and s != role for s in rest):
                location = ", ".join(rest)
    visit = bool(role and re.search(r"\bvisit(ing|or)?\b", role, re.I))
    return Employment(organization=_tidy(org), role=_tidy(role), unit=_tidy(unit), start=start, end=end, location=_tidy(location),
                      hosts=people.get("host", []) + people.get("advisor", []), visit=visit, page=page, line=line)


def _entries(lines: list[CLine], starts) -> list[list[CLine]]:
    body = [c for c in lines if not c.blank]
    if body and all(c.bullet or c.indent > body[0].indent for c in body) and sum(c.bullet for c in body) >= 1:
        # a plain list: each top-level bullet is one entry (deeper lines continue it)
        top = min(c.indent for c in body if c.bullet)
        entries: list[list[CLine]] = []
        for c in body:
            if c.bullet and c.indent <= top or not entries:
                entries.append([_unbullet(c)])
            else:
                entries[-1].append(c)
        return entries
    entries = []
    for c in body:
        if c.cells or not entries or starts(c, entries[-1]):
            entries.append([c])
        else:
            entries[-1].append(c)
    return entries


def _unbullet(c: CLine) -> CLine:
    from dataclasses import replace

    return replace(c, bullet=False)


def _has_range(t: str) -> bool:
    return find_range(t) is not None


def parse_education(lines: list[CLine]) -> list[Education]:
    def starts(c: CLine, cur: list[CLine]) -> bool:
        if c.bullet:
            return False
        has_org = any(ORG_WORDS.search(x.text) and not x.bullet for x in cur)
        has_deg = any(DEGREE.search(x.text) and not x.bullet for x in cur)
        if ORG_WORDS.search(c.text) and not DEGREE.match(c.text) and has_org and (has_deg or _has_range(" ".join(x.text for x in cur))):
            return True
        if DEGREE.match(c.text) and has_deg:
            return True
        return False

    out = []
    for e in _entries(lines, starts):
        if e[0].cells:
            text = " | ".join(e[0].cells)
            italics = e[0].italic
        else:
            non_bullets = [x.text for x in e if not x.bullet]
            bullets = [x.text for x in e if x.bullet]
            text = " ".join(non_bullets)
            extra = " ; ".join(b for b in bullets if PEOPLE_LABEL.match(b))
            if extra:
                text += " ; " + extra
            italics = [i for x in e for i in x.italic]
        ed = parse_education_text(text, italics, e[0].line, e[0].page)
        if ed.organization or ed.degree:
            out.append(ed)
    return out


def parse_employment(lines: list[CLine]) -> list[Employment]:
    def starts(c: CLine, cur: list[CLine]) -> bool:
        if c.bullet or c.indent > 2:
            return False
        heads = [x for x in cur if not x.bullet]
        return _has_range(c.text) and len(heads) >= 1 and (
            _has_range(" ".join(x.text for x in heads)) or len(heads) >= 2)

    out = []
    for e in _entries(lines, starts):
        if e[0].cells:
            text, italics = " | ".join(e[0].cells), e[0].italic
        else:
            heads = [x for x in e if not x.bullet]
            if not heads:
                continue
            if len(heads) >= 2 and not re.search(rf"\b{ROLE_HEAD}\b", heads[0].text, re.I):
                # "Org  dates" then "Role" on the next line
                text = heads[0].text + ", " + heads[1].text
            else:
                text = heads[0].text
            people = [x.text for x in e if PEOPLE_LABEL.match(x.text)]
            if people:
                text += " ; " + " ; ".join(people)
            italics = [i for x in e for i in x.italic]
        if not (_has_range(text) or re.search(rf"\b{ROLE_HEAD}\b", text, re.I)):
            continue
        job = parse_job_text(text, italics, e[0].line, e[0].page)
        if job.organization or job.role:
            out.append(job)
    return out
