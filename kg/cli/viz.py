"""kg viz : an interactive HTML network that works offline."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app
from .common import STORE_OPT, handle_errors


@app.command()
@handle_errors
def viz(
    store: Path = STORE_OPT,
    out: Path = typer.Option(Path("graph.html"), "--out", "-o", help="HTML file to write."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Centre on this person (name or IRI)."),
    depth: int = typer.Option(2, "--depth", help="Hops around --focus to keep."),
    types: Optional[str] = typer.Option(None, "--types", help="Comma list of node kinds: person,group,paper,venue,org,course,award."),
    min_papers: int = typer.Option(0, "--min-papers", help="Drop people with fewer papers."),
):
    """Write the knowledge graph as an interactive network page."""
    from ..discovery import find_person
    from ..errors import InputError
    from ..project import viz_graph
    from ..store import Store
    from ..viz import select_view, write_html

    st = Store(store)
    kinds = None
    if types:
        kinds = {t.strip() for t in types.split(",") if t.strip()}
        bad = kinds - {"person", "group", "paper", "venue", "org", "course", "award"}
        if bad:
            raise InputError(f"unknown node type(s): {', '.join(sorted(bad))}")
    G = viz_graph(st)
    center = find_person(st, focus) if focus else None
    view = select_view(G, focus=center, depth=depth, types=kinds, min_papers=min_papers)
    path = write_html(view, out, title="PubKG network")
    typer.echo(f"wrote {path} ({view.number_of_nodes()} nodes, {view.number_of_edges()} edges)")
