"""SPARQL 1.1 servers: query (Protocol), push (Graph Store Protocol or Update), in chunks.

Only the standard library (urllib) is used, so nothing new to install; HTTP
basic and digest authentication are both offered with ``--user/--password``.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Callable, Iterable, Optional

from .errors import EndpointError

CHUNK = 20_000  # triples per request


def _opener(url: str, user: Optional[str], password: Optional[str]):
    handlers = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


def _send(opener, req, what: str, timeout: float = 300):
    try:
        with opener.open(req, timeout=timeout) as r:
            return r.read()
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(f"{what}: HTTP {e.code} {e.reason}" + (f": {body[0][:200]}" if body else "")) from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise EndpointError(f"{what}: cannot reach {req.full_url}: {reason}") from None


def query_endpoint(url: str, text: str, user=None, password=None):
    from .query import QueryResult

    data = urllib.parse.urlencode({"query": text}).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.5"})
    body = _send(_opener(url, user, password), req, "query")
    try:
        d = json.loads(body)
    except ValueError:
        return QueryResult(triples=body.decode("utf-8", "replace"))
    if "boolean" in d:
        return QueryResult(boolean=bool(d["boolean"]))
    return QueryResult(variables=d["head"].get("vars", []), bindings=d["results"]["bindings"])


def _chunks(quads, graph_override: Optional[str]):
    """Group quads by target graph into N-Triples chunks: yields (graph IRI or None, text, count)."""
    by_graph: dict = {}
    for q in quads:
        g = graph_override or (q.graph_name.value if hasattr(q.graph_name, "value") else None)
        buf = by_graph.setdefault(g, [])
        buf.append(f"{q.subject} {q.predicate} {q.object} .\n")
        if len(buf) >= CHUNK:
            yield g, "".join(buf), len(buf)
            by_graph[g] = []
    for g, buf in by_graph.items():
        if buf:
            yield g, "".join(buf), len(buf)


def push(quads: Iterable, url: str, *, graph: Optional[str] = None, user=None, password=None,
         protocol: str = "gsp", progress: Optional[Callable[[int], None]] = None) -> int:
    """Load quads into a server. ``gsp``: Graph Store Protocol (PUT replaces each graph, then POST
    appends chunks). ``update``: SPARQL Update (DROP SILENT GRAPH, then INSERT DATA chunks)."""
    opener = _opener(url, user, password)
    started: set = set()
    sent = 0
    for g, text, n in _chunks(quads, graph):
        if protocol == "gsp":
            qs = ("?graph=" + urllib.parse.quote(g, safe="")) if g else "?default"
            method = "POST" if g in started else "PUT"
            req = urllib.request.Request(url + qs, data=text.encode("utf-8"), method=method,
                                         headers={"Content-Type": "application/n-triples"})
            _send(opener, req, f"push to {url}")
        elif protocol == "update":
            ops = [] if g in started else [f"DROP SILENT GRAPH <{g}>" if g else "DROP SILENT DEFAULT"]
            body = f"GRAPH <{g}> {{\n{text}}}" if g else text
            ops.append("INSERT DATA {\n" + body + "}")
            data = urllib.parse.urlencode({"update": " ;\n".join(ops)}).encode()
            req = urllib.request.Request(url, data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
            _send(opener, req, f"push to {url}")
        else:
            raise EndpointError(f"unknown protocol {protocol!r} (gsp or update)")
        started.add(g)
        sent += n
        if progress:
            progress(sent)
    return sent
