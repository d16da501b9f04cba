"""LaTeX CVs: the text (markup stripped, line numbers kept) plus the cited entries of the .bib files it names.

* Text: comments (``%`` not escaped) vanish, so commented-out entries never count; the preamble is
  dropped; ``\\textbf{X}`` → ``**X**``; ``\\emph``/``\\textit`` → X; ``\\\\`` and ``\\newline`` break the line
  (both parts keep the source line number); ``\\item`` → ``- ``; ``&`` in tables and the arguments of
  CV macros (``\\cventry{..}{..}``) are joined with `` | ``; ``\\section{X}`` → ``## X``; accents and
  ``~`` are decoded; unknown commands vanish but their text arguments stay. Every output line keeps the
  number of the source line it came from. ``\\input``/``\\include`` files beside the .tex are read in
  place (their lines carry ``Line.file``).
* Publications: ``\\bibliography{a,b}``, ``\\nobibliography{..}`` and ``\\addbibresource{x.bib}`` name .bib
  files beside the .tex; ``\\nocite{*}`` takes all their entries (``line`` = the entry's line in its
  .bib), otherwise the keys cited (``\\cite``, ``\\nocite``, ``\\bibentry``, ``\\fullcite``…) outside
  commented lines become publications in the order printed (``line`` = the .tex line that cites them).
  Citations under a section that is not about publications (Talks, Media coverage, Software…) are
  left out; a key cited but missing from the .bib files is a warning.
* Owner: ``\\name{..}`` (resume.cls, moderncv ``\\name{First}{Last}``), ``\\firstname``/``\\familyname``,
  ``\\author{..}``.

The .tex and its .bib files are one source (discovery does not read those .bib files again).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..records import Document, Line, Warning_
from . import source_info
from .bib import BREAK, latex_to_text

_CITE_CMD = r"\\(?:[a-zA-Z]*cite[a-zA-Z]*|bibentry|nocite)\*?"
_CITE = re.compile(_CITE_CMD + r"\s*(?:\[[^\]]*\]\s*)*\{([^}]*)\}")
_BIB = re.compile(r"\\(?:no)?bibliography\s*\{([^}]*)\}|\\addbibresource\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}|"
                  r"\\addglobalbib\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
_INPUT = re.compile(r"\\(?:input|include|subfile|import\s*\{[^}]*\})\s*\{([^}]*)\}")
_SECTION = re.compile(r"\\((?:sub)*section|cvsection|cvsubsection|rSection|part|chapter)\*?\s*(?:\[[^\]]*\])?\s*\{")
_MAX_DEPTH = 6


def strip_comments(line: str) -> str:
    """The line without its comment: a ``%`` preceded by an even number of backslashes.

    >>> strip_comments(r"50\\% done % note"), strip_comments(r"a\\\\% comment")
    ('50\\\\% done ', 'a\\\\\\\\')
    """
    for m in re.finditer(r"(\\*)%", line):
        if len(m.group(1)) % 2 == 0:
            return line[: m.start() + len(m.group(1))]
    return line


def _uncommented(text: str) -> str:
    return "\n".join(strip_comments(l) for l in blank_hidden(text).splitlines())


def blank_hidden(text: str) -> str:
    r"""Blank what LaTeX never prints: ``\begin{comment}…\end{comment}`` and ``\iffalse…\fi`` (lines kept).

    >>> blank_hidden("a\n\\iffalse\nhidden\n\\fi\nb").split("\n")
    ['a', '', '', '', 'b']
    """
    lines = text.split("\n")
    out, hide, depth = [], None, 0
    for line in lines:
        code = strip_comments(line)
        if hide is None:
            if re.search(r"\\begin\{comment\}", code):
                hide = "comment"
                out.append(code[: code.index("\\begin{comment}")])
                continue
            if re.match(r"\s*\\iffalse\b", code):
                hide, depth = "if", 1
                out.append("")
                continue
            out.append(line)
            continue
        if hide == "comment" and re.search(r"\\end\{comment\}", code):
            hide = None
            out.append("")
            continue
        if hide == "if":
            depth += len(re.findall(r"\\if[a-zA-Z@]*\b", code))
            depth -= len(re.findall(r"\\fi\b", code))
            if depth <= 0:
                hide = None
        out.append("")
    return "\n".join(out)


def _find_beside(folder: Path, name: str, suffix: str) -> Optional[Path]:
    name = name.strip().strip('"')
    if not name:
        return None
    cands = [name] if name.lower().endswith(suffix) else [name + suffix, name]
    for c in cands:
        p = folder / c
        if p.is_file():
            return p
    for c in cands:  # a case-insensitive file system wrote the name in another case
        p = folder / c
        if p.parent.is_dir():
            for q in p.parent.iterdir():
                if q.name.lower() == p.name.lower() and q.is_file():
                    return q
    return None


def bib_files(tex: Path, text: str) -> list[Path]:
    """The .bib files a LaTeX file names (``\\bibliography``, ``\\nobibliography``, ``\\addbibresource``)."""
    out: list[Path] = []
    for m in _BIB.finditer(_uncommented(text)):
        for name in (m.group(1) or m.group(2) or m.group(3) or "").split(","):
            p = _find_beside(tex.parent, name, ".bib")
            if p is not None and p not in out:
                out.append(p)
    return out


def included_files(tex: Path, text: str) -> list[Path]:
    """The .tex files a LaTeX file pulls in with ``\\input``/``\\include``/``\\subfile``."""
    out: list[Path] = []
    for m in _INPUT.finditer(_uncommented(text)):
        p = _find_beside(tex.parent, m.group(1), ".tex")
        if p is not None and p != tex and p not in out:
            out.append(p)
    return out


def _owner(text: str) -> Optional[str]:
    t = _uncommented(text)
    m = re.search(r"\\name\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*\{([^{}]*)\}", t)  # moderncv \name{First}{Last}
    if m and m.group(2).strip():
        cand = f"{latex_to_text(m.group(1))} {latex_to_text(m.group(2))}"
    else:
        m = re.search(r"\\(?:name|cvname|fullname|myname|yourname|author)\s*\{((?:[^{}]|\{[^{}]*\})*)\}", t)
        cand = latex_to_text(m.group(1)) if m else ""
        if not cand:
            f = re.search(r"\\firstname\s*\{([^}]*)\}", t)
            l = re.search(r"\\(?:familyname|lastname|surname)\s*\{([^}]*)\}", t)
            cand = f"{latex_to_text(f.group(1))} {latex_to_text(l.group(1))}" if f and l else ""
    cand = re.sub(r"\s+", " ", cand.replace("*", "")).strip(" ,")
    cand = re.split(r"\s*(?:,|\|)\s*(?=(?:Ph\.?\s?D|M\.?D|CV|Curriculum))", cand)[0].strip()
    if cand and 1 <= len(cand.split()) <= 6 and re.search(r"[A-Za-zÀ-ÿ]", cand) and not re.search(r"\d|@", cand):
        return cand
    return None


def _clean_line(s: str) -> str:
    s = re.sub(r"(?:\s*\|\s*)+\|", " |", s)
    s = re.sub(r"^\s*\|\s*|\s*\|\s*$", "", s).strip()
    s = re.sub(r"\*\*\s*\*\*", "", s)
    s = re.sub(r"[ \t]+", " ", s)
    if re.fullmatch(r"[-|\s]*", s):  # an \item left empty (its \bibentry is a structured publication)
        return ""
    return s


def _text_lines(text: str, file: Optional[str]) -> list[Line]:
    raw = text.split("\n")
    start = next((i for i, l in enumerate(raw) if "\\begin{document}" in strip_comments(l)), None)
    end = next((i for i, l in enumerate(raw) if "\\end{document}" in strip_comments(l)), None)
    body = [("" if (start is not None and i <= start) or (end is not None and i >= end) else l) for i, l in enumerate(raw)]
    out_text = latex_to_text("\n".join(body), bold_markup=True, keep_lines=True, table=True, headings=True)
    lines = []
    contact = _preamble_contact(raw[:start] if start is not None else [])
    for i, t in enumerate(out_text.split("\n"), 1):
        parts = [_clean_line(p) for p in t.split(BREAK)]
        parts = [p for p in parts if p] or [contact.get(i, "")]
        for p in parts:
            lines.append(Line(p, i, None, file))
    return lines


_CONTACT = re.compile(r"\\(email|homepage|phone|mobile|address)\s*(?:\[[^\]]*\])?\s*\{((?:[^{}]|\{[^{}]*\})*)\}")


def _preamble_contact(pre: list[str]) -> dict:
    """moderncv/awesome-cv contact macros of the preamble (``\\email{…}``, ``\\homepage{…}``, ``\\phone[mobile]{…}``)
    as ``{line: "Email: …"}``, so the owner's contact details are read like a header line."""
    out = {}
    for i, l in enumerate(pre, 1):
        m = _CONTACT.search(strip_comments(l))
        if m and m.group(2).strip():
            label = {"email": "Email", "homepage": "Web", "phone": "Phone", "mobile": "Phone", "address": "Address"}[m.group(1)]
            out[i] = f"{label}: {latex_to_text(m.group(2)).strip()}"
    return out


_NOT_PUBS = re.compile(r"\b(media|press|news|coverage|talks?|posters?|presentations?|seminars?|software|code|"
                       r"packages?|datasets?|grants?|teaching|service)\b", re.I)


def _kind(title: str) -> str:
    from ..extract.sections import classify

    k = classify(title)
    if k == "publications":
        return "pubs"
    if k == "other" and not _NOT_PUBS.search(title):
        return "unknown"
    return "other"


def _cites(text: str, state: dict, origin: str) -> None:
    """Collect cited keys (and \\nocite{*}) in document order, outside comments and non-publication sections."""
    for lno, raw in enumerate(text.split("\n"), 1):
        l = strip_comments(raw)
        if not l.strip():
            continue
        for m in re.finditer(_SECTION.pattern + r"|" + _CITE.pattern, l):
            if m.group(0).startswith(("\\section", "\\subsection", "\\subsubsection", "\\cvsection", "\\cvsubsection",
                                      "\\rSection", "\\part", "\\chapter")) and not _CITE.match(m.group(0)):
                k = m.end()
                depth, j = 1, k
                while j < len(l) and depth:
                    depth += {"{": 1, "}": -1}.get(l[j], 0)
                    j += 1
                title = latex_to_text(l[k:j - 1])
                sub = "sub" in m.group(1)
                kind = _kind(title)
                if sub and kind == "unknown":
                    kind = state["top"]  # "2021" under "Publications" is still publications
                if not sub:
                    state["top"] = kind
                state["kind"] = kind
                continue
            cm = _CITE.match(m.group(0))
            if not cm:
                continue
            for k in cm.group(1).split(","):
                k = k.strip()
                if k == "*":
                    state["all"] = True
                elif k and state["kind"] != "other" and k not in state["keys"]:
                    state["keys"][k] = (lno, origin)


def read(path: Path, key: str) -> Document:
    from .bib import entry_to_publication, parse_entries
    from .text import decode

    text = blank_hidden(decode(path.read_bytes(), str(path)))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    if "\\" not in text:
        raise InputError(f"{path}: not a LaTeX file (no LaTeX commands)")
    state = {"kind": "unknown", "top": "unknown", "all": False, "keys": {}}
    bibs: list[Path] = []
    lines: list[Line] = []
    warnings: list[Warning_] = []

    def walk(p: Path, t: str, file: Optional[str], depth: int, seen: set):
        for b in bib_files(p, t):
            if b not in bibs:
                bibs.append(b)
        subs = {s.resolve(): s for s in included_files(p, t)} if depth < _MAX_DEPTH else {}
        _cites(t, state, file or "")
        own = _text_lines(t, file)
        if not subs:
            lines.extend(own)
            return
        by_line: dict[int, list[Path]] = {}
        for lno, raw in enumerate(t.split("\n"), 1):
            for m in _INPUT.finditer(strip_comments(raw)):
                q = _find_beside(p.parent, m.group(1), ".tex")
                if q is not None and q.resolve() in subs and q.resolve() not in seen:
                    by_line.setdefault(lno, []).append(q)
        for idx, ln in enumerate(own):
            lines.append(ln)
            last_of_line = idx + 1 == len(own) or own[idx + 1].line != ln.line
            if not last_of_line or ln.line not in by_line:
                continue
            for q in by_line.pop(ln.line):
                seen.add(q.resolve())
                try:
                    sub_text = blank_hidden(decode(q.read_bytes(), str(q)))
                except (OSError, InputError) as e:
                    warnings.append(Warning_(ln.line, q.name, f"included file not read: {e}"))
                    continue
                rel = q.relative_to(path.parent).as_posix() if q.is_relative_to(path.parent) else q.name
                walk(q, sub_text, rel, depth + 1, seen)

    walk(path, text, None, 0, {path.resolve()})
    doc = Document(source=source_info(path, "tex", key), lines=lines, owner=_owner(text), warnings=warnings)
    from .grouping import Source, _tex_members, source_sha256

    members = tuple(m for m in _tex_members(path) if m != path)
    if members:  # the hash of the whole source: an edited .bib is a changed source
        doc.source.sha256 = source_sha256(Source(path, key, "tex", members))
    entries: dict[str, dict] = {}
    for b in bibs:
        try:
            es, warns = parse_entries(decode(b.read_bytes(), str(b)), str(b))
        except InputError as e:
            doc.warnings.append(Warning_(None, b.name, str(e)))
            continue
        for w in warns:
            w.reason = f"{b.name}: {w.reason}"
        doc.warnings += warns
        for e in es:
            entries.setdefault(e["key"], e)
    chosen: list[tuple[dict, Optional[int]]] = []
    if state["all"]:
        chosen = [(e, e.get("line")) for e in entries.values()]
        # keys cited explicitly elsewhere do not add anything: \nocite{*} already took every entry
    else:
        for k, (lno, origin) in state["keys"].items():
            if k in entries:
                chosen.append((entries[k], lno if not origin else None))
            elif bibs:
                doc.warnings.append(Warning_(lno if not origin else None, k, "cited key not found in the .bib files"))
    for e, lno in chosen:
        if not str(e.get("title", "")).strip():
            continue
        pub = entry_to_publication(e)
        pub.line = lno if lno is not None else e.get("line")
        doc.publications.append(pub)
    if not any(l.text.strip() for l in lines) and not doc.publications:
        raise InputError(f"{path}: no text in the LaTeX file")
    return doc
