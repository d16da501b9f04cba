"""kg query QUERY_OR_FILE : SPARQL over the store (read-only) or a remote endpoint."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from .common import STORE_OPT, handle_errors, print_table


@app.command()
@handle_errors
def query(
    query: str = typer.Argument(..., help="A SPARQL query, or a path to a .rq file."),
    store: Path = STORE_OPT,
    endpoint: Optional[str] = typer.Option(None, "--endpoint", help="Query a SPARQL 1.1 endpoint instead of the store."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv or json (W3C SPARQL results JSON)."),
    user: Optional[str] = typer.Option(None, "--user", help="User for --endpoint."),
    password: Optional[str] = typer.Option(None, "--password", envvar="KG_PASSWORD", help="Password for --endpoint."),
):
    """Run a SPARQL 1.1 query (union of all graphs)."""
    from ..errors import InputError
    from ..query import run_query

    if format not in ("table", "csv", "json"):
        raise InputError(f"unknown format {format!r} (table, csv or json)")
    text = query
    if not any(ch in query for ch in "{ \n") and query.endswith((".rq", ".sparql")):
        p = Path(query)
        if not p.is_file():
            raise InputError(f"{query}: no such query file")
        text = p.read_text(encoding="utf-8")
    result = run_query(text, store=store, endpoint=endpoint, user=user, password=password)
    if format == "json":
        sys.stdout.write(result.to_json())
        sys.stdout.write("\n")
    elif format == "csv":
        sys.stdout.write(result.to_csv())
    else:
        if result.boolean is not None:
            typer.echo("true" if result.boolean else "false")
        else:
            print_table(result.rows, result.variables)
