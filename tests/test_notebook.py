"""notebooks/explore.ipynb runs top to bottom (library API, SPARQL into pandas, plots, the inline network)."""
from __future__ import annotations

from pathlib import Path

import pytest

NB = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_notebook_executes(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NB, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NB.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "6 CVs, 13 people, 10 papers" in text
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "Ada Quintero" in html  # the pandas tables rendered
