"""The AIF importer's fast paths give what the slow ones give, object for object.

Two shortcuts make a large AIF import fast: msgspec decodes the file into records (instead of
``json.loads``), and the items of a plain AIF file are built without pydantic validation or the
whole-dossier check, where the importer vouches for them (:mod:`argmap.formats._trusted`). Here
both are compared with the plain way on every real AIF file of the shared corpora, on generated
files and on a few hundred random graphs full of the quirks real files have: the same dossier
(every field of every item, the fields set, the order of sections and items), the same
warnings, or the same error.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from conftest import CORPORA, ROOT

from argmap.formats import _aif_json, aif

_REAL = sorted([*CORPORA.glob("aif/**/*.json"), *CORPORA.glob("xaif/*.json")])


def outcome(data: bytes | str, trusted: bool, slow_json: bool = False) -> tuple[Any, ...]:
    """What an import gives: the dossier in full (every item's fields, fields set and class)
    and the warnings, or the error."""
    fast = _aif_json._fast
    if slow_json:
        _aif_json._fast = lambda data, names: None  # type: ignore[assignment]
    try:
        imported = aif._load(data, "map.json", trusted=trusted)
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return ("error", type(exc).__name__, str(exc))
    finally:
        _aif_json._fast = fast
    dossier = imported.dossier
    items = [(section, type(item).__name__, list(item.__dict__.items()),
              sorted(item.model_fields_set), item.__pydantic_extra__, item.__pydantic_private__)
             for section, _, item in dossier.items()]
    return ("ok", items, sorted(dossier.model_fields_set), list(dossier.__dict__.items()),
            dossier.__pydantic_private__, dossier.__pydantic_extra__,
            [str(w) for w in imported.warnings], dossier.model_dump_json(by_alias=True))


def random_aif(rng: random.Random, n: int) -> dict[str, Any]:
    """An AIF graph of ``n`` nodes with the quirks of real files: ids of both types, repeated
    and unknown nodes, odd texts, dangling edges, annotators, reported speech, bad dates."""
    kinds = ["I"] * 6 + ["RA"] * 2 + ["CA"] * 2 + ["MA", "PA", "L", "L", "L", "YA", "YA", "YA",
                                                   "TA", "XX", None]
    nodes: list[dict[str, Any]] = []
    ids: list[Any] = []
    for i in range(n):
        kind = rng.choice(kinds)
        nid = rng.choice([i, str(i), f"N {i}", "dup", i % 7, "x" * 200]) \
            if rng.random() < 0.3 else (i if rng.random() < .5 else str(i))
        node: dict[str, Any] = {"nodeID": nid, "type": kind}
        if kind == "L":
            speaker = rng.choice(["Bob", "Alice", "Mascha: Bob", "", "田中"])
            node["text"] = rng.choice([f"{speaker} : said {i}", f"said {i}", None, 5,
                                       f"Bob : said {i - 1}"])
        elif kind == "YA":
            node["text"] = rng.choice(["Asserting", "Arguing", "Analysing", "Questioning", "",
                                       None, 7, "Disagreeing", "Restating"])
        elif kind in ("RA", "CA", "MA", "TA"):
            node["text"] = rng.choice(["Default Inference", "Default Conflict", "Expert", None])
            if rng.random() < .3:
                node["scheme"] = rng.choice(["Expert", "", None, 12])
        else:
            node["text"] = rng.choice([f"claim {i}", "", None, 12.5, ["a"], "x" * 100_001])
        if rng.random() < .5:
            node["timestamp"] = rng.choice(["2020-01-02 10:11:12", "2019-12-31T01:02:03Z",
                                            "bad", "2020-13-45 00:00:00", None, "2021-05-06"])
        nodes.append(node)
        ids.append(nid)
    edges = [{"edgeID": j, "fromID": rng.choice(ids), "toID": rng.choice(ids + ["missing"])}
             for j in range(int(n * 1.3))] if ids else []
    locutions: list[Any] = [
        {"nodeID": nid if rng.random() < .5 else str(nid), "personID": rng.choice([1, "2", None]),
         "start": rng.choice(["2020-01-01 09:00:00", "nope", None])}
        for nid in ids if rng.random() < .3]
    if rng.random() < .1:
        locutions.append("not an object")
    doc: dict[str, Any] = {
        "nodes": nodes, "edges": edges, "locutions": locutions,
        "participants": [{"participantID": 1, "firstname": "Ann", "surname": "Lee"},
                         {"participantID": "2", "firstname": "", "surname": ""}]}
    return {"AIF": doc} if rng.random() < .1 else doc


def _generated() -> list[bytes]:
    import sys

    sys.path.insert(0, str(ROOT))
    from bench.bench_aif import generate

    return [json.dumps(generate(n)).encode() for n in (10, 1000)]


@pytest.mark.skipif(not _REAL, reason="the shared corpora are not here")
@pytest.mark.parametrize("path", _REAL, ids=lambda p: str(p.relative_to(CORPORA)))
def test_real_files_import_the_same_through_the_fast_paths(path):
    data = path.read_bytes()
    plain = outcome(data, trusted=False, slow_json=True)
    assert outcome(data, trusted=True) == plain
    assert outcome(data, trusted=False) == plain


def test_generated_and_random_files_import_the_same_through_the_fast_paths(monkeypatch):
    trusted_builds = []
    build = aif._trusted_dossier
    monkeypatch.setattr(aif, "_trusted_dossier",
                        lambda *args: trusted_builds.append(1) or build(*args))
    rng = random.Random(20)
    files = _generated() + [json.dumps(random_aif(rng, rng.choice([0, 1, 5, 20, 60]))).encode()
                            for _ in range(250)]
    imported = 0
    for data in files:
        plain = outcome(data, trusted=False, slow_json=True)
        assert outcome(data, trusted=True) == plain
        imported += plain[0] == "ok"
    assert imported > 100 and len(trusted_builds) > 100  # both paths were really exercised


@pytest.mark.parametrize("data", [
    b'\xef\xbb\xbf{"nodes": [{"nodeID": 1, "type": "I", "text": "a"}], "edges": []}',
    b'{"nodes": [{"nodeID": 1, "type": "I", "text": "a\\ud800"}], "edges": []}',
    b'{"nodes": [{"nodeID": NaN, "type": "I", "text": "a"}], "edges": []}',
    b'{"nodes": [{"nodeID": 1, "nodeID": 2, "type": "I", "text": "a"}], "edges": []}',
    b'{"nodes": [{"type": "I"}], "edges": []}',
    b'{"nodes": [1], "edges": []}',
    b'{"nodes": null, "edges": []}',
    b'{"nodes": [], "edges": [{"fromID": 1}]}',
    b'{"AIF": {"nodes": [{"nodeID": 1, "type": "I", "text": "a"}], "edges": []}}',
    b'{"AIF": null, "nodes": [], "edges": []}',
    b'{"nodes": [], "edges": [], "locutions": {"a": 1}}',
    (b'{"nodes": [{"nodeID": 1, "type": "CA"}, {"nodeID": 2, "type": "I"}], '
     b'"edges": [{"fromID": 2, "toID": 1}, {"fromID": 1, "toID": 1}]}'),
], ids=["bom", "surrogate", "nan", "repeated-key", "no-id", "not-an-object", "null-nodes",
        "edge-without-end", "xaif", "xaif-null", "locutions-object", "undercuts-itself"])
def test_quirky_files_import_the_same_through_the_fast_paths(data):
    plain = outcome(data, trusted=False, slow_json=True)
    assert outcome(data, trusted=True) == plain
