"""Rebuild ``kg/extract/data/citation_model.npz``, the reference-string tagger's weights.

The model is a linear-chain CRF (L-BFGS, elastic net) trained with python-crfsuite on the
fixed training split of AnyStyle's tagged gold references that ships in
``kg/extract/data/citation_train.jsonl`` (BSD-2, see ANYSTYLE-LICENSE.txt beside it),
optionally plus synthetic CV-style references rendered from that same split (off by default:
5-fold cross-validation inside the split read titles worse with them, 0.951 against 0.962).
c1/c2 were chosen the same way (0.02–0.1 and 0.01–0.05 tried). The held-out 30% is never
read here. At run time only numpy is needed: the weights are exported to a small .npz and
decoded with Viterbi (:mod:`kg.extract.citation_crf`).

    pip install python-crfsuite   # training only; not a run-time dependency
    python scripts/train_citation_model.py                       # train, write the model
    python scripts/train_citation_model.py --export-split GOLD   # (re)write the training split from the full file

Deterministic: same split, same options, same model (checked: a rebuild gives identical weights).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import citation_crf as C  # noqa: E402

DATA = ROOT / "kg" / "extract" / "data"
SPLIT = DATA / "citation_train.jsonl"
C1, C2, SYNTHETIC = 0.05, 0.01, 0


def export_split(gold: Path) -> int:
    """Write the training split with the keys training needs: every record that is not held out,
    except the ones whose text is also the text of a held-out record (the data repeats a few)."""
    recs = [json.loads(line) for line in gold.open(encoding="utf-8")]
    held_texts = {r["text"] for r in recs if C.heldout(r["id"])}
    n = 0
    with SPLIT.open("w", encoding="utf-8") as out:
        for r in recs:
            if C.heldout(r["id"]) or r["text"] in held_texts:
                continue
            out.write(json.dumps({"id": r["id"], "segments": r["segments"]}, ensure_ascii=False) + "\n")
            n += 1
    return n


def load_split(path: Path = SPLIT) -> list[dict]:
    return [json.loads(l) for l in path.open(encoding="utf-8")]


def sequences(records, synthetic: int = 0, seed: int = 13):
    """(tokens, labels) pairs: the gold records, then `synthetic` CV-style renderings of them."""
    out = [C.gold_tokens(r) for r in records]
    if synthetic:
        out += render_many(records, synthetic, seed)
    return out


def train(seqs, out: Path, c1: float = C1, c2: float = C2, iters: int = 250) -> dict:
    import numpy as np
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False, algorithm="lbfgs")
    for toks, labs in seqs:
        tr.append(C.features(toks), labs)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as d:
        mpath = str(Path(d) / "m.crfsuite")
        tr.train(mpath)
        tg = pycrfsuite.Tagger()
        tg.open(mpath)
        info = tg.info()
        tg.close()
    labels = sorted(info.labels, key=lambda k: info.labels[k])
    li = {l: i for i, l in enumerate(labels)}
    attrs = sorted({a for (a, _l), w in info.state_features.items() if w != 0.0})
    ai = {a: i for i, a in enumerate(attrs)}
    W = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, l), w in info.state_features.items():
        if w != 0.0:
            W[ai[a], li[l]] = w
    T = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        T[li[a], li[b]] = w
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, labels=np.array(labels), attrs=np.array(attrs), W=W, T=T)
    return {"labels": len(labels), "attributes": len(attrs), "sequences": len(seqs)}


# ---------------------------------------------------------------- synthetic CV-style references
# Fictional names (no real people), formatted the ways CVs write them; titles and venues come
# from the training split itself, plus conference names written as CVs write them.
GIVEN = ("Jane Ali Mei Omar Lena Tomás Sofia Ivan Priya Kwame Hana Luca Noor Elif Mateo Ines Yuki Arjun Zara Felix "
         "Amara Pavel Rosa Tariq Leila Jonas Ayesha Diego Mira Chen Wei JingZhao Xiaoyu Haoran Minji Seojun "
         "Anne-Marie Jean-Luc Hans-Peter Björn Zoë Chloé José María Ngozi Olu Sven Kai Aiko Rafael").split()
FAMILY = ("Roe Khan Chen Okafor Lindqvist Moreau Petrov Nakamura Silva Haddad Kowalski Novak Garcia Mensah Tanaka "
          "Rossi Schneider Dubois Yilmaz Ivanova Park Nguyen Zhang Wang Li Liu Huang Kim Singh Patel Ahmed Osei "
          "O'Neill McAllister Fitzgerald-Hale Abernathy Quintero Salgado Lin Morel Ferreira Berg Holm").split()
PARTICLE_FAMILY = ["van der Berg", "de la Cruz", "di Stefano", "von Holt", "van Dijk", "De Luca", "del Rio", "Le Roux"]
GROUPS = ["ATLAS Collaboration", "CMS Collaboration", "Kimi Team", "The Widget Consortium", "OpenGizmo Team",
          "LIGO Scientific Collaboration", "the Blue Lake Study Group"]
SUFFIXES = ["Jr.", "III", "Sr.", "II"]
MARKS = ["*", "*", "*", "†", "‡", "#", "◦", "[◦]", "^*", "¹", "²", "✉"]
CONFS = [("International Conference on Machine Learning", "ICML"), ("Neural Information Processing Systems", "NeurIPS"),
         ("International Conference on Learning Representations", "ICLR"),
         ("Conference on Computer Vision and Pattern Recognition", "CVPR"),
         ("Annual Meeting of the Association for Computational Linguistics", "ACL"),
         ("AAAI Conference on Artificial Intelligence", "AAAI"),
         ("ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "KDD"), ("Conference on Learning Theory", "COLT"),
         ("International Conference on Artificial Intelligence and Statistics", "AISTATS"),
         ("European Conference on Computer Vision", "ECCV"), ("Symposium on Operating Systems Principles", "SOSP"),
         ("ACM Conference on Human Factors in Computing Systems", "CHI"), ("Conference on Robot Learning", "CoRL"),
         ("International Joint Conference on Artificial Intelligence", "IJCAI"),
         ("Conference on Empirical Methods in Natural Language Processing", "EMNLP")]
STATUS_BEFORE = ["Under review at", "Submitted to", "To appear in", "Accepted at", "Accepted to", "In submission to",
                 "Forthcoming in"]
STATUS_AFTER = ["Under review", "Submitted", "In press", "To appear", "Accepted", "Working paper", "In preparation",
                "Preprint", "Revise and resubmit"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _person(r):
    g = r.choice(GIVEN)
    m = r.choice(GIVEN) if r.random() < 0.2 else None
    f = r.choice(PARTICLE_FAMILY) if r.random() < 0.1 else r.choice(FAMILY)
    return g, m, f


def _fmt_name(r, person, style):
    g, m, f = person
    gi = "-".join(p[0] + "." for p in g.split("-")) if "-" in g else g[0] + "."
    mi = (m[0] + ".") if m else ""
    if style == "full":
        s = f"{g} {m + ' ' if m and r.random() < 0.3 else (mi + ' ' if m else '')}{f}"
    elif style == "init":
        s = f"{gi}{' ' + mi if mi else ''} {f}"
    elif style == "inv":
        s = f"{f}, {gi}{' ' + mi if mi else ''}"
    elif style == "invfull":
        s = f"{f}, {g}{' ' + mi if mi else ''}"
    elif style == "vanc":
        s = f"{f} {g[0]}{m[0] if m else ''}"
    else:  # "caps": ZHANG Wei
        s = f"{f.upper()} {g}"
    if r.random() < 0.03:
        s += (", " if style in ("inv", "invfull") else " ") + r.choice(SUFFIXES)
    return s


def _author_list(r, n, style, et_al):
    names = []
    for k in range(n):
        st = ("invfull" if k == 0 else "full") if style == "mla" else style
        s = _fmt_name(r, _person(r), st)
        if r.random() < 0.12 and n > 1:
            s += r.choice(MARKS)
        names.append(s)
    if r.random() < 0.03:
        names[r.randrange(len(names))] = r.choice(GROUPS)
    sep = "; " if style in ("inv", "invfull") and r.random() < 0.2 else ", "
    if et_al:
        return sep.join(names) + r.choice([", et al.", " et al.", ", et al", ", ...", " and others"])
    if n == 1:
        return names[0]
    conj = r.choice([" and ", ", and ", " & ", ", & ", ", "]) if style != "vanc" else ", "
    return sep.join(names[:-1]) + conj + names[-1]


def _clean_field(s: str) -> str:
    s = s.strip().strip("\"“”‘’«»'").strip()
    s = re.sub(r"^(?:In:?|in:?)\s+", "", s)
    return s.strip(" ,.;:").strip("\"“”‘’«»'").strip()


def _dot(s: str) -> str:
    return s if s.endswith((".", "?", "!")) else s + "."


def render_many(records, count: int, seed: int = 13):
    """`count` CV-style references as (tokens, labels), rendered from fields of the training records."""
    import random

    r = random.Random(seed)
    titles = [_clean_field(x[1]) for rec in records for x in rec["segments"] if x[0] == "title"]
    titles = [t for t in titles if 2 <= len(t.split()) <= 30]
    journals = [_clean_field(x[1]) for rec in records for x in rec["segments"] if x[0] == "journal"]
    journals = [j for j in journals if j and not re.search(r"\d", j)]
    publishers = [p for p in (_clean_field(x[1]) for rec in records for x in rec["segments"] if x[0] == "publisher") if p]
    return [_render_one(r, r.choice(titles), journals, publishers) for _ in range(count)]


def _render_one(r, title, journals, publishers):
    year = str(r.randint(1985, 2026))
    n = r.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 12]) if r.random() > 0.02 else r.randint(30, 120)
    et_al = r.random() < 0.06
    if r.random() < 0.45:
        full, acro = r.choice(CONFS)
        venue = [f"Proceedings of the {_ordinal(r.randint(1, 45))} {full} ({acro})", f"Proceedings of the {full}",
                 f"{acro} {year}", f"{full} ({acro})", f"Proc. {acro}", acro][r.randrange(6)]
        vlabel = "container-title"
    else:
        venue, vlabel = r.choice(journals), "journal"
    style = r.choice(["full", "full", "full", "init", "inv", "vanc", "mla", "invfull", "caps"])
    authors = _author_list(r, n, style, et_al)
    vol, iss = str(r.randint(1, 120)), str(r.randint(1, 12))
    p1 = r.randint(1, 2000)
    pages = f"{p1}{'–' if r.random() < 0.8 else '-'}{p1 + r.randint(2, 30)}"
    doi = f"10.{r.randint(1000, 9999)}/{r.choice(['j', 'nature', 's', 'acs'])}.{r.randint(100, 99999)}"
    arx = f"{r.randint(15, 25):02d}{r.randint(1, 12):02d}.{r.randint(10000, 99999)}"
    num = []
    if r.random() < 0.25:
        c = r.randint(1, 150)
        num = [("citation-number", r.choice([f"[{c}]", f"{c}.", f"({c})", f"[J{c}]", f"[C{c}]"]))]
    q = r.choice([("“", "”"), ('"', '"'), ("«", "»")])
    fmt = r.randrange(10)
    if fmt == 0:  # CV: Authors. Title. In Venue, Year.
        pre = "In " if vlabel == "container-title" and r.random() < 0.7 else ""
        parts = [("author", _dot(authors)), ("title", _dot(title)), (vlabel, pre + venue + ","), ("date", year + ".")]
    elif fmt == 1:  # Authors (Year) Title. Journal Vol:Pages. doi
        parts = [("author", authors), ("date", f"({year})"), ("title", _dot(title)), (vlabel, venue),
                 ("volume", f"{vol}:"), ("pages", pages + ".")]
        if r.random() < 0.5:
            parts.append(("doi", r.choice(["doi:", "https://doi.org/", "DOI: "]) + doi))
    elif fmt == 2:  # APA
        parts = [("author", authors), ("date", f"({year})."), ("title", _dot(title)), (vlabel, venue + ","),
                 ("volume", f"{vol}({iss}),"), ("pages", pages + ".")]
    elif fmt == 3:  # IEEE
        pre = "in " if vlabel == "container-title" else ""
        parts = [("author", authors + ","), ("title", f"{q[0]}{title},{q[1]}"), (vlabel, pre + venue + ","),
                 ("volume", f"vol. {vol}, no. {iss},") if vlabel == "journal" else ("pages", f"pp. {pages},"),
                 ("date", year + ".")]
    elif fmt == 4:  # Chicago author-date
        parts = [("author", _dot(authors)), ("date", year + "."), ("title", f"{q[0]}{_dot(title)}{q[1]}"),
                 (vlabel, venue), ("volume", f"{vol} ({iss}):"), ("pages", pages + ".")]
    elif fmt == 5:  # title first
        parts = [("title", _dot(title)), ("author", _dot(authors)), (vlabel, venue + ","), ("date", year + ".")]
    elif fmt == 6:  # ACM
        pre = "In " if vlabel == "container-title" else ""
        parts = [("author", _dot(authors)), ("date", year + "."), ("title", _dot(title)), (vlabel, pre + venue + "."),
                 ("publisher", r.choice(publishers) + ","), ("pages", pages + ".")]
    elif fmt == 7:  # MLA
        parts = [("author", _dot(authors)), ("title", f"{q[0]}{_dot(title)}{q[1]}"), (vlabel, venue + ","),
                 ("volume", f"vol. {vol}, no. {iss},"), ("date", year + ","), ("pages", f"pp. {pages}.")]
    elif fmt == 8:  # Authors, Year. Title. Venue.
        parts = [("author", authors + ","), ("date", year + "."), ("title", _dot(title)), (vlabel, venue + ".")]
    else:  # Authors: Title. Venue Year
        parts = [("author", authors + ":"), ("title", _dot(title)), (vlabel, venue), ("date", year)]
    st = r.random()
    if st < 0.12:  # a status before the venue
        k = next(i for i, (l, _) in enumerate(parts) if l == vlabel)
        parts.insert(k, ("note", r.choice(STATUS_BEFORE)))
        parts[k + 1] = (vlabel, re.sub(r"^(?:In|in) ", "", parts[k + 1][1]))
    elif st < 0.22:  # a status or an arXiv id instead of the venue
        parts = [p for p in parts if p[0] not in (vlabel, "volume", "pages", "publisher")]
        k = next(i for i, (l, _) in enumerate(parts) if l == "title")
        if r.random() < 0.5:
            parts.insert(k + 1, ("journal", r.choice(["arXiv preprint arXiv:", "arXiv:", "arXiv preprint, arXiv:"]) + arx + ","))
        else:
            parts.insert(k + 1, ("note", r.choice(STATUS_AFTER) + ","))
    elif st < 0.27:
        parts.append(("url", f"https://arxiv.org/abs/{arx}" if r.random() < 0.5 else f"https://doi.org/{doi}"))
    seq = num + parts
    if r.random() < 0.3:
        seq[-1] = (seq[-1][0], seq[-1][1].rstrip(".,"))
    toks, labs = [], []
    for l, s in seq:
        for t in C.tokenize(s):
            toks.append(t)
            labs.append(C.LABEL_MAP.get(l, l))
    return toks, labs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export-split", metavar="GOLD", help="first write the training split from the full anystyle-gold.jsonl")
    ap.add_argument("--synthetic", type=int, default=SYNTHETIC, help=f"CV-style renderings to add (default {SYNTHETIC})")
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=C2)
    ap.add_argument("--out", default=str(C.MODEL_PATH))
    a = ap.parse_args()
    if a.export_split:
        print(f"{export_split(Path(a.export_split))} training records -> {SPLIT}")
    stats = train(sequences(load_split(), a.synthetic), Path(a.out), a.c1, a.c2)
    print(f"model -> {a.out}: {stats}")


if __name__ == "__main__":
    main()
