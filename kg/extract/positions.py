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
    r"research|centre|center|foundation|hospital|bank|agency|ministry|council|museum|observatory|bureau|clinic|inc\.?|llc|ltd\.?|gmbh|corp(oration)?|company|"
    r"securities|trading|capital|technologies|google|microsoft|meta|amazon|apple|openai|deepmind|nvidia|ibm|"
    r"baidu|alibaba|tencent|bytedance|huawei|cnrs|inria|max planck|nasa|national|ens|normale|cnr|csic|conicet|"
    r"universitat|universität|università|universiteit|uniwersytet)\b",
    re.I,
)
DEGREE = re.compile(
    r"(?<![\w.])(ph\.?\s?d\.?|d\.?phil\.?|dr\.?\s?(?:rer\.?\s?(?:nat|pol|oec|soc)|phil|sc|techn|med|-ing)\.?(?:\s?(?:nat|techn)\.?)?|doctor(ate)?( of [a-z ]+)?|doctorat|doctorado|bachelor('?s)?( of [a-z ]+)?|"
    r"master('?s)?( of [a-z ]+)?|maîtrise|licence|licenciatura|diploma|diplôme|dipl\.|b\.?\s?sc?\.?|m\.?\s?sc?\.?|"
    r"b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng\.?|m\.?\s?eng\.?|b\.?\s?tech\.?|m\.?\s?tech\.?|mba|m\.?\s?phil\.?|"
    r"m\.?d\.?|j\.?d\.?|ll\.?m\.?|abd|undergraduate|graduate student|visiting student|exchange student|"
    r"postgraduate|mres|a\.?b\.?|s\.?b\.?|s\.?m\.?)(?![\w])",
    re.I,
)
ROLE_HEAD = r"(interns?|internship|researchers?|scientists?|engineers?|professors?|fellows?|postdoc(toral)?( fellow| researcher| scholar)?|" \
            r"lecturers?|instructors?|assistants?|associates?|analysts?|developers?|directors?|managers?|consultants?|" \
            r"students?|scholars?|head|chair|lead|officers?|visitors?|members?|traders?|economists?|editors?|affiliates?|" \
            r"technicians?|coordinators?|partners?|founders?|co-founder|cto|ceo|principal investigator|pi|" \
            r"maître de conférences|chargée? de recherche|chargée? de td|chargée? de cours|doctorante?|ata?er|postdoctorante?|" \
            r"investigadora?|profesora?|ayudante|stagiaire|chercheu(?:r|se)|ingénieure?|enseignante?|attachée?|becari[oa]|" \
            r"pasante|praktikant(?:in)?|mitarbeiter(?:in)?|doktorand(?:in)?)"
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
    "dissertation", "faculty", "part-time", "full-time", "(part-time)", "(full-time)", "de", "recherche", "wissenschaftlicher", "wissenschaftliche",
}
ORG_SUFFIX = {"research", "institute", "university", "llc", "inc", "inc.", "ltd", "ltd.", "labs", "lab", "ai",
              "securities", "trading", "group", "company", "corporation", "center", "centre", "laboratory",
              "foundation", "gmbh", "technologies", "capital", "deepmind", "partners", "college", "school"}
PEOPLE_LABEL = re.compile(
    r"\b(?P<label>advis[oe]rs?|co-advis[oe]rs?|supervis(?:ed by|ors?)|co-supervisors?|"
    r"(?:directeur|directrice|directeurs|directrices|direction) de thèse|directed by|"
    r"(?:thesis |dissertation )?committee(?=\s*[:：])|encadrante?s?|tuteur|tutrice|betreuer(?:in)?|"
    r"under the supervision of|mentors?|hosts?|hosted by|manager|working with|work with|with)\s*[:：]?\s*",
    re.I,
)
NON_JOB_LABEL = re.compile(r"\b(program|project|thesis|dissertation|topic|gpa|ranking|overall gpa|courses?)\s*:", re.I)


_ROLE_NOTE = re.compile(r"\s*\((?:co-?)?(?:chair|advis[oe]r|supervisor|director|main|primary|principal|external|"
                        r"member|committee member|reader)\)", re.I)
_HONORIFIC = re.compile(r"^(?:(?:prof|professor|professeure?|dr|drs|hab|habil|ing|mgr|ir|doc|assoc|asst|ass)\.?\s+)+", re.I)


def people_after(label_text: str) -> list[str]:
    """'Prof. Wei Hu and Prof. Yixin Wang' → ['Wei Hu', 'Yixin Wang'].

    >>> people_after("prof. dr hab. Tomasz Zieliński"), people_after("Prof. A Roe (chair), Prof. B Li")
    (['Tomasz Zieliński'], ['A Roe', 'B Li'])
    """
    label_text = _ROLE_NOTE.sub("", label_text)  # "Prof. A (chair), Prof. B"
    t = re.split(r"\s*(?:\||;|\(|\)|\.\s+(?=[\w-]+(?:\s[\w-]+)?\s*[:：])|\bprogram\b\s*:|\bthesis\b\s*:|\btopic\b\s*:)", label_text, flags=re.I)[0]
    parts = re.split(r"\s*(?:,|\band\b|&|/|\bet\b)\s*", t)
    out = []
    for p in parts:
        n = clean_name(p)
        n = _HONORIFIC.sub("", n)
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
        opened = text[: m.start()].count("(") > text[: m.start()].count(")")  # "(host: Dr. X)": the ")" ends it
        cut = re.search(r"\s*(?:\||;|\bprogram\b\s*:|\bthesis\b\s*:|$)" + (r"|\s*\)" if opened else ""), tail, re.I)
        text = re.sub(r"\(\s*\)", "", (text[: m.start()] + " " + tail[cut.start():])).strip()
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
    for m in re.finditer(r"((?:Department|Dept\.?|School|Faculty|Division|Institute|Laboratory|Lab|Center|"
                         r"Centre|Graduate School|College) (?:of|for) [A-Z][\w&' -]*?)(?=\s*(?:\||,|Advisor|Supervisor|$|\s{2}|;|·))",
                         text):
        if m.group(1).startswith(("Institute", "College")) and re.search(r"[A-Z][\w.-]*\s+$", text[: m.start()]):
            continue  # "Massachusetts Institute of Technology": part of the organization's name
        break
    else:
        m = None
    if m:
        unit = m.group(1).strip(" ,")
        return (text[: m.start()] + " " + text[m.end():]).strip(), unit
    return text, None


def _tidy(s: Optional[str]) -> Optional[str]:
    if not s:
        return None
    s = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", re.sub(r"\(\s*\)", "", s))).strip(" ,;|–—-:·(")
    if re.search(r"(?<=[a-zà-ÿ]{3})\.$", s) and not re.search(r"\b(?:inc|ltd|corp|co)\.$", s, re.I):
        s = s[:-1]  # a full stop ends the sentence, not an abbreviation ("Paris." but "U.S.", "Inc.")
    s = s.strip(" ,;|–—-:·(")
    return s if s and s != "." else None


_SEP = re.compile(r"\s+[·•—]\s+|\s*·\s*")
UNIT_START = re.compile(r"^(?:Department|Dept\.?|School|Faculty|Division|Institute|Laboratory|Lab|Center|Centre|"
                        r"Graduate School|College of|Group|Team|Équipe|équipe|Département|Faculté|Institut|Laboratoire|"
                        r"École doctorale|Instituto|Facultad|Departamento|Fakultät|Lehrstuhl)\b")
TOP_ORG = re.compile(r"\b(universit\w*|universidad\w*|universität|college|polytechnic|politecnico|institute of technology|"
                     r"academy of sciences|academia|"
                     r"inc\.?|llc|ltd\.?|gmbh|corp(oration)?|company|max planck|inria|cnrs|ens|école|ecole)\b", re.I)


def _lead_cells(cols: list[str]) -> list[str]:
    """Table cells whose first cell held only the dates ('| 2012 – 2015 | PhD in X | University Y |'): the
    other cells are the entry (places go after it).

    >>> _lead_cells(["", "PhD in X", "University Y", "Brest"])
    ['PhD in X, University Y', 'Brest']
    """
    if len(cols) < 2 or cols[0].strip(" ,;"):
        return cols
    rest = [c for c in cols[1:] if c.strip(" ,;")]
    main = [c for c in rest if not all(_place_like(p.strip()) for p in c.split(","))] or rest[:1]
    return [", ".join(main)] + [c for c in rest if c not in main] if rest else cols


def _normalize_seps(text: str) -> str:
    """'Org — Role, Place · 2019' → 'Org, Role, Place, 2019' (middle dots and dashes between parts).

    >>> _normalize_seps("Nubank — Senior Data Scientist, São Paulo · Since 2021")
    'Nubank, Senior Data Scientist, São Paulo, Since 2021'
    >>> _normalize_seps("Tokyo, Japan 1991.09 — 1995.06")
    'Tokyo, Japan 1991.09 – 1995.06'
    """
    # a dash between two dates is a range, not a separator: '1991.09 — 1995.06', '2008 — present'
    text = _DATE_DASH.sub(r"\1 – ", text)
    return _SEP.sub(", ", text)


_DATE_DASH = re.compile(r"(\b\d{4}(?:[./-]\d{1,2})?|\b\d{1,2}[./]\d{4})\s+—\s+"
                        r"(?=(?:[^\W\d_]{3,9}\.?\s+)?\d{4}|\d{1,2}[./]\d{4}|present|now|current|today|ongoing|aujourd|heute|"
                        r"actualidad)", re.I)


def _place_like(seg: str) -> bool:
    """A short place name ('Kraków', 'Buenos Aires', 'Stanford, CA')."""
    if re.fullmatch(r"[A-Z]{2}", seg.strip()):
        return True  # a state or country code ("MA", "CA")
    words = seg.split()
    return 1 <= len(words) <= 3 and not ORG_WORDS.search(seg) and not DEGREE.search(seg) and \
        not re.search(rf"\b{ROLE_HEAD}\b|\d", seg, re.I) and all(w[:1].isupper() or w in ("de", "del", "am", "sur") for w in words)


_FIELD = re.compile(
    r"(?:(?:and|of|in|&|the|for|with|(?:applied|pure|theoretical|computational|quantitative|political|public|"
    r"cognitive|molecular|biomedical|electrical|electronic|mechanical|civil|chemical|industrial|aerospace|nuclear|"
    r"environmental|atmospheric|earth|ocean|materials|computer|data|information|software|machine|artificial|"
    r"mathematical|statistical|financial|natural|social|health|life)|"
    r"(?:engineering|sciences?|physics|mathematics|maths?|statistics|economics|biology|chemistry|medicine|"
    r"psychology|linguistics|philosophy|history|sociology|finance|management|business|law|neuroscience|"
    r"informatics|automation|learning|intelligence|systems|operations|research|bioengineering|geology|geophysics|"
    r"astronomy|astrophysics|energy|genetics|ecology|evolution|policy|education|architecture|design|arts?|music|"
    r"literature|electronics|telecommunications?|communications?|robotics|technology|studies|computing|analytics|"
    r"biostatistics|epidemiology|pharmacy|nursing|accounting|marketing|humanities|anthropology|geography))\s*)+",
    re.I)


def parse_education_text(text: str, italics=(), line=None, page=None) -> Education:
    """One degree.

    >>> e = parse_education_text("MSc in Physics, Jagiellonian University, Kraków, 2014–2016")
    >>> e.organization, e.degree, e.location, e.start, e.end
    ('Jagiellonian University', 'MSc in Physics', 'Kraków', '2014', '2016')
    >>> e = parse_education_text("PhD, Electrical Engineering and Computer Sciences, Stanford, CA, 2002 – 2007")
    >>> e.organization, e.degree, e.location
    ('Stanford', 'PhD, Electrical Engineering and Computer Sciences', 'CA')
    >>> e = parse_education_text("Doctorat en informatique, Université Paris-Saclay, Laboratoire Interdisciplinaire des Sciences du Numérique (LISN), Orsay")
    >>> e.organization, e.degree, e.unit, e.location
    ('Université Paris-Saclay', 'Doctorat en informatique', 'Laboratoire Interdisciplinaire des Sciences du Numérique (LISN)', 'Orsay')
    """
    text = _normalize_seps(text)
    text, people = _split_people(text)
    text, start, end, expected = _dates(text)
    text, location = _location(text, list(italics))
    text, unit = _unit(text, list(italics))
    cols = _lead_cells([c.strip() for c in text.split("|")])
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
            cands = [s for s in segs[1:] if ORG_WORDS.search(s)]
            tops = [s for s in cands if TOP_ORG.search(s) and not UNIT_START.match(s)]
            orgseg = (tops or cands or [None])[0]
            if orgseg:
                org = orgseg
                degree = after[: after.find(cands[0])].strip(" ,–-")
                if unit is None and cands[0] != orgseg:  # "…, Institute of X, Chinese Academy of Sciences"
                    unit = cands[0]
                if before:
                    degree = before + " " + degree
                # after the organization: its unit, then the place ("…, University, Lab X, Orsay")
                places = []
                for seg in segs[segs.index(orgseg) + 1:]:
                    if not seg:
                        continue
                    if unit is None and not places and UNIT_START.match(seg):
                        unit = seg
                    elif _place_like(seg):
                        places.append(seg)
                    else:
                        break
                if location is None and places:
                    location = ", ".join(places)
            else:
                # no organization word: the first capitalised part after the degree that is not a field
                # of study ("B.Sc. in Physics, Oxford", "PhD, Electrical Engineering, Stanford")
                rest = [x for x in segs[1:] if x and x[0].isupper() and not _FIELD.fullmatch(x)
                        and not re.search(r"\d", x) and len(x.split()) <= 6]
                if rest and not before:
                    org = rest[0]
                    degree = after[: after.find(rest[0])].strip(" ,–-")
                    tail = segs[segs.index(rest[0]) + 1:]
                    if location is None and tail and all(_place_like(x) for x in tail if x):
                        location = ", ".join(x for x in tail if x) or None
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
        degree = re.sub(r"\s*\((?![A-Z0-9&.\- ]{2,10}\))[^)]*\)\s*$", "", degree)  # a note, not an acronym "(MVA)"
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


def _is_role(seg: str) -> bool:
    """'Senior Data Scientist', 'Assistant Professor of Economics', 'Associate Researcher (part-time)',
    'Stagiaire de recherche' — a job title, not an organization.

    >>> [_is_role(x) for x in ["Assistant Professor of Economics", "Stagiaire de recherche", "Google Research", "Visiting researcher"]]
    [True, True, False, True]
    """
    s = re.sub(r"\s*\([^)]*\)\s*$", "", seg).strip()
    if not s or TOP_ORG.search(s) or len(s.split()) > 8:
        return False
    for cand in (s, re.sub(r"\s+(?:of|in|for|de|en|du|des)\s+\S.*$", "", s)):
        m = re.search(rf"(?:^|\s){ROLE_HEAD}$", cand, re.I)
        if m and all(w.lower() in ROLE_WORDS or re.fullmatch(ROLE_HEAD, w, re.I) for w in cand[: m.start()].split()):
            return True
    return False


def _split_segments(main: str):
    """(org, role, unit, location) from 'Role, Org, Unit, Place' in any order, or None when there is no
    comma-separated job title to anchor on."""
    segs = [x.strip() for x in re.split(r"\s*,\s*(?![^()]*\))|\s+[–—]\s+", main)]
    segs = [x for x in segs if x and re.search(r"\w", x)]
    if len(segs) < 2:
        return None
    roles = [x for x in segs if _is_role(x)]
    if not roles:
        return None
    role = roles[0]
    others = [x for x in segs if x is not role and x != role]
    orgish = [x for x in others if ORG_WORDS.search(x) or UNIT_START.match(x)]
    if orgish:
        tops = [x for x in orgish if TOP_ORG.search(x) and not UNIT_START.match(x)]
        org = (tops or [x for x in orgish if not UNIT_START.match(x)] or orgish)[:1][0]
    else:
        org = next((x for x in others if not _place_like(x) or others.index(x) == 0), None)
        if org is None:
            return None
    if len(org.split()) > 12:
        return None
    rest = [x for x in others if x != org]
    unit = next((x for x in rest if UNIT_START.match(x)), None) or next((x for x in rest if ORG_WORDS.search(x)), None)
    places = [x for x in rest if x != unit and _place_like(x)]
    return org, role, unit, (", ".join(places) if places else None)


def parse_job_text(text: str, italics=(), line=None, page=None) -> Employment:
    """One job.

    >>> j = parse_job_text("Nubank — Senior Data Scientist, São Paulo · Since 2021")
    >>> j.organization, j.role, j.location, j.start, j.end
    ('Nubank', 'Senior Data Scientist', 'São Paulo', '2021', None)
    >>> j = parse_job_text("Visiting researcher, Max Planck Institute for the Science of Light, Erlangen, Oct 2022 – Mar 2023 (host: Dr. Lena Hoffmann)")
    >>> j.organization, j.role, j.location, j.start, j.end, j.hosts, j.visit
    ('Max Planck Institute for the Science of Light', 'Visiting researcher', 'Erlangen', '2022-10', '2023-03', ['Lena Hoffmann'], True)
    """
    text = _normalize_seps(text)
    text, people = _split_people(text)
    text = re.split(r"\s*\b(?:program|project|topic)\s*:", text, flags=re.I)[0] + (
        " | " + text.split("|", 1)[1] if "|" in text and re.search(r"\b(?:program|project|topic)\s*:", text.split("|")[0], re.I) else "")
    text, start, end, expected = _dates(text)
    if start is None and end is not None and not expected:
        start = end  # a job dated by one year or month ("2018", "Summer 2018") began and ended then
    text, location = _location(text, list(italics))
    cols = _lead_cells([c.strip() for c in text.split("|")])
    main = cols[0]
    if location is None and len(cols) > 1:
        location = _tidy(" ".join(cols[1:]))
    main, unit = _unit(main, [])
    main = re.sub(r"\s*,\s*,", ",", main).strip(" ,.:;")
    seg = _split_segments(main)
    if seg:
        org, role, unit2, loc2 = seg
        unit = unit or unit2
        location = location or loc2
    else:
        org, role = split_org_role(main)
    if role and location is None and not seg:
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
    if body and sum(c.bullet for c in body) >= 1 and (
            all(c.bullet or c.indent > body[0].indent for c in body)
            or body[0].bullet and sum(c.bullet for c in body) >= 2 and not any(
                _has_range(c.text) for c in body if not c.bullet and c.indent <= body[0].indent)):
        # a plain list: each top-level bullet is one entry; deeper lines continue it, and so do lines
        # without dates under a bullet (markdown's lazy continuation: '- Ph.D., …' / 'Committee: …')
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


_DATE_WORDS = re.compile(r"\b(?:expected|anticipated|prévue?|present|présent|current|now|today|since|from|until|depuis|"
                         r"desde|seit|spring|summer|fall|autumn|winter|été|printemps|automne|hiver|semester|term|"
                         r"actuellement|en cours)\b|[()\s,.;:–—~/-]", re.I)


def _is_date_text(t: str) -> bool:
    """Is t only a date or a date range ('2015 – 2020', 'sept. 2021 – présent', 'Winter 2017')?

    >>> [_is_date_text(x) for x in ["2015 – 2020", "Jun 2018 – Sep 2018", "Stanford, CA", "Ph.D. 2019"]]
    [True, True, False, False]
    """
    r = find_range(t)
    if not r:
        return False
    (a, b), *_ = r
    return not _DATE_WORDS.sub("", t[:a] + t[b:])


def _starts_with_date(c: CLine) -> bool:
    """A line that opens with its dates ('sept. 2019 – juin 2021    Master 2 …')."""
    if c.columns:
        return _is_date_text(c.columns[0])
    r = find_range(c.text)
    return bool(r) and r[0][0] == 0 and r[0][1] < len(c.text)


def _column_text(e: list[CLine]) -> Optional[str]:
    """An entry laid out in columns (PDF and plain-text CVs): the main part of each line on the left joined
    by ', ', the other columns (places) after ' | ', the dates last and people labels after ' ; '.
    None when no line of the entry has columns.

    >>> from .lines import clean
    >>> _column_text([clean("Stanford University          2015 – 2020"), clean("Ph.D., Electrical Engineering     Stanford, CA")])
    'Stanford University, Ph.D., Electrical Engineering | Stanford, CA | 2015 – 2020'
    """
    rows = [x for i, x in enumerate(e) if i == 0 or not x.bullet]
    if not any(x.columns for x in rows):
        return None
    left, right, dates, people = [], [], [], []
    for x in rows:
        if not x.columns and PEOPLE_LABEL.match(x.text):
            people.append(x.text)
            continue
        main = None
        for col in x.columns or [x.text]:
            if _is_date_text(col):
                dates.append(col)
            elif main is None:
                main = col
                left.append(col)
            elif all(_place_like(p.strip()) for p in col.split(",")):
                right.append(col)  # a place in the right-hand column ("Stanford, CA")
            else:
                left[-1] = left[-1] + ", " + col
    text = ", ".join(left) + "".join(" | " + r for r in right) + "".join(" | " + d for d in dates)
    return text + (" ; " + " ; ".join(people) if people else "")


def parse_education(lines: list[CLine]) -> list[Education]:
    def starts(c: CLine, cur: list[CLine]) -> bool:
        if c.bullet:
            return False
        if _starts_with_date(c) and _has_range(" ".join(x.text for x in cur)):
            return True
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
        elif _column_text(e) is not None:
            text = _column_text(e)
            extra = " ; ".join(x.text for x in e[1:] if x.bullet and PEOPLE_LABEL.match(x.text))
            if extra:
                text += " ; " + extra
            italics = [i for x in e for i in x.italic]
        else:
            # labelled lines under the entry ('Dissertation: "…"', 'Thesis: …') are not its organization
            non_bullets = [x.text for i, x in enumerate(e) if not x.bullet and not (i and (NON_JOB_LABEL.match(x.text) or PEOPLE_LABEL.match(x.text)))]
            bullets = [x.text for i, x in enumerate(e) if x.bullet or i and PEOPLE_LABEL.match(x.text)]
            text = _join_entry_lines(non_bullets)
            extra = " ; ".join(b for b in bullets if PEOPLE_LABEL.match(b))
            if extra:
                text += " ; " + extra
            italics = [i for x in e for i in x.italic]
        ed = parse_education_text(text, italics, e[0].line, e[0].page)
        if ed.organization or ed.degree:
            out.append(ed)
    return out


def _join_entry_lines(texts: list[str]) -> str:
    """The lines of one entry as one text: a new line is a new part ('PhD, Computer Science' over
    'University of Amsterdam'), unless the line before ends mid-phrase or the next goes on in lower case."""
    out = ""
    for t in texts:
        t = t.strip()
        if not out:
            out = t
        elif re.search(r"(?:[,;:(&–-]|\b(?:and|of|in|for|the|at|de|des|du|en|y|und|für))$", out) or t[:1].islower():
            out = f"{out} {t}"
        else:
            out = f"{out}, {t}"
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
        elif _column_text(e) is not None:
            text, italics = _column_text(e), [i for x in e for i in x.italic]
        else:
            heads = [x for x in e if not x.bullet]
            if not heads:
                continue
            if len(heads) >= 2 and not re.search(rf"\b{ROLE_HEAD}\b", heads[0].text, re.I):
                # "Org  dates" then "Role" on the next line
                text = heads[0].text + ", " + heads[1].text
            else:
                text = heads[0].text
                sub = next((x for x in e[1:] if x.bullet and ORG_WORDS.search(x.text) and not PEOPLE_LABEL.match(x.text)
                            and len(x.text.split()) <= 12), None)
                segs = [x.strip(" :,.–-") for x in re.split(r"[,:;]", _dates(heads[0].text)[0]) if x.strip(" :,.–-")]
                if sub is not None and len(heads) == 1 and segs and all(_is_role(x) for x in segs):
                    text += ", " + sub.text  # "2020 – present: Research Fellow" over "* National Laboratory, City"
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
