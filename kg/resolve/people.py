"""Person resolution: mentions → clusters, with a reason and a score for every merge.

Rules, in order (each merge is recorded as a :class:`Decision`):

1. every mention flagged as the CV owner joins that CV's owner cluster; the owners of
   two CVs are one person only when their names are compatible and their publication
   lists overlap (the same CV twice), and otherwise can never end up in one cluster,
   whatever bridges them later ("Richard Baker" and "Richard F. Baker" with a CV each
   are two people, and a bare "Richard Baker" elsewhere joins one of them);
2. mentions with the same name (:func:`kg.names.merge_key`: blind to case, accents,
   spaces, hyphens and where the family name starts) in the same source are one person;
3. full forms with the same name across sources merge on evidence: a shared
   co-author (compared by family name and first initial; the root sharing the most
   wins), or a distinctive name (not a short given name with a very common family
   name) together with a shared venue or organization. Two people with a common name
   and no shared evidence stay two, and a possible duplicate is reported;
   3b. the same tokens in another order ("Kobayashi Shinji") and 3c. a dropped second
   family name ("Carmen Pérez" / "Carmen Pérez Soler") need two shared co-authors;
4. initials and partial forms ("J. Zhang", "Andrew C Yao") join the compatible
   full cluster with clearly the most evidence (shared co-authors, the same CV) in
   their block (last family name + first initial; a cluster is in the block of each
   of its full forms);
5. short forms that found no fuller form merge across sources on shared co-authors.

Two mentions on the same entry of one CV are never one person.
Candidates are found through inverted indexes of evidence, so cost grows with the
number of mentions and their co-authors, not with the square of a block.
User overrides ("same" / "different") win over all of these.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Optional

from ..names import compatible, display_name, given_compatible, initial_key, merge_key, name_key, parse_name, token_form

SLIP_MIN_LEN = 9  # rule 3d: shorter names differ by a letter too often to be slips

COMMON_FAMILY = set("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
kim lee park choi jung kang cho yoon jang lim nguyen tran le pham singh kumar sharma patel shah gupta khan ali ahmed
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
taylor thomas moore martin jackson white harris clark lewis young walker hall allen king wright scott green baker
adams nelson hill mueller muller schmidt schneider fischer weber meyer wagner rossi russo ferrari silva santos
oliveira pereira costa""".split())


@dataclass(slots=True)
class Mention:
    source: str  # source key
    mid: tuple  # mention id within the source
    name: str  # as written
    owner: bool = False
    coauthors: frozenset = frozenset()  # initial keys of the authors on the same paper (own key may be in it)
    line: Optional[int] = None
    page: Optional[int] = None
    context: frozenset = frozenset()  # weak evidence: venue and organization keys
    paper: Optional[str] = None  # title key of the entry, for telling two CVs of one person from two people

    @property
    def entry(self):
        """The CV entry this mention sits on (two mentions of one entry are two people)."""
        return (self.source, self.mid[1]) if self.mid and self.mid[0] == "pub" else None

    def __reduce__(self):
        """Pickled as its fields in order: loads in half the time of the default for slots, and a
        quarter smaller (the build index holds a million mentions; an update reads back thousands)."""
        return Mention, _mention_fields(self)


_mention_fields = attrgetter(*(f.name for f in fields(Mention)))


@dataclass(slots=True)
class Decision:
    form: str
    reason: str
    score: float


@dataclass(slots=True)
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    owner_of: set = field(default_factory=set)  # sources whose owner this is
    owner_name: Optional[str] = None

    @property
    def keys(self) -> set:
        return {name_key(m.name) for m in self.mentions}

    @property
    def sources(self) -> set:
        return {m.source for m in self.mentions}

    @property
    def coauthors(self) -> set:
        out = set()
        for m in self.mentions:
            out |= m.coauthors
        return out

    def full(self) -> bool:
        return any(not parse_name(m.name).initials_only and len(parse_name(m.name).given) > 0 for m in self.mentions)

    def canonical(self) -> str:
        if self.owner_name:
            return display_name(self.owner_name)
        best = max(self.mentions, key=lambda m: _form_quality(m.name))
        return display_name(best.name)


@lru_cache(maxsize=200_000)
def _form_quality(name: str):
    n = parse_name(name)
    full_given = sum(len(g) for g in n.given if len(g) > 1)
    return (not n.initials_only, full_given, not name.isupper(), name != name.encode("ascii", "ignore").decode(),
            "," not in name, -len(name), name)


def _distinctive(name: str) -> bool:
    """Not a short given name with a very common family name ("Wei Wang", "J. Smith")."""
    lead, last = token_form(name)
    return not (last in COMMON_FAMILY and len("".join(lead)) <= 6)


class PersonResolver:
    def __init__(self, overrides=None, trust_distinctive: bool = True):
        self.mentions: list[Mention] = []
        self.owner_names: dict[str, str] = {}
        self.overrides = overrides
        #: merge a rare full name across CVs without any shared co-author (off: precision first)
        self.trust_distinctive = trust_distinctive
        self.warnings: list[str] = []
        #: shared co-authors needed to merge a common name (short given name, very common family name)
        self.common_evidence = 1
        self.key_names: dict = {}  # source → {co-author evidence key → the form that source writes}, for reasons

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    def set_owner(self, source: str, name: str) -> None:
        self.owner_names[source] = name

    def resolve(self) -> list[Cluster]:
        gc_was = gc.isenabled()
        gc.disable()  # millions of small sets and no cycles: collections would only cost time
        try:
            return self._resolve()
        finally:
            if gc_was:
                gc.enable()

    def _resolve(self) -> list[Cluster]:
        ms = self.mentions
        parent = list(range(len(ms)))
        members: dict[int, list[int]] = {}  # the mentions of each merged root (a lone mention is its own)
        # evidence per cluster root, in lists indexed by mention (a million mentions: lists, not
        # dicts); frozensets until a merge makes a mutable union (see absorb), None once absorbed
        one_src: dict = {}
        no = frozenset()
        co = [(m.coauthors | {("owner", m.source)}) if m.owner else m.coauthors for m in ms]
        ctx = [m.context for m in ms]
        srcs = [one_src.get(m.source) or one_src.setdefault(m.source, frozenset((m.source,))) for m in ms]
        self._srcs = srcs
        entries = [frozenset((m.entry,)) if m.entry else no for m in ms]
        mids = [_middle(m.name) for m in ms]
        reasons: dict[int, list[Decision]] = defaultdict(list)
        # the best-written form of each cluster, kept up to date on every merge
        self._bestq = bestq = [(_form_quality(m.name), -i) for i, m in enumerate(ms)]

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def absorb(d, lo, hi):
            a, b = d[lo], d[hi]
            d[hi] = None
            if len(a) < len(b):
                a, b = b, a
            if not b <= a:
                a = (set(a) if isinstance(a, frozenset) else a)
                a |= b
            d[lo] = a

        def union(i, j, form, reason, score, force=False):
            ri, rj = find(i), find(j)
            if ri == rj:
                return False
            if entries[ri] and entries[rj] and not entries[ri].isdisjoint(entries[rj]):
                return False  # two authors of one entry
            if mids[ri] and mids[rj] and not force and _middles_clash(mids[ri], mids[rj]):
                return False  # "Anna F. O'Brien" and "Anna J. O'Brien", however their bare forms link them
            if ri in self._cv_owner and rj in self._cv_owner and not force:
                return False  # the owners of two CVs
            oi, oj = self._owned.get(ri), self._owned.get(rj)
            if oi and oj and self._forbid and any(frozenset((a, b)) in self._forbid for a in oi for b in oj):
                return False  # owners of two CVs that are two people
            if self.overrides and self.overrides.forbids([ms[x].name for x in members.get(ri, (ri,))],
                                                         [ms[x].name for x in members.get(rj, (rj,))]):
                return False
            lo, hi = min(ri, rj), max(ri, rj)
            parent[hi] = lo
            gone = members.pop(hi, None) or [hi]
            members.setdefault(lo, [lo]).extend(gone)
            for d in (co, ctx, srcs, entries, mids):
                absorb(d, lo, hi)
            bestq[lo] = max(bestq[lo], bestq[hi])
            bestq[hi] = None
            if hi in self._cv_owner:
                self._cv_owner.discard(hi)
                self._cv_owner.add(lo)
            if oi or oj:
                self._owned.pop(hi, None)
                self._owned[lo] = (oi or frozenset()) | (oj or frozenset())
            reasons[lo].extend(reasons.pop(hi, []))
            reasons[lo].append(Decision(form, reason, score))
            return True

        self._owned, self._forbid, self._cv_owner = {}, set(), set()
        # 1. owners
        first_owner: dict[str, int] = {}
        for i, m in enumerate(ms):
            if m.owner:
                if m.source in first_owner:
                    union(first_owner[m.source], i, m.name, f"the owner of {m.source}, as written in the CV", 1.0)
                else:
                    first_owner[m.source] = i
        # 1b. the owners of two CVs are two people, unless their names are compatible and their
        #     publication lists overlap (one person's CV twice, perhaps with the name written
        #     differently); no later rule may join two owners' clusters
        self._owned = {find(i): frozenset((src,)) for src, i in first_owner.items()}
        papers_of: dict[str, set] = defaultdict(set)
        for m in ms:
            if m.owner and m.paper:
                papers_of[m.source].add(m.paper)
        owner_name = {src: self.owner_names.get(src) or ms[i].name for src, i in first_owner.items()}
        by_block: dict[str, list] = defaultdict(list)
        for src in sorted(first_owner):
            by_block[initial_key(owner_name[src])].append(src)
        for srcs_ in by_block.values():
            for x in range(len(srcs_)):
                for y in range(x + 1, len(srcs_)):
                    a, b = srcs_[x], srcs_[y]
                    pa, pb = papers_of[a], papers_of[b]
                    both = len(pa & pb)
                    if pa and pb and both >= 0.5 * min(len(pa), len(pb)) and \
                            (merge_key(owner_name[a]) == merge_key(owner_name[b]) or compatible(owner_name[a], owner_name[b])):
                        union(first_owner[a], first_owner[b], ms[first_owner[b]].name,
                              f"one person's CV twice ({a}, {b}): {both} papers in common", 0.97)
        self._cv_owner = {find(i) for i in first_owner.values()}
        # 2. same name, same source; a co-author of a CV's owner's very name, that the CV itself
        #    does not mark as the owner, is someone else (the owner's homonym)
        owner_keys = {(m.source, merge_key(m.name)) for m in ms if m.owner}
        by_src_key: dict[tuple, int] = {}
        for i, m in enumerate(ms):
            k = (m.source, merge_key(m.name))
            if k in owner_keys and not m.owner:
                k = (m.source, k[1], "not the owner")
                if k not in by_src_key:
                    self._owned[find(i)] = frozenset((k,))
                    self._forbid.add(frozenset((m.source, k)))
            if k in by_src_key:
                union(by_src_key[k], i, m.name, f"same name, compared as {name_key(m.name)!r}, in {m.source}", 0.99)
            else:
                by_src_key[k] = i
        by_key: dict[str, list[int]] = defaultdict(list)
        for k, i in by_src_key.items():
            by_key[k[1]].append(i)
        # forms that open with an initial ("J. Zhang", "J. R. Zhang"); a full given name with a middle
        # initial ("Richard F. Baker") is matched across sources like a full name, so that it meets
        # its own exact form before rule 4 offers it to a plainer "Richard Baker"
        short_keys = {k for k, idxs in by_key.items() if _initial_first(token_form(ms[idxs[0]].name)[0])}
        # 3. full forms, same name across sources
        for key in sorted(by_key):
            if key not in short_keys and len(by_key[key]) > 1:
                self._same_name(key, by_key[key], ms, find, union, co, ctx, weak=self.trust_distinctive)
        # 3b. the same full name in another order ("Kobayashi Shinji" / "Shinji Kobayashi", "Zeng Du" /
        #     "Du Zeng" when both could be family names): two shared co-authors, as such pairs
        #     may also be two people
        by_tokens: dict[tuple, list] = defaultdict(list)
        for key in sorted(by_key):
            if key not in short_keys:
                lead, last = token_form(ms[by_key[key][0]].name)
                by_tokens[tuple(sorted(t.lower() for t in (*lead, last)))].append(key)
        for toks, keys in sorted(by_tokens.items()):
            if len(keys) > 1:
                idxs = sorted({find(i) for k in keys for i in by_key[k]})
                self._same_name(keys[0], idxs, ms, find, union, co, ctx, weak=False, need=2)
        # 3c. a dropped second family name ("Carmen Pérez" / "Carmen Pérez Soler", "Joao Costa" /
        #     "João Costa Carvalho") or middle name ("Thi Nguyen" / "Thi Hoa Nguyen"): two shared
        #     co-authors, as the shorter name may be someone else's
        for key in sorted(by_key):
            if key in short_keys:
                continue
            alts = name_alts(ms[by_key[key][0]].name)  # without the last family name, then without a middle name
            if alts:
                if any(len(token_form(ms[i].name)[0]) == 1 for i in by_key[key]):
                    # not without a middle name when it is half of a given name written joined elsewhere
                    # ("Chuan Chen Qian" is "Chuanchen Qian", not "Chuan Qian")
                    alts = alts[:1]
                for alt in alts:
                    if alt in by_key and alt not in short_keys and alt != key:
                        idxs = sorted({find(i) for i in by_key[key] + by_key[alt]})
                        self._same_name(key, idxs, ms, find, union, co, ctx, weak=False, need=2)
        # 3d. one-letter slips ("Benjamin Hirris", "Améle Boyer"): full names that differ by a
        #     letter or two merge on two shared co-authors
        self._slips(by_key, short_keys, ms, find, union, co)
        # 4. short forms join the fuller form with the most evidence
        #    (block = last family name + first initial; a full cluster sits in the block of every
        #    full form it holds, so "Shinji Kobayashi" / "Kobayashi Shinji" meets "S. Kobayashi")
        short_in: dict[tuple, list] = defaultdict(list)
        full_in: dict[tuple, dict] = defaultdict(dict)
        for r in (i for i in range(len(ms)) if parent[i] == i):
            lead, last = self._form(r)
            if not lead:
                continue
            if _short_lead(lead):
                short_in[(last, lead[0][0].lower())].append(r)
                continue
            for i in members.get(r, (r,)):
                lead_i, last_i = token_form(ms[i].name)
                if lead_i and not _short_lead(lead_i):
                    full_in[(last_i, lead_i[0][0].lower())].setdefault(r, set()).add(lead_i)
        for bkey in sorted(short_in):
            if bkey in full_in:
                self._assign_short(short_in[bkey], full_in[bkey], ms, find, union, co, srcs)
        # 5. short forms without a fuller form: same name across sources on shared co-authors
        for key in sorted(short_keys):
            left = [i for i in by_key[key] if _short_lead(self._form(find(i))[0])]
            if len(left) > 1:
                self._same_name(key, left, ms, find, union, co, ctx, weak=False)
        if self.overrides:
            for i, j, why in self.overrides.same_pairs(ms):
                union(i, j, ms[j].name, why, 1.0, force=True)
        clusters = []
        for r in (i for i in range(len(ms)) if parent[i] == i):
            c = Cluster(mentions=[ms[i] for i in members.get(r, (r,))], decisions=reasons.get(r, []))
            for m in c.mentions:
                if m.owner:
                    c.owner_of.add(m.source)
                    c.owner_name = c.owner_name or self.owner_names.get(m.source)
            clusters.append(c)
        return sorted(clusters, key=lambda c: min((m.source, m.mid) for m in c.mentions))

    def _same_name(self, key, idxs, ms, find, union, co, ctx, weak: bool, need: Optional[int] = None):
        """Merge the per-source clusters of one name across sources on shared evidence (rules 3, 3b and 5).

        One pass in order (CV owners first: they anchor the people of this name that surely
        exist), then a second pass for the clusters left alone, whose evidence may only have
        met a root after it was placed (A shares a co-author with C, which joined B later).
        """
        owns = {initial_key(ms[i].name) for i in idxs}
        distinctive = _distinctive(ms[idxs[0]].name)
        if need is None:
            need = 1 if distinctive else self.common_evidence
        strong: dict = defaultdict(set)  # evidence token → positions in roots
        loose: dict = defaultdict(set)
        roots: list[int] = []
        idxs = sorted(idxs, key=lambda i: (find(i) not in self._owned, i))
        for j in idxs:
            rj = find(j)
            evid = co[rj] - owns
            ctx_j = ctx[rj]
            pos = self._join_on_coauthors(j, evid, strong, roots, ms, find, union, co, owns, need)
            if pos is None and weak and distinctive:
                wc = set()
                for x in ctx_j:
                    wc |= loose.get(x, set())
                for p in sorted(wc):
                    ri = find(roots[p])
                    shared = ctx[ri] & ctx_j
                    if shared and union(ri, rj, ms[j].name, f"same distinctive name in {ms[roots[p]].source} and "
                                                            f"{ms[j].source}; both at {_fmt(shared)}", 0.9):
                        pos = p
                        break
            if pos is None:
                if roots:
                    self.warnings.append(f"possible duplicate kept apart: {ms[j].name!r} in {ms[j].source} and "
                                         f"{ms[roots[0]].name!r} in {ms[roots[0]].source} (same name, no shared evidence)")
                roots.append(j)
                pos = len(roots) - 1
            for x in evid:
                strong[x].add(pos)
            for x in ctx_j:
                loose[x].add(pos)
        if len(roots) > 1:
            for p in range(len(roots)):
                evid = co[find(roots[p])] - owns
                self._join_on_coauthors(roots[p], evid, strong, roots, ms, find, union, co, owns, need)

    def _join_on_coauthors(self, j, evid, strong, roots, ms, find, union, co, owns, need) -> Optional[int]:
        """Join mention j's cluster to the placed root sharing the most co-authors (at least `need`);
        its position in `roots`, or None. Where two CV owners of the name both fit, only clearly
        more evidence decides."""
        rj = find(j)
        cands = set()
        for x in evid:
            cands |= strong.get(x, set())
        ranked = []
        for p in cands:
            ri = find(roots[p])
            if ri == rj:
                if roots[p] == j:
                    continue  # the second pass: this root itself
                return p
            shared = (co[ri] & co[rj]) - owns
            if len(shared) >= need:
                ranked.append((-len(shared), p, ri, shared))
        ranked.sort(key=lambda t: t[:2])  # the most shared co-authors first
        if (len(ranked) > 1 and self._owned.get(ranked[0][2]) and self._owned.get(ranked[1][2])
                and -ranked[0][0] < 2 * -ranked[1][0]):
            self.warnings.append(f"ambiguous form kept apart: {ms[j].name!r} in {ms[j].source} fits the owners of "
                                 f"{', '.join(sorted({_src(x) for x in self._owned[ranked[0][2]] | self._owned[ranked[1][2]]}))}")
            return None
        for _, p, ri, shared in ranked:
            if union(ri, rj, ms[j].name, f"same name in {ms[roots[p]].source} and {ms[j].source}; "
                                         f"shared co-authors: {self._fmt(shared, ms[j].source, ri, rj)}", 0.98):
                return p
        return None

    def _slips(self, by_key, short_keys, ms, find, union, co):
        blocks: dict[tuple, dict] = defaultdict(dict)
        for key in sorted(by_key):
            if key in short_keys or len(key) < SLIP_MIN_LEN:
                continue
            lead, last = token_form(ms[by_key[key][0]].name)
            blocks[(lead[0][:1].lower() if lead else "", last[:1])][key] = by_key[key]
        for bkey in sorted(blocks):
            if len(blocks[bkey]) < 2:
                continue
            for ka, kb, score in slip_pairs(blocks[bkey]):
                ia, ib = by_key[ka][0], by_key[kb][0]
                owns = {initial_key(ms[i].name) for i in (*by_key[ka], *by_key[kb])}
                for ri in sorted({find(i) for i in by_key[ka]}):
                    for rj in sorted({find(j) for j in by_key[kb]}):
                        ri, rj = find(ri), find(rj)
                        if ri == rj:
                            continue
                        shared = (co[ri] & co[rj]) - owns
                        if len(shared) >= 2:
                            union(ri, rj, ms[ib].name, f"{ms[ib].name!r} reads as a slip for {ms[ia].name!r} "
                                                      f"({score:.0f}% alike); shared co-authors: "
                                                      f"{self._fmt(shared, ms[ib].source, ri, rj)}", 0.9)

    def _assign_short(self, shorts, targets: dict, ms, find, union, co, srcs):
        """Rule 4: each short form joins the compatible fuller cluster with clearly the most evidence.

        ``targets`` maps full clusters of the block to their full forms' leading tokens.
        """
        leads: dict = {}
        for o, forms in targets.items():  # an earlier block may have merged some of them
            leads.setdefault(find(o), set()).update(forms)
        index: dict = defaultdict(set)
        for o in leads:
            for x in co[o]:
                index[x].add(o)
            for s_ in srcs[o]:
                index[("src", s_)].add(o)
        for r in shorts:
            r = find(r)
            lead_r = self._form(r)[0]
            cands = set()
            for x in co[r]:
                cands |= index.get(x, set())
            for s_ in srcs[r]:
                cands |= index.get(("src", s_), set())
            scored = []
            for o in {find(c) for c in cands}:
                if o == r or o not in leads:
                    continue
                if not any(given_compatible(lead_r, lead_o) for lead_o in leads[o]):
                    continue
                ownk = {initial_key(ms[o].name), initial_key(ms[r].name)}
                shared = (co[r] & co[o]) - ownk
                same_src = srcs[r] & srcs[o]
                score = len(shared) + (2 if same_src else 0)
                if score:
                    scored.append((score, o, shared, same_src))
            if not scored:
                continue
            scored.sort(key=lambda t: (-t[0], t[1]))
            best = scored[0]
            if len(scored) > 1 and not (best[0] >= 2 * scored[1][0] and best[0] >= 2):
                self.warnings.append(f"ambiguous form kept apart: {ms[r].name!r} matches "
                                     + ", ".join(sorted({ms[t[1]].name for t in scored[:5]})))
                continue
            score, o, shared, same_src = best
            if same_src:
                why = f"compatible name forms in the same CV ({sorted(same_src)[0]})"
            else:
                why = f"compatible name forms; shared co-authors: {self._fmt(shared, ms[r].source, o, r)}"
            co_r, srcs_r = co[r], srcs[r]
            if union(o, r, ms[r].name, why, 0.95 if same_src else 0.9):
                leads[find(o)] = leads[o]
                for x in co_r:
                    index[x].add(o)
                for s_ in srcs_r:
                    index[("src", s_)].add(o)

    def _fmt(self, shared, source: str, ri: int, rj: int) -> str:
        """Co-author evidence in words, each key as `source` writes it, else as the first source of the
        two clusters that has it (each key came from a mention of both)."""
        names = self.key_names
        srcs = self._srcs
        none: dict = {}
        out = {}
        for x in shared:
            if isinstance(x, str):
                n = names.get(source, none).get(x)
                if n is None:
                    n = next((names[s][x] for s in sorted(srcs[ri] | srcs[rj]) if x in names.get(s, none)), x)
                out[x] = n
        return _fmt(shared, out)

    def _form(self, root):
        """The token form of a cluster's best-written name."""
        return token_form(self.mentions[-self._bestq[root][1]].name)


@lru_cache(maxsize=200_000)
def name_features(name: str) -> frozenset:
    """The keys through which the rules above compare a form with every other form that has the key:
    two forms that share none, and are not alternatives of each other (:func:`name_alts`), directly
    or through other forms, never meet, so a change re-resolves only the forms it reaches (an
    incremental build). The same expressions as the rules that use them.

    >>> bool(name_features("J. Zhang") & name_features("Jing Zhang")), bool(name_features("Ana Li") & name_features("Bo Wu"))
    (True, False)
    >>> bool(name_features("Shinji Kobayashi") & name_features("Kobayashi Shinji"))
    True
    >>> bool(name_features("L. D. Zhao") & name_features("D. L. Zhao"))
    False
    """
    lead, last = token_form(name)
    low = [t.lower() for t in lead]
    out = {"m" + "".join(low) + last,  # rules 2, 3 and 5: merge_key
           "i" + name_key(display_name(name)),  # the IRI minted for a cluster named by this form
           "o" + initial_key(name)}  # 1b: CV owners of one block
    if not _initial_first(lead):
        # 3b: the same tokens in another order. The rule takes a name's tokens from the first form of
        # its merge key and passes over keys whose first form opens with an initial, so a form that
        # does ("L. D. Zhao") never meets "D. L. Zhao" this way: the key's other forms carry the feature
        out.add("t" + "\x1f".join(sorted(t.lower() for t in (*lead, last))))
    if lead:
        out.add("b" + last + "\x1f" + lead[0][0].lower())  # 4: short forms and the full forms of their block
    return frozenset(out)


@lru_cache(maxsize=200_000)
def name_alts(name: str) -> tuple:
    """The merge keys of the shorter forms rule 3c compares a form with (a dropped last family name or
    middle name), in the order the rule tries them. A pair, not a key shared by every form: "Jing Zhao
    Zhang" and "Jing Zhao Li" both drop to "Jing Zhao", and meet only where that form is written.

    >>> name_alts("Carmen Pérez Soler"), name_alts("Thi Hoa Nguyen"), name_alts("Carmen Pérez")
    (('carmenperez', 'carmensoler'), ('thihoa', 'thinguyen'), ())
    """
    lead, last = token_form(name)
    if len(lead) < 2:
        return ()
    low = [t.lower() for t in lead]
    return ("".join(low), *("".join(low[:k] + low[k + 1:]) + last for k in range(1, len(low))))


def slip_block(name: str) -> Optional[tuple]:
    """(block, merge key) under which rule 3d compares a full form for one-letter slips, or None."""
    lead, last = token_form(name)
    key = "".join(t.lower() for t in lead) + last
    if len(key) < SLIP_MIN_LEN:
        return None
    return (lead[0][:1].lower() if lead else "") + "\x1f" + last[:1], key


SLIP_CUTOFF = 90.0  # rule 3d: how alike (rapidfuzz ratio, %) two keys are to be compared as slips
SLIP_LEN_DIFF = 2  # … and how much their lengths may differ


def slip_pairs(block_keys, cutoff: float = SLIP_CUTOFF):
    """(key, key, score) for the keys of one block that rule 3d compares (at least `cutoff` % alike,
    lengths within 2), in order; `block_keys` is bounded in memory by rows of 500."""
    from rapidfuzz import fuzz, process

    keys = sorted(block_keys)
    for lo in range(0, len(keys), 500):
        rows = keys[lo:lo + 500]
        scores = process.cdist(rows, keys, scorer=fuzz.ratio, score_cutoff=cutoff, workers=1)
        for a, b in zip(*scores.nonzero()):
            if rows[a] < keys[b] and abs(len(rows[a]) - len(keys[b])) <= SLIP_LEN_DIFF:
                yield rows[a], keys[b], scores[a, b]


def slip_partners(key: str, others) -> list:
    """The keys among ``others`` that rule 3d compares with ``key`` (see :func:`slip_pairs`)."""
    from rapidfuzz import fuzz, process

    return [o for o, _, _ in process.extract(key, others, scorer=fuzz.ratio, score_cutoff=SLIP_CUTOFF, limit=None)
            if abs(len(o) - len(key)) <= SLIP_LEN_DIFF]


@lru_cache(maxsize=1 << 16)
def _middle(name: str) -> frozenset:
    """{(family, given, middle initial)} of a form with a full given name and a middle name.

    >>> sorted(_middle("Anna F. O'Brien")), _middle("A. F. O'Brien"), _middle("Anna O'Brien"), _middle("Thijs de Boer")
    ([('obrien', 'anna', 'f')], frozenset(), frozenset(), frozenset())
    """
    n = parse_name(name)
    if len(n.given) >= 2 and len(n.given[0]) > 1:
        return frozenset(((n.family, n.given[0], n.given[1][0].lower()),))
    return frozenset()


def _middles_clash(a, b) -> bool:
    """Do two clusters hold the same given and family name with different middle initials?

    >>> _middles_clash({("obrien", "anna", "f")}, {("obrien", "anna", "j")})
    True
    >>> _middles_clash({("obrien", "anna", "f")}, {("obrien", "anna", "f"), ("obrien", "ann", "j")})
    False
    """
    seen = {(f, g): x for f, g, x in a}
    return any(seen.get((f, g), x) != x for f, g, x in b)


def _src(token) -> str:
    """A source key, or the homonym-of-the-owner marker of one, for messages."""
    return token if isinstance(token, str) else f"{token[0]} (the owner's homonym)"


def _short_lead(lead) -> bool:
    return not lead or any(len(t) == 1 for t in lead)


def _initial_first(lead) -> bool:
    return not lead or len(lead[0]) == 1



def _fmt(shared, key_names=None) -> str:
    """Evidence in words: each co-author key by its readable form in `key_names`."""
    key_names = key_names or {}
    names = sorted(key_names.get(x, x) if isinstance(x, str) else f"the owner of {x[1]}" if x[0] == "owner" else str(x[1])
                   for x in shared)
    return ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")
