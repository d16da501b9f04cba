"""The one place where IRIs are minted.

IRIs depend only on content (normalized names, titles, source keys), never on
order or time, so building the same input twice gives the same IRIs.

>>> m = Minter()
>>> m.person("jingzhao zhang")
'https://w3id.org/pubkg/id/person/jingzhao-zhang'
>>> m.source_graph("cvs/Zoë CV.pdf").startswith(m.base + "graph/source/cvs-zoe-cv-pdf-")
True
>>> m.paper("A title") == Minter().paper("A title") != m.paper("A title 2")
True
"""
from __future__ import annotations

import hashlib
import re

from anyascii import anyascii

DEFAULT_BASE = "https://w3id.org/pubkg/id/"
SCHEMA = "https://schema.org/"
KG = "https://w3id.org/pubkg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def slug(text: str, limit: int = 60) -> str:
    """ASCII, lower-case, hyphenated; never empty.

    >>> slug("Université de Montréal (UdeM)")
    'universite-de-montreal-udem'
    >>> slug("许靖")
    'xujing'
    """
    s = anyascii(text or "").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:limit].rstrip("-") or "x"


def digest(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


class Minter:
    def __init__(self, base: str = DEFAULT_BASE):
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def _iri(self, kind: str, local: str) -> str:
        return f"{self.base}{kind}/{local}"

    def person(self, key: str, n: int = 0) -> str:
        return self._iri("person", slug(key) + (f"-{n}" if n else ""))

    def group(self, key: str) -> str:
        return self._iri("group", slug(key))

    def org(self, key: str) -> str:
        return self._iri("org", slug(key, 80))

    def venue(self, key: str) -> str:
        return self._iri("venue", slug(key, 80))

    def paper(self, key: str) -> str:
        return self._iri("paper", f"{slug(key, 40)}-{digest(key)}")

    def authorship(self, paper_iri: str, who: str) -> str:
        return f"{paper_iri}/a-{digest(who)}"

    def course(self, key: str) -> str:
        return self._iri("course", slug(key, 80))

    def source_graph(self, key: str) -> str:
        return self._iri("graph/source", f"{slug(key, 60)}-{digest(key)}")

    def source(self, key: str) -> str:
        return self._iri("source", f"{slug(key, 60)}-{digest(key)}")

    def in_source(self, key: str, kind: str, *parts: str) -> str:
        """A node only one source states (position, award, mention, ...)."""
        return self._iri(kind, f"{digest(key)}-{digest(*parts, n=10)}")

    @property
    def resolution_graph(self) -> str:
        return self._iri("graph", "resolution")

    @property
    def derived_graph(self) -> str:
        return self._iri("graph", "derived")
