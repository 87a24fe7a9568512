"""An abstract argumentation framework (Dung 1995) as compact integer arrays.

A :class:`Framework` is a set of named arguments and an attack relation. Arguments are numbered
``0 .. n-1`` in the order given; every algorithm in :mod:`argmap.semantics` works on these
numbers and only turns them back into names for its answer.

The attacks are kept in compressed sparse rows: one flat list of every attack's target, sorted
by attacker (``_tcol``), and ``n + 1`` offsets into it (``_toff``), so that
``_tcol[_toff[a]:_toff[a + 1]]`` is what argument ``a`` attacks. Building them takes one sort
and a few C loops (``map``, ``Counter``, ``accumulate``), and no object per argument: a
framework of 100,000 arguments with few attacks is built in milliseconds, and one of 500,000
attacks in a fraction of a second. The same rows by target (who attacks each argument), and
the per-argument tuples that the search algorithms walk (:attr:`Framework._targets`,
:attr:`Framework._attackers`), are made the first time something asks for them. The framework
is immutable and depends on nothing but the standard library.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice, repeat
from operator import add, eq, itemgetter, sub

__all__ = ["Framework"]

Rows = tuple[tuple[int, ...], ...]


def _offsets(rows: list[int], n: int) -> tuple[list[int], list[int]]:
    """CSR offsets (``n + 1`` of them) for the sorted row numbers ``rows`` (in ``0 .. n-1``),
    and the rows that are not empty (increasing)."""
    counts = Counter(rows)
    return list(accumulate(map(counts.get, range(n), repeat(0)), initial=0)), list(counts)


def _split(col: list[int], off: list[int]) -> Rows:
    """Compressed rows as one tuple per row."""
    return tuple(map(tuple, map(col.__getitem__, map(slice, off, islice(off, 1, None)))))


class Framework:
    """Arguments and who attacks whom.

    Duplicate arguments and duplicate attacks are merged; self-attacks are kept.

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> len(fw), fw.n_attacks
    (3, 2)
    >>> [fw.arguments[i] for i in fw.attackers_of(fw.index["c"])]
    ['b']
    """

    __slots__ = ("_acol", "_aoff", "_attacking", "_index", "_m", "_n", "_names",
                 "_rows_by_attacker", "_rows_by_target", "_tcol", "_toff")

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
    def _from_keys(cls, names: list[str], index: dict[str, int] | None,
                   keys: list[int]) -> Framework:
        """Arguments ``names`` (distinct, numbered in this order; ``index`` maps them back, or
        None) and attacks as keys ``attacker * n + target``, numbers already checked: the way
        in for the mapping from a dossier, which numbers the arguments itself."""
        self = cls.__new__(cls)
        self._setup(names, index, len(names), keys)
        return self

    def _setup(self, names: list[str], index: dict[str, int] | None, n: int,
               keys: list[int]) -> None:
        """Attacks come as ``attacker * n + target``: one sort orders them by attacker, then
        target (and shows the duplicates); their targets in that order are the rows."""
        keys.sort()
        if any(map(eq, keys, islice(keys, 1, None))):
            keys = sorted(set(keys))
        self._names: tuple[str, ...] = tuple(names)
        self._index = index
        self._n = n
        self._m = len(keys)
        self._tcol: list[int] = list(map(n.__rmod__, keys)) if n else []
        #: where each argument's row starts in _tcol (n + 1 offsets), and the arguments that
        #: attack something
        self._toff, self._attacking = _offsets(list(map(n.__rfloordiv__, keys)), n) \
            if n else ([0], [])
        self._acol: list[int] | None = None
        self._aoff: list[int] | None = None
        self._rows_by_attacker: Rows | None = None
        self._rows_by_target: Rows | None = None

    # --- the rows, for the algorithms ---------------------------------------------------------

    def _attacker_numbers(self) -> Iterator[int]:
        """The attacker of each entry of ``_tcol``, in order."""
        toff = self._toff
        return chain.from_iterable(map(repeat, range(self._n),
                                       map(sub, islice(toff, 1, None), toff)))

    def _by_target(self) -> tuple[list[int], list[int]]:
        """``(_acol, _aoff)``: who attacks each argument, as compressed rows (sorted)."""
        if self._acol is None or self._aoff is None:
            n = self._n
            keys = sorted(map(add, map(n.__mul__, self._tcol), self._attacker_numbers()))
            self._acol = list(map(n.__rmod__, keys)) if n else []
            self._aoff = _offsets(list(map(n.__rfloordiv__, keys)), n)[0] if n else [0]
        return self._acol, self._aoff

    def _in_degrees(self) -> dict[int, int]:
        """How many arguments attack each argument that is attacked."""
        return dict(Counter(self._tcol))

    @property
    def _targets(self) -> Rows:
        """What each argument attacks, one sorted tuple per argument number."""
        if self._rows_by_attacker is None:
            self._rows_by_attacker = _split(self._tcol, self._toff)
        return self._rows_by_attacker

    @property
    def _attackers(self) -> Rows:
        """Who attacks each argument, one sorted tuple per argument number."""
        if self._rows_by_target is None:
            self._rows_by_target = _split(*self._by_target())
        return self._rows_by_target

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
        return self._n

    def attackers_of(self, i: int) -> tuple[int, ...]:
        """Numbers of the arguments that attack argument ``i`` (sorted)."""
        acol, aoff = self._by_target()
        return tuple(acol[aoff[i]:aoff[i + 1]])

    def targets_of(self, i: int) -> tuple[int, ...]:
        """Numbers of the arguments that argument ``i`` attacks (sorted)."""
        return tuple(self._tcol[self._toff[i]:self._toff[i + 1]])

    def attack_indices(self) -> Iterator[tuple[int, int]]:
        """Every attack as ``(attacker, target)`` numbers, sorted."""
        return zip(self._attacker_numbers(), self._tcol)

    @property
    def attacks(self) -> list[tuple[str, str]]:
        """Every attack as ``(attacker, target)`` names, in argument-number order."""
        at = self._names.__getitem__
        return list(zip(map(at, self._attacker_numbers()), map(at, self._tcol)))

    def restrict(self, keep: Iterable[int]) -> Framework:
        """The sub-framework on the arguments numbered ``keep`` (kept in increasing order)."""
        kept = sorted(set(keep))
        new = {old: i for i, old in enumerate(kept)}
        tcol, toff = self._tcol, self._toff
        pairs = [(new[a], new[b]) for a in kept for b in tcol[toff[a]:toff[a + 1]] if b in new]
        return Framework.from_indices(len(kept), pairs, [self._names[i] for i in kept])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return (self._names == other._names and self._toff == other._toff
                and self._tcol == other._tcol)

    def __hash__(self) -> int:
        return hash((self._names, tuple(self._toff), tuple(self._tcol)))

    def __repr__(self) -> str:
        return f"Framework({self._n} arguments, {self._m} attacks)"
