"""The command line: outputs, exit codes, and bad input that must not hurt the store."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import app
from kg.store import Store

KG_BIN = Path(sys.executable).parent / "kg"


def count(store) -> int:
    return len(Store(store))


def snapshot(store) -> set:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in Store(store).quads()}


def test_build_prints_summary(runner, tmp_path, seeds_dir):
    r = runner.invoke(app, ["build", str(seeds_dir), "--store", str(tmp_path / "s")])
    assert r.exit_code == 0, r.output
    assert "2 sources" in r.stdout and "37 people" in r.stdout and "17 papers" in r.stdout


def test_extract_json_shape(runner, seeds_dir):
    r = runner.invoke(app, ["extract", str(seeds_dir / "003_af586e183c4ea4fc.txt"), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert set(d) == {"source", "person", "publications", "education", "employment", "teaching", "reviewing",
                      "awards", "skills", "warnings"}
    assert d["source"]["format"] == "txt" and len(d["source"]["sha256"]) == 64
    assert d["person"]["name"] == "Jing Xu" and "许靖" in d["person"]["alternate_names"]
    assert len(d["publications"]) == 9
    kimi = d["publications"][0]
    assert kimi["et_al"] is True and kimi["authors"][-1]["rank"] is None and kimi["authors"][-1]["is_owner"]
    tsinghua = d["education"][0]
    assert (tsinghua["start"], tsinghua["end"], tsinghua["expected"]) == ("2021-09", "2026-07", True)


def test_coauthors_table_json_csv(runner, seed_store):
    r = runner.invoke(app, ["coauthors", "jingzhao zhang", "--store", str(seed_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    top = rows[0]
    assert (top["name"], top["papers"], top["first_year"], top["last_year"]) == ("Jing Xu", 5, 2024, 2025)
    assert set(top["venues"]) == {"ICML", "NeurIPS", "COLT"}
    assert [x["papers"] for x in rows] == sorted((x["papers"] for x in rows), reverse=True)
    r = runner.invoke(app, ["coauthors", "JINGZHAO ZHANG", "--store", str(seed_store), "--format", "csv"])
    assert r.stdout.splitlines()[0] == "name,iri,papers,first_year,last_year,venues"
    assert r.stdout.splitlines()[1].startswith("Jing Xu,")
    r = runner.invoke(app, ["coauthors", "Jing Zhao Zhang", "--store", str(seed_store)])
    assert r.exit_code == 0 and "Jing Xu" in r.stdout


def test_query_formats(runner, seed_store):
    q = "PREFIX schema: <https://schema.org/> SELECT ?n WHERE { ?v a <https://w3id.org/pubkg/ontology#Venue> ; schema:name ?n } ORDER BY ?n"
    r = runner.invoke(app, ["query", q, "--store", str(seed_store), "--format", "json"])
    data = json.loads(r.stdout)
    names = [b["n"]["value"] for b in data["results"]["bindings"]]
    assert names == sorted(["AAAI", "AISTATS", "COLT", "CVPR", "ICLR", "ICML", "JBI", "JRSS-B", "NeurIPS"])
    assert data["head"]["vars"] == ["n"]
    r = runner.invoke(app, ["query", q, "--store", str(seed_store), "--format", "csv"])
    assert r.stdout.splitlines()[:2] == ["n", "AAAI"]
    r = runner.invoke(app, ["query", q, "--store", str(seed_store)])
    assert "NeurIPS" in r.stdout


def test_query_from_file(runner, seed_store, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/ScholarlyArticle> }")
    r = runner.invoke(app, ["query", str(f), "--store", str(seed_store), "--format", "csv"])
    assert r.stdout.splitlines() == ["n", "17"]


@pytest.mark.parametrize("args,code,needle", [
    (["coauthors", "Xu"], 3, "matches 3 people"),
    (["coauthors", "Nobody Known"], 4, "no person matches"),
    (["query", "SELECT * WHERE { ?s ?p }"], 1, "malformed SPARQL"),
    (["query", "DROP ALL"], 1, "read-only"),
    (["query", "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"], 1, "read-only"),
    (["coauthors", "Jing Xu", "--format", "xml"], 1, "unknown format"),
])
def test_errors_are_one_line_with_exit_code(runner, seed_store, args, code, needle):
    before = count(seed_store)
    r = runner.invoke(app, args + ["--store", str(seed_store)])
    assert r.exit_code == code, r.output
    first = r.stderr.splitlines()[0]
    assert first.startswith("kg: ") and needle in first
    assert "Traceback" not in r.stderr
    assert count(seed_store) == before


def test_ambiguous_name_lists_candidates(runner, seed_store):
    r = runner.invoke(app, ["coauthors", "Xu", "--store", str(seed_store)])
    lines = r.stderr.splitlines()[1:]
    assert sorted(l.split("\t")[0].strip() for l in lines) == ["Chenren Xu", "Jing Xu", "Zhiwei Xu"]
    assert all("/person/" in l.split("\t")[1] for l in lines)


def _bad_inputs(tmp: Path) -> dict:
    (tmp / "empty_dir").mkdir()
    (tmp / "junk.txt").write_bytes(os.urandom(4096))
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "notes.xyz").write_text("hello")
    return {
        "missing": (tmp / "does-not-exist", "no such file"),
        "empty_dir": (tmp / "empty_dir", "no CV files"),
        "binary": (tmp / "junk.txt", "binary data"),
        "empty": (tmp / "empty.txt", "empty"),
        "unknown": (tmp / "notes.xyz", "unsupported file type"),
    }


@pytest.mark.parametrize("kind", ["missing", "empty_dir", "binary", "empty", "unknown"])
def test_bad_build_input_keeps_store(runner, tmp_path, seeds_dir, kind):
    store = tmp_path / "s"
    runner.invoke(app, ["build", str(seeds_dir), "--store", str(store)])
    before = snapshot(store)
    path, needle = _bad_inputs(tmp_path)[kind]
    r = runner.invoke(app, ["build", str(path), "--store", str(store)])
    assert r.exit_code == 1
    assert len(r.stderr.strip().splitlines()) == 1 and needle in r.stderr
    assert snapshot(store) == before


def test_folder_build_skips_bad_file_and_builds_rest(runner, tmp_path, seeds_dir):
    d = tmp_path / "cvs"
    d.mkdir()
    (d / "good.txt").write_text((seeds_dir / "000_8a8156072a74c858.txt").read_text())
    (d / "junk.txt").write_bytes(os.urandom(2048))
    r = runner.invoke(app, ["build", str(d), "--store", str(tmp_path / "s")])
    assert r.exit_code == 0, r.output
    assert "1 sources" in r.stdout and "skipped 1 file" in r.stdout and "junk.txt" in r.stdout


def test_real_process_no_traceback(tmp_path):
    if not KG_BIN.exists():
        pytest.skip("console script not installed")
    p = subprocess.run([str(KG_BIN), "query", "SELECT", "--store", str(tmp_path / "nostore")], capture_output=True, text=True)
    assert p.returncode == 1 and p.stderr.startswith("kg: no store at") and "Traceback" not in p.stderr


# --- the bad files issue 4 names, through the real command: one line, exit 1, store untouched; a folder skips them
def _junk_docx(p: Path):
    import zipfile
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", os.urandom(512))
        z.writestr("[Content_Types].xml", b"junk")


def _fifty_mb(p: Path):
    with open(p, "wb") as f:
        f.write(b"Publications\n" * 1000)
        f.truncate(50 * 1024 * 1024)


ISSUE4_BAD = {
    "corrupt.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "corrupt"),
    "locked.pdf": (lambda p: p.write_bytes((Path(__file__).parent / "fixtures/readers/errors/encrypted.pdf").read_bytes()),
                   "password-protected"),
    "huge.txt": (_fifty_mb, "too large"),
    "junk.docx": (_junk_docx, "DOCX"),
    "broken.bib": (lambda p: p.write_text("@article{x,\n title = {never closed,\n year = 2020\n"), "no entry"),
}


@pytest.mark.parametrize("name", sorted(ISSUE4_BAD))
def test_issue4_bad_file_one_line_and_store_kept(runner, tmp_path, seeds_dir, name):
    store = tmp_path / "s"
    assert runner.invoke(app, ["build", str(seeds_dir), "--store", str(store)]).exit_code == 0
    before = snapshot(store)
    make, words = ISSUE4_BAD[name]
    make(tmp_path / name)
    for cmd in (["build", str(tmp_path / name), "--store", str(store)], ["extract", str(tmp_path / name)]):
        r = runner.invoke(app, cmd)
        assert r.exit_code == 1, (cmd, r.output)
        assert len(r.stderr.strip().splitlines()) == 1 and words in r.stderr and name in r.stderr, r.stderr
        assert "Traceback" not in r.output
    assert snapshot(store) == before


def test_issue4_folder_skips_every_bad_file(runner, tmp_path, seeds_dir):
    d = tmp_path / "cvs"
    d.mkdir()
    (d / "good.txt").write_text((seeds_dir / "000_8a8156072a74c858.txt").read_text())
    for name, (make, _) in ISSUE4_BAD.items():
        make(d / name)
    r = runner.invoke(app, ["build", str(d), "--store", str(tmp_path / "s")])
    assert r.exit_code == 0, r.output
    assert "1 sources" in r.stdout and f"skipped {len(ISSUE4_BAD)} file" in r.stdout
    assert all(name in r.stdout + r.stderr for name in ISSUE4_BAD)


def test_build_says_when_it_updated_incrementally(runner, tmp_path):
    """A changed CV in a built folder is applied incrementally (the summary says so); --full resolves
    everything again; both leave what a fresh build gives."""
    import shutil

    examples = Path(__file__).resolve().parent.parent / "examples"
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    for name in ("dana-okafor.md", "wei-chen-ml.txt", "ada-quintero.txt"):
        shutil.copy(examples / name, cvs / name)
    store = str(tmp_path / "s")
    r = runner.invoke(app, ["build", str(cvs), "--store", store])
    assert r.exit_code == 0 and "incremental" not in r.stdout, r.output  # a new store: everything
    r = runner.invoke(app, ["build", str(cvs), "--store", store])
    assert "(0 read, 3 unchanged)" in r.stdout and "-0 +0" in r.stdout, r.output
    cv = cvs / "dana-okafor.md"
    text = cv.read_text(encoding="utf-8")
    head = "## Journal Articles"
    assert head in text
    cv.write_text(text.replace(head, head + "\n\n1. Dana Okafor and Wei Chen. A Paper Added Later. "
                                      "Journal of Tests, 2026.\n", 1), encoding="utf-8")
    r = runner.invoke(app, ["build", str(cvs), "--store", store])
    assert r.exit_code == 0 and "(1 read, 2 unchanged)" in r.stdout and ", incremental)" in r.stdout, r.output
    fresh = str(tmp_path / "fresh")
    runner.invoke(app, ["build", str(cvs), "--store", fresh])
    assert snapshot(store) == snapshot(fresh)
    assert any("A Paper Added Later" in str(q.object) for q in Store(store).quads())
    cv.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["build", str(cvs), "--store", store, "--full"])
    assert r.exit_code == 0 and "(1 read, 2 unchanged)" in r.stdout and "incremental" not in r.stdout, r.output
    assert not any("A Paper Added Later" in str(q.object) for q in Store(store).quads())


def test_a_build_starts_without_pydantic(tmp_path):
    """Every command pays for what the command line imports: typer 0.29 coerces each argument through
    pydantic (70 ms a start), so typer is kept below it. A real process builds a CV and reports
    whether pydantic was loaded on the way."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    code = ("import sys\nfrom kg.cli import app\n"
            "try:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n    assert e.code in (0, None), e.code\n"
            "print('pydantic' in sys.modules, 'typer' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code, "build", str(examples / "dana-okafor.md"), "--store",
                        str(tmp_path / "s"), "--quiet"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().splitlines()[-1] == "False True", p.stdout


def test_build_makes_the_store_folders_parents_or_says_why_not(runner, tmp_path):
    """`--store out/run1/kg-store` creates out/run1 when missing; a parent that is a file is one line."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    store = tmp_path / "out" / "run1" / "kg-store"
    r = runner.invoke(app, ["build", str(examples / "dana-okafor.md"), "--store", str(store), "--quiet"])
    assert r.exit_code == 0, r.output
    assert count(store) > 0
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    r = runner.invoke(app, ["build", str(examples / "dana-okafor.md"), "--store", str(tmp_path / "afile" / "s")])
    assert r.exit_code != 0 and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1 and "afile" in r.stderr, r.stderr
