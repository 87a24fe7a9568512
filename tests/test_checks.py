"""The cross-item checks: on any dossier, valid or broken, they report each problem at an item
that exists, in dossier order, and repeated ids never make the checks themselves fail."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks import find_problems
from argmap.dossier import Dossier
from argmap.errors import DuplicateIdError
from argmap.io.files import to_data
from strategies import dossiers

REFERENCE_FIELDS = ("by", "to", "at", "from", "parent", "on", "source", "participants", "id",
                    "date", "until")


def _places(data: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every reference-like field in plain dossier data."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in REFERENCE_FIELDS and isinstance(value, (str, list)):
                found.append(path + (key,))
            found.extend(_places(value, path + (key,)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.extend(_places(value, path + (i,)))
    return found


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@st.composite
def broken(draw: Any) -> Dossier:
    """A valid dossier with a few of its ids, references or dates changed."""
    data = to_data(draw(dossiers()))
    ids = sorted({v for p in _places(data) if p[-1] == "id"
                  for v in [_get(data, p)] if isinstance(v, str)} | {"nobody", "e0", "rel0"})
    places = _places(data)
    for _ in range(draw(st.integers(1, 3))):
        if not places:
            break
        path = draw(st.sampled_from(places))
        if path[-1] in ("date", "until"):
            value: Any = draw(st.sampled_from(["2014-01-01", "2030-12-31"]))
        else:
            value = draw(st.sampled_from(ids))
            if isinstance(_get(data, path), list):
                value = [value]
        _set(data, path, value)
    return Dossier.model_validate(data)


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(broken())
def test_problems_point_at_items_in_dossier_order(dossier):
    problems = find_problems(dossier)  # never raises, whatever the ids point at
    places = [(section, position) for section, position, _ in dossier.items()]
    repeated = [p for p, e in problems if isinstance(e, DuplicateIdError)]
    rest = [p for p, e in problems if not isinstance(e, DuplicateIdError)]
    assert problems[:len(repeated)] == [(p, e) for p, e in problems if p in repeated]
    for found in (repeated, rest):
        assert all(p[:2] in places for p in found)
        assert [places.index(p[:2]) for p in found] == sorted(places.index(p[:2]) for p in found)


def test_an_id_shared_by_an_event_and_a_relation():
    dossier = Dossier.model_validate({
        "actors": [{"id": "a", "name": "A", "kind": "union"}],
        "events": [{"id": "x", "date": "2019-07-23", "kind": "meeting", "title": "t"}],
        "claims": [{"id": "c1", "text": "t"}, {"id": "c2", "text": "u"}],
        "demands": [{"id": "d", "text": "t", "to": "a", "at": "x"}],
        "responses": [{"id": "r", "by": "a", "to": "d", "said": "accepted", "at": "x"}],
        "relations": [{"id": "x", "from": "c1", "to": "c2", "type": "supports"}],
    })
    problems = find_problems(dossier)
    assert [type(e) for _, e in problems] == [DuplicateIdError]
    assert problems[0][0] == ("relations", 0, "id")
