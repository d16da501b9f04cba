"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page, stdlib HTTP only.

GET/POST ``/query`` answers SPARQL (results JSON, CSV, or N-Triples for graphs);
``/`` is a small offline query page. Updates are refused (403).
"""
from __future__ import annotations

import json
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import KGError, QueryError

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>PubKG SPARQL</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}textarea{width:100%;height:12em;font:13px monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}
#err{color:#b00}</style></head><body><h1>PubKG SPARQL</h1>
<p>Queries see the union of all graphs. Endpoint: <code>/query</code> (SPARQL 1.1 Protocol, read-only).</p>
<textarea id="q">PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/pubkg/ontology#>
SELECT ?name (COUNT(?paper) AS ?papers) WHERE {
  ?paper schema:author ?p . ?p a schema:Person ; schema:name ?name .
} GROUP BY ?name ORDER BY DESC(?papers) LIMIT 20</textarea>
<br><button id="run">Run</button> <span id="err"></span><div id="out"></div>
<script>
document.getElementById('run').onclick = async function () {
  const err = document.getElementById('err'), out = document.getElementById('out');
  err.textContent = ''; out.replaceChildren();
  const r = await fetch('query', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded',
    'Accept': 'application/sparql-results+json'}, body: 'query=' + encodeURIComponent(document.getElementById('q').value)});
  const text = await r.text();
  if (!r.ok) { err.textContent = text; return; }
  let d; try { d = JSON.parse(text); } catch (e) { const pre = document.createElement('pre'); pre.textContent = text; out.append(pre); return; }
  if ('boolean' in d) { out.textContent = String(d.boolean); return; }
  const t = document.createElement('table'), h = t.insertRow();
  for (const v of d.head.vars) { const th = document.createElement('th'); th.textContent = v; h.append(th); }
  for (const b of d.results.bindings) { const tr = t.insertRow();
    for (const v of d.head.vars) { tr.insertCell().textContent = b[v] ? b[v].value : ''; } }
  out.append(t);
};
</script></body></html>"""


def make_handler(store):
    from .query import run_query

    class Handler(BaseHTTPRequestHandler):
        server_version = "PubKG"

        def log_message(self, fmt, *args):  # quiet by default
            pass

        def _reply(self, code, ctype, body: bytes):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, params):
            if "update" in params:
                return self._reply(403, "text/plain; charset=utf-8", b"this endpoint is read-only")
            q = params.get("query", [""])[0]
            if not q:
                return self._reply(400, "text/plain; charset=utf-8", b"missing 'query' parameter")
            try:
                res = run_query(q, store=store)
            except QueryError as e:
                code = 403 if "read-only" in str(e) else 400
                return self._reply(code, "text/plain; charset=utf-8", str(e).encode())
            except KGError as e:
                return self._reply(500, "text/plain; charset=utf-8", str(e).encode())
            accept = self.headers.get("Accept", "")
            if res.triples is not None:
                return self._reply(200, "application/n-triples", res.triples.encode())
            if "text/csv" in accept and "json" not in accept:
                return self._reply(200, "text/csv; charset=utf-8", res.to_csv().encode())
            return self._reply(200, "application/sparql-results+json", res.to_json().encode())

        def do_GET(self):
            u = urllib.parse.urlsplit(self.path)
            if u.path in ("/", "/index.html"):
                return self._reply(200, "text/html; charset=utf-8", PAGE.encode())
            if u.path in ("/query", "/sparql"):
                return self._answer(urllib.parse.parse_qs(u.query))
            self._reply(404, "text/plain", b"not found")

        def do_POST(self):
            u = urllib.parse.urlsplit(self.path)
            if u.path not in ("/query", "/sparql"):
                return self._reply(404, "text/plain", b"not found")
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n).decode("utf-8", "replace")
            ctype = self.headers.get("Content-Type", "")
            if ctype.startswith("application/sparql-query"):
                params = {"query": [body]}
            elif ctype.startswith("application/sparql-update"):
                params = {"update": [body]}
            else:
                params = urllib.parse.parse_qs(body)
            self._answer(params)

    return Handler


def make_server(store_path, host: str = "127.0.0.1", port: int = 7878):
    from .store import Store

    store = Store(store_path)
    try:
        return ThreadingHTTPServer((host, port), make_handler(store))
    except OSError as e:
        raise KGError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def serve(store_path, host: str = "127.0.0.1", port: int = 7878) -> None:
    httpd = make_server(store_path, host, port)
    print(f"serving {store_path} at http://{host}:{httpd.server_address[1]}/ (SPARQL endpoint /query); Ctrl-C stops",
          file=sys.stderr)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
