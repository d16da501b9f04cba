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


#: commands whose process may end without tearing its objects down one by one: they close the store
#: and the index themselves and write to stdout only (an update of a 10k store saves 0.1 s)
_QUICK_EXIT = {"build", "remove"}


def main() -> None:
    """The console script. After a successful ``kg build`` or ``kg remove`` it leaves at once."""
    import sys

    quick = len(sys.argv) > 1 and sys.argv[1] in _QUICK_EXIT
    try:
        app()
    except SystemExit as e:
        if not (quick and e.code in (0, None)):
            raise
    if quick:
        import os

        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe ("kg build … | head"): the work is done all the same
            pass
        os._exit(0)
