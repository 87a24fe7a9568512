"""Sections 1 to 3 of a brief: the position, what supports it, and the counter-arguments on file
with their rebuttals."""

from __future__ import annotations

from collections.abc import Iterable

from ..graph import edges_out
from .case import Case
from .content import Counter, Ground, Position, Standing, StandsAgainst, Target

__all__ = ["MAX_DEPTH", "counters", "position", "support"]

#: How many levels of grounds are shown below each supporting argument (a guard against very
#: long chains in large dossiers; every item is shown once in any case).
MAX_DEPTH = 8


def position(case: Case, motion: str | None, others: tuple[str, ...],
             standing: Standing | None, defeaters: list[str]) -> Position:
    """Section 1: the motion, whether it stands, what stands against it (``defeaters``: the
    ids of the items that defeat it, each told whether replies to it are on file: an attack on
    it, or an undercut of one of its attacks), and the side's other main positions."""
    if motion is None:
        return Position(None, None, (), ())
    entry = case.entry(motion)
    against = []
    for d in defeaters:
        if d in case.nodes:
            against.append(StandsAgainst(case.entry(d), _replied(case, d)))
    return Position(entry, standing, tuple(against), tuple(case.entry(o) for o in others))


def _replied(case: Case, item: str) -> bool:
    """Whether anything on file replies to ``item``: attacks it, or undercuts one of its
    attacks."""
    if any(True for _ in case.relations_into(item, "attacks")):
        return True
    for _, keys in edges_out(case.graph)[item].items():
        for rid, attrs in keys.items():
            if attrs.get("type") == "attacks" and "relation" in attrs and case.undercuts_of(rid):
                return True
    return False


class _Trees:
    """Grounds trees (supports only) that share what they have shown: an item is shown once,
    and pointed to ("see above") where it comes again."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.shown: list[str] = []
        self.seen: set[str] = set()

    def grounds(self, node: str, depth: int = 1) -> tuple[Ground, ...]:
        case = self.case
        out = []
        for premise, _, relation in case.relations_into(node, "supports"):
            joint = tuple(case.short(p, 48) for p in relation.from_ if p != premise)
            if premise in self.seen:
                out.append(Ground(case.entry(premise), joint, (), repeated=True))
                continue
            self.seen.add(premise)
            self.shown.append(premise)
            entry = case.entry(premise)  # made before its children: sources number in order
            below = self.grounds(premise, depth + 1) if depth < MAX_DEPTH else ()
            out.append(Ground(entry, joint, below))
        return tuple(out)

    def root(self, node: str) -> None:
        if node not in self.seen:
            self.seen.add(node)
            self.shown.append(node)


def support(case: Case, motion: str | None, more: tuple[str, ...] = ()
            ) -> tuple[tuple[Ground, ...], tuple[Ground, ...], list[str]]:
    """Section 2: the grounds of the motion as a tree (supports only); then each of ``more``
    (the side's other main positions and its demands) that has grounds on file, with them;
    and the ids shown, in the order shown (the motion first, then every one of ``more``)."""
    trees = _Trees(case)
    mine: tuple[Ground, ...] = ()
    if motion is not None:
        trees.root(motion)
        mine = trees.grounds(motion)
    rest = []
    for node in more:
        if node in trees.seen or node not in case.nodes:
            continue
        trees.root(node)
        if any(True for _ in case.relations_into(node, "supports")):
            entry = case.entry(node)
            rest.append(Ground(entry, (), trees.grounds(node)))
    return mine, tuple(rest), trees.shown


def counters(case: Case, shown: list[str]) -> tuple[Counter, ...]:
    """Section 3: every item attacking the motion, one of its grounds, another main position
    of the side, one of its demands or their grounds, or undercutting one of the supports
    between them, with the rebuttals on file and the grounds given for it.

    Counter-arguments come in the order of the points they go against (the motion first); an
    item going against several points is one counter-argument with several targets. The side's
    own items are never counter-arguments.
    """
    in_tree = set(shown)
    # counter-argument -> (point it goes against, id of the attack or undercut relation through
    # which it does, how, the premise whose inference it undercuts)
    raw: dict[str, list[tuple[str, str, str, str | None]]] = {}
    for point in shown:
        for attacker, rid, _ in case.relations_into(point, "attacks"):
            raw.setdefault(attacker, []).append((point, rid, "attacks", None))
        for premise, rid, _ in case.relations_into(point, "supports"):
            if premise not in in_tree:
                continue
            for undercutter, uid, _ in case.relations_into(rid, "undercuts"):
                raw.setdefault(undercutter, []).append((point, uid, "undercuts", premise))
    out = []
    for attacker, hits in raw.items():
        if attacker in in_tree:
            continue  # one of ours attacking another of ours: shown where it stands
        entry = case.entry(attacker)
        targets = []
        for point, rid, how, via in _unique_hits(hits):
            undercut_by = tuple(case.entry(u) for u in _dedupe(case.undercuts_of(rid)))
            targets.append(Target(point, case.short(point), how,
                                  case.short(via) if via else None, undercut_by))
        points = {t.id for t in targets}
        back = [a for a, _, _ in case.relations_into(attacker, "attacks")]
        rebuttals = tuple(case.entry(a) for a in _dedupe(back) if a not in points)
        mutual = any(a in points for a in back)
        grounds = tuple(case.entry(g) for g in _dedupe(
            p for p, _, _ in case.relations_into(attacker, "supports")))
        out.append(Counter(entry, tuple(targets), rebuttals, mutual, grounds))
    return tuple(out)

def _dedupe(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [i for i in ids if not (i in seen or seen.add(i))]  # type: ignore[func-returns-value]


def _unique_hits(hits: list[tuple[str, str, str, str | None]]
                 ) -> list[tuple[str, str, str, str | None]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for hit in hits:
        if (hit[0], hit[1]) not in seen:
            seen.add((hit[0], hit[1]))
            out.append(hit)
    return out
