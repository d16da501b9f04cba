"""Section headings in many spellings and languages.

>>> [classify(h) for h in ["PUBLICATIONS AND PREPRINTS", "HONERS & AWARDS", "TEACHING ASSISTANT EXPERIENCES",
...  "INDUSTRY EXPERIENCE", "Selected Publications", "Formation", "SERVICES", "RESEARCH INTERESTS"]]
['publications', 'awards', 'teaching', 'employment', 'publications', 'education', 'service', 'other']
>>> [classify(h) for h in ["Work in Progress", "Prix et distinctions", "Relectures", "Refereeing", "Journal Referee"]]
['publications', 'awards', 'service', 'service', 'service']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..names import NAME_TOO, looks_like_name
from .lines import CLine

# order matters: the first kind whose pattern matches wins
KINDS = [
    ("teaching", r"teaching|courses? taught|enseignement|docencia|lehre|tutor(ing)?"),
    ("talks", r"talks?|presentations?|seminars?|posters?|conférences invitées|exposés|invited lectures?|conference contributions"),
    ("publications", r"publications?|papers?|preprints?|articles?|manuscripts?|working papers?|under review|"
                     r"technical reports?|book chapters?|books?|proceedings|journal|conference|bibliography|"
                     r"research output|selected works|writings|publicaciones|veröffentlichungen|"
                     r"peer[- ]reviewed|in preparation|submitted|thesis|theses|dissertation|work(s)? in progress|"
                     r"research in progress|prépublications?|travaux en cours|monographs?|edited volumes?|forthcoming|"
                     r"in press|encyclopedia entries|translations|essays"),
    ("education", r"education|academic background|degrees?|formation|qualifications?|studies|estudios|ausbildung|"
                  r"academic training|schooling|parcours"),
    ("awards", r"awards?|hono(u)?rs?|honers|prizes?|scholarships?|fellowships?|distinctions?|grants?|funding|prix|premios|achievements"),
    ("service", r"services?|review(ing|er)?s?|referee(ing)?|professional activities|academic service|editorial|"
                r"program committee|service activities|peer review|relectures?|arbitrages?|gutachtertätigkeit|"
                r"revisiones|évaluation d'articles"),
    ("skills", r"skills?|competences|compétences|technical|programming|languages?|tools|software|computer"),
    ("employment", r"experiences?|employment|positions?|appointments?|work|career|internships?|jobs?|"
                   r"professional|research experience|industry|expérience|experiencia|berufserfahrung|affiliations?"),
    ("contact", r"contact|personal (data|information|details)"),
    ("other", r"research interests?|interests?|summary|profile|objective|about( me)?|references|referees|"
              r"activities|outreach|memberships?|misc(ellaneous)?|other|supervision|mentoring|students?|"
              r"research statement|research|languages|hobbies|media|press|patents?|software|projects?"),
]
_KIND_RE = [(k, re.compile(rf"\b(?:{p})\b", re.I)) for k, p in KINDS]
# the document's title above the owner's name: part of the header, not a section
_CV_TITLE = re.compile(r"(?:academic\s+)?(?:curriculum\s+vit(?:a|ae|æ)|c\.?\s?v\.?|r[ée]sum[ée]|lebenslauf|hoja de vida|"
                       r"curr[íi]culum(?:\s+vitae)?)", re.I)
_OTHER_HEAD = re.compile(r"(?:patents?(?: and [a-z]+)?|software|media(?: coverage)?|press|outreach|memberships?|"
                         r"professional memberships?|supervision|mentoring|projects?|research projects|references|referees)",
                         re.I)
_HEAD_WORDS = re.compile(
    r"^[\W\d]*(?:(?:selected|recent|other|refereed|peer[- ]reviewed|journal|conference|academic|professional|"
    r"research|industry|work|teaching|invited|and|&|of|in|the|de|et|y|und|[a-z]+)\s*[,&/]?\s*){1,7}[\W]*$",
    re.I,
)


HEAD_VOCAB = set("""education experience experiences employment publications publication selected recent journal journals
articles article conference conferences papers paper preprints preprint teaching awards award honors honours honor
and & of in the professional research academic service services skills talks presentations grants funding positions
appointments work peer-reviewed refereed working under review submitted manuscripts books book chapters chapters
proceedings invited other fellowships scholarships prizes reviewing activities technical reports report patents
software formation expérience enseignement parcours compétences distinctions publicaciones educación experiencia
industry internships interests languages theses thesis dissertation current previous refereeing referee
et de des du y und prix relectures relecture prépublications soumis conférences conférence revues distinctions
progress honours monograph monographs edited volume volumes forthcoming reviews accepted press encyclopedia entries
translations essays""".split())


def classify(heading: str) -> str:
    h = re.sub(r"[^\w&/ ]+", " ", heading).strip()
    if re.search(r"\binterests?\b", h, re.I):
        return "other"
    if re.search(r"\bwork(s)? in progress\b|\bresearch in progress\b", h, re.I):
        return "publications"
    if re.search(r"\b(referee(ing)?s?|reviewer(s)?|reviewing|refereeing|relectures?)\b", h, re.I) \
            and not re.search(r"\bunder review\b", h, re.I):
        return "service"  # "Journal Referee", "Conference Reviewing"
    if re.search(r"\b(publications?|papers?|articles?|proceedings|preprints?|manuscripts?|book chapters?)\b", h, re.I) \
            and not re.search(r"\b(talks?|presentations?|posters?)\b", h, re.I) or \
            re.search(r"\bproceedings\b", h, re.I):
        return "publications"
    for kind, rx in _KIND_RE:
        if rx.search(h):
            return kind
    return "other"


def is_heading(c: CLine, prev_blank: bool = True, next_blank: bool = True) -> bool:
    """Is this line a section heading?"""
    t = c.text.strip().rstrip(":")
    if not t or len(t) > 60 or c.bullet or c.cells:
        return False
    if re.search(r"[.;,]$|\d{4}|@|https?:", t) or t.count(",") > 1:
        return False
    words = t.split()
    if len(words) > 7:
        return False
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", re.sub(r"\s*\([^)]*\)$", "", t))  # 'TALKS (selected)'
    t_core = re.sub(r"\s*\((?:selected|recent|since \d{4}|[^)]{0,20})\)$", "", t)
    vocab_only = all(w.lower().strip(":&,/()") in HEAD_VOCAB | {""} for w in words)
    if c.heading_mark and not re.match(r"\s*#", c.raw) and not vocab_only and \
            (not next_blank and (len(words) >= 5 or classify(t) == "other") or len(words) > 5 and classify(t) == "other"):
        return False  # a bold line that runs on into the next ("**Title**" over its authors): an entry, not a heading
    if c.heading_mark:
        return True
    if letters and letters.isupper() and len(letters) >= 4:
        # 'AAAI-25', 'ICML 2023 (Oral)' on a line of their own are venues, not headings
        return classify(t) != "other" or (len(words) <= 4 and not re.search(r"\d", t))
    # a short line made only of heading words ("Publications", "Honors and Awards"), blank lines or not
    low = [w.lower().strip(":&,") for w in t_core.split()]
    if len(words) <= 5 and t[0].isupper() and all(w in HEAD_VOCAB or not w for w in low) and classify(t) != "other":
        return True
    # a lone line that only names a section outside the CV's lists ("Patents", "Software", "Outreach")
    if prev_blank and next_blank and len(words) <= 3 and t[0].isupper() and _OTHER_HEAD.fullmatch(t_core):
        return True
    # Title Case headings: only when they name a known section
    if (prev_blank or next_blank) and t[0].isupper() and classify(t) != "other" and len(words) <= 5 \
            and "(" not in t:
        low = sum(1 for w in words if w[0].islower() and w.lower() not in ("and", "of", "in", "the", "&", "de", "et"))
        return low == 0 and not re.search(r"\b(university|institute|college)\b", t, re.I)
    return False


@dataclass
class Section:
    kind: str
    title: str
    line: int
    lines: list[CLine] = field(default_factory=list)


def split_sections(lines: list[CLine]) -> tuple[list[CLine], list[Section]]:
    """(header lines before the first heading, sections)."""
    header: list[CLine] = []
    sections: list[Section] = []
    for i, c in enumerate(lines):
        prev_blank = i == 0 or lines[i - 1].blank
        next_blank = i + 1 >= len(lines) or lines[i + 1].blank
        if is_heading(c, prev_blank, next_blank):
            kind = classify(c.text)
            if not sections and kind == "other" and (looks_like_name(c.text, NAME_TOO) or _CV_TITLE.fullmatch(c.text.strip(" :"))):
                header.append(c)  # "ZHIWEI XU": the owner's name in capitals, not a heading
                continue
            if sections and kind == "other" and looks_like_name(c.text) and not c.text.strip().isupper() \
                    and len(c.text.split()) >= 2 and not _OTHER_HEAD.fullmatch(c.text.strip().rstrip(":")):
                sections[-1].lines.append(c)  # "**Du Zeng**" alone: the author line of a one-author paper
                continue
            # a heading that is only a sub-heading of publications ("Journal Articles")
            if sections and sections[-1].kind == "publications" and kind == "publications" and not c.text.isupper() \
                    and not c.heading_mark:
                sections[-1].lines.append(c)
                continue
            sections.append(Section(kind, c.text.strip().rstrip(":"), c.line))
            continue
        (sections[-1].lines if sections else header).append(c)
    return header, sections
