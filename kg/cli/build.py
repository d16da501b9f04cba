"""kg build PATH... : read, extract, resolve and write the store."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import app
from .common import STORE_OPT, handle_errors, print_entity_changes


@app.command()
@handle_errors
def build(
    paths: List[Path] = typer.Argument(..., help="CV files or folders (walked recursively)."),
    store: Path = STORE_OPT,
    base: str = typer.Option("https://w3id.org/pubkg/id/", "--base", help="Base IRI for minted entities."),
    owner: Optional[str] = typer.Option(None, "--owner", help="The CV owner's name, for publication lists that do not say."),
    overrides: Optional[Path] = typer.Option(None, "--overrides", help="TSV of 'same'/'different' name pairs that win over the matcher."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only print the summary line."),
    full: bool = typer.Option(False, "--full", help="Resolve the whole corpus again, even when only a few CVs changed "
                                                     "(the result is the same; this is the slow path)."),
):
    """Build or update the knowledge graph store from CVs."""
    from ..pipeline import build as run_build

    ov = None
    if overrides:
        from ..resolve.overrides import Overrides

        ov = Overrides.load(overrides)
    bar = _Progress(quiet)
    report = run_build(paths, store, base=base, owner=owner, overrides=ov, progress=bar, incremental=not full)
    bar.done()
    out = sys.stdout
    gone = f", {len(report.removed)} removed" if report.removed else ""
    print(f"built {report.store}: {report.sources} sources ({report.extracted} read, {report.unchanged} unchanged{gone}), "
          f"{report.people} people, {report.papers} papers, {report.venues} venues, {report.orgs} organizations, "
          f"{report.triples} triples (this run: -{report.removed_triples} +{report.added_triples}"
          f"{', incremental' if report.incremental else ''})", file=out)
    for note in report.notes if not quiet else ():
        print(f"note: {note}", file=out)
    if report.removed and not quiet:
        print("removed (no longer in the folder): " + ", ".join(report.removed[:10])
              + (f" … and {len(report.removed) - 10} more" if len(report.removed) > 10 else ""), file=out)
    print_entity_changes(report, out)
    if report.skipped:
        print(f"skipped {len(report.skipped)} file(s):", file=out)
        for s in report.skipped:
            print(f"  {s.reason}", file=out)
    if report.warnings and not quiet:
        print(f"{len(report.warnings)} line(s) not understood:", file=out)
        for key, line, text, reason in report.warnings[:50]:
            print(f"  {key}:{line if line is not None else '-'}: {reason}: {text[:80]}", file=out)
        if len(report.warnings) > 50:
            print(f"  … and {len(report.warnings) - 50} more (see 'kg extract FILE')", file=out)
    if report.resolution_warnings and not quiet:
        print(f"{len(report.resolution_warnings)} resolution note(s):", file=out)
        for w in report.resolution_warnings[:20]:
            print(f"  {w}", file=out)


class _Progress:
    """A progress line on stderr: count, rate, ETA (only when stderr is a terminal)."""

    def __init__(self, quiet: bool):
        import time

        self.t0 = time.monotonic()
        self.tty = sys.stderr.isatty() and not quiet
        self.n = 0

    def __call__(self, i: int, total: int, key: str) -> None:
        import time

        self.n = total
        if not self.tty:
            return
        el = time.monotonic() - self.t0
        rate = i / el if el > 0 and i else 0.0
        eta = (total - i) / rate if rate else 0.0
        width = 24
        fill = int(width * i / max(total, 1))
        sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {i}/{total} {rate:5.1f}/s ETA {eta:4.0f}s {key[:40]:<40}")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self.n:
            sys.stderr.write("\r" + " " * 110 + "\r")
            sys.stderr.flush()
