"""Any valid dossier survives YAML and JSON unchanged, and dumps the same text twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from argmap.checks import check
from argmap.io.files import dumps, loads
from strategies import dossiers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_any_dossier_round_trips_through_yaml_and_json(dossier):
    check(dossier)
    for fmt in ("yaml", "json"):
        text = dumps(dossier, fmt)
        again = loads(text, fmt)
        assert again == dossier
        assert dumps(again, fmt) == text
