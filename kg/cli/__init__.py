"""The ``kg`` command line: a thin layer over the library (one module per command).

Errors from the library (:mod:`kg.errors`) become one line on stderr and an
exit code here, and only here.
"""
from __future__ import annotations

import typer

app = typer.Typer(
    name="kg",
    help="PubKG: turn academic CVs into a publication knowledge graph.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

from . import build as _build  # noqa: E402,F401  (each registers its command)
from . import extract as _extract  # noqa: E402,F401
from . import query as _query  # noqa: E402,F401
from . import people as _people  # noqa: E402,F401
from . import validate as _validate  # noqa: E402,F401
from . import viz as _viz  # noqa: E402,F401
from . import export as _export  # noqa: E402,F401
from . import remove as _remove  # noqa: E402,F401
from . import remote as _remote  # noqa: E402,F401


def main() -> None:
    app()
