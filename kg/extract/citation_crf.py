"""Token tagger for reference strings: features + a linear-chain CRF decoded with Viterbi (numpy).

A reference is split on whitespace (as AnyStyle does) and every token gets one label:
author, title, journal, container-title, date, volume, pages, publisher, location, editor,
citation-number, url, doi, note. The weights live in ``data/citation_model.npz``; they are
rebuilt from the fixed training split in ``data/citation_train.jsonl`` by
``scripts/train_citation_model.py``. Run time needs numpy only.

Decoding is constrained by what the tagged data never shows (:meth:`Tagger.tag`): no title,
venue, publisher, author… starts right after a bare word ("… in response | to Hurricane …"), no
title or venue starts at a bracket after a bare word, no title ends after a bare ")", and a
bracketed acronym ("(CoRL),") stays in the field before it. Rules then mend the labels (a quoted
title ends at its closing quote; an author list ends at a sentence end) and clean each field
(:func:`parse`).
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from ..names import marks_of
from .citation_rules import RefAuthor, Reference

MODEL_PATH = Path(__file__).resolve().parent / "data" / "citation_model.npz"

# rare gold tags folded into a common one
LABEL_MAP = {"isbn": "note", "collection-title": "note", "genre": "note", "edition": "note",
             "translator": "editor", "director": "editor", "producer": "editor"}

_MONTHS = set("""jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
september october november december janv févr fevr avr mai juin juil juillet août aout déc janvier février
mars avril septembre octobre novembre décembre januar februar märz juni juli oktober dezember spring summer
autumn fall winter""".split())
_VENUE_W = set("""journal j proc proceedings conference conf symposium symp workshop transactions trans review rev
letters lett annals ann bulletin bull quarterly magazine international int intl acta advances adv zeitschrift revue
rivista cahiers studies archives archiv annual research science sciences""".split())
_PUB_W = set("""press verlag publishers publisher publishing books university univ éditions editions edizioni editora
editorial wiley springer elsevier routledge sage blackwell cambridge oxford mit harvard yale princeton gallimard
seuil puf macmillan penguin norton academic kluwer""".split())
_ED_W = set("ed ed. eds eds. edited editor editors hrsg hrsg. dir. (ed.) (eds.) (hrsg.) éd. éds. (dir.)".split())
_STATUS_W = set("""accepted submitted review appear press preprint arxiv forthcoming preparation revision
biorxiv medrxiv ssrn soumis""".split())
_ABBR = set("""proc conf int intl trans vol no pp eds ed jr sr st dr prof univ dept inst natl nat acad sci soc rev lett phys
chem biol med res eng comput stat math j am ann appl assoc symp adv syst mach learn intell inf tech mol rep psychol ser
bull geophys astron astrophys mon not opt mater environ ecol evol genet neurosci struct anal comp des dev econ educ
electron publ q r stud theor clin exp gen mech commun lab biochem biophys pharmacol physiol immunol microbiol oncol
surg ther neurol cardiol pediatr psychiatry hist philos polit sociol anthropol geol geogr ind manag mgmt bus fin acc
quart annu cell cogn comm ieee acm bot zool agric vet dent nucl part quant lang ling mat rend ber mitt verh abh z jpn
eur br brit can aust ger fr ital span russ chin sov jap pac atl mediterr softw netw secur inform dyn fluid therm
energy sens control autom robot vis graph imag signal process represent""".split())
_SMALL = set("of and the in for on a an to at with from by de la des du le les et der die das und von für il di".split())
_STRIP = "\"'“”‘’«»()[]{}<>,.;:!?*†‡#◦"
_QOPEN = set("\"“‘«`")
_QCLOSE = set("\"”’»'")
_MARKUP = re.compile(r"</?(?:b|strong|i|em|u|italic|bold|sup|sub)>|\*\*", re.I)


def tokenize(text: str) -> list[str]:
    """Whitespace tokens, with HTML/markdown emphasis markup dropped."""
    return _MARKUP.sub("", text).split()


def _shape(s: str) -> str:
    """'Smith,' → 'Aa,'; 'J.-P.' → 'A.-A.'; '2020a' → '9a' (classes of characters, runs collapsed)."""
    out = []
    prev = ""
    for ch in s:
        c = "A" if ch.isupper() else "a" if ch.isalpha() else "9" if ch.isdigit() else ch
        if c != prev:
            out.append(c)
        prev = c
    return "".join(out)[:8]


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_RANGE = re.compile(r"^\(?\d+\s*[-–—]+\s*\d+")
_VOLISS = re.compile(r"^\d+\(\d+")
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}-?(?:[A-Z]\.)?,?$|^[A-Z]\.?-[A-Z]\.,?$")
_URLISH = re.compile(r"^(?:https?://|www\.|doi:|10\.\d{4,})|\.(?:com|org|edu|net|html?|pdf)\b", re.I)
_ARX = re.compile(r"^(?:arxiv:)?\d{4}\.\d{4,5}", re.I)
_MARKS = set("*†‡#◦✉§¶")
_MARK_STRIP = re.compile(r"(?<=\w)(?:[*†‡#◦✉¹²³⁴⁵⁶⁷⁸⁹⁰]|\[[*†‡#◦]\]|\^\*)+(?=[,.;:]?$)")


@lru_cache(maxsize=200_000)
def _token_feats(tok: str) -> tuple:
    """Context-free features of one token (cached: tokens repeat a lot)."""
    w = tok.strip(_STRIP)
    lw = w.lower()
    f = ["w=" + lw[:25], "sh=" + _shape(w), "rsh=" + _shape(tok)]
    if len(lw) >= 3:
        f.append("p3=" + lw[:3])
        f.append("s3=" + lw[-3:])
    if len(lw) >= 2:
        f.append("s2=" + lw[-2:])
    last = tok[-1]
    first = tok[0]
    f.append("last=" + (last if not last.isalnum() else ("9" if last.isdigit() else "a")))
    if not first.isalnum():
        f.append("first=" + first)
    if w:
        if w.isupper() and len(w) > 1 and any(c.isalpha() for c in w):
            f.append("caps")
        elif w[0].isupper():
            f.append("cap")
        elif w[0].islower():
            f.append("low")
        elif w[0].isdigit():
            f.append("dig")
    if "." in tok and _INITIAL.match(tok.strip("*†‡#◦;&")):
        f.append("initial")
    digits = _DIGIT.search(tok) is not None
    if digits:
        if _YEAR.search(tok):
            f.append("year")
            if len(w) <= 6:
                f.append("yearonly")
        if w.isdigit():
            f.append("num" + str(min(len(w), 5)))
        if _RANGE.match(w):
            f.append("range")
        if _VOLISS.match(w):
            f.append("voliss")
        if ":" in w and _DIGIT.search(w):
            f.append("numcolon")
        if _ARX.match(w):
            f.append("arxivid")
    if ("." in tok or ":" in tok) and _URLISH.search(tok):
        f.append("url")
    if lw in _MONTHS or lw.rstrip(".") in _MONTHS:
        f.append("month")
    if lw in _VENUE_W:
        f.append("venuew")
    if lw in _PUB_W:
        f.append("pubw")
    if tok.lower() in _ED_W or lw in ("ed", "eds", "hrsg", "dir", "éd", "éds"):
        f.append("edw")
    if lw in _STATUS_W:
        f.append("statusw")
    if lw in _SMALL:
        f.append("small")
    if tok.endswith(".") and w[:1].isupper() and len(w) <= 7 and "." not in w:
        f.append("capdot")
        if lw in _ABBR:
            f.append("abbrw")
    if any(c in _MARKS for c in tok):
        f.append("mark")
    if "-" in w and not w.startswith("-") and w[:1].isalpha():
        f.append("hyph")
    if tok.endswith(("-", "\u00ad")) and len(tok) > 2:
        f.append("breakhyph")
    if lw in ("pp", "p", "pages", "s", "pág", "pgs"):
        f.append("pagew")
    if lw in ("vol", "v", "volume", "no", "nr", "n", "n°", "issue", "bd", "jg", "heft", "t", "tome"):
        f.append("volw")
    if lw in ("and", "&", "et", "und", "y", "e"):
        f.append("conj")
    if lw in ("al", "others"):
        f.append("etal")
    if lw == "in":
        f.append("inw")
    return tuple(f)


def _is_boundary(tok: str) -> bool:
    t = tok.rstrip("\"”’»')]*†‡")
    if not t.endswith((".", "?", "!", ":")) or len(t) < 2:
        return False
    core = t.rstrip(".?!:")
    if t.endswith(".") and core.lower() in _ABBR:
        return False
    return not _INITIAL.match(t) and len(core.strip("(")) > 1


def _bucket(x: int, edges=(0, 1, 2, 3, 5, 8, 12)) -> int:
    for k, e in enumerate(edges):
        if x <= e:
            return k
    return len(edges)


_BUCKET = [_bucket(x) for x in range(100)]
_POS = ["pos=%d" % k for k in range(10)]
_SR = ["sr=%d" % min(k, 4) for k in range(200)]
_DNUM = ["dnum=%d" % _bucket(x) for x in range(100)]
_CC = [["cc=%d|%d" % (min(c, 4), min(p, 3)) for p in range(4)] for c in range(5)]
_SENT = ["sent=%d" % min(k, 4) for k in range(5)]
_CM = ["cm=%d" % min(k, 6) for k in range(7)]


@lru_cache(maxsize=200_000)
def _tok_info(raw: str) -> tuple:
    """Everything about one token that does not depend on its context (cached)."""
    marked = bool(_MARK_STRIP.search(raw))
    tok = _MARK_STRIP.sub("", raw) if marked else raw
    base = _token_feats(tok)
    w = tok.strip(_STRIP)
    alpha = w[:1].isalpha() and w.lower() not in _SMALL
    return (tok, marked, base,
            _is_boundary(tok),                                   # 3 ends a sentence
            bool(_DIGIT.search(tok)),                            # 4 holds a digit
            alpha, alpha and w[0].isupper(),                     # 5, 6 a content word, capitalised
            tok[0] in _QOPEN or tok.startswith("``"),            # 7 opens a quote
            len(tok) > 1 and tok.rstrip(",.;:*†‡#◦")[-1:] in _QCLOSE,  # 8 closes a quote
            tok[0] in "([",                                      # 9 opens a bracket
            tok.count(")") + tok.count("]"),                     # 10 brackets closed
            tok.endswith((".", "?", "!", ":")) and not _INITIAL.match(tok) and len(tok.strip(".")) > 1,  # 11
            tok.endswith((",", ";")), tok.endswith(","),         # 12, 13
            "year" in base)                                      # 14


def _prepare(tokens: list[str]):
    return [_tok_info(t) for t in tokens]


def _dynamic(infos) -> list[list[str]]:
    """Features of each token that depend on its place in the reference (not on its neighbours' words)."""
    n = len(infos)
    # sentences: id of each token; per sentence (start, end, caps bucket, has year, length bucket)
    sid, sinfo, start = [], [], 0
    for i, x in enumerate(infos):
        sid.append(len(sinfo))
        if x[3] or i == n - 1:
            seg = infos[start: i + 1]
            alpha = sum(1 for y in seg if y[5])
            caps = sum(1 for y in seg if y[6])
            cb = 4 if not alpha else (3 if caps == alpha else min(3, int(4 * caps / alpha)))
            sinfo.append((start, i + 1, "sc=%d" % cb, any(y[14] for y in seg), "sl=%d" % _BUCKET[min(i + 1 - start, 99)]))
            start = i + 1
    ns = len(sinfo)
    nxt_num = [99] * n  # distance to the next token that holds digits
    d = 99
    for i in range(n - 1, -1, -1):
        nxt_num[i] = d
        d = 0 if infos[i][4] else (d + 1 if d < 99 else 99)
    words = [x[2][0] for x in infos]
    out = []
    inq = False
    par = sent = commas = 0
    cur = prev = 0  # words since the last comma, and the size of the comma chunk before
    year_seen = post_etal = False
    for i, x in enumerate(infos):
        if i == 0:
            f = ["BOS"]
        elif i == 1:
            f = ["i=1"]
        elif i == 2:
            f = ["i=2"]
        else:
            f = []
        if i == n - 1:
            f.append("EOS")
        elif i == n - 2:
            f.append("EOS-1")
        k = sid[i]
        a, b, sc, yr, sl = sinfo[k]
        f += (_POS[10 * i // n], _SR[min(ns - 1 - k, 199)], sc, sl)
        if yr:
            f.append("sy")
        if k > 0 and sinfo[k - 1][3]:
            f.append("psy")
        if i == a:
            f.append("sfirst")
        if i == b - 1:
            f.append("slast")
            if k + 1 < ns and infos[b][0][:1].isdigit():
                f.append("nsnum")
        f.append(_DNUM[nxt_num[i]])
        f.append(_CC[cur if cur < 4 else 4][prev if prev < 3 else 3])
        if x[1]:
            f.append("marked")
        if x[7]:
            inq = True
        if inq:
            f.append("inq")
        if x[9]:
            par += 1
        if par > 0:
            f.append("inpar")
        f.append(_SENT[sent if sent < 4 else 4])
        f.append(_CM[commas if commas < 6 else 6])
        if year_seen:
            f.append("yseen")
        if post_etal:
            f.append("postetal")
        if i > 0:
            f.append("-1lw|" + words[i - 1] + "|" + words[i])
        out.append(f)
        # state after this token
        cur += 1
        if x[12]:
            prev, cur = cur, 0
        if inq and x[8]:
            inq = False
        if x[10]:
            par = max(0, par - x[10])
        if x[11]:
            sent += 1
        if x[13]:
            commas += 1
        if x[14]:
            year_seen = True
        if i > 0 and words[i] in ("w=al", "w=others") and words[i - 1] in ("w=et", "w=and"):
            post_etal = True
    return out


# features of token i read off its neighbours i-2 .. i+2 (by offset): built from the neighbour alone
def _as_prev(tok: str, base) -> list[str]:
    return ["-1" + base[0], "-1last=" + tok[-1], "-1" + base[1]]


def _as_prev2(tok: str, base) -> list[str]:
    return ["-2" + base[0], "-2last=" + tok[-1]]


def _as_next(tok: str, base) -> list[str]:
    return ["+1" + base[0], "+1" + base[1], "+1first=" + tok[0]]


def _as_next2(tok: str, base) -> list[str]:
    return ["+2" + base[0]]


def features(tokens: list[str]) -> list[list[str]]:
    """Feature strings for each token of one reference (training; :class:`Tagger` scores the same sums faster)."""
    infos = _prepare(tokens)
    toks = [x[0] for x in infos]
    base = [x[2] for x in infos]
    n = len(toks)
    out = []
    for i, f in enumerate(_dynamic(infos)):
        f = list(base[i]) + f
        if i > 0:
            f += _as_prev(toks[i - 1], base[i - 1])
        if i > 1:
            f += _as_prev2(toks[i - 2], base[i - 2])
        if i + 1 < n:
            f += _as_next(toks[i + 1], base[i + 1])
        if i + 2 < n:
            f += _as_next2(toks[i + 2], base[i + 2])
        out.append(f)
    return out


class Tagger:
    """A linear-chain CRF exported from crfsuite: state weights W[attribute, label], transitions T."""

    def __init__(self, path: Path = MODEL_PATH):
        with np.load(path, allow_pickle=False) as z:
            self.labels = [str(x) for x in z["labels"]]
            attrs = [str(a) for a in z["attrs"]]
            W = z["W"].astype(np.float32)
            self.T = z["T"].astype(np.float32)
        self.L = len(self.labels)
        # fields that never start right after a bare word: "… in response | to Hurricane …" is one field
        # (in the tagged data every change into these labels follows punctuation, a digit, a bracket or
        # a quote, or a citation number), so the decoder may not change into them there
        blocked = np.zeros((self.L, self.L), dtype=np.float32)
        for b, lb in enumerate(self.labels):
            if lb in _WORD_FIELDS:
                blocked[:, b] = -1e4
                blocked[b, b] = 0.0
        for a, la in enumerate(self.labels):
            if la == "citation-number":
                blocked[a, :] = 0.0
        self.T_blocked = self.T + blocked
        paren = np.zeros((self.L, self.L), dtype=np.float32)  # "… Method | (VIUPD) Using …": no new title or venue
        for b, lb in enumerate(self.labels):
            if lb in ("title", "journal", "container-title"):
                paren[:, b] = -1e4
                paren[b, b] = 0.0
        for a, la in enumerate(self.labels):
            if la == "citation-number":
                paren[a, :] = 0.0
        self.T_paren = self.T + paren
        # a title does not end after a bare closing parenthesis: "… Method (VIUPD) | Using Landsat 8"
        after_paren = np.zeros((self.L, self.L), dtype=np.float32)
        if "title" in self.labels:
            t = self.labels.index("title")
            after_paren[t, :] = -1e4
            after_paren[t, t] = 0.0
        self.T_after_paren = self.T + after_paren
        # "(CoRL)," "(ICML)": an acronym in brackets belongs to the field before it (so in the tagged data)
        same = np.full((self.L, self.L), -1e4, dtype=np.float32)
        np.fill_diagonal(same, 0.0)
        for a, la in enumerate(self.labels):
            if la == "citation-number":
                same[a, :] = 0.0
        self.T_same = self.T + same
        self.attr = {a: i for i, a in enumerate(attrs)}
        self.zero = len(attrs)  # an all-zero row, so that no token's row list is empty
        self.W = np.vstack([W, np.zeros((1, self.L), dtype=np.float32)])
        self._rows = {}

    def _token_rows(self, tok: str, base) -> tuple:
        """Model rows of a token's own features and of the features it gives each neighbour (cached)."""
        r = self._rows.get(tok)
        if r is None:
            get = self.attr.get
            r = tuple([j for j in map(get, fs) if j is not None]
                      for fs in (base, _as_prev(tok, base), _as_prev2(tok, base), _as_next(tok, base), _as_next2(tok, base)))
            if len(self._rows) > 200_000:
                self._rows.clear()
            self._rows[tok] = r
        return r

    def scores(self, tokens: list[str]) -> np.ndarray:
        """Per-token label scores: the sum of the weights of its features (as :func:`features` lists them)."""
        infos = _prepare(tokens)
        n = len(infos)
        rows = [self._token_rows(x[0], x[2]) for x in infos]
        get = self.attr.get
        zero = self.zero
        idx, starts = [], []
        for i, dyn in enumerate(_dynamic(infos)):
            starts.append(len(idx))
            idx.append(zero)
            idx += rows[i][0]
            if i > 0:
                idx += rows[i - 1][1]
            if i > 1:
                idx += rows[i - 2][2]
            if i + 1 < n:
                idx += rows[i + 1][3]
            if i + 2 < n:
                idx += rows[i + 2][4]
            idx += [j for j in map(get, dyn) if j is not None]
        return np.add.reduceat(self.W[idx], starts, axis=0)

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        Ts = [self.T]
        for i in range(1, len(tokens)):
            prev, tok = tokens[i - 1], tokens[i]
            if _ACRONYM.match(tok):
                Ts.append(self.T_same)
            elif prev.endswith(")") and not _DIGIT_TOK.search(prev):
                Ts.append(self.T_after_paren)
            elif _ENDS_PUNCT.search(prev) or _DIGIT_TOK.search(prev):
                Ts.append(self.T)
            elif tok[:1] in "([":
                Ts.append(self.T_paren)
            elif tok[:1] in "\"“«‘`":
                Ts.append(self.T)
            else:
                Ts.append(self.T_blocked)
        return [self.labels[k] for k in viterbi(self.scores(tokens), Ts)]


_WORD_FIELDS = {"title", "journal", "container-title", "publisher", "location", "editor", "author", "note"}
_ENDS_PUNCT = re.compile(r"[.,;:?!)\]\"”’»'*]$")
_DIGIT_TOK = re.compile(r"\d")


def viterbi(S: np.ndarray, T) -> list[int]:
    """Best label path; T is the transition matrix, or a list of one per position (T[i]: i-1 → i)."""
    n, L = S.shape
    back = np.empty((n, L), dtype=np.int32)
    score = S[0].copy()
    per = isinstance(T, list)
    for i in range(1, n):
        cand = score[:, None] + (T[i] if per else T)
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + S[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    best.reverse()
    return best


_TAGGER: Optional[Tagger] = None


def tagger() -> Optional[Tagger]:
    """The packaged model (None when its file is missing)."""
    global _TAGGER
    if _TAGGER is None and MODEL_PATH.exists():
        _TAGGER = Tagger()
    return _TAGGER


def gold_tokens(rec: dict) -> tuple[list[str], list[str]]:
    """Tokens and their labels from one record of the tagged data (its ``segments``)."""
    toks, labs = [], []
    for tag, s in rec["segments"]:
        lab = LABEL_MAP.get(tag, tag)
        for t in tokenize(s):
            toks.append(t)
            labs.append(lab)
    return toks, labs


def heldout(rid: str) -> bool:
    """The fixed split of the tagged data: True for the 30% held out for testing (never trained on)."""
    return int(hashlib.sha1(rid.encode()).hexdigest(), 16) % 10 < 3


# ================================================================== fields from the tags
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bDOI\s*:?\s*)?(10\.\d{4,9}/[^\s\"<>]+?)(?=[.,;]?(?:\s|$))", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_ARXIV = re.compile(r"\barxiv\s*(?:preprint)?\s*,?\s*(?:arxiv)?\s*:?\s*(\d{4}\.\d{4,5}(?:v\d+)?)|\barXiv:(\d{4}\.\d{4,5})"
                    r"|arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.I)
_YR = r"(?:19|20)\d\d"
# an arXiv or CoRR identifier ending a title the tagger ran on
_ARXIV_TAIL = re.compile(r"[\s.,;]+(?:arxiv(?:\s+preprint|\s+e-prints)?\s*,?\s*(?:arxiv)?\s*:?\s*\d{4}\.\d{4,5}(?:v\d+)?"
                         r"|corr\s*,?\s*abs/\d{4}\.\d{4,5}(?:v\d+)?)\W*$|(?<=[?!])\s+(?:corr|arxiv(?:\s+preprint)?)\W*$", re.I)
_STATUS = [
    ("accepted", re.compile(r"\b(?:to appear|accepted|in press|forthcoming|à paraître|a paraitre|sous presse|accepté|"
                            r"im Druck|angenommen|en prensa|aceptado)\b", re.I)),
    ("submitted", re.compile(r"\b(?:submitted|under review|in review|under revision|revised? (?:and|&) resubmit(?:ted)?|r&r|in submission|"
                             r"soumis|en révision|eingereicht|enviado|sometido)\b", re.I)),
    ("preprint", re.compile(r"\b(?:arxiv|preprint|biorxiv|medrxiv|ssrn|working paper|discussion paper|in preparation|"
                            r"prépublication|prepublication|vorabdruck)\b", re.I)),
]
# a status phrase as a whole venue or title tail ("Under review", "Article soumis", "Working Paper")
_STATUS_PHRASE = re.compile(
    r"(?:(?:manuscript|paper|article)\s+)?(?:to appear|accepted|in press|forthcoming|submitted|under review|in review|"
    r"under revision|revised? (?:and|&) resubmit(?:ted)?|in submission|working paper|discussion paper|in preparation|preprint|soumis|"
    r"article soumis|à paraître|sous presse|en révision|eingereicht|im druck|prépubl\w*\.?|prepubl\w*\.?|"
    r"version\s*\d*(?:\.\d+)*)"
    r"(?:\s+(?:for publication|(?:in|at|to|with)\b.*))?", re.I)


_STATUS_HINT = re.compile(r"appear|accept|press|forthcoming|para[iî]tre|druck|angenommen|prensa|submi|review|revis|r&r|"
                          r"soumis|eingereicht|enviado|sometido|arxiv|print|ssrn|paper|preparation|publication|vorabdruck", re.I)


def status_of(text: str) -> Optional[str]:
    """'accepted', 'submitted' or 'preprint' from status words in `text` (None when there are none)."""
    if not _STATUS_HINT.search(text):
        return None
    for st, rx in _STATUS:
        if rx.search(text):
            return st
    return None


_SPACES = re.compile(r"\s+")


# ------------------------------------------------------------------ references
def _rule_split(text: str):
    from .citation_rules import split_authors

    return split_authors(text)


def parse(text: str, split=None) -> Optional["Reference"]:
    """Split one reference string with the tagger, then clean each field (None without a model)."""
    tg = tagger()
    if tg is None:
        return None
    toks = tokenize(_SPACES.sub(" ", text or ""))
    if not toks:
        return Reference()
    return _assemble(toks, tg.tag(toks), split or _rule_split)


_OPEN_Q = set("“\"«„‘`")
_HARD_STOP = re.compile(r"^[\w\u00c0-\u024f'’-]*[a-z\u00e0-\u024f][\w\u00c0-\u024f'’-]*[.?!]$|^[A-Z\u00c0-\u00de-]{4,}\.$")
_NOT_STOP = {"jr.", "sr.", "jnr.", "snr.", "al.", "eds.", "ed.", "hrsg.", "dir.", "coord.", "comp.", "etc."}


_VOLUME_WORDS = {"vol", "vols", "v", "no", "nos", "nr", "n", "n°", "issue", "iss", "bd", "band", "t", "tome", "tomo", "heft",
                 "h", "jg", "jahrg", "suppl", "supplement", "pt", "part", "num", "número", "fasc", "année", "anno",
                 "volume", "number"}
_ACRONYM = re.compile(r"^\([A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\)[,.;:]?$")
_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "``": "''"}


def _close_quoted_title(toks, labs) -> None:
    """A title that opens with a double quote ends at the matching closing quote: what the
    tagger ran on into ('“Remarks.” Childhood in …', '« Titre ». In : Revue') is the next field."""
    n = len(toks)
    t0 = next((i for i, l in enumerate(labs) if l == "title"), None)
    if t0 is None:
        return
    tok = toks[t0]
    opener = "``" if tok.startswith("``") else tok[:1]
    close = _PAIRS.get(opener)
    if close is None:
        return
    e = t0
    while e < n and labs[e] == "title":
        e += 1
    for j in range(t0, e):
        t = toks[j][len(opener):] if j == t0 else toks[j]
        k = t.rfind(close)
        if k < 0 or (j == t0 and not t[:k].strip()):
            continue
        inner, after = t[:k], t[k + len(close):]
        # the closing quote ends the title when punctuation ends it ('Remarks.”', 'integrals",') or it
        # stands alone (French '»'); not '“Bad Things” and More', not '“Know You...”: Subtitle'
        if after in ("", ".", ",", ";") and (after or not inner or inner[-1] in ".,?!"):
            if j + 1 < e:
                nxt = labs[e] if e < n and labs[e] in ("journal", "container-title") else "container-title"
                for m in range(j + 1, e):
                    labs[m] = nxt
            return


def _fix_labels(toks, labs):
    """Rules over the tagger's labels: an author list ends at a full stop after a whole word
    ('Diamond, Jared M. Collapse: How …') or after 'et al.'; what follows goes to the next field."""
    labs = list(labs)
    n = len(toks)
    # a quoted title: names tagged into the title before its opening quote go back to the authors
    t0 = next((i for i, l in enumerate(labs) if l == "title"), None)
    if t0 is not None and t0 > 0 and labs[t0 - 1] == "author" and toks[t0][:1] not in _OPEN_Q:
        q = next((j for j in range(t0 + 1, n) if labs[j] == "title" and toks[j][:1] in _OPEN_Q), None)
        if q is not None and q - t0 <= 6 and toks[q - 1].endswith((",", ".")):
            for j in range(t0, q):
                labs[j] = "author"
    _close_quoted_title(toks, labs)
    for i in range(1, n):  # "Nat. | Phys.": a word with no digit that is no volume word is still the venue
        if labs[i] == "volume" and labs[i - 1] in ("journal", "container-title") and not _DIGIT_TOK.search(toks[i]):
            w = re.sub(r"[^\w°º]", "", toks[i]).lower()
            if w and w not in _VOLUME_WORDS and not re.fullmatch(r"[ivxlcdm]+", w):
                labs[i] = labs[i - 1]
    # a venue cut in two with no punctuation between: "Journal of the American | Statistical Association."
    for i in range(1, n):
        if labs[i] in ("publisher", "location") and labs[i - 1] in ("journal", "container-title") and \
                toks[i - 1][-1:].isalnum() and toks[i][:1].isupper():
            v, w, j = labs[i - 1], labs[i], i
            while j < n and labs[j] == w:
                labs[j] = v
                j += 1
            break
    # no title, and a "journal" that holds a sentence: "Stille Netze. Zeitschrift für …" → title, venue
    if "title" not in labs:
        v = next((i for i, l in enumerate(labs) if l in ("journal", "container-title")), None)
        if v is not None:
            e = v
            while e < n and labs[e] == labs[v]:
                e += 1
            for k in range(v, e - 1):
                t = toks[k].strip("\"”’)")
                if _HARD_STOP.match(t) and len(t) >= 4 and t[:-1].lower() not in _ABBR and t.lower() not in _NOT_STOP:
                    for j in range(v, k + 1):
                        labs[j] = "title"
                    break
    a = next((i for i, l in enumerate(labs) if l == "author"), None)
    if a is None:
        return labs
    b = a
    while b < n and labs[b] == "author":
        b += 1
    for k in range(a, b - 1):
        t = marks_of(toks[k])[0].strip("\"”’)")
        stop = (_HARD_STOP.match(t) and len(t) >= 5 and t.lower() not in _NOT_STOP) or \
            (re.match(r"^al\.?,?$", t) and k > a and toks[k - 1].lower() == "et")
        if stop:
            nxt = labs[b] if b < n and labs[b] in ("title", "journal", "container-title") else "title"
            for j in range(k + 1, b):
                labs[j] = nxt
            break
    return labs


def _segments(toks, labs):
    out = []
    for t, l in zip(toks, labs):
        if out and out[-1][0] == l:
            out[-1][1].append(t)
        else:
            out.append((l, [t]))
    return [(l, " ".join(ts)) for l, ts in out]


_QUOTES = "\"'“”‘’«»„`"
_ABBR_END = re.compile(r"(?:\b[A-Z][a-z]{0,5}|\b[A-Z])\.$")


def _clean_title(s: str) -> tuple[Optional[str], str]:
    """The title without quotes and final punctuation, and a status phrase cut off its end."""
    s = s.strip()
    tail = ""
    m = re.search(r"[.,;]\s+(" + _STATUS_PHRASE.pattern + r")[.,;]?$", s, re.I)
    if m:
        s, tail = s[: m.start() + 1], m.group(1)
    s = re.sub(r"^(?:``|''|[\"“”‘’«»„])+\s*", "", s)
    s = re.sub(r"\s*(?:``|''|[\"“”‘’«»„])+\s*([,.;:]?)\s*$", r"\1", s)
    s = s.strip().rstrip(",;:").strip()
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\.|\b(?:al|etc|vs|Inc|Ltd|Co|St|Jr|Sr))\.$", s):
        s = s[:-1].rstrip()
    s = re.sub(r"^(?:``|''|[\"“”‘’«»„])+\s*|\s*(?:``|''|[\"“”‘’«»„])+$", "", s.strip(" ,;:"))
    s = re.sub(r"\s*\((?:in press|forthcoming|to appear|submitted|under review)\)$", "", s, flags=re.I)
    if s.endswith(")") and s.count("(") < s.count(")"):
        s = s[:-1]
    if s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:]
    return (s.strip() or None), tail


_PLACE_AFTER = re.compile(r"(\([A-Z][^()]{0,30}\s(?:19|20)\d\d\)|\([A-Z][A-Za-z0-9&/-]{1,15}\))"
                          r"(?:,\s*[A-Z][\w.'’-]*(?:\s+(?:of\s+|de\s+|del\s+)?[A-Z][\w.'’-]*){0,2}){1,3}$")


def drop_place(venue: str) -> str:
    """The place after a bracketed acronym with its year goes.

    >>> drop_place("Proc. European Aerosol Conference (EAC 2019), Gothenburg, Sweden")
    'Proc. European Aerosol Conference (EAC 2019)'
    >>> drop_place("Proc. Robot.: Sci. Syst. (RSS), Daegu, Republic of Korea")
    'Proc. Robot.: Sci. Syst. (RSS)'
    >>> drop_place("Journal of Gizmos, Series B")
    'Journal of Gizmos, Series B'
    """
    return _PLACE_AFTER.sub(r"\1", venue)


def _clean_venue(s: str) -> Optional[str]:
    s = re.sub(r"</?\w+>", "", s).strip()
    s = re.sub(r"^(?:in|en|dans|im)\s*:?\s+(?=\S)|^in:", "", s, flags=re.I).strip()
    s = re.sub(r"^(?:(?:to appear|accepted|submitted|under review|presented|forthcoming|in submission)\s+(?:in|at|to|for)"
               r"|(?:paper\s+)?presented\s+at)\s*:?\s+", "", s, flags=re.I)
    s = re.sub(r"[,.;]?\s*\(?(?:to appear|in press|forthcoming|accepted|submitted|under review)\)?[.,;]?$", "", s, flags=re.I)
    s = s.strip(" ,;:")
    s = drop_place(s)
    if re.search(r"\([A-Z][^()]{0,30}\s(?:19|20)\d\d\)?$", s):
        s = s if s.endswith(")") else s + ")"  # "(ICML 2023)" is how the venue names itself: kept whole
    else:
        s = re.sub(r"[,.]?\s+\(?(?:19|20)\d\d[a-z]?\)?$", "", s)  # "NeurIPS 2023" → the year is the year, not the venue
    s = re.sub(r"\s+(?:v|vol|no|n°)\.?$|\s+[IVXL]{2,}$", "", s, flags=re.I)  # a volume left behind
    while s and s[0] in "([" and s.count(s[0]) > s.count(")" if s[0] == "(" else "]"):
        s = s[1:].strip()
    if s.endswith(")") and s.count("(") < s.count(")"):
        s = s[:-1]
    # a publisher after the proceedings: "… (SIGMOD '22). ACM, New York"
    s = re.sub(r"(?<=\))\.\s+[A-Z][\w&.'’ -]{0,40}$|\.\s+(?:ACM|IEEE|Springer(?:-Verlag)?|Elsevier|PMLR|AAAI Press|MIT Press|"
               r"Curran Associates(?:,? Inc)?|OpenReview(?:\.net)?|JMLR\.org)(?:,[^,]{0,30}){0,3}\W*$", "", s)
    keep_dot = s.endswith(".") and bool(_ABBR_END.search(s)) and bool(re.search(r"\b[A-Z][a-z]{0,5}\.\s", s))
    s = s.strip(_QUOTES + " ,;:" + ("" if keep_dot else "."))
    if not s or re.fullmatch(r"[\W\d]*", s) or _STATUS_PHRASE.fullmatch(s):
        return None
    return s


_PUBLISHER_WORD = re.compile(r"\b(?:press|verlag|publish\w*|books?|springer|wiley|elsevier|routledge|sage|kluwer|academic|"
                             r"university|pearson|mcgraw|norton|penguin|gruyter|brill|palgrave|macmillan|edition\w*|"
                             r"éditions?|editorial|editora|inc|ltd|gmbh|co)\b", re.I)
# the first part of a venue whose name has a colon, where a place would stand in "City: Publisher"
_FIELD_WORD = re.compile(r"^\s*(?:robotics|findings|proceedings|physics|mathematics|statistics|computing|medicine|"
                         r"biology|chemistry|engineering|economics|journal|transactions|advances)\b", re.I)


_ARXIV_ONLY = re.compile(r"^(?:arxiv\s*(?:preprint)?\s*,?\s*(?:arxiv)?\s*:?\s*)\d{4}\.\d{4,5}(?:v\d+)?[.,;]?$", re.I)
_THESIS = re.compile(r"(?:(?:ph\.?\s?d\.?|doctoral|master'?s?|msc|m\.\s?sc\.?|diploma|bachelor'?s?|ba|bsc)\s+)?"
                     r"(?:thesis|dissertation|th[eè]se|m[ée]m(?:oire)?\.?|tesis|tese|diplomarbeit|masterarbeit|doktorarbeit)"
                     r"(?:\s+(?:de|of|in)\s+(?:doct|mast|master|ma[iî]trise|licence|doctorat)\w*\.?)?", re.I)
# "(In Chinese)", "in English": the language of the work, not where it appeared
_LANG_NOTE = re.compile(r"^\(?\s*(?:in|en|auf)\s+(?:chinese|english|french|german|spanish|portuguese|russian|japanese|korean|"
                        r"italian|dutch|polish|turkish|arabic|persian|hebrew|chinois|anglais|français|allemand|espagnol|"
                        r"deutsch|englisch|español|inglés|português|inglês)\s*\)?[.,;]?$", re.I)
_LEAD_NUMBER = re.compile(r"^\s*(?:\[\s*[A-Za-z]{0,3}\d+[a-z]?\s*\]|\(\s*\d+\s*\))\s*")
# an author field that is an organisation ("Peking University Institute of …, “Belt and Road” Research Group")
_ORG = re.compile(r"\b(?:University|Universit[éàä]t?|Institute|Institut|Research Group|Working Group|Study Group|Centre|Center|"
                  r"Department|Ministry|Association|Society|Foundation|Council|Committee|Laboratory|Collaboration|"
                  r"Consortium|Agency|Organi[sz]ation|Commission|Bureau|Office of)\b")
_PERSONISH = re.compile(r"(?:^|[\s,;])[A-Z]\.|\bet al\b|[,;]\s*(?:and\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+\s*(?:[,;]|$)")


def _assemble(toks, labs, split) -> "Reference":
    ref = Reference()
    full = " ".join(toks)
    segs = _segments(toks, _fix_labels(toks, labs))
    # an arXiv identifier is never a title or a venue of its own: "… Title. 2018. arXiv : 1807.08319. Prépubl."
    segs = [("note", s) if l != "note" and _ARXIV_ONLY.match(s) and k > 0 else (l, s) for k, (l, s) in enumerate(segs)]
    first = {}
    for l, s in segs:
        first.setdefault(l, s)
    low = full.lower()
    m = _ARXIV.search(full) if "arxiv" in low else None
    if m:
        ref.arxiv = m.group(1) or m.group(2) or m.group(3)
    m = _DOI.search(full) if "10." in full else None
    if m:
        ref.doi = m.group(1).rstrip(".")
    m = _URL.search(_DOI.sub(" ", full) if ref.doi else full) if ("http" in low or "www." in low) else None
    if m:
        ref.url = m.group(0).rstrip(".,;)")
    title_tail = ""
    arx_tail = None
    if "title" in first:
        ref.title, title_tail = _clean_title(first["title"])
        m = _ARXIV_TAIL.search(ref.title or "")
        if m and m.start() >= 10:  # "Title. arXiv:2003.05500", "Title? CoRR, abs/2208.06342": where it is, not the title
            arx_tail = ref.title[m.start():].strip(" .,;")
            ref.title = ref.title[: m.start()].rstrip(" .,;")
    # status words anywhere but in the title
    ref.status = status_of(" ".join([s for l, s in segs if l != "title"] + [title_tail, arx_tail or ""]))
    if "author" in first:
        a = first["author"]
        a = re.sub(r"\(\s*(?:in press|forthcoming|to appear|accepted|submitted|under review|in preparation|n\.\s*d\.|"
                   r"s\.\s*d\.|\d{4}[a-z]?)\s*\)[.,:]?", "", a, flags=re.I)
        a = re.sub(r"[,(]?\s*\b(?:eds?|hrsg|dir|coords?)\.?\)?[.,:]?\s*$", "", a.strip(), flags=re.I)
        a = _LEAD_NUMBER.sub("", a).strip(" ,:;")  # "[C3] J. Roe": a list number the tagger took for a name
        if _ORG.search(a) and not _PERSONISH.search(a) and ";" not in a:
            ref.authors = [RefAuthor(_SPACES.sub(" ", a).rstrip("."))]  # one organisation, commas and all
        else:
            ref.authors, ref.et_al = split(a)
    vi = next((k for k, (l, s) in enumerate(segs) if l in ("journal", "container-title") and not _LANG_NOTE.match(s)), None)
    venue = segs[vi][1] if vi is not None else None
    if venue and vi + 1 < len(segs):  # "KDD '22", "ICML’15": the short year is part of the venue as written
        m = re.match(r"^['’]\d\d\b[^\s,.;:]*", segs[vi + 1][1])
        if m and not re.search(r"\d\d\W*$", venue):
            venue = f"{venue} {m.group(0)}"
    if venue and _THESIS.match(venue.strip()):  # a thesis: the university is the venue
        m = _THESIS.match(venue.strip())
        rest = venue.strip()[m.end():].lstrip(" .,:;")
        if "publisher" in first:
            venue = first["publisher"]
        elif rest and rest[:1].isupper():
            venue = rest
    ref.venue = _clean_venue(venue) if venue else None
    if ref.venue is None:
        arx = next((s for l, s in segs if l == "note" and re.search(r"arxiv", s, re.I)), None)
        if arx:  # "arXiv preprint arXiv:2403.01234" is the venue of a preprint, as written
            ref.venue = _clean_venue(re.sub(r"[,.;]?\s*(?:19|20)\d\d[a-z]?[.,;]?$", "", arx))
    if ref.venue is None and arx_tail:
        ref.venue = arx_tail
    if ref.venue is None and "publisher" in first and not ref.status:
        ref.venue = _clean_venue(first["publisher"])  # a book: its publisher
        loc = next((k for k, (l, _) in enumerate(segs) if l == "location"), None)
        if loc is not None and loc + 1 < len(segs) and segs[loc + 1][0] == "publisher" and \
                segs[loc][1].rstrip().endswith(":") and not _PUBLISHER_WORD.search(first["publisher"]) and \
                _FIELD_WORD.search(segs[loc][1]):
            # "Robotics: Science and Systems": a venue with a colon, not "City: Publisher"
            ref.venue = _clean_venue(f"{segs[loc][1].strip()} {first['publisher']}")
    for l, s in segs:
        if l == "date":
            y = re.search(rf"(?<!\d)(?<!\d\.)({_YR}|1[5-8]\d\d)(?!\d|\.\d)", s)  # not an arXiv id "2005.09310"
            if y:
                ref.year = int(y.group(1))
                break
    if ref.year is None:
        ys = re.findall(rf"(?<![\d/.-])({_YR})(?!\d|\.\d)", " ".join(s for l, s in segs if l not in ("title", "url", "doi")))
        if ys:
            ref.year = int(ys[-1])
    if "volume" in first:
        v = re.search(r"\d+|\b[IVXLC]+\b", first["volume"])
        if v:
            ref.volume = v.group(0)
    if "pages" in first:
        p = re.search(r"[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?", first["pages"])
        if p:
            ref.pages = re.sub(r"\s+", "", p.group(0)).replace("—", "–")
    return ref
