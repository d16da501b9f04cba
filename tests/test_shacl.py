"""The ontology and SHACL shapes: found through importlib.resources, correct graphs conform, broken ones do not."""
from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.namespace import OWL

from kg.cli import app
from kg.validate import load_ontology, load_shapes, validate_graph

KG = Namespace("https://w3id.org/pubkg/ontology#")
PFX = """@prefix schema: <https://schema.org/> . @prefix kg: <https://w3id.org/pubkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix : <https://example.org/> .
"""
GOOD = PFX + """
:ada a schema:Person ; schema:name "Ada Roe" ; kg:coAuthor :bo .
:bo a schema:Person ; schema:name "Bo Li" ; kg:coAuthor :ada .
:icml a kg:Venue ; schema:name "ICML" ; kg:venueType "conference" .
:p a schema:ScholarlyArticle ; schema:name "Widgets" ; schema:datePublished "2023"^^xsd:gYear ; kg:publishedIn :icml ;
   schema:author :ada, :bo ; kg:authorship :a1, :a2 .
:a1 a kg:Authorship ; kg:author :ada ; kg:rank 1 ; kg:statedAs "Ada Roe" ; kg:equalContribution true .
:a2 a kg:Authorship ; kg:author :bo ; kg:rank 2 .
:u a schema:Organization, schema:CollegeOrUniversity ; schema:name "Example University" .
:e a kg:Education ; kg:person :ada ; kg:organization :u ; schema:startDate "2021-09"^^xsd:gYearMonth ; kg:expected true .
"""


def test_ontology_found_and_declares_every_shape_term():
    onto, shapes = load_ontology(), load_shapes()
    declared = {s for s in onto.subjects() if str(s).startswith(str(KG))}
    used = {t for t in shapes.all_nodes() if str(t).startswith(str(KG)) and not str(t).endswith("Shape")}
    assert used and used <= declared, used - declared
    for term in declared:  # labels and comments everywhere
        assert onto.value(term, Namespace("http://www.w3.org/2000/01/rdf-schema#").label) is not None, term
    assert (KG.Visit, Namespace("http://www.w3.org/2000/01/rdf-schema#").subClassOf, KG.Employment) in onto
    assert (KG.coAuthor, RDF.type, OWL.SymmetricProperty) in onto


def test_good_graph_conforms():
    r = validate_graph(Graph().parse(data=GOOD, format="turtle"))
    assert r.conforms, r.violations


BROKEN = [
    (':p schema:name "Another title" .', "name"),
    (':a2 kg:rank 0 .', "rank"),
    (':a3 a kg:Authorship ; kg:author :bo ; kg:rank "1" .', "rank"),
    (':e2 a kg:Education ; kg:person :ada ; schema:startDate "2021-13" .', "startDate"),
    (':nobody a schema:Person .', "name"),
    (':p kg:status "maybe" .', "status"),
    (':nips a kg:Venue ; schema:name "NIPS" .', "venueType"),
    (':a4 a kg:Authorship .', "author"),
]


@pytest.mark.parametrize("extra,prop", BROKEN)
def test_broken_graphs_are_reported(extra, prop):
    r = validate_graph(Graph().parse(data=GOOD + extra, format="turtle"))
    assert not r.conforms
    assert any(prop in v for v in r.violations), r.violations


def test_cli_validate_on_seed_store(runner, seed_store):
    r = runner.invoke(app, ["validate", "--store", str(seed_store)])
    assert r.exit_code == 0 and r.stdout.startswith("conforms")
