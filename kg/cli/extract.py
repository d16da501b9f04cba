"""kg extract FILE : what one CV yields, before resolution."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from . import app
from .common import handle_errors


@app.command()
@handle_errors
def extract(
    file: Path = typer.Argument(..., help="One CV file (or academic-site folder)."),
    format: str = typer.Option("json", "--format", "-f", help="json or text."),
    owner: Optional[str] = typer.Option(None, "--owner", help="The CV owner's name if the file does not say."),
):
    """Show what one CV yields (for checking a parse)."""
    from ..errors import InputError
    from ..pipeline import extract_path

    if format not in ("json", "text"):
        raise InputError(f"unknown format {format!r} (json or text)")
    cv = extract_path(file, owner)
    d = cv.to_json()
    if format == "json":
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    p = d["person"]
    typer.echo(f"{p['name']}  {p['email'] or ''}  {p['telephone'] or ''}  {p['url'] or ''}")
    for k in ("education", "employment"):
        for x in d[k]:
            typer.echo(f"[{k} l.{x['line']}] {x['organization']} — {x.get('degree') or x.get('role')} {x['start']}–{x['end'] or ''}")
    for x in d["publications"]:
        names = ", ".join(a["name"] + ("*" if a["equal_contribution"] else "") for a in x["authors"])
        typer.echo(f"[pub l.{x['line']}] {x['title']} | {names}{' et al.' if x['et_al'] else ''} | {x['venue']} {x['year'] or ''}")
    for w in d["warnings"]:
        typer.echo(f"[warning l.{w['line']}] {w['reason']}: {w['text'][:80]}")
