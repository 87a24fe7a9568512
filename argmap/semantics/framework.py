"""An abstract argumentation framework (Dung 1995) as compact integer index arrays.

A :class:`Framework` is a set of named arguments and an attack relation. Arguments are numbered
``0 .. n-1`` in the order given; every algorithm in :mod:`argmap.semantics` works on these
numbers and only turns them back into names for its answer. The framework is immutable and
depends on nothing but the standard library, so building one with 100,000 arguments and 500,000
attacks takes well under a second.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from operator import add, eq, itemgetter

__all__ = ["Framework"]


class Framework:
    """Arguments and who attacks whom.

    Duplicate arguments and duplicate attacks are merged; self-attacks are kept.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> len(fw), fw.n_attacks
    (3, 2)
    >>> [fw.arguments[i] for i in fw.attackers_of(fw.index["c"])]
    ['b']
    """

    __slots__ = ("_attackers", "_index", "_m", "_names", "_targets")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        names = list(dict.fromkeys(arguments))
        index = {name: i for i, name in enumerate(names)}
        n = len(names)
        try:
            keys = [index[a] * n + index[b] for a, b in attacks]
        except KeyError as missing:
            raise ValueError(f"attack names an argument not in the framework: {missing}") from None
        self._setup(names, index, n, keys)

    @classmethod
    def from_indices(cls, n: int, attacks: Iterable[tuple[int, int]],
                     names: Sequence[str] | None = None) -> Framework:
        """A framework over arguments ``0 .. n-1``, named ``names`` (default ``"1" .. "n"``).

        The fast way in for generated or parsed frameworks: no name lookups per attack.

        >>> Framework.from_indices(2, [(0, 1)]).arguments
        ('1', '2')
        """
        if names is None:
            names = list(map(str, range(1, n + 1)))
        elif len(names) != n or len(set(names)) != n:
            raise ValueError("names must be n distinct strings")
        pairs = attacks if isinstance(attacks, list) else list(attacks)
        sources = list(map(itemgetter(0), pairs))
        targets = list(map(itemgetter(1), pairs))
        if pairs and (min(sources) < 0 or min(targets) < 0 or max(sources) >= n
                      or max(targets) >= n):
            a, b = next((a, b) for a, b in pairs if not (0 <= a < n and 0 <= b < n))
            raise ValueError(f"attack ({a}, {b}) is outside 0..{n - 1}")
        self = cls.__new__(cls)
        self._setup(list(names), None, n, list(map(add, map(n.__mul__, sources), targets)))
        return self

    @classmethod
    def _from_numbered(cls, n: int, sources: list[int], targets: list[int],
                       names: list[str] | None = None) -> Framework:
        """Arguments numbered ``1 .. n`` (named ``"1" .. "n"`` unless ``names`` are given) and
        attacks from ``sources[i]`` to ``targets[i]``, numbers already checked to be in range:
        the way in for file readers, which check them in bulk."""
        self = cls.__new__(cls)
        keys = list(map((-n - 1).__add__, map(add, map(n.__mul__, sources), targets)))
        self._setup(list(map(str, range(1, n + 1))) if names is None else names, None, n, keys)
        return self

    @classmethod
    def _from_keys(cls, names: list[str], index: dict[str, int], keys: list[int]) -> Framework:
        """Arguments ``names`` (distinct, numbered in this order; ``index`` maps them back) and
        attacks as keys ``attacker * n + target``, numbers already checked: the way in for the
        mapping from a dossier, which numbers the arguments itself."""
        self = cls.__new__(cls)
        self._setup(names, index, len(names), keys)
        return self

    def _setup(self, names: list[str], index: dict[str, int] | None, n: int,
               keys: list[int]) -> None:
        """Attacks come as ``attacker * n + target``: one sort orders them (and shows the
        duplicates), and the adjacency is filled by C loops (``map``), not Python ones."""
        keys.sort()
        if any(map(eq, keys, islice(keys, 1, None))):
            keys = sorted(set(keys))
        sources = list(map(n.__rfloordiv__, keys)) if n else []
        ends = list(map(n.__rmod__, keys)) if n else []
        targets: list[list[int]] = [[] for _ in range(n)]
        attackers: list[list[int]] = [[] for _ in range(n)]
        # in (attacker, target) order, so every list comes out sorted
        deque(map(list.append, map(targets.__getitem__, sources), ends), maxlen=0)
        deque(map(list.append, map(attackers.__getitem__, ends), sources), maxlen=0)
        self._names: tuple[str, ...] = tuple(names)
        self._index = index
        self._targets: tuple[tuple[int, ...], ...] = tuple(map(tuple, targets))
        self._attackers: tuple[tuple[int, ...], ...] = tuple(map(tuple, attackers))
        self._m = len(keys)

    # --- reading -------------------------------------------------------------------------------

    @property
    def arguments(self) -> tuple[str, ...]:
        """Argument names, position = argument number."""
        return self._names

    @property
    def index(self) -> dict[str, int]:
        """Name -> argument number."""
        if self._index is None:
            self._index = {name: i for i, name in enumerate(self._names)}
        return self._index

    @property
    def n_attacks(self) -> int:
        """Number of distinct attacks."""
        return self._m

    def __len__(self) -> int:
        return len(self._names)

    def attackers_of(self, i: int) -> tuple[int, ...]:
        """Numbers of the arguments that attack argument ``i`` (sorted)."""
        return self._attackers[i]

    def targets_of(self, i: int) -> tuple[int, ...]:
        """Numbers of the arguments that argument ``i`` attacks (sorted)."""
        return self._targets[i]

    def attack_indices(self) -> Iterator[tuple[int, int]]:
        """Every attack as ``(attacker, target)`` numbers, sorted."""
        for a, out in enumerate(self._targets):
            for b in out:
                yield a, b

    @property
    def attacks(self) -> list[tuple[str, str]]:
        """Every attack as ``(attacker, target)`` names, in argument-number order."""
        names = self._names
        return [(names[a], names[b]) for a, b in self.attack_indices()]

    def restrict(self, keep: Iterable[int]) -> Framework:
        """The sub-framework on the arguments numbered ``keep`` (kept in increasing order)."""
        kept = sorted(set(keep))
        new = {old: i for i, old in enumerate(kept)}
        pairs = [(new[a], new[b]) for a in kept for b in self._targets[a] if b in new]
        return Framework.from_indices(len(kept), pairs, [self._names[i] for i in kept])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return self._names == other._names and self._targets == other._targets

    def __hash__(self) -> int:
        return hash((self._names, self._targets))

    def __repr__(self) -> str:
        return f"Framework({len(self)} arguments, {self._m} attacks)"
