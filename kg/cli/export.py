"""kg export : the dataset in standard formats for other tools."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app
from .common import STORE_OPT, handle_errors


@app.command()
@handle_errors
def export(
    format: str = typer.Option(..., "--format", "-f", help="ttl, nt, nq, trig, jsonld, graphml, gexf or csv."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (a folder for csv); stdout if omitted."),
    store: Path = STORE_OPT,
):
    """Export the graph (RDF streamed from the store; GraphML/GEXF for Gephi; CSV for pandas/Neo4j)."""
    from ..export import export as run_export
    from ..store import Store

    where = run_export(Store(store), format, str(out) if out else None)
    if out:
        typer.echo(f"wrote {where}", err=True)
