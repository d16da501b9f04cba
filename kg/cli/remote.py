"""kg push / kg serve : SPARQL servers."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app
from .common import STORE_OPT, handle_errors


@app.command()
@handle_errors
def push(
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store endpoint (e.g. http://127.0.0.1:7878/store) or, with --protocol update, a SPARQL Update endpoint."),
    graph: Optional[str] = typer.Option(None, "--graph", help="Put everything into this one graph instead of keeping the named graphs."),
    user: Optional[str] = typer.Option(None, "--user"),
    password: Optional[str] = typer.Option(None, "--password", envvar="KG_PASSWORD"),
    protocol: str = typer.Option("gsp", "--protocol", help="gsp (Graph Store Protocol) or update (SPARQL Update)."),
    store: Path = STORE_OPT,
):
    """Load the dataset into a SPARQL 1.1 server, in chunks."""
    from ..remote import push as run_push
    from ..store import Store

    st = Store(store)
    n = run_push(st.quads(), endpoint.rstrip("?"), graph=graph, user=user, password=password, protocol=protocol)
    typer.echo(f"pushed {n} triples to {endpoint}")


@app.command()
@handle_errors
def serve(
    port: int = typer.Option(7878, "--port", help="Port on 127.0.0.1."),
    host: str = typer.Option("127.0.0.1", "--host"),
    store: Path = STORE_OPT,
):
    """A local read-only SPARQL endpoint (/query) with a query page (/) over the store."""
    from ..serve import serve as run_serve

    run_serve(store, host, port)
