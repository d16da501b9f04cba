"""Reference-string parses kept from one extraction of a source for the next."""
from __future__ import annotations

import pickle
import zlib
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .citation_rules import Reference


class Parses:
    """:func:`~kg.extract.citation.parse_reference` for one source's extraction, reusing the parses of
    an earlier extraction of the same source: a parse is a function of the string alone (for one
    version of the extractor), so an edited CV's unchanged entries need not be parsed again.
    :meth:`dump` gives this extraction's parses for the next one (the build index keeps them, see
    ``kg.index``).

    >>> first = Parses()
    >>> first("A. Roe and B. Li. Sparse widgets. In Proc. ICML, 2022.").title
    'Sparse widgets'
    >>> again = Parses(first.dump())  # (reused without the tagger: see tests/test_fixture_cvs.py)
    >>> ref = "A. Roe and B. Li. Sparse widgets. In Proc. ICML, 2022."
    >>> again(ref).venue, again(ref) is again(ref)  # a fresh copy for each caller
    ('Proc. ICML', False)
    >>> Parses().dump() is None
    True
    """

    def __init__(self, earlier: Optional[bytes] = None):
        self._earlier: dict = pickle.loads(zlib.decompress(earlier)) if earlier else {}
        self._made: dict = {}  # text → the pickled Reference (a fresh copy for each caller)

    def __call__(self, text: str) -> Reference:
        blob = self._made.get(text)
        if blob is None:
            blob = self._earlier.get(text)
            if blob is None:
                from .citation import parse_reference  # (the tagger's import: only when a string is new)

                blob = pickle.dumps(parse_reference(text), protocol=pickle.HIGHEST_PROTOCOL)
            self._made[text] = blob
        return pickle.loads(blob)

    def dump(self) -> Optional[bytes]:
        """This extraction's parses (None when it parsed no reference string)."""
        if not self._made:
            return None
        return zlib.compress(pickle.dumps(self._made, protocol=pickle.HIGHEST_PROTOCOL), 1)
