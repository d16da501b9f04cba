"""Fixture CVs with hand-written expected extractions, compared field by field.

Every ``tests/fixtures/cvs/NAME.expected.json`` names one CV (a file or an academic-site folder) and
what a careful reader finds in it, in the ``kg extract --format json`` shape of DESIGN.md section 4.
All people in these CVs are fictional.

* The input is ``source.path`` of the expected JSON when it has one, otherwise the one sibling file or
  folder called ``NAME`` plus a suffix (``NAME.md``, ``NAME.txt``, ``NAME/``…). ``options.owner`` is
  passed as ``--owner``.
* Only the keys an expected JSON holds are compared; ``sha256`` never is. Strings are compared after
  NFC normalisation and collapsing runs of whitespace; nothing else is forgiven.
* List sections (publications, education, employment, teaching, reviewing, awards) are matched in
  order, by position: publication ``i`` of the expectation against publication ``i`` of the extraction.
  Each entry is its own test (``NAME::publications[2]``), and each section has a ``:count`` test for
  missing or extra entries, so a known failure can be marked on exactly the entry it concerns.
* A failure lists every differing field as ``CV › section[i] (line N) › field: expected …, got …``.

Known extraction failures are listed in :data:`XFAIL` (strict: they must fail until fixed).
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

CVS = Path(__file__).parent / "fixtures" / "cvs"
LIST_SECTIONS = ("publications", "education", "employment", "teaching", "reviewing", "awards")
META_KEYS = {"source", "options", "_comment", "_notes"}

#: case id → reason; these cases fail today and must keep failing until the extractor is fixed
XFAIL: dict[str, str] = {
    # kg/extract/citation*.py (the citation splitter, owned elsewhere) reads these one-line references wrongly
    "hostile::publications[1]": "citation splitter: a name holding quotes and semicolons "
                                "('Bob \"'); DROP TABLE papers;-- Smith') is split at the ';' and the quote opens a title",
}


# ---------------------------------------------------------------------------------------------
# loading


def _input_of(exp_path: Path, exp: dict) -> Path:
    src = (exp.get("source") or {}).get("path")
    if src:
        return CVS / src
    stem = exp_path.name[: -len(".expected.json")]
    found = [p for p in CVS.iterdir()
             if not p.name.endswith(".json") and (p.name == stem or (p.is_file() and p.stem == stem and p.suffix))]
    assert len(found) == 1, f"{exp_path.name}: expected exactly one input named {stem}.*, found {found}"
    return found[0]


def _expectations() -> list[tuple[str, Path, dict]]:
    out = []
    for exp_path in sorted(CVS.glob("*.expected.json")):
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        out.append((exp_path.name[: -len(".expected.json")], exp_path, exp))
    return out


EXPECTATIONS = _expectations()


def _input_and_owner(name: str) -> tuple[Path, "str | None"]:
    exp_path = CVS / f"{name}.expected.json"
    exp = json.loads(exp_path.read_text(encoding="utf-8"))
    return _input_of(exp_path, exp), (exp.get("options") or {}).get("owner")


@lru_cache(maxsize=None)
def extraction(name: str) -> dict:
    from kg.pipeline import extract_path

    path, owner = _input_and_owner(name)
    return extract_path(path, owner=owner).to_json()


# ---------------------------------------------------------------------------------------------
# comparison


def norm(v):
    """Light normalisation: NFC and collapsed whitespace for strings (recursively)."""
    if isinstance(v, str):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", v)).strip()
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    return v


def _label(entry: dict) -> str:
    bits = []
    if entry.get("line") is not None:
        bits.append(f"line {entry['line']}")
    if entry.get("page") is not None:
        bits.append(f"page {entry['page']}")
    name = entry.get("title") or entry.get("organization") or entry.get("course") or entry.get("venue") \
        or entry.get("name")
    if name:
        bits.append(repr(name[:50]))
    return f" ({', '.join(bits)})" if bits else ""


def diff(expected, actual, where: str) -> list[str]:
    """Every field of ``expected`` that ``actual`` does not hold, as readable lines."""
    out: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        for k, v in expected.items():
            if k.startswith("_"):
                continue
            if k not in actual:
                out.append(f"{where} › {k}: missing from the extraction (expected {v!r})")
                continue
            if k == "authors" and isinstance(v, list):
                out += _diff_authors(v, actual[k], f"{where} › authors")
            else:
                out += diff(v, actual[k], f"{where} › {k}")
        return out
    if isinstance(expected, list) and expected and all(isinstance(x, dict) for x in expected):
        if not isinstance(actual, list):
            return [f"{where}: expected a list, got {actual!r}"]
        if len(expected) != len(actual):
            out.append(f"{where}: expected {len(expected)} items, got {len(actual)}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += diff(e, a, f"{where}[{i}]")
        return out
    if norm(expected) != norm(actual):
        out.append(f"{where}: expected {expected!r}, got {actual!r}")
    return out


def _diff_authors(expected: list, actual, where: str) -> list[str]:
    if not isinstance(actual, list):
        return [f"{where}: expected a list, got {actual!r}"]
    out = []
    if [norm(a.get("name")) for a in expected] != [norm(a.get("name")) for a in actual]:
        out.append(f"{where}: names expected {[a.get('name') for a in expected]}, "
                   f"got {[a.get('name') for a in actual]}")
    for i, (e, a) in enumerate(zip(expected, actual)):
        label = f"{where}[{i}] {e.get('name')!r}"
        for k, v in e.items():
            if k == "name" or k.startswith("_"):
                continue
            if k == "is_group" and v is False and k not in a:
                continue
            if k not in a:
                out.append(f"{label} › {k}: missing from the extraction (expected {v!r})")
            elif norm(v) != norm(a[k]):
                out.append(f"{label} › {k}: expected {v!r}, got {a[k]!r}")
    if len(expected) == len(actual) or out:
        return out
    return out + [f"{where}: expected {len(expected)} authors, got {len(actual)}"]


def _report(name: str, problems: list[str]) -> str:
    return f"{name}: {len(problems)} field(s) differ\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------------------------
# cases


def _cases():
    for name, exp_path, exp in EXPECTATIONS:
        if "source" in exp:
            yield name, "source", None
        if "person" in exp:
            yield name, "person", None
        for sec in LIST_SECTIONS:
            if sec not in exp:
                continue
            yield name, sec, "count"
            for i in range(len(exp[sec])):
                yield name, sec, i
        for k in exp:
            if k not in META_KEYS and k not in LIST_SECTIONS and k != "person":
                yield name, k, None


def _case_id(name, sec, idx) -> str:
    if idx is None:
        return f"{name}::{sec}"
    if idx == "count":
        return f"{name}::{sec}:count"
    return f"{name}::{sec}[{idx}]"


CASES = []
for _c in _cases():
    _id = _case_id(*_c)
    _marks = [pytest.mark.xfail(strict=True, reason=XFAIL[_id])] if _id in XFAIL else []
    CASES.append(pytest.param(*_c, id=_id, marks=_marks))
unknown = set(XFAIL) - {_case_id(*c.values) for c in CASES}
assert not unknown, f"XFAIL names cases that do not exist: {sorted(unknown)}"


@pytest.mark.parametrize("name,section,idx", CASES)
def test_fixture_cv(name, section, idx):
    exp = next(e for n, _, e in EXPECTATIONS if n == name)
    got = extraction(name)
    where = f"{name} › {section}"
    if section == "source":
        want = {k: v for k, v in exp["source"].items() if k != "sha256"}
        problems = diff(want, got["source"], where)
    elif idx == "count":
        problems = _count_problems(exp[section], got[section], where)
    elif idx is not None:
        want = exp[section][idx]
        have = got[section]
        where = f"{name} › {section}[{idx}]{_label(want)}"
        if idx >= len(have):
            problems = [f"{where}: missing (the extraction has only {len(have)} {section})"]
        else:
            problems = diff(want, have[idx], where)
    else:
        problems = diff(exp[section], got[section], where)
    assert not problems, _report(name, problems)


def _count_problems(expected: list, actual: list, where: str) -> list[str]:
    if len(expected) == len(actual):
        return []
    problems = [f"{where}: expected {len(expected)} entries, got {len(actual)}"]
    for i in range(len(expected), len(actual)):
        problems.append(f"{where}: extra [{i}]{_label(actual[i])}")
    for i in range(len(actual), len(expected)):
        problems.append(f"{where}: missing [{i}]{_label(expected[i])}")
    return problems


def test_every_fixture_has_an_expectation():
    """Each CV in the folder (file or site folder) has its expected JSON, and vice versa."""
    inputs = {_input_of(p, e).resolve() for _, p, e in EXPECTATIONS}
    aux = {".bib"}  # a .bib beside a .tex of the same name is read with it
    for p in sorted(CVS.iterdir()):
        if p.name.endswith(".json") or p.name.startswith((".", "_")) or p.suffix == ".py" or p.name == "README.md":
            continue
        if p.resolve() in inputs:
            continue
        if p.suffix in aux and (p.with_suffix(".tex")).resolve() in inputs:
            continue
        pytest.fail(f"{p.name} has no {p.stem}.expected.json")


def test_formats_covered():
    """Every input format the readers know has at least one fixture CV."""
    formats = {extraction(n)["source"]["format"] for n, _, _ in EXPECTATIONS}
    assert {"txt", "md", "pdf", "docx", "tex", "bib", "site", "yaml"} <= formats, formats


def test_cli_extract_json_is_the_same(runner):
    """``kg extract FILE --format json`` prints exactly what the library call gives (DESIGN.md section 4)."""
    from kg.cli import app

    for name in ("dates", "pdf-aalto"):
        exp = next(e for n, _, e in EXPECTATIONS if n == name)
        r = runner.invoke(app, ["extract", str(_input_of(CVS / f"{name}.expected.json", exp)), "--format", "json"])
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout) == extraction(name), name


@pytest.mark.parametrize("name", [n for n, _, _ in EXPECTATIONS])
def test_reused_parses_give_the_same_extraction(name, monkeypatch):
    """Extracting a CV again with its earlier extraction's reference parses (``SourceInfo.parses``, as an
    incremental build does for an edited CV) gives the same CV without parsing any reference string again."""
    import kg.extract.citation as citation
    from kg.extract import extract
    from kg.read import read_path

    path, owner = _input_and_owner(name)
    first = extract(read_path(path, path.name), owner)

    def parse_again(text):
        raise AssertionError(f"parsed again: {text[:80]!r}")

    monkeypatch.setattr(citation, "parse_reference", parse_again)
    again = extract(read_path(path, path.name), owner, first.source.parses)
    assert again.to_json() == first.to_json()
    assert again.source.parses is None or set(_parsed(again)) <= set(_parsed(first))


def _parsed(cv) -> dict:
    import pickle
    import zlib

    return pickle.loads(zlib.decompress(cv.source.parses)) if cv.source.parses else {}


def test_reused_parses_cover_the_citations_of_the_fixtures():
    """(What the test above rests on: the fixtures' publication lists are parsed as reference strings.)"""
    from kg.pipeline import extract_path

    parsed = {n: len(_parsed(extract_path(*_input_and_owner(n)))) for n, _, _ in EXPECTATIONS}
    assert sum(1 for v in parsed.values() if v >= 3) >= 8, parsed
