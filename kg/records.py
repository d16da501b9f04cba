"""Typed records passed between the pipeline stages.

read → :class:`Document` → extract → :class:`CV` → resolve → build RDF.
Every fact carries the line (and, for PDF, the page) it came from.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional


@dataclass
class Line:
    """One line of a source's text, with where it came from."""

    text: str
    line: int  # 1-based, within the page for PDF
    page: Optional[int] = None
    file: Optional[str] = None  # sub-file of a multi-file source (site folder, .tex + .bib)


@dataclass
class SourceInfo:
    path: str  # as given by the user, relative to the built folder when walked
    sha256: str
    format: str  # txt, md, pdf, docx, bib, tex, site, yaml
    key: str = ""  # stable key of the source (relative path); names its graph
    root: str = ""  # name of the folder given to `kg build` it was found in ("" for a file given alone)
    extractor: str = ""  # the version of the readers and extractor that read it (kg.extract.extractor_version)
    #: the extraction's reference-string parses (``kg.extract.citation.Parses.dump``): a cache the build
    #: index keeps so that an edited CV's unchanged entries are not parsed again; never in the JSON
    parses: Optional[bytes] = field(default=None, repr=False, compare=False)


@dataclass
class Warning_:
    line: Optional[int]
    text: str
    reason: str
    page: Optional[int] = None


@dataclass(slots=True)  # a million of them at 10k CVs: no per-instance dict
class Author:
    name: str  # as written, markup stripped
    rank: Optional[int]  # None when only implied by "et al."
    equal_contribution: bool = False
    marks: list[str] = field(default_factory=list)
    is_owner: bool = False
    is_group: bool = False  # "Kimi Team", "ATLAS Collaboration"


@dataclass
class Publication:
    title: str
    authors: list[Author] = field(default_factory=list)
    et_al: bool = False
    venue: Optional[str] = None
    year: Optional[int] = None
    status: Optional[str] = None  # published, accepted, submitted, preprint
    doi: Optional[str] = None
    url: Optional[str] = None
    page: Optional[int] = None
    line: Optional[int] = None


@dataclass
class Education:
    organization: Optional[str]
    degree: Optional[str] = None
    unit: Optional[str] = None
    start: Optional[str] = None  # "YYYY" or "YYYY-MM"
    end: Optional[str] = None
    expected: bool = False
    location: Optional[str] = None
    advisors: list[str] = field(default_factory=list)
    page: Optional[int] = None
    line: Optional[int] = None


@dataclass
class Employment:
    organization: Optional[str]
    role: Optional[str] = None
    unit: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    location: Optional[str] = None
    hosts: list[str] = field(default_factory=list)
    visit: bool = False
    page: Optional[int] = None
    line: Optional[int] = None


@dataclass
class Teaching:
    course: str
    instructors: list[str] = field(default_factory=list)
    organization: Optional[str] = None
    term: Optional[str] = None
    role: Optional[str] = None
    page: Optional[int] = None
    line: Optional[int] = None


@dataclass
class Review:
    venue: str
    years: list[int] = field(default_factory=list)
    page: Optional[int] = None
    line: Optional[int] = None


@dataclass
class Award:
    name: str
    dates: list[str] = field(default_factory=list)  # "YYYY" or "YYYY-MM"
    page: Optional[int] = None
    line: Optional[int] = None


@dataclass
class Person:
    name: Optional[str] = None
    alternate_names: list[str] = field(default_factory=list)
    email: Optional[str] = None
    telephone: Optional[str] = None
    url: Optional[str] = None
    line: Optional[int] = None
    page: Optional[int] = None


@dataclass
class Document:
    """What a reader gives the extractor: text lines and/or structured entries."""

    source: SourceInfo
    lines: list[Line] = field(default_factory=list)
    #: publications a structured format (BibTeX, CSL-YAML, front matter) already gives
    publications: list[Publication] = field(default_factory=list)
    #: the owner's name when the format states it (site config, YAML CV, ``--owner``)
    owner: Optional[str] = None
    warnings: list[Warning_] = field(default_factory=list)


@dataclass
class CV:
    """What one CV yields before resolution (the ``kg extract`` JSON)."""

    source: SourceInfo
    person: Person = field(default_factory=Person)
    publications: list[Publication] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    employment: list[Employment] = field(default_factory=list)
    teaching: list[Teaching] = field(default_factory=list)
    reviewing: list[Review] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)

    def to_json(self, cache: bool = False) -> dict:
        """The DESIGN.md section 4 ``kg extract --format json`` object (``cache``: with the extractor's
        version, as the store keeps it)."""
        d = asdict(self)
        d["source"] = {k: d["source"][k] for k in ("path", "sha256", "format", *(("extractor",) if cache else ()))}
        for w in d["warnings"]:
            w.setdefault("page", None)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "CV":
        """Inverse of :meth:`to_json` (used by the store's extraction cache)."""
        d = dict(d)
        src = SourceInfo(**{"key": "", **{k: v for k, v in d.pop("source").items() if k in ("path", "sha256", "format", "key", "root", "extractor")}})
        pubs = []
        for p in d.pop("publications"):
            p = dict(p)
            authors = [Author(**{**a, "is_group": a.get("is_group", False)}) for a in p.pop("authors")]
            pubs.append(Publication(authors=authors, **p))
        return cls(
            source=src,
            person=Person(**d.pop("person")),
            publications=pubs,
            education=[Education(**x) for x in d.pop("education")],
            employment=[Employment(**x) for x in d.pop("employment")],
            teaching=[Teaching(**x) for x in d.pop("teaching")],
            reviewing=[Review(**x) for x in d.pop("reviewing")],
            awards=[Award(**x) for x in d.pop("awards")],
            skills=list(d.pop("skills")),
            warnings=[Warning_(**x) for x in d.pop("warnings")],
        )
