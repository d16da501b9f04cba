"""The build index's record of one source: what goes in comes back, whole or form by form, in order."""
from __future__ import annotations

import pytest

from kg.index import Entry, IndexWriter
from kg.resolve import PeoplePlan
from kg.resolve.people import Mention

# a source writing three forms, interleaved, the way a publication list does
MENTIONS = [
    ("Ana Li", ("owner",), True),
    ("Ana Li", ("pub", 0, 0), True),
    ("Bo Wu", ("pub", 0, 1), False),
    ("C. Ng", ("pub", 0, 2), False),
    ("Bo Wu", ("pub", 1, 0), False),
    ("Ana Li", ("pub", 1, 1), True),
    ("C. Ng", ("advisor", 0, 0), False),
]


def _plan() -> PeoplePlan:
    co = frozenset({"li a", "wu b", "ng c"})
    ms = [Mention("cv.md", mid, name, owner=owner, coauthors=co if mid[0] == "pub" else frozenset(), line=i + 1)
          for i, (name, mid, owner) in enumerate(MENTIONS)]
    return PeoplePlan("cv.md", "Ana Li", ms, {"wu b": "Bo Wu"}, [(("pub", 2, 0), "ATLAS Collaboration")],
                      ("ana@example.org", None, None))


@pytest.fixture
def index(tmp_path):
    """An empty index (the one a full build starts writing)."""
    w = IndexWriter(tmp_path / "store", None)
    yield w.ix
    w.discard()


def _stored(index, plan=None, forms=None) -> Entry:
    """An entry stored in the index and read back (whole, or for some forms)."""
    if plan is not None:
        index.put_source(Entry(plan, {("pub", 0, 1): "p/bo-wu"}, {0: "paper/x"}, "p/ana-li"), [], new=True)
    return index.entries(["cv.md"], forms)["cv.md"]


def test_an_entry_comes_back_whole(index):
    plan = _plan()
    e = _stored(index, plan)
    assert e.key == "cv.md" and e.owner == "p/ana-li"
    assert e.person_of == {("pub", 0, 1): "p/bo-wu"} and e.paper_of == {0: "paper/x"}
    back = e.plan
    assert [(m.name, m.mid, m.owner, m.coauthors, m.line) for m in back.mentions] == \
        [(m.name, m.mid, m.owner, m.coauthors, m.line) for m in plan.mentions]
    assert (back.key, back.owner_name, back.key_names, back.groups, back.contact) == \
        (plan.key, plan.owner_name, plan.key_names, plan.groups, plan.contact)


def test_an_entry_gives_some_forms_in_source_order(index):
    e = _stored(index, _plan())
    part = e.plan_for({"Bo Wu", "C. Ng", "Nobody Here"})
    assert [(m.name, m.mid) for m in part.mentions] == [
        ("Bo Wu", ("pub", 0, 1)), ("C. Ng", ("pub", 0, 2)), ("Bo Wu", ("pub", 1, 0)), ("C. Ng", ("advisor", 0, 0))]
    assert part.owner_name == "Ana Li" and part.key_names == {"wu b": "Bo Wu"}
    assert e.plan_for(set()).mentions == []
    # the same from an entry whose whole plan was decoded first
    e.plan
    assert [(m.name, m.mid) for m in e.plan_for({"Ana Li"}).mentions] == [
        ("Ana Li", ("owner",)), ("Ana Li", ("pub", 0, 0)), ("Ana Li", ("pub", 1, 1))]
    # an entry read for one form fetches the others when asked for them, or for its whole plan
    some = _stored(index, forms={"Bo Wu"})
    assert [m.mid for m in some.plan_for({"C. Ng"}).mentions] == [("pub", 0, 2), ("advisor", 0, 0)]
    assert [m.name for m in _stored(index, forms={"Bo Wu"}).plan.mentions] == [n for n, _, _ in MENTIONS]


def test_an_entry_stored_again_keeps_its_mentions(index):
    """An update rewrites the entries of sources whose mentions moved (new IRIs, same mentions), which
    it read for some forms only: stored again, they keep every mention."""
    _stored(index, _plan())
    e = _stored(index, forms={"Bo Wu"})
    assert e.iri_of(("pub", 0, 1)) is None  # no form decoded yet
    assert [m.mid for m in e.plan_for({"Bo Wu"}).mentions] == [("pub", 0, 1), ("pub", 1, 0)]
    assert e.iri_of(("pub", 0, 1)) == "p/bo-wu"
    e.person_of[("pub", 0, 1)] = "p/bo-wu-2"
    index.set_entry(e)
    again = _stored(index)
    assert again.person_of[("pub", 0, 1)] == "p/bo-wu-2"
    assert [m.name for m in again.plan.mentions] == [n for n, _, _ in MENTIONS]
    assert again.paper_of == {0: "paper/x"} and again.owner == "p/ana-li"


def test_a_mention_is_pickled_with_every_field_and_old_pickles_still_load(monkeypatch):
    """Mentions are pickled as their fields (the index holds a million): every field comes back,
    and mentions an index wrote before (the default pickling of a slots class) load the same."""
    import pickle

    m = Mention("cv.md", ("pub", 3, 1), "Ana Li", owner=True, coauthors=frozenset({"li a", "wu b"}), line=12,
                page=2, context=frozenset({"v:nature"}), paper="rivers and lakes")
    back = pickle.loads(pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == m and back is not m
    monkeypatch.delattr(Mention, "__reduce__")  # as the class was pickled before
    old = pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL)
    monkeypatch.undo()
    assert Mention.__reduce__ is not object.__reduce__
    assert pickle.loads(old) == m
