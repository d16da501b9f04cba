"""kg.validate: the ontology and SHACL shapes in ontology/ (DESIGN.md section 3).

A hand-written graph that follows the contract conforms; each broken variant yields a
violation naming the property at fault.
"""
from __future__ import annotations

from importlib.resources import files

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import OWL

from kg.validate import ValidationResult, load_ontology, load_shapes, validate_graph

KG = Namespace("https://w3id.org/pubkg/ontology#")
SCHEMA = Namespace("https://schema.org/")

PFX = """@prefix schema: <https://schema.org/> . @prefix kg: <https://w3id.org/pubkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix : <https://example.org/> .
"""
GOOD = PFX + """
:ada a schema:Person ; schema:name "Ada Roe" ; schema:alternateName "A. Roe" ; kg:coAuthor :bo ;
     schema:alumniOf :uni ; schema:affiliation :uni ; kg:advisor :cy .
:bo a schema:Person ; schema:name "Bo Li"@en ; kg:coAuthor :ada .
:cy a schema:Person ; schema:name "Cy Yao" .
:icml a kg:Venue ; schema:name "ICML" ; schema:alternateName "International Conference on Machine Learning" ;
      kg:venueType "conference" .
:p a schema:ScholarlyArticle ; schema:name "Widgets for Everyone" ; schema:datePublished "2023"^^xsd:gYear ;
   kg:publishedIn :icml ; kg:status "published" ; schema:author :ada, :bo ; kg:authorship :a1, :a2 ; kg:line 12 .
:a1 a kg:Authorship ; kg:author :ada ; kg:rank 1 ; kg:statedAs "Ada Roe" ; kg:equalContribution true .
:a2 a kg:Authorship ; kg:author :bo ; kg:rank 2 ; kg:statedAs "B. Li" ; kg:authorMark "◦" .
:uni a schema:Organization, schema:CollegeOrUniversity ; schema:name "Example University" .
:dept a schema:Organization ; schema:name "Department of Statistics" ; schema:parentOrganization :uni .
:e a kg:Education ; kg:person :ada ; kg:organization :uni ; kg:unit :dept ; schema:roleName "Ph.D. in Statistics" ;
   schema:startDate "2021-09"^^xsd:gYearMonth ; schema:endDate "2026-07"^^xsd:gYearMonth ; kg:expected true ;
   kg:advisor :cy ; kg:line 7 .
:m1 a kg:Mention ; kg:mentionOf :bo ; kg:statedAs "B. Li" ; kg:line 12 .
"""


def _graph(ttl: str) -> Graph:
    return Graph().parse(data=ttl, format="turtle")


def _kg_terms(g: Graph) -> set[URIRef]:
    return {t for t in g.all_nodes() if isinstance(t, URIRef) and str(t).startswith(str(KG))} | {
        p for p in g.predicates() if str(p).startswith(str(KG))}


# ---------------------------------------------------------------- ontology files


def test_ontology_files_are_found_through_importlib_resources():
    pkg = files("kg.ontology")
    for name in ("pubkg.ttl", "shapes.ttl"):
        res = pkg / name
        assert res.is_file(), name
        assert "https://w3id.org/pubkg/ontology#" in res.read_text(encoding="utf-8")


def test_ontology_parses_with_header_labels_and_comments():
    onto = load_ontology()
    header = URIRef("https://w3id.org/pubkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(header, OWL.versionInfo)) == "1"
    declared = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(KG))}
    for term in declared:
        assert onto.value(term, RDFS.label) is not None, term
        assert onto.value(term, RDFS.comment) is not None, term
    assert (KG.Visit, RDFS.subClassOf, KG.Employment) in onto
    assert (KG.Education, RDFS.subClassOf, KG.Position) in onto
    assert (KG.Employment, RDFS.subClassOf, KG.Position) in onto
    assert (KG.GroupAuthor, RDFS.subClassOf, SCHEMA.Organization) in onto
    assert (KG.coAuthor, RDF.type, OWL.SymmetricProperty) in onto
    assert onto.value(KG.rank, RDFS.range) == URIRef("http://www.w3.org/2001/XMLSchema#integer")


CLASSES = ("Authorship Venue Education Employment Visit Position TeachingAssignment Review Award GroupAuthor "
           "Mention Source MergeDecision").split()
PROPERTIES = ("authorship author rank statedAs equalContribution etAl authorMark publishedIn status venueType "
              "person organization unit expected location advisor mentor host course instructor term reviewerFor "
              "reviewYear venue award skill coAuthor line page mentionOf source fileName sha256 format mergeReason "
              "mergeScore mergedForm").split()


def test_ontology_declares_the_contract_vocabulary():
    onto = load_ontology()
    for c in CLASSES:
        assert (KG[c], RDF.type, OWL.Class) in onto, c
    prop_types = {OWL.ObjectProperty, OWL.DatatypeProperty}
    for p in PROPERTIES:
        assert set(onto.objects(KG[p], RDF.type)) & prop_types, p


def test_every_kg_term_of_the_shapes_is_declared_in_the_ontology():
    onto, shapes = load_ontology(), load_shapes()
    declared = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(KG))}
    used = _kg_terms(shapes)
    assert used, "shapes use no kg: term"
    assert used <= declared, sorted(used - declared)


def test_terms_used_by_the_builder_are_declared():
    """Every kg: term the RDF builder emits is in the ontology (a typo there would slip past SHACL)."""
    import re
    from pathlib import Path

    import kg.rdf.build as build

    src = Path(build.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'K\("([A-Za-z]+)"\)', src)) | set(re.findall(r'KG \+ "([A-Za-z]+)"', src))
    declared = {str(s)[len(str(KG)):] for s in load_ontology().subjects(RDF.type, None) if str(s).startswith(str(KG))}
    assert used and used <= declared, sorted(used - declared)


# ---------------------------------------------------------------- validation


def test_good_graph_conforms():
    r = validate_graph(_graph(GOOD))
    assert isinstance(r, ValidationResult)
    assert r.conforms, r.violations
    assert r.violations == []


def test_dataset_is_validated_as_the_union_of_its_graphs():
    """A position in one named graph may point at a person typed in another."""
    good = _graph(GOOD)
    ds = Dataset()
    a, b = ds.graph(URIRef("https://example.org/g/a")), ds.graph(URIRef("https://example.org/g/b"))
    for s, p, o in good:
        (a if str(s).endswith("/e") else b).add((s, p, o))
    r = validate_graph(ds)
    assert r.conforms, r.violations


BROKEN = [
    pytest.param(':p schema:name "Another title" .', ":p", "schema:name", id="paper-two-titles"),
    pytest.param(':a0 a kg:Authorship ; kg:author :bo ; kg:rank 0 .', ":a0", "kg:rank", id="rank-zero"),
    pytest.param(':a3 a kg:Authorship ; kg:author :bo ; kg:rank "1" .', ":a3", "kg:rank", id="rank-string"),
    pytest.param(':e2 a kg:Education ; kg:person :ada ; schema:startDate "2021-13" .', ":e2", "schema:startDate",
                 id="start-date-plain-string"),
    pytest.param(':e3 a kg:Education ; kg:person :ada ; schema:startDate "2021-13"^^xsd:gYearMonth .', ":e3",
                 "schema:startDate", id="start-date-ill-formed"),
    pytest.param(':nobody a schema:Person .', ":nobody", "schema:name", id="person-without-name"),
    pytest.param(':p kg:status "maybe" .', ":p", "kg:status", id="status-maybe"),
    pytest.param(':nips a kg:Venue ; schema:name "NIPS" .', ":nips", "kg:venueType", id="venue-without-type"),
    pytest.param(':a4 a kg:Authorship ; kg:rank 3 .', ":a4", "kg:author", id="authorship-without-author"),
    pytest.param(':a1 kg:rank 2 .', ":a1", "kg:rank", id="two-ranks"),
    pytest.param(':a1 kg:equalContribution "yes" .', ":a1", "kg:equalContribution", id="equal-contribution-string"),
    pytest.param(':p schema:datePublished "2023-05-01"^^xsd:date .', ":p", "schema:datePublished", id="date-not-year"),
    pytest.param(':q a schema:ScholarlyArticle ; schema:name "Q" ; schema:datePublished "23"^^xsd:gYear .', ":q",
                 "schema:datePublished", id="year-ill-formed"),
    pytest.param(':p kg:publishedIn :uni .', ":p", "kg:publishedIn", id="published-in-not-a-venue"),
    pytest.param(':p schema:author :icml .', ":p", "schema:author", id="author-is-a-venue"),
    pytest.param(':icml kg:venueType "blog" .', ":icml", "kg:venueType", id="venue-type-unknown"),
    pytest.param(':e kg:person :bo .', ":e", "kg:person", id="education-two-people"),
    pytest.param(':j a kg:Employment ; kg:organization :uni .', ":j", "kg:person", id="employment-without-person"),
    pytest.param(':j a kg:Visit, kg:Employment ; kg:person :ada ; kg:organization :icml .', ":j", "kg:organization",
                 id="visit-organization-not-an-org"),
    pytest.param(':e kg:organization :dept .', ":e", "kg:organization", id="education-two-organizations"),
    pytest.param(':t a kg:TeachingAssignment ; kg:person :ada .', ":t", "kg:course", id="teaching-without-course"),
    pytest.param(':t a kg:TeachingAssignment ; kg:person :ada ; kg:course :nocourse .', ":t", "kg:course",
                 id="teaching-course-untyped"),
    pytest.param(':aw a kg:Award ; schema:startDate "2020"^^xsd:gYear .', ":aw", "schema:name", id="award-without-name"),
    pytest.param(':aw a kg:Award ; schema:name "Best Paper" ; schema:startDate "May 2020" .', ":aw", "schema:startDate",
                 id="award-date-string"),
    pytest.param(':m2 a kg:Mention ; kg:line 3 .', ":m2", "kg:mentionOf", id="mention-without-target"),
    pytest.param(':m1 kg:line "12" .', ":m1", "kg:line", id="mention-line-string"),
    pytest.param(':m3 a kg:Mention ; kg:mentionOf :ada .', ":m3", "kg:line", id="mention-without-line"),
    pytest.param(':org a schema:Organization .', ":org", "schema:name", id="organization-without-name"),
]


@pytest.mark.parametrize("extra,focus,prop", BROKEN)
def test_broken_graph_names_the_property(extra, focus, prop):
    r = validate_graph(_graph(GOOD + extra))
    assert not r.conforms
    focus_iri = "<https://example.org/" + focus[1:] + ">"
    hits = [v for v in r.violations if v.startswith(focus_iri + " ") and f" {prop} " in v]
    assert hits, r.violations


def test_violation_lines_are_readable():
    r = validate_graph(_graph(GOOD + ':a0 a kg:Authorship ; kg:author :bo ; kg:rank 0 .'))
    assert len(r.violations) == 1
    line = r.violations[0]
    focus, path, message = line.split("  ", 2)
    assert focus == "<https://example.org/a0>" and path == "kg:rank"
    assert message and "\n" not in line and '"0"' in message


def test_loaders_return_fresh_graphs():
    a, b = load_shapes(), load_shapes()
    a.remove((None, None, None))
    assert len(b) > 0 and len(load_ontology()) > 0
