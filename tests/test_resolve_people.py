"""Person resolution on small hand-made corpora with known identities.

Each case is a set of CVs: the owner's name and, per paper, its authors written
``"Surface=who"`` (after an optional ``"T:title"``, where two CVs list one paper); ``who`` is the true person ("?" for a mention whose truth is
ambiguous on purpose and is left out of the partition check). Mentions of the owner's
own person are flagged as the owner, as the extractor does. The resolver's clusters
must split the mentions exactly as the truth does; ``apart`` lists people that must
never share a cluster even where the case leaves a bridge between them.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from kg.names import initial_key
from kg.resolve.people import Mention, PersonResolver

CASES = {
    "five spellings of one co-author merge on shared co-authors": dict(cvs={
        "cv1": ("Luigi Di Stefano=L", [["Luigi Di Stefano=L", "Samuele Salti=S", "Federico Tombari=T"],
                                       ["Luigi Di Stefano=L", "Samuele Salti=S"]]),
        "cv2": ("Federico Tombari=T", [["F. Tombari=T", "L. Di Stefano=L", "S. Salti=S"],
                                       ["Federico Tombari=T", "Luigi di Stefano=L"]]),
        "cv3": ("Samuele Salti=S", [["Salti, S.=S", "Di Stefano, L.=L", "Tombari, F.=T"],
                                    ["Samuele Salti=S", "DI STEFANO Luigi=L"]]),
    }),
    "a common name with no shared evidence stays two people": dict(cvs={
        "cv1": ("Ana Ruiz=A", [["Ana Ruiz=A", "Wei Wang=W1", "Tom Hale=H"]]),
        "cv2": ("Bo Lind=B", [["Bo Lind=B", "Wei Wang=W2", "Kim Oda=K"]]),
    }),
    "accents, order and a joined given name are one person": dict(cvs={
        "cv1": ("Sébastien Ourselin=O", [["Sébastien Ourselin=O", "Mia Kerr=K", "Ravi Bose=R"]]),
        "cv2": ("Mia Kerr=K", [["Mia Kerr=K", "Sebastien Ourselin=O", "Ravi Bose=R"],
                               ["Mia Kerr=K", "S. Ourselin=O"]]),
        "cv3": ("Jingzhao Zhang=Z", [["Jingzhao Zhang=Z", "Mia Kerr=K"], ["Jingzhao Zhang=Z", "Ravi Bose=R"]]),
        "cv4": ("Ravi Bose=R", [["Ravi Bose=R", "JingZhao Zhang=Z", "Mia Kerr=K"],
                                ["Ravi Bose=R", "Jing Zhao Zhang=Z", "Mia Kerr=K"]]),
    }),
    "the same name in the other order on two shared co-authors": dict(cvs={
        "cv1": ("Shinji Kobayashi=S", [["Shinji Kobayashi=S", "Ava Stone=A", "Ben Cole=B"]]),
        "cv2": ("Ava Stone=A", [["Ava Stone=A", "Kobayashi Shinji=S", "Ben Cole=B"]]),
    }),
    "initials join the full form they share co-authors with": dict(cvs={
        "cv1": ("Jing Zhang=JI", [["Jing Zhang=JI", "Tom Reed=R"], ["Jing Zhang=JI", "Tom Reed=R", "Eva Holt=E"]]),
        "cv2": ("Jun Zhang=JU", [["Jun Zhang=JU", "Lia Moss=M"], ["Jun Zhang=JU", "Lia Moss=M", "Ola Berg=O"]]),
        "cv3": ("Tom Reed=R", [["Tom Reed=R", "J. Zhang=JI", "Eva Holt=E"]]),
        "cv4": ("Lia Moss=M", [["Lia Moss=M", "J. Zhang=JU", "Ola Berg=O"]]),
    }),
    "a one-letter slip merges on two shared co-authors": dict(cvs={
        "cv1": ("Benjamin Harris=H", [["Benjamin Harris=H", "Nora Vale=N", "Otto Krum=K"]]),
        "cv2": ("Nora Vale=N", [["Nora Vale=N", "Benjamin Hirris=H", "Otto Krum=K"]]),
    }),
    "a given name written in two parts is not a dropped middle name": dict(cvs={
        "cv1": ("Ming Hu=H", [["Ming Hu=H", "Chuan Chen Qian=C", "Lei Fan=F"]]),
        "cv2": ("Chuanchen Qian=C", [["Chuanchen Qian=C", "Ming Hu=H", "Lei Fan=F"]]),
        "cv3": ("Lei Fan=F", [["Lei Fan=F", "Chuan Qian=Q", "Ming Hu=H"]]),
    }),
    "a dropped second family name merges on two shared co-authors": dict(cvs={
        "cv1": ("Carmen Pérez Soler=C", [["Carmen Pérez Soler=C", "Ines Mora=I", "Luis Vega=V"]]),
        "cv2": ("Ines Mora=I", [["Ines Mora=I", "Carmen Pérez=C", "Luis Vega=V"]]),
    }),
    "different middle initials stay apart even when bare forms link them": dict(cvs={
        "cv1": ("Tom Reed=R", [["Tom Reed=R", "Anna F. O'Brien=F", "Lia Moss=M"],
                               ["Tom Reed=R", "Anna F. O'Brien=F", "Lia Moss=M", "Ugo Sala=U"]]),
        "cv2": ("Kim Park=P", [["Kim Park=P", "Anna J. O'Brien=J", "Jo Lund=L"],
                               ["Kim Park=P", "Anna J. O'Brien=J", "Jo Lund=L", "Ugo Sala=U"]]),
        "cv3": ("Ugo Sala=U", [["Ugo Sala=U", "Anna O'Brien=?", "Tom Reed=R", "Kim Park=P", "Lia Moss=M", "Jo Lund=L"]]),
    }, apart=[("F", "J")]),
    "the owner's namesake in the owner's own CV is someone else": dict(cvs={
        "cv1": ("Wei Zhang=W", [["Wei Zhang=W", "Li Na=N"], ["Li Na=N", "Wei Zhang=W2", "Wei Zhang=W"]]),
    }),
    "two CVs of one common name with no papers in common are two owners": dict(cvs={
        "cv1": ("David Smith=D1", [["David Smith=D1", "Amy Lo=A"], ["David Smith=D1", "Amy Lo=A", "Raj Iyer=I"]]),
        "cv2": ("David Smith=D2", [["David Smith=D2", "Amy Lo=A"], ["David Smith=D2", "Raj Iyer=I", "Amy Lo=A"]]),
    }),
    "one person's CV twice, the name written differently, is one person": dict(cvs={
        "cv1": ("Richard Baker=R", [["T:Quiet rooms", "Richard Baker=R", "Amy Lo=A"],
                                    ["T:Loud rooms", "Richard Baker=R", "Raj Iyer=I"],
                                    ["T:Empty rooms", "Amy Lo=A", "Richard Baker=R", "Raj Iyer=I"]]),
        "cv2": ("Richard F. Baker=R", [["T:Quiet rooms", "Richard F. Baker=R", "Amy Lo=A"],
                                       ["T:Loud rooms", "Richard F. Baker=R", "Raj Iyer=I"]]),
    }),
    "owners with compatible names and their own papers stay two, whatever bridges them": dict(cvs={
        "cv1": ("Richard Baker=R1", [["Richard Baker=R1", "Amy Lo=A", "Raj Iyer=I"]]),
        "cv2": ("Richard F. Baker=R2", [["Richard F. Baker=R2", "Amy Lo=A", "Raj Iyer=I"]]),
        "cv3": ("Amy Lo=A", [["Amy Lo=A", "Richard Baker=?", "Raj Iyer=I"]]),
        "cv4": ("Raj Iyer=I", [["Amy Lo=A", "Raj Iyer=I", "Richard F. Baker=R2"]]),
    }),
}


def _mentions(cvs):
    pr = PersonResolver()
    truth = {}
    for src, (owner, papers) in cvs.items():
        oname, owho = owner.split("=")
        pr.set_owner(src, oname)
        pr.add(Mention(src, ("owner",), oname, owner=True))
        truth[(src, ("owner",))] = owho
        for i, authors in enumerate(papers):
            title = authors[0][2:] if authors[0].startswith("T:") else f"{src}-{i}"
            authors = authors[1:] if authors[0].startswith("T:") else authors
            names = [a.split("=")[0] for a in authors]
            co = frozenset(initial_key(n) for n in names)
            for j, a in enumerate(authors):
                name, who = a.split("=")
                pr.add(Mention(src, ("pub", i, j), name, owner=who == owho, coauthors=co, paper=title))
                truth[(src, ("pub", i, j))] = who
    return pr, truth


@pytest.mark.parametrize("case", sorted(CASES))
def test_clusters_match_the_truth(case):
    spec = CASES[case]
    pr, truth = _mentions(spec["cvs"])
    clusters = pr.resolve()
    of = {(m.source, m.mid): c for c, cl in enumerate(clusters) for m in cl.mentions}
    assert len(of) == len(truth)
    got, want = defaultdict(set), defaultdict(set)
    for mid, who in truth.items():
        if who != "?":
            got[of[mid]].add(mid)
            want[who].add(mid)
    assert {frozenset(s) for s in got.values()} == {frozenset(s) for s in want.values()}, \
        [sorted((m.name, m.source) for m in clusters[c].mentions) for c in got]
    for a, b in spec.get("apart", []):
        ca = {of[k] for k, w in truth.items() if w == a}
        cb = {of[k] for k, w in truth.items() if w == b}
        assert ca.isdisjoint(cb)


def test_every_merge_has_a_reason_and_a_score():
    pr, _ = _mentions(CASES["five spellings of one co-author merge on shared co-authors"]["cvs"])
    for c in pr.resolve():
        assert len(c.decisions) == len(c.mentions) - 1
        assert all(d.reason and 0 < d.score <= 1 for d in c.decisions)


def test_the_namesake_is_reported():
    pr, _ = _mentions(CASES["a common name with no shared evidence stays two people"]["cvs"])
    pr.resolve()
    assert any("possible duplicate kept apart" in w and "Wei Wang" in w for w in pr.warnings)


def test_a_merge_reason_names_the_shared_co_author_as_the_cv_writes_it(tmp_path):
    """The co-author evidence of a merge is cited by the form the CV whose mention joined writes it
    ("B. Wu" in the second CV), not by its comparison key ("wu b"), nor by another CV's form."""
    from kg.pipeline import build
    from kg.store import Store

    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "a.md").write_text("# Ana Li\n\n## Publications\n\n1. Ana Li, Bo Wu, Cy Ng. Rivers and lakes. "
                              "Journal of Water, 2020.\n", encoding="utf-8")
    (cvs / "b.md").write_text("# Dan Ho\n\n## Publications\n\n1. Dan Ho, Ana Li, B. Wu. Seas and oceans. "
                              "Journal of Water, 2021.\n", encoding="utf-8")
    build([cvs], tmp_path / "store")
    reasons = [r["r"] for r in Store(tmp_path / "store").select(
        "SELECT ?r WHERE { ?p <https://schema.org/name> \"Ana Li\" ; "
        "<https://w3id.org/pubkg/ontology#mergeDecision>/<https://w3id.org/pubkg/ontology#mergeReason> ?r }")]
    assert any(r.startswith("same name in a.md and b.md") and r.endswith("shared co-authors: B. Wu") for r in reasons), reasons
