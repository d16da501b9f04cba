"""Person names: cleaning, parsing, keys and compatibility.

Shared by extraction (is this string a name?) and resolution (are these two
forms the same person?).

>>> parse_name("Di Stefano, L.")
Name(given=('L',), family='di stefano', initials_only=True)
>>> parse_name("DI STEFANO Luigi")
Name(given=('luigi',), family='di stefano', initials_only=False)
>>> name_key("Zhang Jingzhao") == name_key("ZHANG Jingzhao") == name_key("Jingzhao Zhang")
True
>>> parse_name("Prof. Andrew Chi-Chih Yao").given
('andrew', 'chi', 'chih')
>>> name_key("JingZhao Zhang") == name_key("Jing Zhao Zhang") == name_key("Jingzhao Zhang")
True
>>> compatible("Andrew C Yao", "Andrew Chi-Chih Yao")
True
>>> compatible("Shuning Shang", "Shuting Shen")
False
>>> compatible("Huaqing Zhang", "Huishuai Zhang")
False
>>> compatible("J. Zhang", "Jingzhao Zhang")
True
>>> compatible("Sébastien Ourselin", "S. Ourselin")
True
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

TITLES = {"prof", "professor", "dr", "mr", "mrs", "ms", "sir", "dame", "assoc", "asst", "assistant", "associate", "doctor", "phd"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "jnr", "snr"}
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "lo", "ter", "ten", "bin", "ibn", "al", "el", "st", "mac", "dei", "degli", "zu", "vander", "vanden"}
MARKS = "*†‡#◦§¶✉⁎∗✝¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK_RE = re.compile(r"\[\s*[" + MARKS + r"]+\s*\]|[" + MARKS + r"]|\^\s*[*†‡#]|\(\s*[*†‡#]\s*\)")
_TITLE_RE = re.compile(r"^(?:(?:prof|professor|dr|mr|mrs|ms|assoc|asst)\.?\s+)+", re.I)
# common Chinese (pinyin) and Korean family names: "ZHANG Jingzhao" / "Zhang Jingzhao" put the family name first
CJK_FAMILY = set("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao lu
jiang cui zhong tan lu wan qiu qin shi fan fu bai ge hou mao zou xiong meng qian yin kong xue lei yan hao long duan
kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong jeon ko moon""".split())
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]")


@dataclass(frozen=True)
class Name:
    given: tuple  # folded given-name tokens (initials as single letters, upper-case)
    family: str  # folded family name (particles included, spaces kept)
    initials_only: bool


def fold(s: str) -> str:
    """Accents off, ASCII, lower-case. >>> fold('Sébastien Ö') == 'sebastien o' """
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return anyascii(s).lower()


def marks_of(s: str) -> tuple[str, list[str]]:
    """Split equal-contribution/corresponding marks off a name.

    >>> marks_of("Yixin Wang[◦]")
    ('Yixin Wang', ['◦'])
    >>> marks_of("Roey Magen*")
    ('Roey Magen', ['*'])
    """
    found = []
    for m in _MARK_RE.finditer(s):
        for ch in m.group(0):
            if ch in MARKS and ch not in found:
                found.append(ch)
    return _MARK_RE.sub("", s).strip(" ,;"), found


def clean_name(s: str) -> str:
    """Strip markup, marks and titles, keeping the form as written.

    >>> clean_name("**Zhiwei Xu**")
    'Zhiwei Xu'
    >>> clean_name("Prof. Wei Hu")
    'Wei Hu'
    """
    s = re.sub(r"<[^>]+>|\*\*|__", "", s)
    s, _ = marks_of(s)
    s = _TITLE_RE.sub("", s.strip())
    s = re.sub(r"\s+", " ", s).strip(" ,;:.") if not re.search(r"\b[A-Z]\.$", s.strip()) else re.sub(r"\s+", " ", s).strip(" ,;:")
    return s


def has_cjk(s: str) -> bool:
    return bool(_CJK.search(s))


def _split_given(tok: str) -> list[str]:
    """'Chi-Chih' → ['chi','chih']; 'JingZhao' → ['jing','zhao']; 'J.-P.' → ['J','P']."""
    parts = []
    for p in re.split(r"[-‐‑\s]+", tok):
        if not p:
            continue
        if re.fullmatch(r"(?:[A-Z]\.?)+", p) and (len(p.replace(".", "")) <= 3) and (p.isupper() or "." in p):
            parts.extend(ch for ch in p if ch.isalpha())  # initials, possibly run together "JA"
            continue
        sub = re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])", anyascii(p)) or [p]
        # only split camel case where both halves are syllables (JingZhao), not McDonald
        if len(sub) > 1 and not (len(sub[0]) <= 3 and sub[0] in ("Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "O")):
            parts.extend(x.lower() if len(x) > 1 else x for x in sub)
        else:
            parts.append(fold(p).strip(".") if len(p.strip(".")) > 1 else p.strip(".").upper())
    return parts


@lru_cache(maxsize=200_000)
def parse_name(s: str) -> Name:
    s = clean_name(s)
    s = re.sub(r"\s*\([^)]*\)", "", s)  # "Jing Xu(许靖)" → "Jing Xu"
    s = re.sub(r"\b([A-Z])\.(?=[A-Z][a-z])", r"\1. ", s)  # "Katheryn R.Kolesar"
    if has_cjk(s) and not re.search(r"[A-Za-z]", s):
        # a CJK name: family name first, one character (two for a few compound surnames)
        chars = re.sub(r"\s+", "", s)
        return Name(given=(fold(chars[1:]).replace(" ", ""),), family=fold(chars[:1]).strip(), initials_only=False)
    suffix_re = r",?\s+(?:jr|sr|ii|iii|iv|jnr|snr)\.?$"
    s = re.sub(suffix_re, "", s, flags=re.I)
    if "," in s:
        fam, _, giv = s.partition(",")
        fam_toks, giv_toks = fam.split(), giv.replace(",", " ").split()
    else:
        toks = s.split()
        if len(toks) >= 2 and toks[0].isupper() and len(toks[0]) > 1 and "." not in toks[0] \
                and not all(t.isupper() for t in toks) and not re.fullmatch(r"[A-Z]\.?", toks[0]):
            # "DI STEFANO Luigi", "ZHANG Jingzhao": the upper-case tokens are the family name
            n = 0
            while n < len(toks) and toks[n].isupper() and len(toks[n]) > 1:
                n += 1
            fam_toks, giv_toks = toks[:n], toks[n:]
        elif len(toks) >= 2 and re.fullmatch(r"[A-Z]{1,3}", toks[-1]) and not re.fullmatch(r"[A-Z]\.?", toks[0]) and len(toks[0]) > 1 and toks[0][1:].islower():
            # Vancouver "Roe JA": family first, initials after
            fam_toks, giv_toks = toks[:-1], list(toks[-1])
        elif len(toks) == 2 and "." not in s and fold(toks[0]) in CJK_FAMILY and fold(toks[1]) not in CJK_FAMILY \
                and len(toks[1]) > 3 and toks[0][0].isupper():
            # "Zhang Jingzhao": a Chinese/Korean family name first, a given name that is no family name
            fam_toks, giv_toks = toks[:1], toks[1:]
        else:
            # given names first; particles and the last token form the family name
            i = len(toks) - 1
            while i - 1 > 0 and toks[i - 1].lower().strip(".") in PARTICLES:
                i -= 1
            fam_toks, giv_toks = toks[i:], toks[:i]
    if s.isupper() and len(s.split()) >= 2:
        # a name in capitals ("VAN AN DANG", a CV's heading): "AN" is a given name, not the initials A. N.
        giv_toks = [t.capitalize() if "." not in t and "-" not in t else t for t in giv_toks]
    given = []
    for t in giv_toks:
        given.extend(_split_given(t))
    family = " ".join(fold(t).strip(".") for t in fam_toks)
    family = re.sub(r"[^a-z' -]", "", family).replace("'", "").strip()
    given = [g if len(g) == 1 else fold(g) for g in given if g]
    initials_only = bool(given) and all(len(g) == 1 for g in given)
    return Name(given=tuple(given), family=family, initials_only=initials_only)


@lru_cache(maxsize=200_000)
def name_key(s: str) -> str:
    """A blocking/identity key: joined given names + family, folded.

    >>> name_key("Luigi di Stefano") == name_key("DI STEFANO Luigi") == name_key("Di Stefano, Luigi")
    True
    """
    n = parse_name(s)
    given = "".join(g.lower() for g in n.given)
    return f"{given} {n.family.replace(' ', '')}".strip()


@lru_cache(maxsize=200_000)
def initial_key(s: str) -> str:
    """Family name + first initial: how co-authors are compared as evidence ('L. Di Stefano' = 'Luca Di Stefano').

    >>> initial_key("Luca Di Stefano") == initial_key("Di Stefano, L.")
    True
    """
    n = parse_name(s)
    return f"{n.family.replace(' ', '').replace('-', '')} {n.given[0][0].lower() if n.given else ''}".strip()


@lru_cache(maxsize=200_000)
def family_key(s: str) -> str:
    return parse_name(s).family.replace(" ", "").replace("-", "")


@lru_cache(maxsize=200_000)
def token_form(s: str) -> tuple[tuple, str]:
    """Every name token in given-first order, split as (leading tokens, last family token).

    The boundary between given and family names is where parsers disagree
    ("João Costa Carvalho" / "Costa Carvalho, João"); this form does not depend on it.

    >>> token_form("Costa Carvalho, João") == token_form("João Costa-Carvalho") == token_form("João Costa Carvalho")
    True
    >>> token_form("L. Di Stefano")
    (('L', 'di'), 'stefano')
    """
    n = parse_name(s)
    fam = [t for t in re.split(r"[\s-]+", n.family) if t]
    if not fam:
        return tuple(n.given), ""
    return tuple(n.given) + tuple(fam[:-1]), fam[-1]


@lru_cache(maxsize=200_000)
def merge_key(s: str) -> str:
    """Identity key for full forms, blind to spaces, hyphens, case, accents and name order.

    >>> merge_key("Pan, Kezhan") == merge_key("Ke Zhan Pan") == merge_key("KeZhan Pan")
    True
    >>> merge_key("Carmen Pérez-Soler") == merge_key("Pérez Soler, Carmen")
    True
    >>> merge_key("Ali Al-Sayed") == merge_key("Ali Alsayed")
    True
    """
    lead, last = token_form(s)
    return "".join(t.lower() for t in lead) + last


def given_compatible(a: tuple, b: tuple) -> bool:
    """Given-name token lists agree up to initials and joins.

    >>> given_compatible(("jing", "zhao"), ("jingzhao",))
    True
    >>> given_compatible(("andrew", "C"), ("andrew", "chi", "chih"))
    True
    >>> given_compatible(("yixin",), ("yutong",))
    False
    """
    if not a or not b:
        return True
    ja = "".join(x.lower() for x in a if len(x) > 1)
    jb = "".join(x.lower() for x in b if len(x) > 1)
    full_a = all(len(x) > 1 for x in a)
    full_b = all(len(x) > 1 for x in b)
    if full_a and full_b:
        if ja == jb:
            return True
        # a dropped middle name: "Kirk E Lohmueller" vs "Kirk Lohmueller" handled by initials below
        return False
    # compare token by token, an initial matching any name starting with it
    ia = [x[0].lower() for x in a]
    ib = [x[0].lower() for x in b]
    if ia[0] != ib[0]:
        return False
    # full first names must agree when both are full
    if len(a[0]) > 1 and len(b[0]) > 1 and a[0].lower() != b[0].lower():
        # "Jing Zhao" vs "Jingzhao": the joined forms may still agree
        if not (ja.startswith(jb) or jb.startswith(ja)):
            return False
    short, long_ = (ia, ib) if len(ia) <= len(ib) else (ib, ia)
    # every initial of the shorter must appear, in order, in the longer
    it = iter(long_)
    return all(ch in it for ch in short)


def compatible(a: str, b: str) -> bool:
    na, nb = parse_name(a), parse_name(b)
    if na.family.replace(" ", "").replace("-", "") != nb.family.replace(" ", "").replace("-", ""):
        return False
    return given_compatible(na.given, nb.given)


_NOT_NAME_WORDS = {
    "university", "institute", "department", "school", "college", "center", "centre", "lab", "laboratory",
    "conference", "journal", "proceedings", "workshop", "symposium", "transactions", "review", "letters",
    "the", "of", "in", "on", "for", "and", "with", "a", "an", "to", "via", "using", "towards", "learning",
    "under", "over", "from", "into", "onto", "between", "across", "through", "without", "within", "beyond",
    "versus", "vs", "among", "against", "during", "upon", "toward", "about", "is", "are", "its", "their",
    "submitted", "accepted", "preprint", "arxiv", "press", "team", "group", "inc", "llc", "ltd",
    "systems", "information", "processing", "neural", "machine", "intelligence", "international", "annual",
    "statistical", "science", "sciences", "data", "analysis", "computer", "computing", "networks", "theory",
    "artificial", "vision", "recognition", "language", "society", "royal", "series", "medical", "health",
    "national", "association", "american", "european", "ieee", "acm", "nature", "physical", "physics",
    "curriculum", "vitae", "cv", "resume", "résumé", "page", "home", "publications", "contact",
    "advisor", "supervisor", "email", "phone", "tel", "web", "homepage", "research", "student", "award",
}


#: words that are also name tokens ("Văn An Phạm", "Tô Lan", "In Kyu Park"): in a name line (a CV's
#: heading), capitalized, they are names; in an author list they stay words ("An Empirical Study")
NAME_TOO = frozenset({"an", "to", "in", "on"})


def looks_like_name(s: str, also: frozenset = frozenset()) -> bool:
    """Is s plausibly one person's name (as written in an author list)? ``also``: words that count as
    name tokens when capitalized (:data:`NAME_TOO` where the line can only be a name or a heading).

    >>> [looks_like_name(x) for x in ["Zhiwei Xu", "Di Stefano, L.", "Roe JA", "Kimi Team", "Neural Information Processing Systems", "Wencan"]]
    [True, True, True, False, False, True]
    >>> looks_like_name("Smith, J. Michael"), looks_like_name("Roe, E. M. Ligand-Controlled Synthesis")
    (True, False)
    >>> looks_like_name("Ali al-Farsi"), looks_like_name("Jean d'Alembert"), looks_like_name("al-based methods")
    (True, True, False)
    >>> looks_like_name("An Ngo"), looks_like_name("An Ngo", NAME_TOO), looks_like_name("An overview", NAME_TOO)
    (False, True, False)
    >>> looks_like_name("Le Van An"), looks_like_name("Văn An Phạm"), looks_like_name("Learning In Context")
    (True, True, False)
    """
    s = clean_name(s)
    if not s or len(s) > 60 or re.search(r"\d|[:;!?@/\\|{}\[\]]", s):
        return False
    if has_cjk(s) and len(s) <= 6 and not re.search(r"[A-Za-z]", s):
        return True
    toks = re.sub(r"[,]", " ", s).split()
    if not 1 <= len(toks) <= 6:
        return False
    if "," in s:  # 'Roe, E. M. Ligand-Controlled Synthesis': words after the initials are a title's
        given = s.partition(",")[2].split()
        inits = [k for k, t in enumerate(given) if re.fullmatch(r"(?:[^\W\d_]\.-?)+", t)]
        if inits and len(given) - inits[-1] - 1 >= 2:
            return False
    low = [fold(t).strip(".") for t in toks]
    if any(t in _NOT_NAME_WORDS for k, (t, raw) in enumerate(zip(low, toks))
           if t not in PARTICLES and not (len(raw.strip(".")) == 1 and raw[0].isupper())
           and not (t in also and raw[0].isupper())
           # after the first word, a capitalized "An", "To", "In", "On" is a name's ("Le Van An", "Văn An Phạm")
           and not (t in NAME_TOO and k > 0 and raw.istitle() and toks[k - 1][0].isupper())):
        return False
    caps = sum(1 for t in toks if t[0].isupper() or t.lower().strip(".") in PARTICLES or _particle_joined(t))
    return caps >= len(toks) - (1 if len(toks) >= 3 else 0)


# a family name with its particle joined on: "al-Farsi", "el-Sayed", "d'Alembert", "dell'Acqua"
_PARTICLE_JOINED = re.compile(r"(?:al|el|ad|ud|ul|as|ash|bin|ibn|abu|ben|bint|d|l|dell|dall|degl)['’-](\w)")


def _particle_joined(token: str) -> bool:
    m = _PARTICLE_JOINED.match(token)
    return bool(m and m.group(1).isupper())


GROUP_RE = re.compile(r"\b(team|collaboration|consortium|group|project|committee|network|initiative|working group|society|association|investigators)\b", re.I)


def looks_like_group(s: str) -> bool:
    """
    >>> looks_like_group("Kimi Team"), looks_like_group("ATLAS Collaboration"), looks_like_group("Wei Hu")
    (True, True, False)
    """
    return bool(GROUP_RE.search(s)) and len(s.split()) <= 8


def display_name(s: str, reorder: bool = True) -> str:
    """A readable canonical form: 'ZHIWEI XU' → 'Zhiwei Xu', 'Di Stefano, Luigi' → 'Luigi Di Stefano'.

    >>> display_name("ZHIWEI XU")
    'Zhiwei Xu'
    >>> display_name("Di Stefano, Luigi")
    'Luigi Di Stefano'
    >>> display_name("QIN Shulan"), display_name("DI STEFANO Luigi"), display_name("Ada LOVELACE")
    ('Shulan Qin', 'Luigi Di Stefano', 'Ada LOVELACE')
    """
    s = clean_name(s)
    s = re.sub(r"\s*\([^)]*\)", "", s).strip()
    if "," in s:
        fam, _, giv = s.partition(",")
        if giv.strip() and not re.fullmatch(r"\s*(jr|sr|ii|iii|iv)\.?\s*", giv, re.I):
            s = f"{giv.strip()} {fam.strip()}"
    m = re.fullmatch(r"((?:[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'-]+\s+)+)((?:[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'-]+\s*)+)", s)
    if m and reorder and not s.isupper():  # "QIN Shulan", "DI STEFANO Luigi": the family name in capitals first
        fam = " ".join(t.capitalize() for t in m.group(1).split())
        s = f"{m.group(2).strip()} {fam}"
    if s.isupper() and len(s) > 3:
        toks = s.lower().split()  # a particle opening the name is a given name ("VAN AN DANG": Van An Dang)
        s = " ".join(t if t in PARTICLES and k > 0 else t.capitalize() for k, t in enumerate(toks))
        s = re.sub(r"-(\w)", lambda m: "-" + m.group(1).upper(), s)
    return s
