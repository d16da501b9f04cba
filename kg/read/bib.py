"""BibTeX files (bibtexparser 2): every entry becomes a publication; slips are warnings with lines.

>>> latex_to_text(r"Ma{\\l}gorzata G{\\\"o}ssmann and J.~R\\'{e}my, \\textit{Deep} \\& {Wide} --- 2020")
'Małgorzata Gössmann and J. Rémy, Deep & Wide — 2020'
>>> latex_to_text(r"{\\\"U}ber \\c{c}a $\\alpha$-{B}eta \\href{http://x.org/a%20b}{link}")
'Über ça α-Beta link'
>>> latex_to_text(r"\\textbf{Ada {Roe}} and {\\bf Bo}", bold_markup=True)
'**Ada Roe** and **Bo**'
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Optional

from ..errors import InputError, MissingDependency
from ..records import Author, Document, Publication, Warning_
from . import source_info

# ---------------------------------------------------------------------------------------------
# LaTeX → text (shared with the .tex reader)

#: a forced line break (``\\``, ``\newline``) in ``keep_lines`` mode; the .tex reader splits on it
BREAK = "\x1e"

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
            "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323",
            "b": "\u0331", "t": "\u0361"}
_GREEK = "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho " \
         "varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
_GREEK_CHARS = "αβγδεεζηθϑικλμνξπϖρϱσςτυφϕχψωΓΔΘΛΞΠΣΥΦΨΩ"
_SYMBOLS = {
    "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "ss": "ß",
    "i": "i", "j": "j", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "dj": "đ", "DJ": "Đ", "ng": "ŋ", "NG": "Ŋ",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…", "textquoteright": "’",
    "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”", "textquotedbl": '"', "LaTeX": "LaTeX",
    "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e", "textasciitilde": "~", "textbackslash": "\\", "textbar": "|",
    "textless": "<", "textgreater": ">", "textbullet": "•", "textdagger": "†", "dag": "†", "ddag": "‡",
    "textdaggerdbl": "‡", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®",
    "texttrademark": "™", "euro": "€", "texteuro": "€", "EUR": "€", "pounds": "£", "textsterling": "£", "textdollar": "$",
    "textdegree": "°", "degree": "°", "guillemotleft": "«", "guillemotright": "»", "og": "«", "fg": "»",
    "textperiodcentered": "·", "cdot": "·", "cdots": "⋯", "times": "×", "pm": "±", "sim": "~", "approx": "≈", "leq": "≤",
    "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←",
    "ast": "*", "star": "*", "bullet": "•", "prime": "′", "textasteriskcentered": "*", "textunderscore": "_",
    "quad": " ", "qquad": " ", "enspace": " ", "hfill": " ", "hfil": " ", "space": " ", "break": " ", "par": " ",
    "and": ",", "AND": ",", "textsuperscript": "", "%": "%",
}
_SYMBOLS.update(zip(_GREEK.split(), _GREEK_CHARS))
#: commands whose one argument is kept as text
_KEEP = set("textit emph textsc textrm textsf texttt textup textsl textmd textnormal underline uline mbox hbox makebox "
            "fbox framebox text mathrm mathit mathbf mathsf mathtt mathcal mathbb mathnormal boldsymbol bm ensuremath "
            "textsuperscript textsubscript MakeUppercase MakeLowercase MakeTextUppercase uppercase lowercase sout st hl "
            "caps oldstylenums textls lowercase underbar emphasize highlight small large footnotesize scriptsize tiny "
            "normalsize Large LARGE huge Huge nocorr NoCaseChange textenglish textfrench textgerman".split())
_BOLD = {"textbf", "mathbf", "textbfit"}
#: commands dropped together with their brace arguments (name → number of arguments)
_DROP = {
    "vspace": 1, "hspace": 1, "label": 1, "ref": 1, "pageref": 1, "eqref": 1, "autoref": 1, "cref": 1, "Cref": 1,
    "includegraphics": 1, "setlength": 2, "addtolength": 2, "setcounter": 2, "addtocounter": 2, "stepcounter": 1,
    "rule": 2, "color": 1, "pagecolor": 1, "fontsize": 2, "linespread": 1, "bibliographystyle": 1, "bibliography": 1,
    "nobibliography": 1, "addbibresource": 1, "usepackage": 1, "RequirePackage": 1, "documentclass": 1,
    "thispagestyle": 1, "pagestyle": 1, "geometry": 1, "hypersetup": 1, "definecolor": 3, "colorlet": 2, "urlstyle": 1,
    "enlargethispage": 1, "phantom": 1, "hphantom": 1, "vphantom": 1, "cite": 1, "citep": 1, "citet": 1, "nocite": 1,
    "citeauthor": 1, "citeyear": 1, "parencite": 1, "textcite": 1, "autocite": 1, "footcite": 1, "fullcite": 1,
    "bibentry": 1, "printbibliography": 0, "input": 1, "include": 1, "includeonly": 1, "newcommand": 2,
    "renewcommand": 2, "providecommand": 2, "newenvironment": 3, "renewenvironment": 3, "setmainfont": 1,
    "setsansfont": 1, "setmonofont": 1, "newfontfamily": 2, "titleformat": 5, "titlespacing": 4, "moderncvstyle": 1,
    "moderncvcolor": 1, "moderncvtheme": 1, "photo": 1, "faicon": 1, "faIcon": 1, "icon": 1, "orcid": 0,
    "pdfbookmark": 2, "hyphenation": 1, "selectlanguage": 1, "setlist": 1, "newlength": 1, "settowidth": 2,
    "addcontentsline": 3, "markboth": 2, "markright": 1, "fancyhead": 1, "fancyfoot": 1, "lhead": 1, "chead": 1,
    "rhead": 1, "lfoot": 1, "cfoot": 1, "rfoot": 1, "DeclareFieldFormat": 2, "AtEveryBibitem": 1, "keys": 1,
    "pgfsetlayers": 1, "tikz": 1, "vskip": 0, "hskip": 0, "kern": 0, "mkbibbold": 0,
}
_DIMENSION = re.compile(r"\s*=?\s*-?\s*[\d.]+\s*(?:pt|mm|cm|in|em|ex|bp|sp|pc|dd|cc|mu)(?:\s*(?:plus|minus)\s*-?[\d.]+\s*\w\w)*")
#: environments whose \begin takes brace arguments that are not text
_ENV_ARGS = {"tabular": 1, "tabular*": 2, "tabularx": 2, "tabulary": 2, "longtable": 1, "supertabular": 1, "array": 1,
             "tabu": 1, "minipage": 1, "multicols": 1, "multicols*": 1, "thebibliography": 1, "adjustwidth": 2,
             "wrapfigure": 2, "list": 2, "rSection": 1, "rSubsection": 4, "cvsection": 1}
_SECTIONS = {"part", "chapter", "section", "subsection", "subsubsection", "paragraph", "subparagraph", "cvsection",
             "cvsubsection", "sectiontitle", "rSection", "Section", "CVSection", "cvsect", "sect", "newsection"}


def _match_brace(s: str, i: int, comments: bool = True) -> int:
    """Index just past the brace group opening at s[i] ('{'); escapes and comments are skipped."""
    depth, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "%" and comments:
            j = s.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n  # unbalanced: the group runs to the end


def _match_bracket(s: str, i: int) -> int:
    depth, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            i = _match_brace(s, i)
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def _accented(base: str, mark: str) -> str:
    if not base:
        return ""
    base = {"ı": "i", "ȷ": "j"}.get(base[0], base[0]) + base[1:]
    return unicodedata.normalize("NFC", base[0] + _ACCENTS[mark]) + base[1:]


class _TeX:
    def __init__(self, bold: bool, lines: bool, table: bool, headings: bool):
        self.bold, self.lines, self.table, self.headings = bold, lines, table, headings

    # -- helpers ------------------------------------------------------------------------------
    def _nl(self, s: str) -> str:
        return "\n" * s.count("\n") if self.lines else ""

    def _skip_ws(self, s: str, i: int, newlines: bool = True) -> int:
        while i < len(s) and (s[i] in " \t" or (newlines and s[i] == "\n")):
            i += 1
        return i

    def _opts(self, s: str, i: int) -> tuple[list[str], int, str]:
        """Optional [..] arguments after a command: (their texts, new index, skipped newlines)."""
        opts, skipped = [], ""
        while True:
            j = self._skip_ws(s, i, newlines=False)
            if j < len(s) and s[j] == "[":
                k = _match_bracket(s, j)
                if k - j > 400 or (k == len(s) and not s.endswith("]")):
                    return opts, i, skipped  # an unclosed "[" is text, not an optional argument
                opts.append(s[j + 1:k - 1])
                skipped += s[i:k]
                i = k
            else:
                return opts, i, skipped

    def _args(self, s: str, i: int, count: Optional[int]) -> tuple[list[str], int, str]:
        """Up to ``count`` brace arguments (all consecutive ones when None)."""
        args, skipped = [], ""
        while count is None or len(args) < count:
            j = self._skip_ws(s, i, newlines=count is not None or not args)
            if count is None and args and "\n\n" in s[i:j]:
                break
            if j < len(s) and s[j] == "{":
                k = _match_brace(s, j)
                args.append(s[j + 1:k - 1])
                skipped += s[i:k]
                i = k
                o, i2, sk = self._opts(s, i) if count is not None else ([], i, "")
                skipped += sk
                i = i2
            elif count is not None and j < len(s) and s[j] not in "}\\%" and not s[j].isspace():
                args.append(s[j])  # \textbf x: a single-token argument
                skipped += s[i:j + 1]
                i = j + 1
            else:
                break
        return args, i, skipped

    def _raw_arg(self, s: str, i: int) -> tuple[str, int]:
        """A URL-like argument: % and # are literal there."""
        j = self._skip_ws(s, i, newlines=False)
        if j < len(s) and s[j] == "{":
            k = _match_brace(s, j, comments=False)
            return s[j + 1:k - 1], k
        return "", i

    def _accent_arg(self, s: str, i: int, letter_cmd: bool) -> tuple[str, int]:
        j = self._skip_ws(s, i, newlines=False) if letter_cmd else i
        if j < len(s) and s[j] == "{":
            k = _match_brace(s, j)
            return self.parse(s[j + 1:k - 1]), k
        if s.startswith(("\\i", "\\j"), j) and not s[j + 2:j + 3].isalpha():
            return s[j + 1], j + 2
        if j < len(s) and not s[j].isspace():
            return s[j], j + 1
        return "", j

    # -- the parser ---------------------------------------------------------------------------
    def parse(self, s: str, math: bool = False) -> str:
        out: list[str] = []
        i, n = 0, len(s)
        while i < n:
            c = s[i]
            if c == "%":
                j = s.find("\n", i)
                i = n if j < 0 else j
            elif c == "\\":
                i = self._backslash(s, i, out, math)
            elif c == "{":
                k = _match_brace(s, i)
                out.append(self._group(s[i + 1:k - 1]))
                i = k
            elif c == "}":
                i += 1
            elif c == "$":
                dd = s.startswith("$$", i)
                j = i + (2 if dd else 1)
                k = j
                while k < n and not (s[k] == "$" and s[k - 1] != "\\"):
                    k += 1
                out.append(self.parse(s[j:k], math=True))
                i = k + (2 if dd else 1)
            elif math and c in "^_":
                i += 1
            elif c == "~":
                out.append(" ")
                i += 1
            elif c == "-":
                if s.startswith("---", i):
                    out.append("—")
                    i += 3
                elif s.startswith("--", i):
                    out.append("–")
                    i += 2
                else:
                    out.append("-")
                    i += 1
            elif c == "`":
                dbl = s.startswith("``", i)
                out.append("“" if dbl else "‘")
                i += 2 if dbl else 1
            elif c == "'" and s.startswith("''", i):
                out.append("”")
                i += 2
            elif c == "&":
                out.append(" | " if self.table else "&")
                i += 1
            elif c == "\n":
                out.append("\n" if self.lines else " ")
                i += 1
            elif c in "\t\r":
                out.append(" ")
                i += 1
            else:
                out.append(c)
                i += 1
        return "".join(out)

    def _group(self, inner: str) -> str:
        m = re.match(r"\s*\\(bf|bfseries|it|itshape|em|sc|scshape|rm|sf|tt|sl|upshape|normalfont)(?![A-Za-z])\s*", inner)
        if m and m.group(1) in ("bf", "bfseries"):
            text = self.parse(inner[m.end():])
            return f"**{text.strip()}**" if self.bold and text.strip() else text
        return self.parse(inner)

    def _backslash(self, s: str, i: int, out: list, math: bool) -> int:
        n = len(s)
        if i + 1 >= n:
            return n
        d = s[i + 1]
        if d == "\\":  # \\[2pt] or \\*: a line break
            i += 2
            if i < n and s[i] == "*":
                i += 1
            _, i, sk = self._opts(s, i)
            out.append(BREAK if self.lines else " ")
            out.append(self._nl(sk))
            return i
        if d.isascii() and d.isalpha():
            m = re.compile(r"[A-Za-z]+").match(s, i + 1)
            name = m.group(0)
            i = m.end()
            star = i < n and s[i] == "*"
            if star:
                i += 1
            return self._command(name, star, s, i, out, math)
        if d in _ACCENTS and not d.isalpha():
            base, i = self._accent_arg(s, i + 2, letter_cmd=False)
            out.append(_accented(base, d))
            return i
        if d in "&%$#_{}":
            out.append(d)
        elif d in " ,;:>":
            out.append(" ")
        elif d == "\n":
            out.append("\n" if self.lines else " ")
        elif d in "!/@-|":
            pass
        else:
            out.append(d)
        return i + 2

    def _command(self, name: str, star: bool, s: str, i: int, out: list, math: bool) -> int:
        n = len(s)
        if name in ("newline", "linebreak", "cr", "tabularnewline"):
            out.append(BREAK if self.lines else " ")
            return self._skip_ws(s, i, newlines=False)
        if name in _ACCENTS and len(name) == 1:
            base, i = self._accent_arg(s, i, letter_cmd=True)
            out.append(_accented(base, name))
            return i
        if name == "item":
            opts, i, sk = self._opts(s, i)
            label = self.parse(opts[0]).strip() if opts else ""
            out.append("- " + (label + " " if label else ""))
            return self._skip_ws(s, i, newlines=False)
        if name in ("begin", "end"):
            args, i, sk = self._args(s, i, 1)
            env = (args[0] if args else "").strip()
            if name == "begin":
                _, i, sk2 = self._opts(s, i)
                sk += sk2
                if env in _ENV_ARGS:
                    _, i, sk3 = self._args(s, i, _ENV_ARGS[env])
                    sk += sk3
            out.append(" " + self._nl(sk))
            return i
        if name in _SECTIONS:
            _, i, sk = self._opts(s, i)
            args, i, sk2 = self._args(s, i, 1)
            title = latex_to_text(args[0]) if args else ""
            if self.headings and title:
                out.append(f"## {title}")
            else:
                out.append(title)
            out.append(self._nl(sk + sk2))
            return i
        if name == "href":
            _, i, sk = self._opts(s, i)
            url, i = self._raw_arg(s, i)
            args, i, sk2 = self._args(s, i, 1)
            out.append(self.parse(args[0]) if args else url)
            out.append(self._nl(sk + sk2))
            return i
        if name in ("textcolor", "colorbox", "foreignlanguage", "hyperlink", "hyperref", "otherlanguage"):
            _, i, sk = self._opts(s, i)
            args, i, sk2 = self._args(s, i, 1 if name == "hyperref" else 2)
            out.append(self.parse(args[-1]) if args else "")
            out.append(self._nl(sk + sk2))
            return i
        if name in ("url", "nolinkurl", "path", "email"):
            url, i = self._raw_arg(s, i)
            out.append(url.strip().replace("\\%", "%").replace("\\#", "#").replace("\\_", "_").replace("\\&", "&"))
            return i
        if name in ("multicolumn", "multirow", "raisebox", "scalebox", "resizebox", "rotatebox", "parbox", "makecell"):
            count = {"multicolumn": 3, "multirow": 3, "raisebox": 2, "scalebox": 2, "resizebox": 3, "rotatebox": 2,
                     "parbox": 2, "makecell": 1}[name]
            _, i, sk = self._opts(s, i)
            args, i, sk2 = self._args(s, i, count)
            out.append(self.parse(args[-1]) if args else "")
            out.append(self._nl(sk + sk2))
            return i
        if name in ("footnote", "thanks", "marginpar"):
            _, i, sk = self._opts(s, i)
            args, i, sk2 = self._args(s, i, 1)
            out.append((" " + self.parse(args[0])) if args else "")
            return i
        if name in _DROP:
            _, i, sk = self._opts(s, i)
            if name in ("newcommand", "renewcommand", "providecommand"):
                args, i, sk2 = self._args(s, i, 1)
                _, i, sk3 = self._opts(s, i)
                args2, i, sk4 = self._args(s, i, 1)
                sk += sk2 + sk3 + sk4
            elif _DROP[name]:
                _, i, sk2 = self._args(s, i, _DROP[name])
                sk += sk2
            m = _DIMENSION.match(s, i)
            if m and name in ("vskip", "hskip", "kern", "vspace", "hspace"):
                i = m.end()
            out.append(self._nl(sk))
            return i
        if name in _BOLD:
            args, i, sk = self._args(s, i, 1)
            text = self.parse(args[0]) if args else ""
            out.append(f"**{text.strip()}**" if self.bold and text.strip() else text)
            return i
        if name in _KEEP:
            args, i, sk = self._args(s, i, 1)
            if args:
                out.append(self.parse(args[0], math))
            return i
        if name in _SYMBOLS:
            out.append(_SYMBOLS[name])
            if s.startswith("{}", i):
                return i + 2
            return self._skip_ws(s, i, newlines=False) if out[-1] not in (" ", ",") else i
        if name.startswith("fa") and name[2:3].isupper():  # fontawesome icons: \faEnvelope, \faGithub
            return self._skip_ws(s, i, newlines=False)
        # any other command: it vanishes, the text of its arguments stays
        _, i, sk = self._opts(s, i)
        args, i2, sk2 = self._args(s, i, None)
        if not args:
            m = _DIMENSION.match(s, i) if name.endswith(("skip", "space", "sep", "indent", "width", "margin")) else None
            if m:
                return m.end()
            return self._skip_ws(s, i, newlines=False)
        texts = [t.strip() for t in (self.parse(a) for a in args)]
        texts = [t.replace("\n", " ") for t in texts if t]
        sep = " | " if self.table and len(texts) > 1 else " "
        out.append(sep.join(texts))
        out.append(self._nl(sk + sk2))
        return i2


def latex_to_text(s: str, bold_markup: bool = False, keep_lines: bool = False, table: bool = False,
                  headings: bool = False) -> str:
    """LaTeX → plain text: accents, braces, commands (their text arguments kept), math, dashes, comments.

    ``bold_markup`` writes ``\\textbf{X}`` as ``**X**``; ``keep_lines`` keeps every source newline (so line
    numbers survive) and writes forced breaks (``\\\\``) as :data:`BREAK`; ``table`` writes ``&`` as `` | ``
    and joins the arguments of unknown multi-argument macros (``\\cventry{..}{..}``) with `` | ``;
    ``headings`` writes ``\\section{X}`` as ``## X``.
    """
    if not s:
        return ""
    text = _TeX(bold_markup, keep_lines, table, headings).parse(s)
    text = text.replace("\u00a0", " ")
    if keep_lines:
        return "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n"))
    return re.sub(r"\s+", " ", text.replace(BREAK, " ")).strip()


# ---------------------------------------------------------------------------------------------
# BibTeX

_STATUS = [("accepted", r"\bto appear\b|\baccepted\b|\bin press\b|\bforthcoming\b|\binpress\b"),
           ("submitted", r"\bsubmitted\b|\bunder review\b|\bin review\b|\bunder revision\b|\bin revision\b|\brevise and resubmit\b"),
           ("preprint", r"\bpreprint\b|\bworking paper\b|\bin preparation\b|\bprepublished\b")]
_GROUP_WORDS = re.compile(r"\b(team|collaboration|consortium|group|project|committee|society|association|institute|"
                          r"organi[sz]ation|council|network|initiative|working|agency|foundation|university|ministry)\b", re.I)


def _silence():
    import logging

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # its complaints become our warnings


def _unwrap(v):
    """A raw field value ({...} or "..."), as the parser's middleware would leave it."""
    if isinstance(v, str):
        t = v.strip()
        if t.startswith("{") and _match_brace(t, 0, comments=False) == len(t) or (len(t) >= 2 and t[0] == t[-1] == '"'):
            return t[1:-1]
    return v


def _entry_dict(e, raw: bool = False) -> dict:
    d = {k.lower(): (_unwrap(f.value) if raw else f.value) for k, f in e.fields_dict.items()}
    d["key"], d["type"], d["line"] = e.key, e.entry_type.lower(), (e.start_line or 0) + 1
    return d


def _drop_comment_lines(text: str) -> str:
    """Blank the lines that start with ``%`` outside any entry (line numbers kept).

    BibTeX itself has no comment character, but biber and every CV author read ``% @article{…}`` as
    commented out.

    >>> _drop_comment_lines("% @misc{a, title={x}}\\n@misc{b, title={50\\n% of it}}").splitlines()
    ['', '@misc{b, title={50', '% of it}}']
    """
    out, depth = [], 0
    for line in text.split("\n"):
        if depth == 0 and line.lstrip().startswith("%"):
            out.append("")
            continue
        out.append(line)
        for _, depth in _top_level(line, depth):
            pass
    return "\n".join(out)


def _top_level(s: str, depth: int = 0):
    """(index, brace depth after it) for each character of `s` outside a backslash escape.

    >>> [d for _, d in _top_level("a{b{c}}d")]
    [0, 1, 1, 2, 2, 1, 0, 0]
    """
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        yield i, depth
        i += 1


def parse_entries(text: str, origin: str):
    """(entries as dicts with 'key', 'type', 'line' and fields, warnings) from BibTeX text."""
    try:
        import bibtexparser
    except ImportError:
        raise MissingDependency("reading BibTeX needs the 'bib' extra: pip install 'pubkg[bib]'") from None
    _silence()
    text = _drop_comment_lines(text)
    try:
        lib = bibtexparser.parse_string(text)
    except Exception as e:  # the parser's own errors on hopeless input
        raise InputError(f"{origin}: broken BibTeX ({type(e).__name__}: {str(e)[:80]})") from None
    entries, warnings = [], []
    for e in lib.entries:
        entries.append(_entry_dict(e))
    for b in lib.failed_blocks:
        kept = getattr(b, "ignore_error_block", None)
        if type(b).__name__ == "DuplicateFieldKeyBlock" and kept is not None and hasattr(kept, "fields_dict"):
            d = _entry_dict(kept, raw=True)  # an entry with a repeated field: keep the entry, warn about the field
            entries.append(d)
            keys = ", ".join(sorted(getattr(b, "duplicate_keys", []) or []))
            warnings.append(Warning_(d["line"], d["key"], f"BibTeX entry repeats a field ({keys}); the first value is used"
                                     if keys else "BibTeX entry repeats a field"))
            continue
        raw = (getattr(b, "raw", "") or "").strip()
        first = raw.splitlines()[0][:120] if raw else ""
        warnings.append(Warning_((b.start_line or 0) + 1, first, "BibTeX entry could not be parsed (unbalanced braces or quotes?)"))
    for m in re.finditer(r"(?m)^[ \t]*@[ \t]*@+[ \t]*\w+", text):
        warnings.append(Warning_(text[: m.start()].count("\n") + 1, m.group(0).strip(), "doubled '@' before an entry type"))
    entries.sort(key=lambda d: d["line"])
    warnings.sort(key=lambda w: w.line or 0)
    return entries, warnings


def _year(d) -> Optional[int]:
    for k in ("year", "date", "eventdate", "origdate"):
        m = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", str(d.get(k) or ""))
        if m:
            return int(m.group(1))
    return None


def split_bibtex_names(raw: str) -> list[str]:
    """Split a BibTeX name list on top-level `` and `` (braces protect: ``{Barnes and Noble}``).

    >>> split_bibtex_names(r"Roe, Ada and {Barnes and Noble} and B{\\"o}hm, J. AND others")
    ['Roe, Ada', '{Barnes and Noble}', 'B{\\\\"o}hm, J.', 'others']
    """
    parts, start = [], 0
    s = re.sub(r"\s+", " ", raw or "")
    for i, depth in _top_level(s):
        if depth == 0 and i >= start and s[i:i + 5].lower() == " and ":
            parts.append(s[start:i])
            start = i + 5
    parts.append(s[start:])
    return [p.strip() for p in parts if p.strip()]


def _name(raw: str) -> tuple[str, bool]:
    """(name as written, LaTeX decoded, is it a group author)."""
    wrapped = raw.startswith("{") and raw.endswith("}") and _match_brace(raw, 0) == len(raw)
    name = latex_to_text(raw).strip().strip(",").strip()
    group = wrapped and (bool(_GROUP_WORDS.search(name)) or (name.isupper() and len(name.replace(" ", "")) >= 2))
    return name, group


def _venue(d: dict) -> Optional[str]:
    typ = d.get("type", "")
    keys = ["journal", "journaltitle", "booktitle", "eventtitle", "series"]
    if typ in ("phdthesis", "mastersthesis", "thesis"):
        keys += ["school", "institution"]
    elif typ in ("techreport", "report"):
        keys += ["institution", "number"]
    keys += ["howpublished", "organization", "publisher", "school", "institution"]
    for k in keys:
        v = d.get(k)
        if v and str(v).strip():
            text = latex_to_text(str(v))
            if k == "howpublished" and re.match(r"^(https?://|\\url)", str(v).strip()):
                continue
            if text:
                return text
    eprint = d.get("eprint")
    if eprint:
        kind = str(d.get("eprinttype") or d.get("archiveprefix") or "arXiv")
        return f"{latex_to_text(kind)}:{latex_to_text(str(eprint))}"
    return None


def entry_to_publication(d: dict) -> Publication:
    title = latex_to_text(str(d.get("title", ""))).strip()
    title = re.sub(r"\s*\.$", "", title)
    names = split_bibtex_names(str(d.get("author", "")))
    if not names and d.get("editor"):
        names = split_bibtex_names(str(d["editor"]))
    et_al = any(n.strip("{} ").lower() in ("others", "et al.", "et al") for n in names)
    names = [n for n in names if n.strip("{} ").lower() not in ("others", "et al.", "et al")]
    status = None
    blob = " ".join(str(d.get(k, "")) for k in ("pubstate", "note", "keywords", "journal", "journaltitle", "howpublished"))
    for st, rx in _STATUS:
        if re.search(rx, blob, re.I):
            status = st
            break
    if status is None and d.get("type") == "unpublished":
        status = "preprint"
    venue_blob = " ".join(str(d.get(k, "")) for k in ("journal", "journaltitle"))
    if status is None and (re.match(r"\s*(arxiv|biorxiv|medrxiv|ssrn|research square|preprints?)\b", venue_blob, re.I)
                           or (d.get("eprint") and not venue_blob.strip() and not d.get("booktitle"))):
        status = "preprint"
    doi = str(d["doi"]).strip() if d.get("doi") else None
    if doi:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
    url = re.sub(r"\\([_%&#~])", r"\1", str(d["url"]).strip()) if d.get("url") else None
    pub = Publication(title=title, et_al=et_al, venue=_venue(d), year=_year(d), status=status, doi=doi, url=url,
                      line=d.get("line"))
    for i, raw in enumerate(names):
        name, group = _name(raw)
        if name:
            pub.authors.append(Author(name, len(pub.authors) + 1, is_group=group))
    return pub


def read(path: Path, key: str) -> Document:
    from .text import decode

    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    entries, warnings = parse_entries(text, str(path))
    if not entries:
        bad = f" ({len(warnings)} block(s) could not be parsed)" if warnings else ""
        raise InputError(f"{path}: broken BibTeX: no entry could be read{bad}")
    pubs = []
    for d in entries:
        if not str(d.get("title", "")).strip():
            warnings.append(Warning_(d["line"], d["key"], "BibTeX entry has no title; skipped"))
            continue
        pubs.append(entry_to_publication(d))
    warnings.sort(key=lambda w: w.line or 0)
    return Document(source=source_info(path, "bib", key), publications=pubs, warnings=warnings)
