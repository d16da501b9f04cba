"""Readers (PDF, DOCX, BibTeX, LaTeX, academic sites, YAML/CSL) and source discovery.

Every fixture under ``tests/fixtures/readers/`` is a fictional person; the binary ones are rebuilt by
``tests/fixtures/readers/make_fixtures.py``. Expected values below were written by hand.
"""
from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from kg.errors import InputError, MissingDependency
from kg.read import discover, read_file, read_path
from kg.read.grouping import Source, plan, read_source, source_sha256

FIX = Path(__file__).parent / "fixtures" / "readers"


def lines_of(doc):
    return [(l.page, l.line, l.text) for l in doc.lines if l.text.strip()]


def pubs_of(doc):
    return {p.title: p for p in doc.publications}


# ---------------------------------------------------------------------------------------------
# PDF

@pytest.fixture(scope="module")
def pdf_doc():
    return read_file(FIX / "castellanos.pdf", "castellanos.pdf")


@pytest.mark.parametrize("page,line,text", [
    (1, 2, "Mira Castellanos"),
    (1, 5, "- Ph.D. in Hydrology, Universidad de Montecielo, 2016 - 2021"),  # "•" bullet normalised
    # "ﬁ" glyph → "fi"; "opti-" + "mization" joined on the first line, the rest stays on the next
    (1, 8, "1. Mira Castellanos, Tomasz Wrobel. Scientific workflows for reservoir optimization"),
    (1, 9, "in arid basins. Journal of Dryland Hydrology, 2022."),
    # a real hyphen before a capital, across the page break: the word moves to page 1
    (1, 10, "2. Mira Castellanos, Ana Ruiz. Mapping High-Resolution"),
    (2, 2, "snow cover from small satellites. Remote Sensing Letters, 2023."),
    (2, 4, "- Teaching Assistant, Fluid Mechanics, 2019"),
])
def test_pdf_lines(pdf_doc, page, line, text):
    assert (page, line, text) in lines_of(pdf_doc)


def test_pdf_running_header_and_page_numbers_removed(pdf_doc):
    texts = [t for _, _, t in lines_of(pdf_doc)]
    assert not any("Curriculum Vitae" in t for t in texts)
    assert "1" not in texts and "2" not in texts
    assert [l.line for l in pdf_doc.lines if l.page == 2][0] == 2  # line 1 (the header) keeps its number
    assert pdf_doc.source.format == "pdf" and pdf_doc.source.key == "castellanos.pdf"
    assert {l.page for l in pdf_doc.lines} == {1, 2}


# ---------------------------------------------------------------------------------------------
# DOCX

@pytest.fixture(scope="module")
def docx_doc():
    return read_file(FIX / "ebbesen.docx", "ebbesen.docx")


@pytest.mark.parametrize("line,text", [
    (1, "**Jonas Ebbesen**"),  # bold owner name
    (4, "| 2014 - 2019 | Ph.D. in Oceanography | Nordvik University |"),  # table row
    (5, "| 2012 - 2014 | M.Sc. in Physics | Tarnholm College |"),
    (7, "- **Ebbesen, J.**; Lind, K. Tidal mixing in narrow fjords. Journal of Coastal Dynamics, 2020."),  # list
    (8, "- Holm, S.; **Ebbesen, J.**. Sediment plumes after storms. Estuarine Letters, 2022."),
    (10, "2019 - present   Postdoctoral Fellow, Nordvik University"),  # a tab
])
def test_docx_lines(docx_doc, line, text):
    assert (None, line, text) in lines_of(docx_doc)


def test_docx_owner_from_author_property_seen_in_text(docx_doc):
    assert docx_doc.owner == "Jonas Ebbesen"
    assert docx_doc.source.format == "docx"


# ---------------------------------------------------------------------------------------------
# BibTeX

@pytest.fixture(scope="module")
def bib_doc():
    return read_file(FIX / "refs.bib", "refs.bib")


BIB = [
    # title, authors, et_al, venue, year, status, line
    ("Glacier Retreat in the Tatra Mountains: A Reanalysis", ["Wiśniewska, Łucja", "Müller, Jörg"], True,
     "Journal of Alpine Studies", 2021, None, 2),
    ("Snow Depth from Drones", ["Wiśniewska, Łucja", "García, María"], False,
     "Proceedings of the Workshop on Mountain Hydrology", 2022, None, 10),
    ("Open Snow Data, Version 2", ["Tatra Snow Consortium", "Wiśniewska, Łucja"], False, "Zenodo", 2023, "preprint", 23),
    ("Avalanche Risk under Warming", ["Wiśniewska, Łucja", "Châtelet, Renée"], False, "Cold Regions Letters", 2024,
     "accepted", 31),
]


@pytest.mark.parametrize("title,authors,et_al,venue,year,status,line", BIB)
def test_bib_entries(bib_doc, title, authors, et_al, venue, year, status, line):
    p = pubs_of(bib_doc)[title]
    assert [a.name for a in p.authors] == authors
    assert [a.rank for a in p.authors] == list(range(1, len(authors) + 1))
    assert (p.et_al, p.venue, p.year, p.status, p.line) == (et_al, venue, year, status, line)


def test_bib_details(bib_doc):
    pubs = pubs_of(bib_doc)
    assert len(bib_doc.publications) == 4  # the broken entry is a warning, not a publication
    assert pubs["Glacier Retreat in the Tatra Mountains: A Reanalysis"].doi == "10.5555/jas.2021.042"
    assert pubs["Open Snow Data, Version 2"].authors[0].is_group  # {Tatra Snow Consortium}
    assert bib_doc.owner is None  # a standalone .bib names no owner


@pytest.mark.parametrize("line,text,reason", [
    (10, "@@inproceedings", "doubled '@'"),
    (17, "@article{broken2020,", "could not be parsed"),
])
def test_bib_warnings(bib_doc, line, text, reason):
    assert any(w.line == line and w.text == text and reason in w.reason for w in bib_doc.warnings)


@pytest.mark.parametrize("latex,text", [
    (r"Ma{\l}gorzata G{\"o}ssmann", "Małgorzata Gössmann"),
    (r"Garc\'{\i}a and \c{C}elik and \v{S}koda and {\O}berg", "García and Çelik and Škoda and Øberg"),
    (r"J.~R\'emy --- 50\% of \emph{all} \textit{Things} \& more", "J. Rémy — 50% of all Things & more"),
    (r"\href{https://x.org/a%20b}{Link} and \url{https://y.org/~me}", "Link and https://y.org/~me"),
    (r"The $\alpha$-helix of H$_2$O", "The α-helix of H2O"),
    (r"{\bf Ada} \textbf{Roe}", "Ada Roe"),
    (r"done % a comment", "done"),
])
def test_latex_to_text(latex, text):
    from kg.read.bib import latex_to_text

    assert latex_to_text(latex) == text


def test_bibtex_names_split_at_top_level_and_only():
    from kg.read.bib import split_bibtex_names

    assert split_bibtex_names("{Barnes and Noble} and Roe, Ada AND others") == ["{Barnes and Noble}", "Roe, Ada", "others"]


# ---------------------------------------------------------------------------------------------
# LaTeX + .bib

@pytest.fixture(scope="module")
def tex_doc():
    return read_file(FIX / "tex" / "cv.tex", "tex/cv.tex")


def test_tex_publications_are_the_printed_keys_in_order(tex_doc):
    got = [(p.title, p.line) for p in tex_doc.publications]
    # \bibentry lines 18 and 20 (line 19 is commented out), \nocite on line 22; the \cite under
    # "Talks" repeats a key; "A commented-out paper" is in the .bib but never printed
    assert got == [("Basal Melt of Alpine Glaciers", 18), ("Tidal Flexure of Ice Shelves", 20),
                   ("Firn Density from Radar", 22)]
    p = tex_doc.publications[0]
    assert [a.name for a in p.authors] == ["Øberg, Tomás", "François, Zoë"] and p.venue == "Cryosphere Letters"
    assert tex_doc.publications[2].status == "submitted"


@pytest.mark.parametrize("line,text", [
    (7, "**Tomás Øberg**"),  # \textbf, \\ splits the line (both parts keep line 7)
    (7, "Department of Glaciology, Université de Genève"),
    (10, "## Education"),
    (12, "- Ph.D. in Glaciology, Universität Zürich 2015–2019"),
    (13, "- M.Sc. in Physics, Universidad de Córdoba 2013–2015"),  # \emph, trailing comment dropped
    (31, "2020 | Glacier Physics I"),  # tabular & and ~
    (32, "2021 | Remote Sensing of Ice, 50% lectures"),
])
def test_tex_lines(tex_doc, line, text):
    assert (None, line, text) in lines_of(tex_doc)


def test_tex_comments_preamble_and_owner(tex_doc):
    texts = " ".join(t for _, _, t in lines_of(tex_doc))
    assert "Not The Owner" not in texts and "documentclass" not in texts and "%" not in texts.replace("50%", "")
    assert "\\" not in texts and "{" not in texts
    assert tex_doc.owner == "Tomás Øberg"
    assert tex_doc.source.format == "tex"


def test_tex_nocite_star_takes_every_entry(tmp_path):
    shutil.copy(FIX / "tex" / "cv-refs.bib", tmp_path / "refs.bib")
    (tmp_path / "cv.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\nJane Roe\n\\section{Publications}\n"
        "% \\nocite{oberg2018} is not needed\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n"
        "\\end{document}\n", encoding="utf-8")
    doc = read_file(tmp_path / "cv.tex", "cv.tex")
    assert [(p.title, p.line) for p in doc.publications] == [
        ("A commented-out paper", 1), ("Basal Melt of Alpine Glaciers", 8), ("Tidal Flexure of Ice Shelves", 15),
        ("Firn Density from Radar", 22)]


def test_tex_input_files_are_read_in_place(tmp_path):
    (tmp_path / "pubs.tex").write_text("\\section{Awards}\nBest Poster, 2020\n", encoding="utf-8")
    (tmp_path / "cv.tex").write_text("\\begin{document}\nJane Roe\n\\input{pubs}\nThe end\n\\end{document}\n",
                                     encoding="utf-8")
    doc = read_file(tmp_path / "cv.tex", "cv.tex")
    assert [(l.file, l.line, l.text) for l in doc.lines if l.text] == [
        (None, 2, "Jane Roe"), ("pubs.tex", 1, "## Awards"), ("pubs.tex", 2, "Best Poster, 2020"), (None, 4, "The end")]


# ---------------------------------------------------------------------------------------------
# academic site

@pytest.fixture(scope="module")
def site_doc():
    return read_path(FIX / "site", "site")


def test_site_owner_and_publications(site_doc):
    assert site_doc.owner == "Ingrid Solberg"  # author.name, "Dr." and ", PhD" dropped
    pubs = pubs_of(site_doc)
    a = pubs["Aerosol Acidity over Fjords"]
    assert [x.name for x in a.authors] == ["Solberg, I.", "Per K. Haugen", "Liv Aas"]
    assert [x.is_owner for x in a.authors] == [True, False, False]  # <strong>
    assert (a.venue, a.year, a.doi, a.line) == ("Journal of Polar Air", 2020, "10.5555/jpa.2020.7", 2)
    b = pubs["Bromine Release from Coastal Snow"]
    assert [x.name for x in b.authors] == ["Berg, T.", "Solberg, I.", "Moe, K."] and b.et_al
    assert (b.year, b.status) == (2023, "accepted")
    assert site_doc.source.format == "site" and site_doc.source.key == "site"


def test_site_cv_page_lines(site_doc):
    got = [(l.file, l.line, l.text) for l in site_doc.lines if l.text.strip()]
    assert ("_pages/cv.md", 9, "## Education") in got  # <h2> with a decorative "//"
    assert ("_pages/cv.md", 11, "2012 – 2017") in got  # &ndash;, indentation of HTML dropped
    assert ("_pages/cv.md", 12, "Ph.D. in Atmospheric Chemistry, Fjellstad University") in got
    assert not any("{%" in t or "<" in t or "layout:" in t for _, _, t in got)


# ---------------------------------------------------------------------------------------------
# YAML: CSL bibliography + pandoc markdown, YAML CV

def test_pandoc_markdown_and_csl_yaml_are_one_source():
    sources = list(discover(FIX / "pandoc"))
    assert [(s.key, s.reader, [m.name for m in s.members]) for s in sources] == [("cv.md", "text", ["refs.yaml"])]
    doc = read_source(sources[0])
    got = [(p.title, [a.name for a in p.authors], p.venue, p.year) for p in doc.publications]
    assert got == [  # cited keys only, in the order cited; the owner listed twice counts once
        ("Braided rivers in the tropics", ["Vanterpool, Kaito"], "4th River Morphology Meeting", 2019),
        ("Sediment budgets of SE Asian deltas", ["Holt, Maren", "Vanterpool, Kaito"], "Delta Studies", 2021),
    ]


def test_csl_yaml_alone_is_a_bibliography():
    doc = read_file(FIX / "pandoc" / "refs.yaml", "refs.yaml")
    assert [p.title for p in doc.publications] == [
        "Sediment budgets of SE Asian deltas", "Braided rivers in the tropics", "A thesis the CV never cites"]
    assert doc.publications[2].venue == "Some University" and doc.publications[0].line == 3


def test_csl_json(tmp_path):
    (tmp_path / "refs.json").write_text(
        '[{"id": "a", "type": "article-journal", "title": "Deep Lakes", "author": [{"family": "Roe", "given": "Jane"},'
        ' {"literal": "Lake Consortium"}], "issued": {"date-parts": [[2019, 5]]}, "container-title": "Limnology"}]',
        encoding="utf-8")
    doc = read_file(tmp_path / "refs.json", "refs.json")
    p = doc.publications[0]
    assert (p.title, [a.name for a in p.authors], p.year, p.venue) == (
        "Deep Lakes", ["Roe, Jane", "Lake Consortium"], 2019, "Limnology")


@pytest.fixture(scope="module")
def yaml_cv():
    return read_file(FIX / "cvdata.yml", "cvdata.yml")


def test_yaml_cv(yaml_cv):
    assert yaml_cv.owner == "Odile Marchetti"
    got = [(p.title, [a.name for a in p.authors], p.venue, p.year, p.line) for p in yaml_cv.publications]
    assert got == [
        ("Gravity anomalies of imaginary basins", ["Odile Marchetti", "Bruno Ferraro", "Lia Conti"],
         "Journal of Made-up Geophysics", 2020, 23),
        ("Magnetic stripes revisited", ["Conti L.", "Marchetti O."], "Fictional Earth Letters", 2018, 28),
    ]
    lines = [(l.line, l.text) for l in yaml_cv.lines]
    assert (12, "## Education") in lines
    assert (15, "- PhD in Geophysics, Università di Fantasia, 2015 - 2019. Advisor: Bruno Ferraro") in lines
    assert not any("a4paper" in t for _, t in lines)  # layout settings are not CV text


# ---------------------------------------------------------------------------------------------
# errors: one clear InputError, never another exception type

def _zip_of_junk(p: Path):
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", b"\x00\x01 this is not XML <<<")
        z.writestr("[Content_Types].xml", b"junk")


def _zip_without_document(p: Path):
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "a zip, but not a Word document")


ERRORS = [
    # file name, how to make it, words the message must contain
    ("random.pdf", lambda p: p.write_bytes(os.urandom(2048)), "not a PDF"),
    ("truncated.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "corrupt"),
    ("encrypted.pdf", lambda p: shutil.copy(FIX / "errors" / "encrypted.pdf", p), "password-protected"),
    ("junk.docx", _zip_of_junk, "DOCX"),
    ("nozip.docx", lambda p: p.write_bytes(b"{\\rtf1 an RTF file named .docx}"), "not a zip"),
    ("other.docx", _zip_without_document, "word/document.xml"),
    ("nothing.bib", lambda p: p.write_text("Just some prose about papers, no entries at all.\n"), "no entry"),
    ("comments.bib", lambda p: p.write_text("% @article{x, title={commented}}\n"), "no entry"),
    ("unclosed.bib", lambda p: p.write_text("@article{x,\n title = {never closed,\n year = 2020\n"), "no entry"),
    ("notes.yaml", lambda p: p.write_text("steps:\n  - run: make\n  - run: test\n"), "not a CV or bibliography"),
    ("broken.yaml", lambda p: p.write_text("name: [unclosed\n  - x: y\n"), "broken YAML"),
    ("plain.tex", lambda p: p.write_text("no latex commands here\n"), "not a LaTeX"),
    ("binary.txt", lambda p: p.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50), "binary"),
] + [(f"empty{suffix}", lambda p: p.write_bytes(b""), "empty")
     for suffix in (".pdf", ".docx", ".bib", ".tex", ".yaml", ".md", ".txt", ".json")]


@pytest.mark.parametrize("name,make,words", ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_files_raise_one_clear_input_error(tmp_path, name, make, words):
    p = tmp_path / name
    make(p)
    with pytest.raises(InputError) as e:
        read_file(p, name)
    assert type(e.value) is InputError
    msg = str(e.value)
    assert msg.startswith(str(p)) and words in msg and "\n" not in msg


def test_encrypted_fixture_is_a_real_encrypted_pdf():
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(FIX / "errors" / "encrypted.pdf"), password="secret")
    assert "Nobody Inparticular" in doc[0].get_textpage().get_text_range()


@pytest.mark.parametrize("module,fixture,extra", [
    ("pypdfium2", "castellanos.pdf", "pdf"), ("docx", "ebbesen.docx", "docx"), ("bibtexparser", "refs.bib", "bib"),
])
def test_missing_optional_library(monkeypatch, module, fixture, extra):
    monkeypatch.setitem(sys.modules, module, None)  # "import module" now raises ImportError
    with pytest.raises(MissingDependency) as e:
        read_file(FIX / fixture, fixture)
    assert f"pip install 'pubkg[{extra}]'" in str(e.value)


# ---------------------------------------------------------------------------------------------
# discovery

@pytest.fixture
def mixed(tmp_path):
    root = tmp_path / "group"
    shutil.copytree(FIX / "site", root / "people" / "solberg-site")
    shutil.copytree(FIX / "tex", root / "oberg")
    shutil.copytree(FIX / "pandoc", root / "vanterpool")
    shutil.copy(FIX / "castellanos.pdf", root / "castellanos.pdf")
    shutil.copy(FIX / "ebbesen.docx", root / "ebbesen.docx")
    shutil.copy(FIX / "castellanos.pdf", root / "ebbesen.pdf")  # the docx compiled: read once
    shutil.copy(FIX / "refs.bib", root / "wisniewska.bib")
    (root / "notes.xyz").write_text("not a CV")
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    (root / "README.md").write_text("# Our group\n")
    (root / "ci.yml").write_text("steps:\n  - run: make\n")
    (root / "examples" / "queries").mkdir(parents=True)
    (root / "examples" / "queries" / "01.rq").write_text("SELECT * WHERE { ?s ?p ?o }")
    (root / ".git").mkdir()
    (root / ".git" / "cv.md").write_text("# hidden")
    (root / "kg-store").mkdir()
    (root / "kg-store" / "CURRENT").write_text("MANIFEST-000005\n")
    (root / "kg-store" / "MANIFEST-000005").write_bytes(b"\x00")
    (root / "node_modules" / "x").mkdir(parents=True)
    (root / "node_modules" / "x" / "cv.pdf").write_bytes(b"%PDF junk")
    return root


def test_discovery_groups_and_skips(mixed):
    skipped = []
    sources = list(discover(mixed, on_skip=lambda path, reason: skipped.append((Path(path).name, reason))))
    got = [(s.key, s.reader, tuple(m.name for m in s.members)) for s in sources]
    assert got == [
        ("castellanos.pdf", "pdf", ()),
        ("ebbesen.docx", "docx", ()),
        ("oberg/cv.tex", "tex", ("cv-refs.bib",)),  # its .bib is not a source of its own
        ("people/solberg-site", "site", ()),
        ("vanterpool/cv.md", "text", ("refs.yaml",)),
        ("wisniewska.bib", "bib", ()),  # a standalone .bib is its own source
    ]
    names = dict(skipped)
    assert set(names) == {"ebbesen.pdf", "notes.xyz", "old.doc", "ci.yml"}
    assert "compiled copy of ebbesen.docx" in names["ebbesen.pdf"]
    assert "unsupported file type '.xyz'" in names["notes.xyz"] and ".docx or PDF" in names["old.doc"]
    assert "not a CV" in names["ci.yml"]
    path, key = sources[0]  # still unpacks like the old (path, key) pair
    assert path == mixed / "castellanos.pdf" and key == "castellanos.pdf" and sources[0][1] == key


def test_discovery_sources_all_read(mixed):
    p = plan(mixed)
    docs = [read_source(s) for s in p.sources]
    assert [d.source.key for d in docs] == [s.key for s in p.sources]
    assert {d.source.format for d in docs} == {"pdf", "docx", "tex", "site", "md", "bib"}
    assert len(p.skipped) == 4


def test_a_site_folder_given_itself_is_one_source():
    sources = list(discover(FIX / "site"))
    assert sources == [Source(FIX / "site", "site", "site")]


def test_source_hash_covers_members(tmp_path):
    shutil.copytree(FIX / "tex", tmp_path / "t")
    (src,) = plan(tmp_path / "t").sources
    before = source_sha256(src)
    with open(tmp_path / "t" / "cv-refs.bib", "a", encoding="utf-8") as f:
        f.write("\n% edited\n")
    assert source_sha256(src) != before
    assert read_source(src).source.sha256 == source_sha256(src)


# ---------------------------------------------------------------------------------------------
# smaller formats and helpers

def test_hugo_site(tmp_path):
    root = tmp_path / "hugo"
    (root / "content" / "publication" / "lakes").mkdir(parents=True)
    (root / "content" / "authors" / "admin").mkdir(parents=True)
    (root / "config.toml").write_text('title = "My site"\n', encoding="utf-8")
    (root / "content" / "authors" / "admin" / "_index.md").write_text('---\ntitle: Nadia Okonjo\n---\nBio.\n')
    (root / "content" / "publication" / "lakes" / "index.md").write_text(
        '---\ntitle: "Cold Lakes"\nauthors:\n- Sam Reyes\n- admin\ndate: "2021-02-01"\n'
        'publication: "*Journal of Limnology*"\ndoi: "10.5555/jl.1"\n---\n', encoding="utf-8")
    (src,) = plan(root).sources
    assert (src.key, src.reader) == ("hugo", "site")
    doc = read_source(src)
    p = doc.publications[0]
    assert doc.owner == "Nadia Okonjo"
    assert (p.title, [a.name for a in p.authors], [a.is_owner for a in p.authors], p.venue, p.year, p.doi) == (
        "Cold Lakes", ["Sam Reyes", "Nadia Okonjo"], [False, True], "Journal of Limnology", 2021, "10.5555/jl.1")


def test_json_resume(tmp_path):
    (tmp_path / "resume.json").write_text(
        '{"basics": {"name": "Priya Raman", "email": "priya@example.org"},'
        ' "education": [{"institution": "Kestrel University", "studyType": "PhD", "area": "Ecology",'
        ' "startDate": "2016", "endDate": "2021"}],'
        ' "publications": [{"name": "Moth Counts at Dusk", "publisher": "Insect Letters", "releaseDate": "2022-04-01"}]}',
        encoding="utf-8")
    (src,) = plan(tmp_path).sources
    doc = read_source(src)
    assert doc.owner == "Priya Raman"
    assert [(p.title, p.venue, p.year) for p in doc.publications] == [("Moth Counts at Dusk", "Insect Letters", 2022)]
    assert "- PhD, Ecology, Kestrel University, 2016 – 2021" in [l.text for l in doc.lines]


def test_pandoc_markdown_citing_a_bibtex_file(tmp_path):
    shutil.copy(FIX / "refs.bib", tmp_path / "pubs.bib")
    (tmp_path / "cv.md").write_text("---\ntitle: Łucja Wiśniewska\nbibliography: pubs.bib\n---\n\n# Papers\n\n"
                                    "- [@wisniewska2024]\n- [@wisniewska2021]\n", encoding="utf-8")
    (src,) = plan(tmp_path).sources
    assert [m.name for m in src.members] == ["pubs.bib"]
    doc = read_source(src)
    assert [p.title for p in doc.publications][-2:] == [
        "Avalanche Risk under Warming", "Glacier Retreat in the Tatra Mountains: A Reanalysis"]


_NAMED_BIB = """% the publications of Ines Mora
@article{mora2022,
  author = {Vega, Luis and Mora, Ines and Lind, Bo},
  title = {{Quiet rooms for loud gizmos}},
  journal = {Gizmo Letters},
  year = {2022}
}
@inproceedings{mora2020,
  author = {Mora, Ines and Park, Kim},
  title = {Sparse widget fields},
  booktitle = {Proceedings of the Widget Symposium},
  year = {2020}
}
"""


@pytest.mark.parametrize("cv_name,mention,joined", [
    ("cv.md", "## Publications\n\nSee publications.bib.\n", True),
    ("cv.txt", "PUBLICATIONS\nThe full list is in Publications.bib\n", True),
    ("cv.md", "## Publications\n\nSee my Google Scholar page.\n", False),  # a .bib beside it, not named
    ("cv.md", "## Publications\n\nSee old-publications.bib-backup.\n", False),  # another name
])
def test_a_cv_naming_the_bibliography_beside_it(tmp_path, cv_name, mention, joined):
    (tmp_path / "publications.bib").write_text(_NAMED_BIB, encoding="utf-8")
    (tmp_path / cv_name).write_text("Ines Mora\n\nEmail: ines@example.org\n\n" + mention, encoding="utf-8")
    sources = plan(tmp_path).sources
    if not joined:
        assert sorted(s.key for s in sources) == sorted([cv_name, "publications.bib"])
        assert read_source(next(s for s in sources if s.key == cv_name)).publications == []
        return
    (src,) = sources
    assert src.key == cv_name and [m.name for m in src.members] == ["publications.bib"]
    doc = read_source(src)
    assert [(p.title, p.year) for p in doc.publications] == [("Quiet rooms for loud gizmos", 2022),
                                                              ("Sparse widget fields", 2020)]
    assert [a.name for a in doc.publications[0].authors] == ["Vega, Luis", "Mora, Ines", "Lind, Bo"]  # as written


def test_pdf_text_rebuilt_from_character_boxes():
    pdfium = pytest.importorskip("pypdfium2")
    from kg.read.pdf import _chars_text, _lost_spaces

    page = pdfium.PdfDocument(str(FIX / "castellanos.pdf"))[0]
    text = _chars_text(page.get_textpage())
    assert "Mira Castellanos" in text and "Department of Hydrology, Universidad de Montecielo" in text
    assert _lost_spaces("Thistextlostallitsspaces" * 20) and not _lost_spaces(text)


@pytest.mark.parametrize("left,right,joint", [
    ("opti", "mization", ""), ("High", "Resolution", "-"), ("COVID", "19", "-"), ("state", "of-the-art", ""),
])
def test_hyphen_joint(left, right, joint):
    from kg.read.repair import hyphen_joint

    assert hyphen_joint(left, right) == joint


def test_repair_text_behaviour_kept():
    from kg.read.repair import repair_text

    assert repair_text("Ef\ufb01cient\u00a0models\r\nnext") == "Efficient models\nnext"


def test_tex_comment_environments_hide_entries(tmp_path):
    shutil.copy(FIX / "tex" / "cv-refs.bib", tmp_path / "cv-refs.bib")
    (tmp_path / "cv.tex").write_text(
        "\\begin{document}\n\\nobibliography{cv-refs}\n\\section{Publications}\n\\bibentry{oberg2020}\n"
        "\\begin{comment}\n\\bibentry{oberg2018}\n\\end{comment}\n\\iffalse\n\\bibentry{oberg2022}\n\\fi\n"
        "\\end{document}\n", encoding="utf-8")
    doc = read_file(tmp_path / "cv.tex", "cv.tex")
    assert [p.title for p in doc.publications] == ["Basal Melt of Alpine Glaciers"]


def test_planning_a_big_flat_folder_lists_it_a_bounded_number_of_times(tmp_path, monkeypatch):
    """A folder of many CVs, some naming a bibliography: the folder is listed O(1) times, not once per CV."""
    (tmp_path / "publications.bib").write_text(_NAMED_BIB, encoding="utf-8")
    for i in range(120):
        note = "See publications.bib.\n" if i % 3 == 0 else "No list here.\n"
        (tmp_path / f"cv{i:03}.md").write_text(f"# Person {i}\n\n## Publications\n\n{note}", encoding="utf-8")
    calls = []
    real = Path.iterdir

    def counting(self):
        calls.append(self)
        return real(self)

    monkeypatch.setattr(Path, "iterdir", counting)
    sources = plan(tmp_path).sources
    assert sum(1 for c in calls if c == tmp_path) <= 3
    assert len(sources) == 120  # the .bib is a member of the CVs that name it; no other file is left over
    assert sum(1 for s in sources if [m.name for m in s.members] == ["publications.bib"]) == 40
