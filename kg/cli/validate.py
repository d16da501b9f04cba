"""kg validate : SHACL validation of the store against ontology/."""
from __future__ import annotations

from pathlib import Path

import typer

from . import app
from .common import STORE_OPT, fail, handle_errors


@app.command()
@handle_errors
def validate(store: Path = STORE_OPT, limit: int = typer.Option(20, help="Violations to print.")):
    """Check the store against the SHACL shapes; exit 1 on violations."""
    from ..rdf.convert import store_to_rdflib
    from ..store import Store
    from ..validate import validate_graph

    g = store_to_rdflib(Store(store))
    result = validate_graph(g)
    if result.conforms:
        typer.echo(f"conforms: {len(g)} triples checked against the PubKG shapes")
        return
    for v in result.violations[:limit]:
        typer.echo(v)
    fail(f"{len(result.violations)} SHACL violation(s)")
