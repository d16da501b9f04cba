"""kg remove PATH : drop one source's facts and re-derive what depended on it."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from . import app
from .common import STORE_OPT, handle_errors, print_entity_changes


@app.command()
@handle_errors
def remove(
    key: str = typer.Argument(..., help="The source to drop: its key as 'kg build' listed it (path relative to the folder built) or its file name."),
    store: Path = STORE_OPT,
):
    """Remove one source (its named graph) and rebuild the resolution and derived graphs."""
    from ..pipeline import remove as run_remove

    report = run_remove(store, key)
    typer.echo(f"removed {', '.join(report.removed)}; {report.sources} sources left, {report.people} people, "
               f"{report.papers} papers")
    print_entity_changes(report, sys.stdout)
