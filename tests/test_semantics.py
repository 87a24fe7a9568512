"""Argumentation semantics: hand-checked frameworks from the literature, a brute-force cross-check
on random frameworks, timeouts, and the mapping of a dossier's relations (bipolar supports,
undercuts)."""

from __future__ import annotations

import sys
import time
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.dossier import Dossier
from argmap.errors import UnknownReferenceError
from argmap.model import Claim, Evidence, Relation
from argmap.semantics import (
    DEFAULT_LIMIT,
    STATUS_TEXT,
    Framework,
    complete,
    credulous,
    extensions,
    framework_from_dossier,
    framework_from_relations,
    grounded,
    iter_extensions,
    preferred,
    sceptical,
    stable,
    status_of,
)


def fw_of(attacks: str, extra: str = "") -> Framework:
    """``"ab bc"`` -> a attacks b, b attacks c; ``extra`` lists unattached arguments."""
    pairs = [(p[0], p[1]) for p in attacks.split()]
    names = sorted({x for p in pairs for x in p} | set(extra))
    return Framework(names, pairs)


def exts(result) -> set[str]:
    """Extensions as a set of sorted strings: {"", "ac", "b"}."""
    assert result.status == "done"
    return {"".join(sorted(e)) for e in result.extensions}


# --- the framework ---------------------------------------------------------------------------


def test_framework_merges_duplicates_and_keeps_self_attacks() -> None:
    fw = Framework(["a", "b", "a"], [("a", "b"), ("a", "b"), ("b", "b")])
    assert fw.arguments == ("a", "b")
    assert fw.n_attacks == 2
    assert fw.attacks == [("a", "b"), ("b", "b")]
    assert fw.attackers_of(1) == (0, 1) and fw.targets_of(0) == (1,)


def test_framework_rejects_unknown_arguments() -> None:
    with pytest.raises(ValueError, match="not in the framework"):
        Framework(["a"], [("a", "z")])
    with pytest.raises(ValueError, match="outside"):
        Framework.from_indices(2, [(0, 2)])


def test_restrict_and_equality() -> None:
    fw = fw_of("ab bc cd")
    sub = fw.restrict([1, 2])
    assert sub.arguments == ("b", "c") and sub.attacks == [("b", "c")]
    assert fw_of("ab bc cd") == fw and hash(fw_of("ab bc cd")) == hash(fw)
    assert Framework.from_indices(2, [(0, 1)], ["x", "y"]) == Framework(["x", "y"], [("x", "y")])


# --- hand-checked frameworks -----------------------------------------------------------------


def test_reinstatement_chain() -> None:
    lab = grounded(fw_of("ab bc cd"))
    assert (lab.in_, lab.out, lab.undec) == ({"a", "c"}, {"b", "d"}, frozenset())
    assert lab.label("c") == "in" and lab.counts() == {"in": 2, "out": 2, "undec": 0}


def test_even_cycle() -> None:
    fw = fw_of("ab ba")
    assert grounded(fw).undec == {"a", "b"}
    assert exts(complete(fw)) == {"", "a", "b"}
    assert exts(preferred(fw)) == {"a", "b"}
    assert exts(stable(fw)) == {"a", "b"}


def test_odd_cycle_has_no_stable_extension() -> None:
    fw = fw_of("ab bc ca cd")
    assert grounded(fw).undec == {"a", "b", "c", "d"}
    assert exts(complete(fw)) == {""}
    assert exts(preferred(fw)) == {""}
    assert stable(fw).extensions == [] and stable(fw).status == "done"


def test_self_attack() -> None:
    fw = fw_of("aa ab", extra="c")
    lab = grounded(fw)
    assert lab.in_ == {"c"} and lab.undec == {"a", "b"}
    assert exts(preferred(fw)) == {"c"}
    assert exts(stable(fw)) == set()
    # an attacker of the self-attacking argument reinstates what it attacked
    lab = grounded(fw_of("aa ab da"))
    assert lab.in_ == {"b", "d"} and lab.out == {"a"}


def test_stable_differs_from_preferred() -> None:
    # a <-> b, b -> c, c -> c: with a in, c stays undecided, so only {b} is stable
    fw = fw_of("ab ba bc cc")
    assert exts(preferred(fw)) == {"a", "b"}
    assert exts(stable(fw)) == {"b"}
    assert exts(complete(fw)) == {"", "a", "b"}


def test_floating_acceptance() -> None:
    # a <-> b both attack c, c attacks d: d is in every preferred extension, not grounded
    fw = fw_of("ab ba ac bc cd")
    assert grounded(fw).in_ == frozenset()
    assert exts(preferred(fw)) == {"ad", "bd"}
    assert sceptical(fw, "d") == "yes" and sceptical(fw, "d", "grounded") == "no"
    assert sceptical(fw, "d", "complete") == "no"
    assert credulous(fw, "c") == "no" and credulous(fw, "a") == "yes"
    assert sceptical(fw, "a") == "no"


def test_even_cycle_of_four_and_a_tail() -> None:
    fw = fw_of("ab bc cd da de")
    assert exts(preferred(fw)) == {"ace", "bd"}
    assert exts(stable(fw)) == {"ace", "bd"}
    assert exts(complete(fw)) == {"", "ace", "bd"}


def test_chained_cycles_depend_on_upstream() -> None:
    # the upstream odd cycle leaves x undecided, so the downstream even cycle cannot use p
    fw = fw_of("xy yz zx xp pq qp")
    assert exts(preferred(fw)) == {"q"}
    # p -> q -> r -> p below an undecided x: nothing is defensible
    assert exts(preferred(fw_of("xy yz zx xp pq qr rp"))) == {""}


def test_empty_framework() -> None:
    fw = Framework([], [])
    for semantics in ("grounded", "complete", "preferred", "stable"):
        assert extensions(fw, semantics).extensions == [frozenset()]


def test_extensions_come_in_a_fixed_order() -> None:
    fw = fw_of("ab ba cd dc")
    first = preferred(fw).extensions
    assert first == preferred(fw_of("ab ba cd dc")).extensions
    assert first == [frozenset("bd"), frozenset("bc"), frozenset("ad"), frozenset("ac")][::-1]


def test_unknown_semantics_and_argument() -> None:
    with pytest.raises(ValueError):
        extensions(fw_of("ab"), "ideal")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        credulous(fw_of("ab"), "z")


# --- timeouts and limits ---------------------------------------------------------------------


def many_even_cycles(k: int) -> Framework:
    return Framework.from_indices(2 * k, [(i, i ^ 1) for i in range(2 * k)])


def test_timeout_answers_unknown_without_hanging() -> None:
    fw = many_even_cycles(40)  # 2**40 preferred extensions
    start = time.monotonic()
    result = preferred(fw, timeout=0.3, limit=None)
    assert time.monotonic() - start < 3
    assert result.status == "unknown" and result.reason == "timeout"
    assert len(result.extensions) > 0
    assert all(len(e) == 40 for e in result.extensions)  # each found one is genuine


def test_zero_timeout() -> None:
    fw = fw_of("ab ba")
    assert credulous(fw, "a", timeout=0) == "unknown"
    assert stable(fw, timeout=0).status == "unknown"
    # what needs no search is answered whatever the time
    assert credulous(fw_of("ab"), "a", timeout=0) == "yes"
    assert complete(fw_of("ab"), timeout=0).status == "done"


def test_limit() -> None:
    result = stable(many_even_cycles(10), limit=5)
    assert (result.status, result.reason, len(result.extensions)) == ("unknown", "limit", 5)
    assert stable(many_even_cycles(2), limit=5).status == "done"
    # the limit reached: more may exist, and the search stopped without looking
    assert stable(many_even_cycles(2), limit=4).reason == "limit"


def grid(w: int, h: int) -> Framework:
    """Neighbours on a grid attack each other: one component, preferred = maximal independent."""
    pairs = [(y * w + x, y * w + x + dx + w * dy) for y in range(h) for x in range(w)
             for dx, dy in ((1, 0), (0, 1)) if x + dx < w and y + dy < h]
    return Framework.from_indices(w * h, pairs + [(b, a) for a, b in pairs])


def ring(k: int, chain: int = 2) -> Framework:
    """``k`` choices x_i <-> y_i joined by even chains into one component: 2**k preferred."""
    size, pairs = chain + 3, []
    for i in range(k):
        x, y, z = i * size, i * size + 1, i * size + 2
        pairs += [(x, y), (y, x), (x, z), (y, z)]
        pairs += [(z + j, z + j + 1) for j in range(chain)]
        pairs.append((z + chain, ((i + 1) % k) * size))
    return Framework.from_indices(k * size, pairs)


def test_default_limit_bounds_a_list() -> None:
    start = time.monotonic()
    result = complete(many_even_cycles(10))  # 3**10 = 59,049 complete extensions
    assert time.monotonic() - start < 5
    assert (result.status, result.reason, len(result)) == ("unknown", "limit", DEFAULT_LIMIT)
    assert len(set(result.extensions)) == DEFAULT_LIMIT
    assert complete(many_even_cycles(10), limit=None, timeout=None).status == "done"


def test_memory_bound(monkeypatch) -> None:
    from argmap.semantics import search

    monkeypatch.setattr(search, "MAX_BYTES", 3000)
    result = complete(many_even_cycles(6), limit=None)
    assert (result.status, result.reason) == ("unknown", "memory")
    assert 1 <= len(result) < 3**6
    assert sum(sys.getsizeof(e) for e in result.extensions) <= 3000
    monkeypatch.setattr(search, "MAX_BYTES", 1)
    assert len(complete(many_even_cycles(6), limit=None)) == 1  # the first is always kept


def test_timeout_keeps_what_was_found_inside_one_component() -> None:
    fw = grid(8, 12)  # 96 arguments, one component, millions of preferred extensions
    start = time.monotonic()
    result = preferred(fw, timeout=1, limit=None)
    assert time.monotonic() - start < 3
    assert (result.status, result.reason) == ("unknown", "timeout")
    assert len(result) > 0  # hundreds, on an idle machine
    for ext in result.extensions:  # each a maximal independent set of the grid: preferred
        inside = {fw.index[x] for x in ext}
        assert not any(b in inside for a in inside for b in fw.targets_of(a))
        assert all(any(b in inside for b in fw.attackers_of(a))
                   for a in range(len(fw)) if a not in inside)


def count_labellings(monkeypatch) -> list[int]:
    """Count the labellings the SAT search hands out (each is one SAT call, or a growing run)."""
    from argmap.semantics import _sat

    calls = [0]
    real = _sat.Enumerator.next

    def counted(self: _sat.Enumerator) -> bytes | None:
        calls[0] += 1
        return real(self)

    monkeypatch.setattr(_sat.Enumerator, "next", counted)
    monkeypatch.setattr("argmap.semantics._scc._EAGER_UP_TO", 0)
    return calls


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_limit_one_stops_inside_a_component(monkeypatch, semantics: str) -> None:
    calls = count_labellings(monkeypatch)
    fw = ring(8)  # one component of 40 arguments, 256 preferred and stable extensions
    result = extensions(fw, semantics, limit=1)
    assert (result.reason, len(result), calls[0]) == ("limit", 1, 1)
    calls[0] = 0
    assert len(extensions(fw, semantics, limit=3)) == 3 and calls[0] == 3


def test_sceptical_stops_at_the_first_counter_example(monkeypatch) -> None:
    from argmap.semantics import _sat

    calls = [0]
    real = _sat.Clock.solve

    def counted(self: _sat.Clock, solver: object, assumptions: list[int] = ()) -> bool:
        calls[0] += 1
        return real(self, solver, assumptions)

    monkeypatch.setattr(_sat.Clock, "solve", counted)
    assert sceptical(ring(10), "1") == "no"  # a complete labelling with 1 out: one call
    assert calls[0] == 1
    # t is in the preferred extensions with p and undecided in those with q (s attacks itself);
    # it is never out, so the counter-example takes a search; 12 pairs c_i <-> d_i upstream
    # (both attack g, which attacks t) give 2**13 preferred labellings of t's attackers
    pairs = [tuple(p) for p in ("pq", "qp", "ps", "ss", "st", "gt")]
    pairs += [p for i in range(12) for p in ((f"c{i}", f"d{i}"), (f"d{i}", f"c{i}"),
                                             (f"c{i}", "g"), (f"d{i}", "g"))]
    fw = Framework(sorted({x for p in pairs for x in p}), pairs)
    calls[0] = 0
    assert sceptical(fw, "t") == "no" and calls[0] < 40
    calls[0] = 0
    assert credulous(fw, "t") == "yes" and calls[0] == 1


def test_stable_dead_end_switches_to_one_search(monkeypatch) -> None:
    from argmap.semantics import _scc

    switched = []
    real = _scc.Search._stable_at_once

    def spy(self, members, yielded):  # type: ignore[no-untyped-def]
        switched.append(len(yielded))
        return real(self, members, yielded)

    monkeypatch.setattr(_scc.Search, "_stable_at_once", spy)
    # pairs x_i <-> y_i; every y_i attacks an odd cycle, which only a y in can break
    k = 4
    pairs = [(f"x{i}", f"y{i}") for i in range(k)] + [(f"y{i}", f"x{i}") for i in range(k)]
    pairs += [(f"y{i}", "c1") for i in range(k)] + [("c1", "c2"), ("c2", "c3"), ("c3", "c1")]
    fw = Framework(sorted({x for p in pairs for x in p}), pairs)
    result = stable(fw, limit=None)
    assert result.status == "done" and len(result) == 2**k - 1
    assert len(set(result.extensions)) == 2**k - 1
    assert switched  # it met the all-x dead end
    for ext in result.extensions:
        assert any(f"y{i}" in ext for i in range(k))


def test_iter_extensions_streams_and_reports() -> None:
    fw = many_even_cycles(3)
    with iter_extensions(fw, "preferred") as found:
        got = list(found)
    assert (found.status, found.reason, found.count) == ("done", None, 8)
    assert set(got) == set(preferred(fw).extensions)
    found = iter_extensions(many_even_cycles(30), "stable", timeout=None)
    first = [next(found) for _ in range(5)]
    found.close()
    assert (found.status, found.reason, found.count, len(set(first))) == (
        "unknown", "closed", 5, 5)
    assert list(found) == []
    slow = iter_extensions(grid(8, 12), "preferred", timeout=0.3)
    assert sum(1 for _ in slow) > 0 and (slow.status, slow.reason) == ("unknown", "timeout")
    assert list(iter_extensions(fw_of("ab"), "grounded")) == [frozenset("a")]
    with pytest.raises(ValueError):
        iter_extensions(fw, "ideal")  # type: ignore[arg-type]


def children() -> list[int]:
    """Process ids whose parent is this process."""
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.append(int(entry))
    return found


def watchdogs() -> list[str]:
    import threading

    return [t.name for t in threading.enumerate() if t.name == "argmap-sat-watchdog"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_worker_process_or_watchdog_is_left_behind(monkeypatch) -> None:
    """Every way a query can end closes its CaDiCaL workers and stops its watchdog thread."""
    import gc

    from argmap.semantics import _sat

    monkeypatch.setattr(_sat, "CADICAL_FROM", 1)  # every component to a worker process
    before = children()
    fw = ring(4)
    assert len(preferred(fw, limit=1)) == 1                       # stopped by the limit
    assert stable(grid(10, 20), timeout=0.2, limit=None).reason == "timeout"
    assert sceptical(fw, "1") == "no" and credulous(fw, "1") == "yes"
    with iter_extensions(ring(3), "preferred") as found:
        next(found)                                               # closed by the with block
    dropped = iter_extensions(ring(3), "complete")
    next(dropped)
    del dropped                                                   # dropped without closing
    gc.collect()
    assert complete(many_even_cycles(3)).status == "done"         # ran to the end
    assert children() == before
    assert watchdogs() == []


# --- brute force cross-check -----------------------------------------------------------------


def brute(n: int, attacks: set[tuple[int, int]]) -> dict[str, set[frozenset[int]]]:
    """Every extension by checking every subset against the definitions (Dung 1995)."""
    attackers = {a: {x for x, y in attacks if y == a} for a in range(n)}

    def conflict_free(s: frozenset[int]) -> bool:
        return not any((x, y) in attacks for x in s for y in s)

    def defended(s: frozenset[int], a: int) -> bool:
        return all(any((z, b) in attacks for z in s) for b in attackers[a])

    subsets = [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]
    admissible = [s for s in subsets if conflict_free(s) and all(defended(s, a) for a in s)]
    comp = {s for s in admissible if all(a in s for a in range(n) if defended(s, a))}
    pref = {s for s in admissible if not any(s < t for t in admissible)}
    attacked = lambda s: {y for x, y in attacks if x in s}
    stab = {s for s in subsets if conflict_free(s) and attacked(s) | s == set(range(n))}
    return {"complete": comp, "preferred": pref, "stable": stab,
            "grounded": {min(comp, key=len)}}


frameworks = st.integers(0, 7).flatmap(lambda n: st.tuples(
    st.just(n),
    st.sets(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
            max_size=3 * n) if n else st.just(set()),
))


@settings(max_examples=250, deadline=None)
@given(frameworks)
def test_matches_brute_force(case: tuple[int, set[tuple[int, int]]]) -> None:
    n, attacks = case
    fw = Framework.from_indices(n, sorted(attacks))
    expected = brute(n, attacks)
    as_ints = lambda result: {frozenset(int(x) - 1 for x in e) for e in result}
    # the grounded extension is the least complete one
    assert {frozenset(int(x) - 1 for x in grounded(fw).in_)} == expected["grounded"]
    for semantics in ("complete", "preferred", "stable"):
        result = extensions(fw, semantics)
        assert result.status == "done"
        assert as_ints(result.extensions) == expected[semantics], semantics
        assert len(result.extensions) == len(set(result.extensions))
    for a in range(n):
        name = str(a + 1)
        for semantics in ("grounded", "complete", "preferred", "stable"):
            found = expected[semantics]
            want_cred = "yes" if any(a in e for e in found) else "no"
            want_scep = "yes" if all(a in e for e in found) else "no"
            assert credulous(fw, name, semantics) == want_cred, (semantics, a)
            assert sceptical(fw, name, semantics) == want_scep, (semantics, a)


@settings(max_examples=120, deadline=None)
@given(frameworks, st.sampled_from(["complete", "preferred", "stable"]))
def test_bounded_search_machinery_gives_the_same_extensions(
        case: tuple[int, set[tuple[int, int]]], semantics: str) -> None:
    """With every cache and pool squeezed to nothing (labellings found again instead of kept,
    solvers closed and reopened, regions searched again, no component solved eagerly), the
    extensions are still exactly the brute-force ones, each once."""
    from argmap.semantics import _sat, _scc

    n, attacks = case
    fw = Framework.from_indices(n, sorted(attacks))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_sat, "MAX_OPEN_LOCAL", 1)
        mp.setattr(_scc, "KEEP_BYTES", 0)
        mp.setattr(_scc, "_KEEP_OPTIONS", 0)
        mp.setattr(_scc, "_KEEP_CONTEXTS", 1)
        mp.setattr(_scc, "_EAGER_UP_TO", 0)
        result = extensions(fw, semantics, limit=None)
        streamed = list(iter_extensions(fw, semantics))
    assert result.status == "done"
    expected = brute(n, attacks)[semantics]
    as_ints = {frozenset(int(x) - 1 for x in e) for e in result.extensions}
    assert as_ints == expected and len(result.extensions) == len(expected)
    assert sorted(map(sorted, streamed)) == sorted(map(sorted, result.extensions))


# --- from a dossier --------------------------------------------------------------------------


def rel(rid: str, src: str | list[str], dst: str, kind: str) -> Relation:
    return Relation.model_validate({"id": rid, "from": src, "to": dst, "type": kind})


def test_direct_attack_only_when_supports_are_ignored() -> None:
    rels = [rel("r1", "a", "b", "supports"), rel("r2", "b", "c", "attacks"),
            rel("r3", "x", "a", "attacks")]
    fw = framework_from_relations(rels, support="ignore")
    assert set(fw.attacks) == {("b", "c"), ("x", "a")}


def test_supported_attack() -> None:
    # a supports b, b attacks c: a attacks c as well (Cayrol & Lagasquie-Schiex)
    fw = framework_from_relations([rel("r1", "a", "b", "supports"),
                                   rel("r2", "b", "c", "attacks")])
    assert set(fw.attacks) == {("b", "c"), ("a", "c")}


def test_secondary_attack_along_a_chain_of_supports() -> None:
    # x attacks a; a supports b supports c: x attacks b and c too
    fw = framework_from_relations([rel("r1", "a", "b", "supports"),
                                   rel("r2", "b", "c", "supports"),
                                   rel("r3", "x", "a", "attacks")])
    assert set(fw.attacks) == {("x", "a"), ("x", "b"), ("x", "c")}
    assert grounded(fw).in_ == {"x"}
    # without the support reading, b and c stand
    assert grounded(framework_from_relations([rel("r1", "a", "b", "supports"),
                                              rel("r2", "b", "c", "supports"),
                                              rel("r3", "x", "a", "attacks")],
                                             support="ignore")).in_ == {"x", "b", "c"}


def test_undercut_defeats_the_relation_not_its_premise() -> None:
    rels = [rel("r1", "a", "b", "attacks"), rel("u1", "u", "r1", "undercuts")]
    fw = framework_from_relations(rels)
    assert set(fw.attacks) == {("r1", "b"), ("u", "r1")}
    lab = grounded(fw)
    assert lab.in_ == {"a", "b", "u"} and lab.out == {"r1"}


def test_relation_argument_inherits_attacks_on_its_premise() -> None:
    rels = [rel("r1", "a", "b", "attacks"), rel("u1", "u", "r1", "undercuts"),
            rel("r2", "x", "a", "attacks"), rel("r3", "y", "u", "attacks")]
    fw = framework_from_relations(rels)
    assert ("x", "r1") in fw.attacks
    assert grounded(fw).in_ == {"b", "x", "y"}


def test_undercut_support_carries_attacks_only_through_the_relation() -> None:
    rels = [rel("s1", "p", "t", "supports"), rel("r1", "t", "z", "attacks"),
            rel("u1", "u", "s1", "undercuts")]
    fw = framework_from_relations(rels)
    assert ("s1", "z") in fw.attacks and ("p", "z") not in fw.attacks
    assert ("u", "s1") in fw.attacks


def test_linked_premises_stand_together() -> None:
    rels = [rel("s1", ["p", "q"], "t", "supports"), rel("r1", "x", "q", "attacks")]
    fw = framework_from_relations(rels)
    assert {("x", "q"), ("x", "s1"), ("x", "t")} <= set(fw.attacks)
    assert ("x", "p") not in fw.attacks


def test_rephrases_is_not_an_argument_relation() -> None:
    fw = framework_from_relations([rel("r1", "a", "b", "rephrases")])
    assert len(fw) == 0


def small_dossier() -> Dossier:
    ids = ["main", "obj", "rebut", "x", "y", "p", "q", "c1", "c2", "c3", "lone"]
    claims = [Claim(id=i, text=i) for i in ids]
    relations = [
        rel("r1", "obj", "main", "attacks"), rel("r2", "rebut", "obj", "attacks"),
        rel("r3", "x", "y", "attacks"), rel("r4", "y", "x", "attacks"),
        rel("r5", "x", "p", "attacks"), rel("r6", "y", "p", "attacks"),
        rel("r7", "p", "q", "attacks"),
        rel("r8", "c1", "c2", "attacks"), rel("r9", "c2", "c3", "attacks"),
        rel("r10", "c3", "c1", "attacks"),
    ]
    return Dossier(claims=claims, evidence=[Evidence(id="ev", text="e", kind="statistic")],
                   relations=relations)


@pytest.mark.parametrize("item, expected", [
    ("main", "accepted"), ("rebut", "accepted"), ("obj", "rejected"), ("x", "contested"),
    ("q", "defended"), ("p", "undefended"), ("c1", "undefended"), ("lone", "accepted"),
    ("ev", "accepted"),
])
def test_status_of(item: str, expected: str) -> None:
    assert status_of(small_dossier(), item) == expected
    assert expected in STATUS_TEXT


def test_status_of_unknown_and_timeout() -> None:
    with pytest.raises(UnknownReferenceError):
        status_of(small_dossier(), "nope")
    assert status_of(small_dossier(), "x", timeout=0) == "unknown"


def test_example_case(example) -> None:
    from argmap.graph import build_graph

    fw = framework_from_dossier(example)
    assert fw == framework_from_dossier(build_graph(example))
    related = {i for r in example.relations if r.type.value != "rephrases"
               for i in [*r.from_, r.to]}
    assert set(fw.arguments) >= {i for i in related if i in example
                                 and example.kind_of(i) != "relation"}
    for claim in example.claims:
        assert status_of(example, claim.id) in STATUS_TEXT
    assert preferred(fw).status == "done"


@pytest.mark.parametrize("attacks", ["ab ba", "ab bc ca cd", "ab ba bc cc", "ab ba ac bc cd",
                                     "ab bc cd da de", "xy yz zx xp pq qp"])
def test_cadical_worker_agrees(monkeypatch, attacks: str) -> None:
    """Large parts go to CaDiCaL in a worker process; force it on small ones and compare."""
    from argmap.semantics import _sat

    fw = fw_of(attacks)
    local = {s: exts(extensions(fw, s)) for s in ("complete", "preferred", "stable")}
    answers = [credulous(fw, a) for a in fw.arguments] + [sceptical(fw, a, "stable")
                                                           for a in fw.arguments]
    monkeypatch.setattr(_sat, "CADICAL_FROM", 1)
    assert {s: exts(extensions(fw, s)) for s in local} == local
    assert [credulous(fw, a) for a in fw.arguments] + [
        sceptical(fw, a, "stable") for a in fw.arguments] == answers
