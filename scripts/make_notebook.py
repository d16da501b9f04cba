"""Write notebooks/explore.ipynb (kept as a script so the notebook's source is reviewable).

Run: .venv/bin/python scripts/make_notebook.py
"""
from pathlib import Path

import nbformat as nbf

cells = [
    ("md", "# Exploring a PubKG graph\n\nBuild the bundled fictional example CVs through the library API, "
           "query the graph with SPARQL into pandas, look at co-authors and suggestions, plot, and show the network inline."),
    ("code", """import tempfile
from pathlib import Path

import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

from kg.pipeline import build
from kg.store import Store

ROOT = Path.cwd() if (Path.cwd() / "examples").is_dir() else Path.cwd().parent
store_dir = Path(tempfile.mkdtemp()) / "kg-store"
report = build([ROOT / "examples"], store_dir)
print(f"{report.sources} CVs, {report.people} people, {report.papers} papers, {report.venues} venues")
store = Store(store_dir)"""),
    ("md", "## SPARQL into pandas"),
    ("code", """from kg.query import run_query

q = '''PREFIX schema: <https://schema.org/>
SELECT ?name (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
  ?paper schema:author ?p . ?p a schema:Person ; schema:name ?name .
} GROUP BY ?name ORDER BY DESC(?papers) ?name'''
people = pd.DataFrame(run_query(q, store=store).rows)
people["papers"] = people["papers"].astype(int)
people.head(10)"""),
    ("md", "## Who works with whom, and who should"),
    ("code", """from kg.discovery import coauthors, find_person
from kg.suggest import suggest

top = find_person(store, people.iloc[0]["name"])
pd.DataFrame(coauthors(store, top))"""),
    ("code", """pd.DataFrame(suggest(store, top, top=5))"""),
    ("md", "## Papers per year and the degree distribution"),
    ("code", """from kg.project import coauthor_graph

years = pd.DataFrame(run_query('''PREFIX schema: <https://schema.org/>
SELECT ?paper ?d WHERE { ?paper a schema:ScholarlyArticle ; schema:datePublished ?d }''', store=store).rows)
years["year"] = years["d"].str[:4].astype(int)
G = coauthor_graph(store)
fig, ax = plt.subplots(1, 2, figsize=(10, 3.5))
years.groupby("year").size().plot.bar(ax=ax[0], title="papers per year")
pd.Series([d for _, d in G.degree()]).value_counts().sort_index().plot.bar(ax=ax[1], title="co-author degree")
fig.tight_layout()
len(G), G.number_of_edges()"""),
    ("md", "## The network, inline (works offline)"),
    ("code", """from IPython.display import IFrame
from kg.project import viz_graph
from kg.viz import write_html

html = write_html(viz_graph(store), store_dir.parent / "graph.html")
IFrame(str(html), width="100%", height=500)"""),
]

nb = nbf.v4.new_notebook()
nb["cells"] = [nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src) for kind, src in cells]
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
out = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
nbf.write(nb, out)
print(f"wrote {out}")
