"""The HTML network in real headless Chromium (Debian's), offline: renders, scales, searches, filters, stays safe."""
from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import networkx as nx
import pytest

from kg.viz import select_view, write_html

CHROMIUM = Path("/usr/bin/chromium")
ART = Path(__file__).parent / "_artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]
XSS_LABEL = '<img src=x onerror="window.__xss=1;alert(1)">'


def small_graph():
    G = nx.Graph()
    G.add_node("p:ada", label="Ada Quintero", kind="person", papers=2, facts=[["email", "ada@example.edu"]], sources=["mini.txt:1"])
    G.add_node("p:evil", label=XSS_LABEL, kind="person", papers=1,
               facts=[["url", '<a href="javascript:alert(2)">x</a>'], ["note", "</script><script>alert(3)</script>"]],
               sources=["evil.md:3"])
    G.add_node("w:1", label="</script><script>window.__xss=2</script> Robustness", kind="paper", facts=[["year", "2024"]])
    G.add_node("v:icml", label="ICML", kind="venue")
    G.add_node("o:u", label="Universidad de Ejemplo", kind="org")
    for a, b, k in [("p:ada", "w:1", "author"), ("p:evil", "w:1", "author"), ("w:1", "v:icml", "publishedIn"), ("p:ada", "o:u", "affiliation")]:
        G.add_edge(a, b, kind=k)
    return G


def big_graph(n_people=1400, n_papers=500, n_venues=60, n_orgs=40, seed=3):
    rnd = random.Random(seed)
    G = nx.Graph()
    people = [f"p{i}" for i in range(n_people)]
    for i, p in enumerate(people):
        G.add_node(p, label=f"Person {i:04d}", kind="person", papers=0, facts=[], sources=[])
    for j in range(n_venues):
        G.add_node(f"v{j}", label=f"Venue {j}", kind="venue")
    for j in range(n_orgs):
        G.add_node(f"o{j}", label=f"Org {j}", kind="org")
    for k in range(n_papers):
        paper = f"w{k}"
        G.add_node(paper, label=f"Paper {k}", kind="paper")
        authors = rnd.sample(people, rnd.randint(2, 9))
        for a in authors:
            G.add_edge(a, paper, kind="author")
            G.nodes[a]["papers"] += 1
        G.add_edge(paper, f"v{rnd.randrange(n_venues)}", kind="publishedIn")
    for p in people:
        G.add_edge(p, f"o{rnd.randrange(n_orgs)}", kind="affiliation")
        for q in rnd.sample(people, 3):
            if q != p:
                G.add_edge(p, q, kind="coauthor")
    return G


# ---------------------------------------------------------------- pure functions
def test_select_view_focus_types_min_papers():
    G = small_graph()
    assert set(select_view(G, focus="p:ada", depth=1)) == {"p:ada", "w:1", "o:u"}
    assert set(select_view(G, focus="p:ada", depth=2)) == {"p:ada", "w:1", "o:u", "p:evil", "v:icml"}
    assert set(select_view(G, types={"person", "venue"})) == {"p:ada", "p:evil", "v:icml"}
    assert "p:evil" not in select_view(G, min_papers=2)
    assert len(select_view(G, focus="nobody")) == 0


def test_page_is_self_contained_and_escaped(tmp_path):
    out = write_html(small_graph(), tmp_path / "g.html")
    html = out.read_text(encoding="utf-8")
    from html.parser import HTMLParser

    class Refs(HTMLParser):  # script and style bodies are data here, so only real tags count
        refs = []

        def handle_starttag(self, tag, attrs):
            self.refs += [v for k, v in attrs if k in ("src", "href") and v]

    p = Refs()
    p.feed(html)
    assert p.refs == [], p.refs  # nothing to fetch: JS and CSS are inline
    assert XSS_LABEL not in html  # only the escaped JSON form is in the page
    data = html.split('<script type="application/json" id="kg-data">')[1].split("</script>")[0]
    assert "<" not in data and json.loads(data)["nodes"][1]["full"] == XSS_LABEL


# ---------------------------------------------------------------- the browser
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page(viewport={"width": 1280, "height": 800}, bypass_csp=True)  # playwright evaluates strings
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    t0 = time.monotonic()
    page.goto(path.as_uri())
    page.wait_for_function("window.__kgReady === true", timeout=30000)
    return page, time.monotonic() - t0, requests, dialogs


def _node_xy(page, node_id):
    return page.evaluate("""(id) => { const n = window.__kgNetwork; const p = n.getPositions([id])[id];
        const d = n.canvasToDOM(p); const r = document.getElementById('net').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top]; }""", node_id)


def test_big_page_interactive_fast_and_offline(browser, tmp_path):
    G = big_graph()
    assert G.number_of_nodes() == 2000
    out = write_html(G, tmp_path / "big.html")
    page, seconds, requests, _ = _open(browser, out)
    ART.mkdir(exist_ok=True)
    page.screenshot(path=str(ART / "viz_2000.png"))
    shown = page.evaluate("window.__kgView.length")
    print(f"2,000-node page interactive after {seconds:.2f}s ({G.number_of_edges()} edges)")
    assert shown == 2000
    assert seconds <= 3.0, f"took {seconds:.2f}s"
    assert all(u.startswith(("file:", "data:", "about:", "blob:")) for u in requests), requests
    # search focuses a node
    page.fill("#search", "Person 0042")
    page.press("#search", "Enter")
    assert page.evaluate("window.__kgNetwork.getSelectedNodes()") == ["p42"]
    assert page.text_content("#p-name") == "Person 0042"
    # the type filter hides papers
    page.uncheck("input[data-kind=paper]")
    assert page.evaluate("window.__kgView.length") == 1500
    assert page.evaluate("window.__kgView.get().every(n => n.kind !== 'paper')")
    page.check("input[data-kind=paper]")
    assert page.evaluate("window.__kgView.length") == 2000
    page.close()


def test_hostile_names_do_not_run(browser, tmp_path):
    out = write_html(small_graph(), tmp_path / "small.html", title="<b>PubKG</b> & co")
    page, _, requests, dialogs = _open(browser, out)
    for node in ("p:evil", "w:1"):
        x, y = _node_xy(page, node)
        page.mouse.move(x, y)
        page.wait_for_timeout(400)  # the tooltip shows
        page.mouse.click(x, y)
        page.wait_for_timeout(200)
    x, y = _node_xy(page, "p:evil")
    page.mouse.click(x, y)
    page.wait_for_timeout(200)
    assert page.text_content("#p-name") == XSS_LABEL  # shown as text
    assert "javascript:alert(2)" in page.text_content("#p-facts")
    assert page.evaluate("document.querySelectorAll('#panel img, #panel a, #panel script').length") == 0
    assert page.evaluate("window.__xss") is None and dialogs == []
    assert page.title() == "<b>PubKG</b> & co"
    ART.mkdir(exist_ok=True)
    page.screenshot(path=str(ART / "viz_small.png"))
    assert all(u.startswith(("file:", "data:", "about:", "blob:")) for u in requests), requests
    page.close()


def test_kg_viz_cli_on_seeds(browser, seed_store, tmp_path, runner):
    from kg.cli import app

    out = tmp_path / "seeds.html"
    r = runner.invoke(app, ["viz", "--store", str(seed_store), "--out", str(out)])
    assert r.exit_code == 0, r.output
    page, _, requests, _ = _open(browser, out)
    kinds = page.evaluate("Array.from(new Set(window.__kgNodes.get().map(n => n.kind))).sort()")
    assert kinds == ["group", "org", "paper", "person", "venue"]
    page.fill("#search", "jing xu")
    page.press("#search", "Enter")
    assert page.text_content("#p-name") == "Jing Xu"
    assert "003_af586e183c4ea4fc.txt:1" in page.text_content("#p-src")
    ART.mkdir(exist_ok=True)
    page.screenshot(path=str(ART / "viz_seeds.png"))
    page.close()
    r = runner.invoke(app, ["viz", "--store", str(seed_store), "--out", str(out), "--focus", "Jing Xu", "--depth", "1",
                            "--types", "person,paper"])
    assert r.exit_code == 0 and "nodes" in r.stdout
    r = runner.invoke(app, ["viz", "--store", str(seed_store), "--out", str(out), "--types", "people"])
    assert r.exit_code == 1 and "unknown node type" in r.stderr
