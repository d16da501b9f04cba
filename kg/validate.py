"""SHACL validation against the PubKG ontology and shapes shipped in ``ontology/``.

The two Turtle files are package data of ``kg.ontology`` and are read through
:mod:`importlib.resources`, so validation works from an installed wheel as well as
from a checkout. pyshacl is imported only when a graph is validated (it is slow to
import); the CLI command ``kg validate`` is wired elsewhere.

>>> sorted({str(c) for c in load_ontology().subjects() if str(c).endswith("#Visit")})
['https://w3id.org/pubkg/ontology#Visit']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

ONTOLOGY_FILE = "pubkg.ttl"
SHAPES_FILE = "shapes.ttl"
_PREFIXES = {
    "kg": "https://w3id.org/pubkg/ontology#",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "prov": "http://www.w3.org/ns/prov#",
}
_SH = "http://www.w3.org/ns/shacl#"


@dataclass
class ValidationResult:
    """Outcome of :func:`validate_graph`.

    ``violations`` has one human-readable line per SHACL result of severity
    ``sh:Violation``: focus node, path, message (sorted, without duplicates).
    """

    conforms: bool
    violations: list[str] = field(default_factory=list)


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    return (files("kg.ontology") / name).read_text(encoding="utf-8")


def _parse(name: str) -> "rdflib.Graph":
    from rdflib import Graph

    return Graph().parse(data=_text(name), format="turtle")


def load_ontology() -> "rdflib.Graph":
    """The ``kg:`` vocabulary (OWL/Turtle) as a fresh rdflib Graph."""
    return _parse(ONTOLOGY_FILE)


def load_shapes() -> "rdflib.Graph":
    """The SHACL shapes of the vocabulary contract as a fresh rdflib Graph."""
    return _parse(SHAPES_FILE)


def _union(data) -> "rdflib.Graph":
    """A plain Graph holding every triple of ``data``.

    pyshacl validates each named graph of a Dataset on its own, but the contract
    holds for the union (a position in a source graph points at a person whose class
    is asserted in the resolution graph), so quads are flattened first.
    """
    from rdflib import Graph
    from rdflib.graph import ConjunctiveGraph, Dataset

    if isinstance(data, (Dataset, ConjunctiveGraph)):
        g = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return data


def _short(term, nm) -> str:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return "-"
    if isinstance(term, URIRef):
        try:
            return nm.normalizeUri(term)
        except Exception:  # pragma: no cover - odd IRIs
            return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3(nm)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def validate_graph(data: "rdflib.Graph") -> ValidationResult:
    """Validate ``data`` (an rdflib Graph, or a Dataset taken as the union of its graphs).

    Runs ``pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
    inference="none", advanced=False)``. Only results of severity ``sh:Violation``
    are listed and count against conformance.
    """
    import pyshacl
    from rdflib import RDF, Graph, Namespace, URIRef

    SH = Namespace(_SH)
    shapes = load_shapes()
    conforms, report, _text_report = pyshacl.validate(
        _union(data), shacl_graph=shapes, ont_graph=load_ontology(),
        inference="none", advanced=False, allow_warnings=True,
    )
    nm = Graph().namespace_manager
    for prefix, ns in _PREFIXES.items():
        nm.bind(prefix, ns, override=True, replace=True)
    lines = set()
    # Only the report's own results: nested ones (sh:detail, from sh:node / sh:or
    # members) are explanations of a top-level result, not violations of their own.
    top = {r for rep in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(rep, SH.result)}
    for r in sorted(top & set(report.subjects(SH.resultSeverity, SH.Violation))):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        value = report.value(r, SH.value)
        component = report.value(r, SH.sourceConstraintComponent)
        text = str(msg) if msg is not None else ""
        if not text and isinstance(component, URIRef):
            text = f"violates {component.split('#')[-1]}"
        if value is not None and value != focus:
            text += f" (value: {_short(value, nm)})"
        lines.add(f"{_short(focus, nm)}  {_short(path, nm)}  {text}".rstrip())
    return ValidationResult(conforms=bool(conforms) and not lines, violations=sorted(lines))
