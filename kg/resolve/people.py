"""Person resolution: mentions → clusters, with a reason and a score for every merge.

Rules, in order (each merge is recorded as a :class:`Decision`):

1. every mention flagged as the CV owner joins that CV's owner cluster;
2. mentions with the same name key (given names joined + family name, folded)
   in the same source are one person;
3. the same key across sources merges when there is evidence (a shared
   co-author, or the owner of one CV named in the other), or when the name is
   distinctive (not a short given name with a very common family name);
4. initials and partial forms ("J. Zhang", "Andrew C Yao") join the only
   compatible full-name cluster in their family-name block, if it shares a
   source or a co-author with them; with several candidates they stay apart
   and a possible duplicate is reported.
User overrides ("same" / "different") win over all of these.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..names import display_name, family_key, given_compatible, initial_key, name_key, parse_name

COMMON_FAMILY = set("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
kim lee park choi jung kang cho yoon jang lim nguyen tran le pham singh kumar sharma patel shah gupta khan ali ahmed
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
taylor thomas moore martin jackson white harris clark lewis young walker hall allen king wright scott green baker
adams nelson hill mueller muller schmidt schneider fischer weber meyer wagner rossi russo ferrari silva santos
oliveira pereira costa""".split())


@dataclass
class Mention:
    source: str  # source key
    mid: tuple  # mention id within the source
    name: str  # as written
    owner: bool = False
    coauthors: frozenset = frozenset()  # name keys of the other authors on the same paper
    line: Optional[int] = None
    page: Optional[int] = None


@dataclass
class Decision:
    form: str
    reason: str
    score: float


@dataclass
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


def _form_quality(name: str):
    n = parse_name(name)
    full_given = sum(len(g) for g in n.given if len(g) > 1)
    return (not n.initials_only, full_given, not name.isupper(), name != name.encode("ascii", "ignore").decode(),
            "," not in name, -len(name), name)


def _distinctive(key: str) -> bool:
    given, _, fam = key.rpartition(" ")
    return not (fam in COMMON_FAMILY and len(given) <= 6)


class PersonResolver:
    def __init__(self, overrides=None, trust_distinctive: bool = True):
        self.mentions: list[Mention] = []
        self.owner_names: dict[str, str] = {}
        self.overrides = overrides
        #: merge a rare full name across CVs without any shared co-author (off: precision first)
        self.trust_distinctive = trust_distinctive
        self.warnings: list[str] = []
        self.key_names: dict[str, str] = {}  # co-author evidence key → a readable form, for reasons
        self._best_cache: dict = {}
        self._keep: list = []

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    def set_owner(self, source: str, name: str) -> None:
        self.owner_names[source] = name

    def resolve(self) -> list[Cluster]:
        ms = self.mentions
        parent = list(range(len(ms)))
        members: dict[int, list[int]] = {i: [i] for i in range(len(ms))}
        co: dict[int, set] = {i: set(m.coauthors) | ({("owner", m.source)} if m.owner else set()) for i, m in enumerate(ms)}
        reasons: dict[int, list[Decision]] = defaultdict(list)

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i, j, form, reason, score):
            ri, rj = find(i), find(j)
            if ri == rj:
                return False
            if self.overrides and self.overrides.forbids([ms[x].name for x in members[ri]], [ms[x].name for x in members[rj]]):
                return False
            lo, hi = min(ri, rj), max(ri, rj)
            parent[hi] = lo
            gone = members.pop(hi)
            members[lo].extend(gone)
            self._keep.append(gone)  # keeps ids of merged lists from being reused (see _best)
            co[lo] |= co.pop(hi)
            reasons[lo].extend(reasons.pop(hi, []))
            reasons[lo].append(Decision(form, reason, score))
            return True

        # 1. owners
        first_owner: dict[str, int] = {}
        for i, m in enumerate(ms):
            if m.owner:
                if m.source in first_owner:
                    union(first_owner[m.source], i, m.name, f"the owner of {m.source}, as written in the CV", 1.0)
                else:
                    first_owner[m.source] = i
        # 2. same key, same source
        by_src_key: dict[tuple, int] = {}
        for i, m in enumerate(ms):
            k = (m.source, name_key(m.name))
            if k in by_src_key:
                union(by_src_key[k], i, m.name, f"same name, compared as {k[1]!r}, in {m.source}", 0.99)
            else:
                by_src_key[k] = i
        # 3. same key across sources
        by_key: dict[str, list[int]] = defaultdict(list)
        for (src, key), i in by_src_key.items():
            by_key[key].append(i)
        for key, idxs in sorted(by_key.items()):
            roots: list[int] = []  # distinct clusters of this key so far
            for j in idxs:
                merged = False
                for i in list(roots):
                    ri, rj = find(i), find(j)
                    if ri == rj:
                        merged = True
                        break
                    shared = {x for x in (co[ri] & co[rj]) if x != initial_key(ms[i].name)}
                    if shared:
                        merged = union(i, j, ms[j].name, f"same name in {ms[i].source} and {ms[j].source}; "
                                                         f"shared co-authors: {_fmt(shared, self.key_names)}", 0.98)
                    elif self.trust_distinctive and _distinctive(key):
                        merged = union(i, j, ms[j].name, f"same distinctive name in {ms[i].source} and {ms[j].source}", 0.9)
                    if merged:
                        break
                if not merged:
                    if roots:
                        self.warnings.append(f"possible duplicate kept apart: {ms[j].name!r} in {ms[j].source} and "
                                             f"{ms[roots[0]].name!r} in {ms[roots[0]].source} (common name, no shared co-author)")
                    roots.append(j)
                roots = list({find(r): r for r in roots}.values())
        # 4. initials / partial given names join the one compatible fuller cluster of their block
        #    (block = family name + first initial: compatible forms always share both)
        block: dict[tuple, set] = defaultdict(set)
        for r in members:
            g = self._given(members[r])
            block[(family_key(ms[r].name), g[0][0].lower() if g else "")].add(r)
        for bkey in sorted(block):
            rs = block[bkey]
            if len(rs) < 2:
                continue
            info = {r: (self._given(members[r]), self._fullness(members[r])) for r in rs}
            short = sorted((r for r in rs if any(len(x) == 1 for x in info[r][0])), key=lambda r: (info[r][1], r))
            for r in short:
                r = find(r)
                gi, fi = self._given(members[r]), self._fullness(members[r])
                live = {find(x) for x in rs}
                cands = sorted(o for o in live if o != r and info.get(o, (None,))[0] != gi
                               and given_compatible(gi, self._given(members[o])) and self._fullness(members[o]) >= fi)
                if len(cands) > 1:
                    # several fuller forms fit: the one that shares co-authors, if only one does
                    own = {initial_key(ms[i].name) for i in members[r]}
                    with_evidence = [o for o in cands if (co[r] & co[o]) - own]
                    if len(with_evidence) == 1:
                        cands = with_evidence
                if len(cands) == 1:
                    o = cands[0]
                    src_r = {ms[i].source for i in members[r]}
                    src_o = {ms[i].source for i in members[o]}
                    keys_r = {initial_key(ms[i].name) for i in members[r]} | {initial_key(ms[i].name) for i in members[o]}
                    shared = {x for x in co[r] & co[o] if x not in keys_r}
                    if src_r & src_o:
                        union(o, r, ms[r].name, f"compatible name forms in the same CV ({sorted(src_r & src_o)[0]})", 0.95)
                    elif shared:
                        union(o, r, ms[r].name, f"compatible name forms; shared co-authors: {_fmt(shared, self.key_names)}", 0.9)
                    else:
                        self.warnings.append(f"possible duplicate kept apart: {ms[r].name!r} and {ms[o].name!r} "
                                             "(compatible forms, no shared evidence)")
                elif len(cands) > 1:
                    self.warnings.append(f"ambiguous form kept apart: {ms[r].name!r} matches "
                                         + ", ".join(sorted({ms[c].name for c in cands})[:5]))
        if self.overrides:
            for i, j, why in self.overrides.same_pairs(ms):
                union(i, j, ms[j].name, why, 1.0)
        clusters = []
        for r, idxs in members.items():
            c = Cluster(mentions=[ms[i] for i in idxs], decisions=reasons.get(r, []))
            for m in c.mentions:
                if m.owner:
                    c.owner_of.add(m.source)
                    c.owner_name = c.owner_name or self.owner_names.get(m.source)
            clusters.append(c)
        return sorted(clusters, key=lambda c: min((m.source, m.mid) for m in c.mentions))

    def _best(self, idxs):
        key = (id(idxs), len(idxs))  # member lists only grow, so (list, length) identifies a state
        hit = self._best_cache.get(key)
        if hit is None:
            best = max((self.mentions[i] for i in idxs), key=lambda m: _form_quality(m.name))
            hit = self._best_cache[key] = (parse_name(best.name).given, _form_quality(best.name)[:2])
        return hit

    def _given(self, idxs):
        return self._best(idxs)[0]

    def _fullness(self, idxs):
        return self._best(idxs)[1]


def _fmt(shared, key_names=None) -> str:
    key_names = key_names or {}
    names = sorted(key_names.get(x, x) if isinstance(x, str) else f"the owner of {x[1]}" for x in shared)
    return ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")
