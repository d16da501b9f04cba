"""SPARQL over the embedded store or a remote endpoint, with W3C result formats."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Optional

from .errors import EndpointError, QueryError


@dataclass
class QueryResult:
    variables: list = field(default_factory=list)
    bindings: list = field(default_factory=list)  # W3C JSON binding dicts
    boolean: Optional[bool] = None
    triples: Optional[str] = None  # N-Triples for CONSTRUCT/DESCRIBE

    @property
    def rows(self) -> list[dict]:
        return [{v: (b[v]["value"] if v in b else None) for v in self.variables} for b in self.bindings]

    def to_json(self) -> str:
        if self.triples is not None:
            raise QueryError("CONSTRUCT/DESCRIBE results have no SPARQL JSON form; use --format table for N-Triples")
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        return json.dumps({"head": {"vars": self.variables}, "results": {"bindings": self.bindings}}, ensure_ascii=False)

    def to_csv(self) -> str:
        if self.triples is not None:
            return self.triples
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        if self.boolean is not None:
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return out.getvalue()
        w.writerow(self.variables)
        for r in self.rows:
            w.writerow(["" if r[v] is None else r[v] for v in self.variables])
        return out.getvalue()


def _term_json(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    d = {"type": "literal", "value": t.value}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        d["datatype"] = t.datatype.value
    return d


def run_query(text: str, store=None, endpoint: Optional[str] = None, user=None, password=None) -> QueryResult:
    if endpoint:
        from .remote import query_endpoint

        return query_endpoint(endpoint, text, user=user, password=password)
    from .store import Store

    st = store if hasattr(store, "raw_query") else Store(store)
    res = st.raw_query(text)
    import pyoxigraph as ox

    if isinstance(res, bool):
        return QueryResult(boolean=res)
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        bindings = []
        for sol in res:
            b = {}
            for n in names:
                t = sol[n]
                if t is not None:
                    b[n] = _term_json(t)
            bindings.append(b)
        return QueryResult(variables=names, bindings=bindings)
    lines = [f"{t.subject} {t.predicate} {t.object} ." for t in res]
    return QueryResult(triples="\n".join(lines) + ("\n" if lines else ""))


def sparql_literal(value: str) -> str:
    """A SPARQL string literal for any text (names from CVs are data, never code).

    >>> sparql_literal('He said "hi"\\n} ; DROP ALL')
    '"He said \\\\"hi\\\\"\\\\n} ; DROP ALL"'
    """
    esc = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{esc}"'


def sparql_iri(iri: str) -> str:
    """
    >>> sparql_iri("https://w3id.org/pubkg/id/person/x")
    '<https://w3id.org/pubkg/id/person/x>'
    """
    if any(c in iri for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"
