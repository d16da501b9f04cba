"""Shared CLI helpers: error handling, options, output."""
from __future__ import annotations

import functools
import os
import sys

import typer

STORE_OPT = typer.Option("kg-store", "--store", help="Store directory (an on-disk Oxigraph store).")


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


def handle_errors(fn):
    """Turn library errors into one line on stderr and the right exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from ..errors import AmbiguousName, KGError

        try:
            return fn(*args, **kwargs)
        except AmbiguousName as e:
            typer.echo(f"kg: {e}", err=True)
            for name, iri, aff in e.candidates:
                typer.echo(f"  {name}\t{iri}\t{aff or ''}", err=True)
            raise typer.Exit(e.exit_code)
        except KGError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as e:  # a bug: still one line, unless debugging
            if os.environ.get("KG_DEBUG"):
                raise
            fail(f"internal error ({type(e).__name__}): {e} — set KG_DEBUG=1 for a traceback")

    return wrapper


def print_table(rows: list[dict], columns: list[str]) -> None:
    if not rows:
        typer.echo("(no results)")
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(60, max(len(c), *(len(x[i]) for x in cells))) for i, c in enumerate(columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    typer.echo("  ".join("-" * w for w in widths))
    for x in cells:
        typer.echo("  ".join(v[:w].ljust(w) for v, w in zip(x, widths)).rstrip())


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    return str(v).replace("\n", " ")


def print_entity_changes(report, out) -> None:
    """People already in the store whose node the new evidence merged or renamed (build and remove say so)."""
    if not report.entity_changes:
        return
    print(f"{len(report.entity_changes)} person(s) already in the store changed with the new evidence "
          f"(merged into another, or renamed):", file=out)
    for old, new in report.entity_changes[:20]:
        print(f"  {old} → {new or '(gone)'}", file=out)
    if len(report.entity_changes) > 20:
        print(f"  … and {len(report.entity_changes) - 20} more", file=out)
