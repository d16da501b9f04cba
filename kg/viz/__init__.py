"""The interactive network page: one self-contained HTML file that works offline.

vis-network (vendored in ``assets/``, inlined into the page) draws the graph; pyvis
gives the base network options. Every name, title, fact and source line from the CVs
goes into the page only as JSON data (with ``<``, ``>`` and ``&`` escaped, so no
string can end the ``<script>`` element) and is shown through ``textContent`` and
DOM nodes, never HTML. A Content-Security-Policy with ``default-src 'none'`` stops
the page from fetching anything. Large graphs get a seeded layout computed here
(numpy Fruchterman–Reingold) with physics off, so the page is usable at once.

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
import re
from pathlib import Path

KINDS = {  # node kind: (legend label, colour)
    "person": ("People", "#3b7dd8"),
    "group": ("Group authors", "#8e5bd6"),
    "paper": ("Papers", "#f0a030"),
    "venue": ("Venues", "#2e9e5b"),
    "org": ("Organizations", "#d0453f"),
    "course": ("Courses", "#6b6b6b"),
    "award": ("Awards", "#c9a100"),
}
OTHER_COLOUR = "#a0a0a0"
EDGE_KINDS = {  # edge kind: (legend label, colour, dashed)
    "coauthor": ("co-author", "#6f7d95", False),
    "author": ("author of", "#c4c8d0", False),
    "publishedIn": ("published in", "#9ccfb2", False),
    "affiliation": ("affiliation", "#e6a9a6", False),
    "advisor": ("advisor", "#8e5bd6", True),
    "mentor": ("mentor / host", "#b48ae6", True),
    "instructor": ("instructor", "#8c8c8c", True),
}
LAYOUT_ABOVE = 300  # nodes: above this, positions come from Python and physics is off
LABEL_MAX = 38  # characters of a label drawn on the canvas (the panel shows the whole text)


def select_view(G, *, focus=None, depth: int = 1, types=None, min_papers: int = 0):
    """The part of ``G`` to show, as a new graph (``G`` is not changed).

    ``focus``: a node id; only nodes within ``depth`` hops of it are kept (an unknown
    id gives an empty graph). ``types``: keep only nodes whose ``kind`` is in it.
    ``min_papers``: drop person nodes whose ``papers`` is below it (the focus stays).
    """
    import networkx as nx

    H = G
    if focus is not None:
        if focus not in G:
            return G.subgraph([]).copy()
        U = G.to_undirected(as_view=True) if G.is_directed() else G
        H = G.subgraph(nx.single_source_shortest_path_length(U, focus, cutoff=max(0, int(depth))).keys())
    keep = [n for n, d in H.nodes(data=True)
            if (types is None or d.get("kind") in types)
            and not (d.get("kind") == "person" and int(d.get("papers", 0) or 0) < min_papers and n != focus)]
    return G.subgraph(keep).copy()


def fr_layout(n: int, edges, iterations: int | None = None, seed: int = 7):
    """Fruchterman–Reingold in numpy (float32, rows in chunks): positions as an (n, 2) array.

    Repulsion between all pairs, attraction along edges, a cooling step. The number
    of iterations shrinks as n grows so the cost stays bounded (2,000 nodes and
    10,000 edges: 50 iterations, well under a second). Same input and seed, same output.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    x = rng.random(n, dtype=np.float32) - np.float32(0.5)
    y = rng.random(n, dtype=np.float32) - np.float32(0.5)
    if n < 2:
        return np.stack([x, y], axis=1)
    if iterations is None:
        iterations = max(12, min(120, int(2e8 / (n * n))))
    pairs = np.asarray(list(edges), dtype=np.int64).reshape(-1, 2)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    src, dst = pairs[:, 0], pairs[:, 1]
    k2 = np.float32(1.0 / n)
    k = np.float32(math.sqrt(1.0 / n))
    eps = np.float32(1e-6)
    chunk = max(64, min(n, 2_000_000 // n))
    step = np.float32(0.1)
    cool = np.float32(0.02 ** (1.0 / iterations))  # the step ends at 2% of where it started
    fx = np.empty(n, np.float32)
    fy = np.empty(n, np.float32)
    for _ in range(iterations):
        for s in range(0, n, chunk):
            dx = x[s:s + chunk, None] - x[None, :]
            dy = y[s:s + chunk, None] - y[None, :]
            d2 = dx * dx
            d2 += dy * dy
            d2 += eps
            np.divide(k2, d2, out=d2)
            fx[s:s + chunk] = np.einsum("ij,ij->i", dx, d2)
            fy[s:s + chunk] = np.einsum("ij,ij->i", dy, d2)
        if len(src):
            ex = x[src] - x[dst]
            ey = y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) / k
            ax, ay = ex * pull, ey * pull
            fx -= (np.bincount(src, ax, n) - np.bincount(dst, ax, n)).astype(np.float32)
            fy -= (np.bincount(src, ay, n) - np.bincount(dst, ay, n)).astype(np.float32)
        fx -= np.float32(0.02) * x  # a little gravity keeps separate components near
        fy -= np.float32(0.02) * y
        length = np.sqrt(fx * fx + fy * fy) + eps
        f = np.minimum(length, step) / length
        x += fx * f
        y += fy * f
        step *= cool
    return np.stack([x, y], axis=1)


def _layout(G) -> dict:
    """Canvas coordinates for every node (about 45 px × √n across)."""
    nodes = list(G)
    if not nodes:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    pos = fr_layout(len(nodes), [(idx[a], idx[b]) for a, b in G.edges()])
    pos = pos - pos.mean(axis=0)
    span = float(abs(pos).max()) or 1.0
    scale = 45 * math.sqrt(len(nodes)) / span
    return {v: (round(float(pos[i, 0]) * scale, 1), round(float(pos[i, 1]) * scale, 1)) for v, i in idx.items()}


def _short(s: str, n: int = LABEL_MAX) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _natural(s: str):
    """Sort key that puts cv.txt:9 before cv.txt:10."""
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", s)]


def page_data(G, title: str) -> dict:
    """The JSON the page draws: nodes, edges, vis-network options, legend entries."""
    from pyvis.network import Network

    big = G.number_of_nodes() > LAYOUT_ABOVE
    pos = _layout(G) if big else {}
    net = Network(height="100%", width="100%", directed=G.is_directed(), cdn_resources="in_line")
    opts = json.loads(net.options.to_json())  # pyvis' defaults, then ours
    opts.update({
        "autoResize": True,
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "nodes": {"shape": "dot", "borderWidth": 1, "scaling": {"label": {"drawThreshold": 7, "maxVisible": 22}},
                  "font": {"size": 12, "face": "system-ui, sans-serif", "color": "#222",
                           "strokeWidth": 3, "strokeColor": "rgba(255,255,255,0.85)"}},
        "edges": {"color": {"color": "#b8bcc4", "highlight": "#444", "hover": "#666"}, "smooth": False,
                  "width": 0.8, "selectionWidth": 1.5},
        "layout": {"randomSeed": 7, "improvedLayout": not big},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -45, "springLength": 90, "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 50, "fit": True}},
    })
    if G.is_directed():
        opts["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.4}}

    counts: dict[str, int] = {}
    nodes = []
    for n, d in G.nodes(data=True):
        kind = str(d.get("kind") or "other")
        counts[kind] = counts.get(kind, 0) + 1
        full = str(d.get("label") if d.get("label") is not None else n)
        deg = G.degree(n)
        node = {"id": str(n), "label": _short(full), "full": full, "kind": kind,
                "color": KINDS.get(kind, ("", OTHER_COLOUR))[1], "size": round(7 + 4 * math.log2(1 + deg), 1),
                # hubs get bigger labels, so they stay readable when zoomed out and small ones fade
                "font": {"size": 11 if kind == "paper" else round(min(26.0, 12 + 2.5 * math.log2(1 + deg)), 1)},
                "facts": [[str(f[0]), str(f[1])] for f in (d.get("facts") or []) if len(f) >= 2],
                "sources": sorted((str(s) for s in (d.get("sources") or [])), key=_natural),
                "papers": int(d.get("papers", 0) or 0), "degree": deg}
        if big:
            node["x"], node["y"] = pos[n]
            if kind == "paper":
                node["label"] = ""  # thousands of titles would hide the graph; tooltip and panel show them
        nodes.append(node)
    # filled directly: pyvis' add_node/add_edge look for duplicates in lists (quadratic), from_nx too
    net.nodes = nodes

    ecounts: dict[str, int] = {}
    edges = []
    for i, (a, b, d) in enumerate(G.edges(data=True)):
        kind = str(d.get("kind") or "")
        ecounts[kind] = ecounts.get(kind, 0) + 1
        e = {"id": i, "from": str(a), "to": str(b), "kind": kind}
        style = EDGE_KINDS.get(kind)
        if style:
            e["color"] = {"color": style[1], "highlight": "#444", "hover": "#666"}
            if style[2]:
                e["dashes"] = True
        w = d.get("weight")
        if isinstance(w, (int, float)) and w > 1:
            e["width"] = round(min(6.0, 0.8 + math.log2(w)), 2)
            e["weight"] = w
        if d.get("label") is not None:
            e["text"] = str(d["label"])
        edges.append(e)
    net.edges = edges

    kinds = [{"kind": k, "label": lab, "color": col, "count": counts[k]} for k, (lab, col) in KINDS.items() if k in counts]
    kinds += [{"kind": k, "label": k, "color": OTHER_COLOUR, "count": c} for k, c in sorted(counts.items()) if k not in KINDS]
    edge_kinds = [{"kind": k, "label": lab, "color": col, "dashed": dash, "count": ecounts[k]}
                  for k, (lab, col, dash) in EDGE_KINDS.items() if k in ecounts]
    return {"title": str(title), "nodes": net.nodes, "edges": net.edges, "options": opts,
            "kinds": kinds, "edgeKinds": edge_kinds, "layout": "precomputed" if big else "physics"}


def _json_for_html(obj) -> str:
    """JSON that cannot end its <script> element, open a comment or start markup."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _html_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def render_html(G, *, title: str = "PubKG network") -> str:
    """The whole page as a string (vis-network JS and CSS inlined, no external reference)."""
    from importlib.resources import files

    here = files("kg.viz")
    template = (here / "templates" / "page.html").read_text(encoding="utf-8")
    css = (here / "assets" / "vis-network.min.css").read_text(encoding="utf-8")
    js = (here / "assets" / "vis-network.min.js").read_text(encoding="utf-8")
    # assets are trusted files, but never let them close their own element
    assert "</style" not in css.lower() and "</script" not in js.lower()
    parts = {"@@TITLE@@": _html_text(str(title)), "@@CSS@@": css, "@@JS@@": js,
             "@@DATA@@": _json_for_html(page_data(G, title))}
    # one pass, so a placeholder inside the data or the assets is never substituted
    return re.sub(r"@@(TITLE|CSS|JS|DATA)@@", lambda m: parts[m.group(0)], template)


def write_html(G, out, *, title: str = "PubKG network") -> Path:
    """Write the page for graph ``G`` to ``out`` (atomically) and return its path.

    Node attributes: ``label``, ``kind``, ``facts`` ([key, value] pairs), ``sources``,
    ``papers``; edge attributes: ``kind``, optional ``weight`` and ``label``.
    """
    out = Path(out)
    page = render_html(G, title=title)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    return out
