"""Properties on generated input, with a bounded number of examples (tests/fuzz/run.py runs
many more)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pytest

import properties
from strategies import dossiers

FEW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@FEW
@given(st.text(max_size=120), st.integers(min_value=2, max_value=40))
def test_wrapping_loses_and_reorders_nothing(text, width):
    properties.wrap_keeps_every_grapheme_in_order(text, width)


@FEW
@given(properties.foreign_bytes)
def test_importers_raise_only_argmap_errors(tmp_path_factory, data):
    properties.importers_raise_only_argmap_errors(data, tmp_path_factory.mktemp("fuzz"))


@FEW
@given(properties.dossier_text)
def test_loading_raises_only_argmap_errors(text):
    properties.loading_raises_only_argmap_errors(text)


@pytest.mark.graphviz
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(dossiers())
def test_any_dossier_renders_every_view_to_valid_dot(dossier):
    properties.every_view_is_valid_dot(dossier)
