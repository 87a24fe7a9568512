"""The semantics' fast paths give what the plain definitions give, framework for framework.

The mapping from a dossier (:mod:`argmap.semantics.mapping`) and the framework
(:mod:`argmap.semantics.framework`) work on whole lists of numbers in C loops; the grounded
labelling walks compressed rows. Here they are compared with the mapping written plainly, one
relation at a time over names (as the module docs define it), and with frameworks and labellings
computed by the textbook definitions: on random relation sets full of the odd cases (undercuts
of undercuts, undercuts of nothing, linked premises, chains and cycles of supports, self-loops,
repeated relations), on the generated dossiers of the benchmark and on the example case.
"""

from __future__ import annotations

import random
import sys

import pytest
from conftest import ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.model import Relation, RelationType
from argmap.semantics import Framework, framework_from_dossier, framework_from_relations, grounded
from argmap.semantics.labelling import grounded_codes


# --- the mapping written plainly -------------------------------------------------------------


def plain_mapping(relations: list[Relation], support: str = "bipolar") -> Framework:
    """The framework of the module docs, one relation at a time, over names."""
    kinds = (RelationType.supports, RelationType.attacks, RelationType.undercuts)
    rels = [r for r in relations if r.type in kinds]
    by_id = {r.id: r for r in rels}
    undercut = {r.to for r in rels if r.type is RelationType.undercuts}
    nodes = {r.id for r in rels if r.id in undercut or len(r.from_) > 1}
    names: set[str] = set(nodes)
    direct: set[tuple[str, str]] = set()
    supports: dict[str, set[str]] = {}
    for r in rels:
        names.update(r.from_)
        sources = [r.id] if r.id in nodes else r.from_
        if r.type is RelationType.undercuts:
            if r.to not in nodes:
                continue  # targets no argument relation
        else:
            names.add(r.to)
        for s in sources:
            if r.type is RelationType.supports:
                supports.setdefault(s, set()).add(r.to)
            else:
                direct.add((s, r.to))
    premises = {n: by_id[n].from_ for n in nodes}

    def inherit(attacks: set[tuple[str, str]]) -> set[tuple[str, str]]:
        out = set(attacks)
        for node, prem in premises.items():
            out.update((x, node) for x, y in attacks if y in prem)
        return out

    def reach(start: str, edges: dict[str, set[str]]) -> set[str]:
        """What one or more steps lead to, level by level."""
        seen: set[str] = set()
        level = set(edges.get(start, ()))
        while level:
            seen |= level
            level = {w for v in level for w in edges.get(v, ())} - seen
        return seen

    attacks = inherit(direct)
    if support == "bipolar" and supports:
        backwards: dict[str, set[str]] = {}
        for a, targets in supports.items():
            for b in targets:
                backwards.setdefault(b, set()).add(a)
        flat = set(attacks)
        for a, c in attacks:
            flat.update((a, b) for b in reach(c, supports))      # secondary
            flat.update((s, c) for s in reach(a, backwards))     # supported
        attacks = inherit(flat)
    return Framework(sorted(names), sorted(attacks))


def plain_grounded(fw: Framework) -> dict[str, str]:
    """The grounded labelling by iterating Dung's characteristic function from nothing."""
    attacks = fw.attacks
    attackers: dict[str, set[str]] = {a: set() for a in fw.arguments}
    for a, b in attacks:
        attackers[b].add(a)
    inside: set[str] = set()
    while True:
        out = {b for a, b in attacks if a in inside}
        grown = {a for a in fw.arguments if attackers[a] <= out}
        if grown == inside:
            break
        inside = grown
    out = {b for a, b in attacks if a in inside}
    return {a: "in" if a in inside else "out" if a in out else "undec" for a in fw.arguments}


def same_framework(fast: Framework, plain: Framework) -> None:
    """Equal, and every way of reading it gives the same answer."""
    assert fast == plain and hash(fast) == hash(plain)
    assert fast.arguments == plain.arguments and fast.attacks == plain.attacks
    assert fast.n_attacks == plain.n_attacks == len(plain.attacks)
    assert list(fast.attack_indices()) == list(plain.attack_indices())
    pairs = set(plain.attacks)
    for i, name in enumerate(plain.arguments):
        want_out = tuple(j for j, b in enumerate(plain.arguments) if (name, b) in pairs)
        want_in = tuple(j for j, a in enumerate(plain.arguments) if (a, name) in pairs)
        assert fast.targets_of(i) == want_out and fast._targets[i] == want_out
        assert fast.attackers_of(i) == want_in and fast._attackers[i] == want_in
    labels = plain_grounded(plain)
    lab = grounded(fast)
    assert {a: lab.label(a) for a in fast.arguments} == labels
    assert lab.in_ == {a for a, v in labels.items() if v == "in"}
    assert lab.out == {a for a, v in labels.items() if v == "out"}
    assert lab.undec == {a for a, v in labels.items() if v == "undec"}


# --- random relation sets --------------------------------------------------------------------


def random_relations(rng: random.Random, size: int) -> list[Relation]:
    """Relations over a few items and each other: every type, linked premises, undercuts of
    relations, of undercuts and of nothing, supports in chains and cycles, self-loops, and
    sometimes one id used twice."""
    items = [f"i{k}" for k in range(rng.randint(1, 8))]
    rids = [f"r{k}" for k in range(size)]
    if size > 2 and rng.random() < 0.1:
        rids[-1] = rids[0]
    out = []
    for rid in rids:
        kind = rng.choice(["supports", "supports", "attacks", "attacks", "undercuts",
                           "rephrases"])
        premises = rng.sample(items, rng.choice([1, 1, 1, 2, 3][:len(items) + 2])
                              if len(items) > 2 else 1)
        if kind == "undercuts":
            to = rng.choice([*rids, *rids, "nothing", rng.choice(items)])
        else:
            to = rng.choice([*items, rid] if rng.random() < 0.1 else items)
        out.append(Relation.model_validate({"id": rid, "from": premises, "to": to,
                                            "type": kind}))
    return out


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 14), st.sampled_from(["bipolar", "ignore"]))
def test_mapping_matches_the_plain_definition(seed: int, size: int, support: str) -> None:
    rels = random_relations(random.Random(seed), size)
    same_framework(framework_from_relations(rels, support), plain_mapping(rels, support))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 14), st.sampled_from(["bipolar", "ignore"]))
def test_the_framework_does_not_depend_on_the_order_of_the_relations(seed: int, size: int,
                                                                      support: str) -> None:
    """Arguments are numbered in name order: the same relations listed in another order (a
    dossier and its graph, two files merged the other way round) give the same framework,
    argument numbers and labelling included. (A relation id used twice is a dossier error in
    which the last one's premises count, so that case is left out.)"""
    rng = random.Random(seed)
    rels = random_relations(rng, size)
    assume(len({r.id for r in rels}) == len(rels))
    shuffled = rels.copy()
    rng.shuffle(shuffled)
    fw, other = framework_from_relations(rels, support), framework_from_relations(shuffled, support)
    assert other == fw and other.arguments == fw.arguments and other.attacks == fw.attacks
    assert grounded_codes(other) == grounded_codes(fw)


@pytest.mark.parametrize("size", [1_000, 10_000])
def test_mapping_of_the_benchmark_dossiers(size: int) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate_dossier

    dossier = generate_dossier(size, seed=size)
    fast = framework_from_dossier(dossier)
    plain = plain_mapping(list(dossier.relations))
    assert fast == plain and fast.attacks == plain.attacks
    assert grounded_codes(fast) == grounded_codes(plain)
    assert grounded(fast).in_ == {a for a, v in plain_grounded(plain).items() if v == "in"}


def test_mapping_of_the_example_case(example) -> None:
    for support in ("bipolar", "ignore"):
        same_framework(framework_from_dossier(example, support),
                       plain_mapping(list(example.relations), support))


# --- frameworks built every way --------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 9).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
                         max_size=4 * n) if n else st.just([]))))
def test_every_way_in_gives_the_same_framework(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = case
    names = [f"a{i}" for i in range(n)]
    by_names = Framework(names, [(names[a], names[b]) for a, b in attacks])
    by_numbers = Framework.from_indices(n, attacks, names)
    numbered = Framework._from_numbered(n, [a + 1 for a, _ in attacks],
                                        [b + 1 for _, b in attacks], names)
    plain = Framework(names, sorted(set((names[a], names[b]) for a, b in attacks)))
    for fw in (by_names, by_numbers, numbered):
        same_framework(fw, plain)
    keep = [i for i in range(n) if i % 2 == 0]
    sub = by_numbers.restrict(keep)
    kept = {names[i] for i in keep}
    assert sub.arguments == tuple(names[i] for i in keep)
    assert sub.attacks == [(a, b) for a, b in plain.attacks if a in kept and b in kept]
