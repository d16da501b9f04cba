"""The synthetic CV corpus every benchmark uses: seeded, reproducible, with ground truth.

N people in research groups (a PI and members, 5–30 people) inside fields with their own
venues; heavy-tailed productivity (lognormal); co-authors mostly from the own group, some
from collaborating groups of the field, rare 40–80-author consortium papers; careers
(BSc → PhD with the group's PI as advisor → a job); homonyms (distinct people given the same
name, in other groups); and every CV writes its co-authors in its own way: full names,
initials ("J. Zhang", "Zhang, J."), surname-first capitals ("ZHANG Jingzhao"), camel-case or
split Chinese given names ("JingZhao" / "Jing Zhao"), dropped accents. Venues come in several
surface forms ("NeurIPS 2023", "Advances in Neural Information Processing Systems 36", "NIPS").

    python benchmarks/corpus.py --people 2000 --seed 7 --out /tmp/corpus   # CVs in OUT/cvs, truth in OUT/truth

Library: ``generate(out, people, seed)`` writes files and returns stats; ``iter_mentions(people,
seed)`` yields author mentions with their true person id, without writing anything.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

GIVEN = {
    "zh": "Wei Jing Jingzhao Jiahui Xinyu Yifan Haoran Zihan Yuxuan Mingyu Ruoxi Shuning Shuting Huaqing Huishuai Lesi "
          "Zhiwei Yutong Zifan Liwei Chenren Jiazheng Jingwei Haoxiong Yixin Tianxi Junwei Doudou Ziming Xiaoyu Qiang Lei "
          "Hao Yue Fang Min Tao Bo Kai Rui Ying Lan Xin Yang Peng Jun Hui Ning".split(),
    "ko": "Minji Jiwoo Seojun Hyunwoo Jisoo Eunji Dongha Sunwoo Yejin Taeyang".split(),
    "in": "Aarav Priya Rohan Ananya Vikram Sneha Arjun Kavya Rahul Ishaan Meera Siddharth".split(),
    "ar": "Omar Layla Youssef Amira Karim Nour Hassan Salma Tariq Rania".split(),
    "es": "Luis María José Carmen Javier Lucía Diego Sofía Andrés Valentina Mateo Camila".split(),
    "it": "Luca Giulia Marco Francesca Matteo Chiara Alessandro Elena Davide Sara".split(),
    "de": "Jürgen Anja Lukas Hannah Felix Lena Tobias Miriam Jonas Sophie".split(),
    "fr": "Sébastien Amélie Hélène Théo Céline Jérôme Zoé Benoît Léa Étienne".split(),
    "en": "James Emily Michael Sarah David Laura Daniel Rachel Thomas Anna Peter Kate".split(),
    "nl": "Daan Sanne Joris Femke Bram Lotte".split(),
}
FAMILY = {
    "zh": "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao".split(),
    "ko": "Kim Lee Park Choi Jung Kang Cho Yoon".split(),
    "in": "Sharma Patel Gupta Singh Kumar Reddy Iyer Nair Menon Rao".split(),
    "ar": "Haddad Khalil Nasser Saleh Mansour Farouk".split(),
    "es": "García Pérez Martínez Rodríguez de la Cruz|Fernández López|González Ruiz".split(),
    "it": "Di Stefano|Rossi|Bianchi|Esposito|Romano|De Luca|Ferrari".split("|"),
    "de": "Müller Schmidt Schneider Fischer Weber Wagner Becker Pöhler".split(),
    "fr": "Ourselin Lefèvre Dubois Moreau Laurent Girard Bonnet Rousseau".split(),
    "en": "Smith Johnson Brown Taylor Miller Wilson Clark Hall Young Walker".split(),
    "nl": "van der Berg|de Vries|van Dijk|Bakker|Visser".split("|"),
}
FAMILY["es"] = ["García", "Pérez", "Martínez", "Rodríguez", "de la Cruz", "Fernández López", "González Ruiz", "Soler"]
FIELDS = {
    "ml": [("NeurIPS", ["NeurIPS {y}", "Advances in Neural Information Processing Systems {n}", "NIPS {y}",
                        "Neural Information Processing Systems (NeurIPS), {y}"]),
           ("ICML", ["ICML {y}", "Proceedings of the {o} International Conference on Machine Learning (ICML)",
                     "International Conference on Machine Learning"]),
           ("ICLR", ["ICLR {y}", "International Conference on Learning Representations"]),
           ("JMLR", ["Journal of Machine Learning Research", "JMLR"]), ("AISTATS", ["AISTATS {y}"]), ("COLT", ["Conference on Learning Theory (COLT)"])],
    "cv": [("CVPR", ["CVPR {y}", "IEEE/CVF Conference on Computer Vision and Pattern Recognition"]), ("ICCV", ["ICCV {y}"]),
           ("ECCV", ["European Conference on Computer Vision (ECCV)"]), ("TPAMI", ["IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI"])],
    "nlp": [("ACL", ["ACL {y}", "Annual Meeting of the Association for Computational Linguistics"]), ("EMNLP", ["EMNLP {y}",
            "Conference on Empirical Methods in Natural Language Processing"]), ("NAACL", ["NAACL {y}"]), ("TACL", ["Transactions of the Association for Computational Linguistics"])],
    "stats": [("JASA", ["Journal of the American Statistical Association", "JASA"]), ("AoS", ["Annals of Statistics", "The Annals of Statistics"]),
              ("JRSS-B", ["Journal of the Royal Statistical Society, Series B", "JRSS-B"]), ("Biometrika", ["Biometrika"])],
    "robotics": [("ICRA", ["ICRA {y}", "IEEE International Conference on Robotics and Automation"]), ("IROS", ["IROS {y}"]),
                 ("CoRL", ["Conference on Robot Learning (CoRL)"]), ("RSS", ["Robotics: Science and Systems"])],
    "bio": [("Nature", ["Nature"]), ("Science", ["Science"]), ("Cell", ["Cell"]), ("eLife", ["eLife"]), ("PNAS", ["Proceedings of the National Academy of Sciences"])],
}
ORGS = [("Peking University", ["PKU", "Peking University"]), ("Tsinghua University", ["Tsinghua University", "Tsinghua"]),
        ("University of California, Berkeley", ["UC Berkeley", "University of California, Berkeley"]),
        ("Massachusetts Institute of Technology", ["MIT", "Massachusetts Institute of Technology"]),
        ("ETH Zurich", ["ETH Zürich", "ETH Zurich"]), ("Stanford University", ["Stanford University"]),
        ("University of Toronto", ["University of Toronto"]), ("University of Oxford", ["University of Oxford"]),
        ("Carnegie Mellon University", ["Carnegie Mellon University", "CMU"]), ("KAIST", ["KAIST"]),
        ("University of Michigan", ["University of Michigan", "University of Michigan, Ann Arbor"]),
        ("University College London", ["UCL", "University College London"]), ("Universidad de Chile", ["Universidad de Chile"]),
        ("University of Bologna", ["University of Bologna"]), ("Technical University of Munich", ["TUM", "Technical University of Munich"])]
JOBS = [("Google Research", "Research Scientist"), ("Microsoft Research", "Researcher"), ("Meta AI", "Research Scientist"),
        ("DeepMind", "Research Scientist"), (None, "Assistant Professor"), (None, "Postdoctoral Fellow")]
WORDS = ("robust sparse efficient scalable bayesian causal neural graph contrastive adaptive federated private certified "
         "optimal stochastic variational spectral temporal hierarchical multimodal latent kernel diffusion").split()
NOUNS = ("learning inference estimation attention networks transformers models bandits policies representations "
         "embeddings kernels processes flows gradients features graphs agents tracking segmentation parsing").split()
TAILS = ("under distribution shift|for tabular data|at scale|with missing data|in high dimensions|for robot manipulation|"
         "via convex relaxation|without labels|with guarantees|for protein design|in the wild|from few examples").split("|")
ORDINAL = ["", "1st", "2nd", "3rd"] + [f"{i}th" for i in range(4, 60)]


@dataclass
class Person:
    id: str
    given: str
    family: str
    culture: str
    group: int
    field: str
    org: int
    homonym_of: str = ""
    papers: list = field(default_factory=list)


@dataclass
class Paper:
    id: str
    title: str
    year: int
    field: str
    venue: str
    authors: list  # person ids in order
    equal: int = 0  # the first k authors contributed equally
    status: str = "published"


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class World:
    def __init__(self, n_people: int, seed: int):
        self.rng = rng = random.Random(seed)
        self.people: list[Person] = []
        self.papers: list[Paper] = []
        self.groups: list[list[str]] = []
        cultures = list(GIVEN)
        weights = [30, 6, 10, 4, 10, 8, 8, 8, 12, 4]
        fields = list(FIELDS)
        used_names = {}
        gi = 0
        while len(self.people) < n_people:
            size = min(rng.randint(5, 30), n_people - len(self.people))
            fld = fields[gi % len(fields)] if gi < len(fields) else rng.choice(fields)
            org = rng.randrange(len(ORGS))
            members = []
            for _ in range(size):
                pid = f"p{len(self.people):06d}"
                c = rng.choices(cultures, weights)[0]
                g, f = rng.choice(GIVEN[c]), rng.choice(FAMILY[c])
                homonym = ""
                if used_names and rng.random() < 0.03:  # a homonym: same name as someone elsewhere
                    homonym = rng.choice(list(used_names.values()))
                    other = self.people[int(homonym[1:])]
                    g, f, c = other.given, other.family, other.culture
                else:
                    while (g, f) in used_names:
                        g, f = rng.choice(GIVEN[c]), rng.choice(FAMILY[c])
                    used_names[(g, f)] = pid
                p = Person(pid, g, f, c, gi, fld, org, homonym)
                self.people.append(p)
                members.append(pid)
            self.groups.append(members)
            gi += 1
        by_field = {}
        for i, g in enumerate(self.groups):
            by_field.setdefault(self.people[int(g[0][1:])].field, []).append(i)
        titles = set()
        for p in self.people:  # heavy-tailed productivity; the PI (first member) writes most
            pi = self.groups[p.group][0] == p.id
            n = min(120, int(rng.lognormvariate(1.3 if pi else 0.6, 0.9)))
            for _ in range(n):
                group = self.groups[p.group]
                k = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8])
                co = rng.sample(group, min(len(group), k))
                if rng.random() < 0.25:  # a collaborator group in the same field
                    other = self.groups[rng.choice(by_field[p.field])]
                    co += rng.sample(other, min(len(other), rng.randint(1, 3)))
                if rng.random() < 0.005:  # a consortium paper
                    pool = [q.id for q in self.people if q.field == p.field]
                    co += rng.sample(pool, min(len(pool), rng.randint(40, 80)))
                authors = list(dict.fromkeys([p.id] + co))
                rng.shuffle(authors)
                while True:
                    t = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(NOUNS)} {rng.choice(TAILS)}"
                    if t not in titles:
                        titles.add(t)
                        break
                year = rng.randint(2005, 2025)
                venue = rng.choice(FIELDS[p.field])[0]
                status = "published"
                if year >= 2024 and rng.random() < 0.3:
                    status = rng.choice(["submitted", "preprint", "accepted"])
                pap = Paper(f"w{len(self.papers):07d}", t, year, p.field, venue, authors,
                            equal=2 if rng.random() < 0.1 else 0, status=status)
                self.papers.append(pap)
                for a in authors:
                    self.people[int(a[1:])].papers.append(pap.id)

    def person(self, pid: str) -> Person:
        return self.people[int(pid[1:])]

    # ---------------------------------------------------------------- surface forms
    def variant(self, pid: str, style: int) -> str:
        """How CV `style` writes person `pid` (deterministic per person and style)."""
        p = self.person(pid)
        r = random.Random(f"{pid}:{style}")
        g, f = p.given, p.family
        roll = r.random()
        if p.culture == "zh" and len(g) > 4 and roll < 0.25:
            cut = next((i for i in range(2, len(g) - 1) if g[i] not in "aeiou" and g[i - 1] in "aeioun"), None)
            if cut:
                g = g[:cut] + (g[cut:].capitalize() if r.random() < 0.5 else " " + g[cut:].capitalize())
            return f"{g} {f}"
        if roll < 0.15:
            return f"{g[0]}. {f}"
        if roll < 0.25:
            return f"{f}, {g[0]}."
        if roll < 0.30 and p.culture in ("zh", "ko"):
            return f"{f.upper()} {g}"
        if roll < 0.40:
            return f"{_fold(g)} {_fold(f)}"
        return f"{g} {f}"

    def venue_form(self, paper: Paper, style: int) -> str:
        forms = dict(FIELDS[paper.field])[paper.venue]
        r = random.Random(f"{paper.id}:{style}")
        form = r.choice(forms)
        return form.format(y=paper.year, n=max(1, paper.year - 1987), o=ORDINAL[min(len(ORDINAL) - 1, max(1, paper.year - 1983))])


STYLES = ("numbered", "oneline", "apa", "bib")


def _cv_entries(w: World, owner: Person, style: int):
    """(paper, [(person id, surface)]) for each paper of owner."""
    out = []
    for wid in owner.papers:
        pap = w.papers[int(wid[1:])]
        names = []
        for a in pap.authors:
            s = f"{owner.given} {owner.family}" if a == owner.id else w.variant(a, style)
            names.append((a, s))
        out.append((pap, names))
    out.sort(key=lambda x: -x[0].year)
    return out


def render_cv(w: World, owner: Person, style_name: str, style: int):
    """(file suffix, text, truth entries)."""
    entries = _cv_entries(w, owner, style)
    truth = []
    owner_name = f"{owner.given} {owner.family}"
    org = ORGS[owner.org]
    pi = w.person(w.groups[owner.group][0])
    head = []
    if style_name == "bib":
        lines = [f"% publications of {owner_name}"]
        for k, (pap, names) in enumerate(entries):
            au = " and ".join(s if "," in s else f"{s.split()[-1]}, {' '.join(s.split()[:-1])}" if len(s.split()) > 1 else s
                              for _, s in names[:60])
            venue = w.venue_form(pap, style)
            kind = "article" if pap.venue in ("JMLR", "TPAMI", "TACL", "JASA", "AoS", "JRSS-B", "Biometrika", "Nature", "Science", "Cell", "eLife", "PNAS") else "inproceedings"
            vkey = "journal" if kind == "article" else "booktitle"
            lines += [f"@{kind}{{{pap.id}{k},", f"  title = {{{pap.title}}},", f"  author = {{{au}}},",
                      f"  {vkey} = {{{venue}}},", f"  year = {{{pap.year}}}", "}", ""]
            truth.append({"paper": pap.id, "venue": pap.venue, "year": pap.year, "authors": [[a, s] for a, s in names[:60]]})
        return ".bib", "\n".join(lines), truth, owner_name
    if style_name == "numbered":
        head = [owner_name.upper(), "", f"Email: {_fold(owner.given).lower()}.{_fold(owner.family).lower().replace(' ', '')}@example.edu", "",
                "EDUCATION", "", f"{org[1][style % len(org[1])]}, Ph.D. in {owner.field.upper()}, 2010 - 2015",
                f"Advisor: Prof. {pi.given} {pi.family}" if pi.id != owner.id else "", "", "PUBLICATIONS", ""]
    else:
        head = [f"# {owner_name}", "", f"{_fold(owner.given).lower()}@example.org", "", "## Education", "",
                f"- **Ph.D. in {owner.field.upper()}**, {org[1][style % len(org[1])]}, 2010–2015", "", "## Publications", ""]
    body = []
    n = len(entries)
    for k, (pap, names) in enumerate(entries):
        shown = names
        et_al = len(names) > 12
        if et_al:
            shown = names[:6]
            if not any(a == owner.id for a, _ in shown):
                pass
        marks = [("*" if i < pap.equal else "") for i in range(len(shown))]
        alist = ", ".join(f"{s}{m}" for (_, s), m in zip(shown, marks))
        if et_al:
            alist += ", et al."
        venue = w.venue_form(pap, style)
        status = {"submitted": "Submitted", "preprint": "arXiv preprint", "accepted": "To appear in"}.get(pap.status)
        line = len(head) + len(body) + 1
        if style_name == "numbered":
            body += [f"[{n - k}] {pap.title}", alist, (f"{status}, {pap.year}" if pap.status == "submitted" else f"{venue}, {pap.year}")]
        elif style_name == "oneline":
            v = "Submitted" if pap.status == "submitted" else venue
            body.append(f"{k + 1}. {alist}. {pap.title}. {v}, {pap.year}.")
        else:  # apa
            apa = ", ".join(f"{s}{m}" if "," in s else f"{s.split()[-1]}, {s.split()[0][0]}.{m}" for (_, s), m in zip(shown, marks))
            v = "Manuscript submitted for publication" if pap.status == "submitted" else venue
            body.append(f"- {apa}{', et al.' if et_al else ''} ({pap.year}). {pap.title}. *{v}*.")
            body.append("")
        truth.append({"paper": pap.id, "venue": pap.venue, "year": pap.year, "line": line, "et_al": et_al,
                      "authors": [[a, s] for a, s in shown]})
    suffix = ".txt" if style_name == "numbered" else ".md"
    return suffix, "\n".join(head + body) + "\n", truth, owner_name


def generate(out, people: int, seed: int = 7, formats=STYLES, progress=None) -> dict:
    out = Path(out)
    (out / "cvs").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    w = World(people, seed)
    stats = {"people": len(w.people), "papers": len(w.papers), "cvs": 0, "mentions": 0,
             "homonyms": sum(1 for p in w.people if p.homonym_of)}
    with open(out / "truth" / "cvs.jsonl", "w", encoding="utf-8") as tf:
        for p in w.people:
            if not p.papers:
                continue
            k = int(p.id[1:])
            style_name = formats[k % len(formats)]
            suffix, text, truth, owner_name = render_cv(w, p, style_name, k)
            name = f"{p.id}-{_fold(p.family).lower().replace(' ', '-')}{suffix}"
            (out / "cvs" / name).write_text(text, encoding="utf-8")
            tf.write(json.dumps({"file": name, "owner": p.id, "owner_name": owner_name, "entries": truth}, ensure_ascii=False) + "\n")
            stats["cvs"] += 1
            stats["mentions"] += sum(len(e["authors"]) for e in truth)
            if progress and stats["cvs"] % 500 == 0:
                progress(stats["cvs"])
    with open(out / "truth" / "people.jsonl", "w", encoding="utf-8") as f:
        for p in w.people:
            f.write(json.dumps({"id": p.id, "name": f"{p.given} {p.family}", "group": p.group, "field": p.field,
                                "org": ORGS[p.org][0], "homonym_of": p.homonym_of}, ensure_ascii=False) + "\n")
    with open(out / "truth" / "papers.jsonl", "w", encoding="utf-8") as f:
        for pap in w.papers:
            f.write(json.dumps({"id": pap.id, "title": pap.title, "year": pap.year, "venue": pap.venue,
                                "authors": pap.authors, "field": pap.field}, ensure_ascii=False) + "\n")
    return stats


def iter_mentions(people: int, seed: int = 7):
    """Author mentions with their truth, as CVs would state them, without writing files.

    Yields dicts: source (CV id), surface, owner (is this the CV owner), coauthors (other
    surfaces on the paper), person (true id), paper, venue, year.
    """
    w = World(people, seed)
    for p in w.people:
        if not p.papers:
            continue
        k = int(p.id[1:])
        for pap, names in _cv_entries(w, p, k):
            shown = names[:12]
            for a, s in shown:
                yield {"source": p.id, "surface": s, "owner": a == p.id, "coauthors": [x for b, x in shown if b != a],
                       "person": a, "paper": pap.id, "venue": pap.venue, "year": pap.year}


def world(people: int, seed: int = 7) -> World:
    return World(people, seed)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--formats", default=",".join(STYLES))
    a = ap.parse_args()
    t0 = time.time()
    stats = generate(a.out, a.people, a.seed, tuple(a.formats.split(",")))
    print(f"{stats['cvs']} CVs, {stats['papers']} papers, {stats['mentions']} author mentions, "
          f"{stats['homonyms']} homonyms, in {time.time() - t0:.1f}s → {a.out}")


if __name__ == "__main__":
    main()
