"""The interactive network page: one self-contained HTML file that works offline.

vis-network (vendored, inlined) draws the graph; pyvis gives the network options.
Every name and title from the CVs goes into the page only as JSON data (with
``<``, ``>`` and ``&`` escaped) and is shown through ``textContent``, never HTML.
Large graphs get a layout computed here (networkx, seeded) with physics off, so
the page is usable at once.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("p1", label="Ada", kind="person", papers=3); G.add_node("p2", label="Bo", kind="person", papers=1)
>>> G.add_node("x", label="A paper", kind="paper", papers=0); G.add_edge("p1", "x"); G.add_edge("p2", "x")
>>> sorted(select_view(G, types={"person"}).nodes())
['p1', 'p2']
>>> sorted(select_view(G, min_papers=2).nodes())
['p1', 'x']
>>> sorted(select_view(G, focus="p1", depth=1).nodes())
['p1', 'x']
"""
from __future__ import annotations

import json
import math
from importlib.resources import files
from pathlib import Path

KINDS = {  # kind: (legend label, colour)
    "person": ("People", "#3b7dd8"),
    "group": ("Group authors", "#8e5bd6"),
    "paper": ("Papers", "#f0a030"),
    "venue": ("Venues", "#3aa66a"),
    "org": ("Organizations", "#d0453f"),
    "course": ("Courses", "#8c8c8c"),
    "award": ("Awards", "#c9a100"),
}
LAYOUT_ABOVE = 300  # nodes: above this, positions come from networkx and physics is off


def select_view(G, *, focus=None, depth: int = 1, types=None, min_papers: int = 0):
    """The part of G to show: around ``focus`` (``depth`` hops), of some ``types``, people with ≥ ``min_papers``."""
    import networkx as nx

    H = G
    if focus is not None:
        if focus not in G:
            return G.subgraph([]).copy()
        H = G.subgraph(nx.single_source_shortest_path_length(G, focus, cutoff=max(0, depth)).keys())
    keep = [n for n, d in H.nodes(data=True)
            if (types is None or d.get("kind") in types)
            and not (d.get("kind") == "person" and d.get("papers", 0) < min_papers and n != focus)]
    return H.subgraph(keep).copy()


def fr_layout(n: int, edges, iterations=None, seed: int = 7):
    """Fruchterman–Reingold in numpy (float32, chunked): about 2 s for 2,000 nodes, no scipy.

    Repulsion between all pairs, attraction along edges, a cooling step size; the
    iteration count shrinks as n grows so the cost stays bounded.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32) - 0.5
    if n < 2:
        return pos
    if iterations is None:
        iterations = max(6, min(60, int(4e7 / (n * n))))
    k = np.float32(1.0 / math.sqrt(n))
    src = np.fromiter((a for a, _ in edges), dtype=np.int64)
    dst = np.fromiter((b for _, b in edges), dtype=np.int64)
    step = np.float32(0.1)
    for _ in range(iterations):
        disp = np.zeros((n, 2), dtype=np.float32)
        for s in range(0, n, 512):
            d = pos[s:s + 512, None, :] - pos[None, :, :]
            dist2 = (d * d).sum(-1) + np.float32(1e-6)
            disp[s:s + 512] += (d * (k * k / dist2)[..., None]).sum(1)
        if len(src):
            dv = pos[src] - pos[dst]
            f = dv * ((np.sqrt((dv * dv).sum(-1)) + np.float32(1e-6)) / k)[:, None]
            np.add.at(disp, src, -f)
            np.add.at(disp, dst, f)
        length = np.sqrt((disp * disp).sum(-1)) + np.float32(1e-6)
        pos += disp * (np.minimum(length, step) / length)[:, None]
        step *= np.float32(0.9)
    return pos


def _layout(G) -> dict:
    nodes = list(G)
    if not nodes:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    pos = fr_layout(len(nodes), [(idx[a], idx[b]) for a, b in G.edges()])
    span = float(abs(pos).max()) or 1.0
    scale = 45 * math.sqrt(len(nodes)) / span
    return {v: (float(pos[i, 0]) * scale, float(pos[i, 1]) * scale) for v, i in idx.items()}


def _short(s: str, n: int = 38) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def page_data(G, title: str) -> dict:
    """The JSON the page draws (nodes, edges, options, legend)."""
    from pyvis.network import Network

    big = G.number_of_nodes() > LAYOUT_ABOVE
    pos = _layout(G) if big else {}
    net = Network(height="100%", width="100%", directed=False, cdn_resources="in_line")
    opts = json.loads(net.options.to_json()) if hasattr(net.options, "to_json") else {}
    opts.update({
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "navigationButtons": False},
        "nodes": {"shape": "dot", "font": {"size": 12, "face": "system-ui"}, "borderWidth": 1},
        "edges": {"color": {"color": "#b8bcc4", "highlight": "#555"}, "smooth": False, "width": 0.8},
        "layout": {"randomSeed": 7, "improvedLayout": not big},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90},
                    "stabilization": {"enabled": True, "iterations": 250, "fit": True}},
    })
    nodes = []
    for n, d in G.nodes(data=True):
        kind = d.get("kind", "person")
        full = str(d.get("label", n))
        deg = G.degree(n)
        node = {"id": n, "label": _short(full), "full": full, "kind": kind,
                "color": KINDS.get(kind, ("", "#999"))[1], "size": round(7 + 4 * math.log2(1 + deg), 1),
                "facts": [[str(a), str(b)] for a, b in d.get("facts", [])],
                "sources": [str(s) for s in d.get("sources", [])], "papers": int(d.get("papers", 0) or 0)}
        if big:
            node["x"], node["y"] = pos[n]
            if kind == "paper":
                node["label"] = ""  # thousands of titles would hide the graph; the panel shows them
        nodes.append(node)
    edges = []
    for i, (a, b, d) in enumerate(G.edges(data=True)):
        e = {"id": i, "from": a, "to": b}
        if d.get("weight", 1) > 1:
            e["width"] = min(6, 0.8 + math.log2(d["weight"]))
        edges.append(e)
    counts = {}
    for nd in nodes:
        counts[nd["kind"]] = counts.get(nd["kind"], 0) + 1
    kinds = [{"kind": k, "label": lab, "color": col, "count": counts[k]} for k, (lab, col) in KINDS.items() if k in counts]
    net.nodes, net.edges = nodes, edges  # filled directly: pyvis' add_node/from_nx are quadratic
    return {"title": title, "nodes": net.nodes, "edges": net.edges, "options": opts, "kinds": kinds}


def _json_for_html(obj) -> str:
    """JSON that cannot end its <script> element or start markup."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def write_html(G, out, *, title: str = "PubKG network") -> Path:
    """Write the page for graph G (node attrs: label, kind, facts, sources, papers) to ``out``."""
    assets = files("kg.viz") / "assets"
    template = (files("kg.viz") / "templates" / "page.html").read_text(encoding="utf-8")
    html_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    page = (template.replace("@@CSS@@", (assets / "vis-network.css").read_text(encoding="utf-8"))
            .replace("@@TITLE@@", html_title)
            .replace("@@JS@@", (assets / "vis-network.min.js").read_text(encoding="utf-8"))
            .replace("@@DATA@@", _json_for_html(page_data(G, title))))
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out
