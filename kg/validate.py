"""SHACL validation of a graph against the shapes shipped in ``ontology/`` (read via importlib.resources)."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files


@dataclass
class ValidationResult:
    conforms: bool
    violations: list = field(default_factory=list)  # one line each: focus node, path, message


def _load(name: str):
    from rdflib import Graph

    return Graph().parse(data=(files("kg.ontology") / name).read_text(encoding="utf-8"), format="turtle")


def load_ontology():
    return _load("pubkg.ttl")


def load_shapes():
    return _load("shapes.ttl")


def validate_graph(data) -> ValidationResult:
    """Validate an rdflib Graph (the union of the store's graphs)."""
    import pyshacl
    from rdflib import Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                           inference="none", advanced=False, allow_warnings=True)
    lines = []
    for r in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        lines.append(f"{focus}  {path or ''}  {msg or ''}".strip())
    return ValidationResult(bool(conforms), sorted(lines))
