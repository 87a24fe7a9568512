"""Pausing the cyclic garbage collector while many small acyclic objects are built.

Loading, importing or graphing 100,000 items creates hundreds of thousands of dicts, lists and
models, none in a cycle; the collector would rescan them again and again (three to five times
the work itself) without freeing anything.

When the pause ends, what was built is moved straight to the collector's oldest generation
(:func:`gc.freeze` then :func:`gc.unfreeze`, two list splices). Left in the youngest one, it
would be scanned whole by the next collection (a third of a second for a dossier of 100,000
items, paid by whatever the program does next), then again by the middle one, only to be
promoted to the oldest, where it now goes at once. Nothing is lost: the oldest generation is
still collected, by the full collections Python runs anyway. The cost is that a reference cycle
made just before the pause, and dropped, waits for such a full collection too. When the program
has frozen objects itself (:func:`gc.freeze`, e.g. before forking workers), they are left alone:
the objects are then left where they are.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc", "promote"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the ``with`` block (restored on exit, with what
    was made promoted to the oldest generation: see the module docs).

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            promote()
            gc.enable()


def promote() -> None:
    """Move every object the collector tracks to its oldest generation, without scanning them
    (nothing when the program keeps frozen objects of its own)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
