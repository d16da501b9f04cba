"""kg coauthors NAME : who a person works with."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer

from . import app
from .common import STORE_OPT, handle_errors, print_table


def _check_format(fmt: str, allowed: tuple) -> None:
    from ..errors import InputError

    if fmt not in allowed:
        raise InputError(f"unknown format {fmt!r} ({', '.join(allowed)})")


@app.command()
@handle_errors
def coauthors(
    name: str = typer.Argument(..., help="A person's name (matched like a name) or IRI."),
    store: Path = STORE_OPT,
    format: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
):
    """Co-authors with joint-paper counts, first and last joint year, shared venues."""
    from ..discovery import coauthors as find_coauthors, find_person
    from ..store import Store

    _check_format(format, ("table", "json", "csv"))
    st = Store(store)
    rows = find_coauthors(st, find_person(st, name))
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["name", "iri", "papers", "first_year", "last_year", "venues"])
        for r in rows:
            w.writerow([r["name"], r["iri"], r["papers"], r["first_year"] or "", r["last_year"] or "", "; ".join(r["venues"])])
    else:
        print_table(rows, ["name", "papers", "first_year", "last_year", "venues"])


@app.command()
@handle_errors
def explain(
    name: str = typer.Argument(..., help="A person's name, or the IRI of any entity."),
    store: Path = STORE_OPT,
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
):
    """Every form of an entity, the source lines it came from, and why each merge was made."""
    from ..explain import explain as run_explain
    from ..store import Store

    _check_format(format, ("table", "json"))
    d = run_explain(Store(store), name)
    if format == "json":
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{d['name']}  <{d['iri']}>")
    typer.echo("forms: " + ("; ".join(d["forms"]) if d["forms"] else "(only the name)"))
    typer.echo(f"mentions ({len(d['mentions'])}):")
    for m in d["mentions"]:
        where = m["file"] + (f" p.{m['page']}" if m["page"] else "") + (f" line {m['line']}" if m["line"] else "")
        typer.echo(f"  {where}: {m['stated_as'] or '(implied by et al.)'}")
    typer.echo(f"merges ({len(d['merges'])}):")
    for m in d["merges"]:
        typer.echo(f"  {m['form']!r} — {m['reason']} (score {m['score']:.2f})")


@app.command()
@handle_errors
def suggest(
    name: str = typer.Argument(..., help="A person's name or IRI."),
    top: int = typer.Option(10, "--top", "-n", min=1, help="How many suggestions."),
    store: Path = STORE_OPT,
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
):
    """People NAME has not written with but likely should, with a score and the reasons."""
    from ..discovery import find_person
    from ..store import Store
    from ..suggest import suggest as run_suggest

    _check_format(format, ("table", "json"))
    st = Store(store)
    rows = run_suggest(st, find_person(st, name), top=top)
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("(no suggestions: no shared co-authors, organizations, advisors or topics)")
    for i, r in enumerate(rows, 1):
        typer.echo(f"{i:>2}. {r['name']}  (score {r['score']:.3f})")
        for why in r["reasons"]:
            typer.echo(f"      - {why}")


@app.command()
@handle_errors
def path(
    name1: str = typer.Argument(..., help="First person (name or IRI)."),
    name2: str = typer.Argument(..., help="Second person (name or IRI)."),
    via: str = typer.Option("coauthor", "--via", help="Comma list of edge kinds: coauthor, advisor, affiliation."),
    store: Path = STORE_OPT,
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
):
    """Shortest collaboration path between two people, with the papers on each hop."""
    from ..discovery import find_person
    from ..paths import path as run_path
    from ..store import Store

    _check_format(format, ("table", "json"))
    st = Store(store)
    a, b = find_person(st, name1), find_person(st, name2)
    res = run_path(st, a, b, tuple(v.strip() for v in via.split(",") if v.strip()))
    if format == "json":
        typer.echo(json.dumps(res, ensure_ascii=False, indent=2))
        return
    if not res["people"]:
        typer.echo(f"no path between {name1} and {name2} (via {via})")
        return
    typer.echo(res["people"][0]["name"])
    for person, hop in zip(res["people"][1:], res["hops"]):
        detail = ""
        if hop.get("papers"):
            detail = "; ".join(p["title"] for p in hop["papers"][:3]) + (f" (+{len(hop['papers']) - 3})" if len(hop["papers"]) > 3 else "")
        elif hop.get("organization"):
            detail = "both at " + hop["organization"]["name"]
        typer.echo(f"  --{hop['via']}--> {person['name']}" + (f"   [{detail}]" if detail else ""))
