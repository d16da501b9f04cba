"""One exception tree for the whole package.

Library code raises these; only the CLI turns them into one-line messages and
exit codes (see ``kg.cli``).
"""


class KGError(Exception):
    """Base class of every error PubKG raises on purpose."""

    exit_code = 1


class InputError(KGError):
    """A source file or folder cannot be read or understood."""


class MissingDependency(InputError):
    """An optional reader needs an extra that is not installed."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed or not allowed (updates are refused)."""


class EndpointError(KGError):
    """A remote SPARQL server refused a request or cannot be reached."""


class NameLookupError(KGError):
    """A NAME given on the command line does not pick exactly one person."""


class UnknownName(NameLookupError):
    exit_code = 4


class AmbiguousName(NameLookupError):
    exit_code = 3

    def __init__(self, message, candidates=()):
        super().__init__(message)
        #: list of ``(name, iri, affiliation)`` tuples
        self.candidates = list(candidates)
