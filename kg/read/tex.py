"""LaTeX CVs: the text (markup stripped, line numbers kept) plus the cited entries of the .bib files it names.

``\\bibliography{a,b}``, ``\\nobibliography``, ``\\addbibresource`` name the .bib files beside the .tex;
``\\nocite{*}`` takes all their entries, otherwise only the keys cited (``\\cite``, ``\\nocite``,
``\\bibentry``, ``\\fullcite``…), in the order printed. Commented-out lines never count.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..records import Document, Line
from . import source_info
from .latex import latex_to_text
from .text import decode

_CITE = re.compile(r"\\(?:no|full|foot|paren|text|auto)?cite[tp]?\*?(?:\[[^\]]*\])*\{([^}]*)\}|\\bibentry\{([^}]*)\}")
_BIB = re.compile(r"\\(?:no)?bibliography\{([^}]*)\}|\\addbibresource(?:\[[^\]]*\])?\{([^}]*)\}")


def strip_comments(line: str) -> str:
    return re.sub(r"(?<!\\)%.*$", "", line)


def bib_files(tex: Path, text: str) -> list[Path]:
    out = []
    for m in _BIB.finditer("\n".join(strip_comments(l) for l in text.splitlines())):
        for name in (m.group(1) or m.group(2) or "").split(","):
            name = name.strip()
            if not name:
                continue
            p = tex.parent / (name if name.endswith(".bib") else name + ".bib")
            if p.exists():
                out.append(p)
    return out


def _text_line(raw: str) -> str:
    s = strip_comments(raw)
    s = _CITE.sub("", s)
    s = re.sub(r"\\(?:sub)*section\*?\{([^}]*)\}", r"## \1", s)
    s = re.sub(r"\\cvsection\{([^}]*)\}|\\section\{([^}]*)\}", lambda m: "## " + (m.group(1) or m.group(2)), s)
    s = re.sub(r"\\item\s*(\[[^\]]*\])?", "- ", s)
    s = re.sub(r"\\(?:begin|end)\{[^}]*\}(\{[^}]*\})*(\[[^\]]*\])?", " ", s)
    s = re.sub(r"\\(?:documentclass|usepackage|newcommand|renewcommand|def|setlength|pagestyle|geometry|hypersetup|"
               r"bibliographystyle|nobibliography|bibliography|addbibresource|makeatletter|makeatother|let)\b.*$", "", s)
    s = s.replace("&", " | ").replace("\\hfill", "   ").replace("\\quad", "  ")
    return latex_to_text(s, bold_markup=True) if s.strip() else ""


def read(path: Path, key: str) -> Document:
    from .bib import entry_to_publication, parse_entries

    text = decode(path.read_bytes(), str(path))
    raw_lines = text.splitlines()
    body_start = next((i for i, l in enumerate(raw_lines) if "\\begin{document}" in strip_comments(l)), -1) + 1
    lines = [Line(_text_line(l) if i >= body_start else "", i + 1) for i, l in enumerate(raw_lines)]
    from ..extract.sections import classify

    keys: list[str] = []
    nocite_all = False
    section = ""
    for l in raw_lines:
        sm = re.search(r"\\(?:sub)*section\*?\{([^}]*)\}|\\cvsection\{([^}]*)\}", strip_comments(l))
        if sm:
            section = latex_to_text(sm.group(1) or sm.group(2) or "")
        if section and classify(section) != "publications" and "\\nocite{*}" not in l:
            continue  # citations in "Media coverage", "Talks", "Software"… are not the owner's publications
        for m in _CITE.finditer(strip_comments(l)):
            for k in (m.group(1) or m.group(2) or "").split(","):
                k = k.strip()
                if k == "*":
                    nocite_all = True
                elif k and k not in keys:
                    keys.append(k)
    doc = Document(source=source_info(path, "tex", key), lines=lines)
    entries = {}
    for bib in bib_files(path, text):
        es, warns = parse_entries(decode(bib.read_bytes(), str(bib)), str(bib))
        doc.warnings += warns
        for e in es:
            entries.setdefault(e["key"], e)
    chosen = list(entries) if nocite_all else [k for k in keys if k in entries]
    doc.publications = [entry_to_publication(entries[k]) for k in chosen if entries[k].get("title")]
    if not any(l.text.strip() for l in lines) and not doc.publications:
        raise InputError(f"{path}: no text in the LaTeX file")
    return doc
