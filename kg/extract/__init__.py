"""Extract: a :class:`~kg.records.Document` → a :class:`~kg.records.CV`.

The text extractor finds sections, then hands each to its parser. Structured
publications a reader already gave (BibTeX, front matter) are added as they are.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ..names import compatible, display_name
from ..records import CV, Document, Warning_
from . import other, positions, publications
from .lines import clean_lines
from .parses import Parses
from .sections import split_sections


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Of the code and data that turn a file into a :class:`~kg.records.CV` (the readers, the extractor,
    its model, names and records): a source read by another version is read again."""
    from importlib.resources import files

    h = hashlib.sha1()
    for pkg, pattern in (("kg.read", "*.py"), ("kg.extract", "*.py"), ("kg.extract", "data/*.npz")):
        root = files(pkg)
        for f in sorted(Path(str(root)).glob(pattern)):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    for n in ("names.py", "records.py"):
        h.update((files("kg") / n).read_bytes())
    return h.hexdigest()[:16]


def extract(doc: Document, owner: str | None = None, earlier_parses: bytes | None = None) -> CV:
    """The CV in a document (``owner``: the owner's name when the caller knows it; ``earlier_parses``:
    ``cv.source.parses`` of an earlier extraction of the same source, whose parses of the reference
    strings still there are reused)."""
    parse = Parses(earlier_parses)
    lines = clean_lines(doc.lines)
    header, sections = split_sections(lines)
    cv = CV(source=doc.source, warnings=list(doc.warnings))
    cv.source.extractor = extractor_version()
    cv.person = other.parse_header(header, owner or doc.owner)
    owner_forms = [f for f in [cv.person.name, *cv.person.alternate_names] if f]
    bold_owner = {b for c in lines for b in c.bold if owner_forms and any(compatible(b, f) for f in owner_forms)}
    for s in sections:
        if s.kind == "publications":
            cv.publications += publications.parse_section(s.lines, owner_forms, bold_owner, cv.warnings, s.title,
                                                          parse)
        elif s.kind == "education":
            cv.education += positions.parse_education(s.lines)
        elif s.kind == "employment":
            cv.employment += positions.parse_employment(s.lines)
        elif s.kind == "teaching":
            cv.teaching += other.parse_teaching(s.lines)
        elif s.kind == "service":
            cv.reviewing += other.parse_reviewing(s.lines)
        elif s.kind == "awards":
            cv.awards += other.parse_awards(s.lines)
        elif s.kind == "skills":
            cv.skills += [x for x in other.parse_skills(s.lines) if x not in cv.skills]
        elif s.kind == "contact":
            p = other.parse_header(s.lines, cv.person.name)
            cv.person.email = cv.person.email or p.email
            cv.person.telephone = cv.person.telephone or p.telephone
            cv.person.url = cv.person.url or p.url
    from ..resolve import title_key
    from .lines import strip_markup

    seen = {title_key(p.title): i for i, p in enumerate(cv.publications)}
    for pub in doc.publications:  # structured entries (BibTeX, front matter, CSL) win over the same title in the text
        pub.title = strip_markup(pub.title)
        publications.tidy_structured(pub)
        publications._mark_authors(pub, {"*"}, owner_forms, set())
        k = title_key(pub.title)
        if k in seen and seen[k] is not None:
            cv.publications[seen[k]] = pub
            seen[k] = None
        elif k not in seen:
            cv.publications.append(pub)
            seen[k] = None
    if not cv.person.name and doc.lines:
        cv.warnings.append(Warning_(None, "", "the CV owner's name was not found"))
    if cv.person.name:
        cv.person.name = display_name(cv.person.name, reorder=False)
    cv.source.parses = parse.dump()
    return cv


def extract_file(path, owner: str | None = None) -> CV:
    from ..read import read_file

    return extract(read_file(path), owner)
