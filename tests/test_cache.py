"""The cache of checked dossiers: a large unchanged dossier loads without parsing or checking
again, and the cache is never trusted when the files, argmap or the cache file itself change."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.errors import DossierError
from argmap.io import cache, files
from argmap.io.files import dump, load

sys.path.insert(0, str(ROOT))
from bench.generate import generate_dossier  # noqa: E402


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("ARGMAP_CACHE", str(where))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)  # cache even the small dossiers of the tests
    return where


@pytest.fixture
def counted(monkeypatch):
    """How many times files were parsed and checked (a cache hit does neither)."""
    calls = {"parse": 0, "check": 0}
    parse, check = files.parse_file, files._check_located

    def counting_parse(path):
        calls["parse"] += 1
        return parse(path)

    def counting_check(*args):
        calls["check"] += 1
        return check(*args)

    monkeypatch.setattr(files, "parse_file", counting_parse)
    monkeypatch.setattr(files, "_check_located", counting_check)
    return calls


def entries(where: Path) -> list[Path]:
    return sorted(where.rglob("*.msgpack")) if where.exists() else []


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_second_load_comes_from_the_cache_and_is_the_same(tmp_path, cache_dir, counted, suffix):
    dossier = generate_dossier(300, seed=1)
    path = dump(dossier, tmp_path / f"case{suffix}")
    first = load(path)
    assert counted == {"parse": 1, "check": 1} and len(entries(cache_dir)) == 1
    second = load(path)
    assert counted == {"parse": 1, "check": 1}  # neither parsed nor checked again
    assert second == first == dossier
    assert second.model_dump() == first.model_dump()


def test_a_changed_file_is_loaded_afresh(tmp_path, cache_dir, counted):
    path = dump(generate_dossier(200, seed=1), tmp_path / "case.yaml")
    load(path)
    path.write_text(path.read_text(encoding="utf-8").replace("claims:", "claims:", 1) + "\n",
                    encoding="utf-8")  # same dossier, other bytes: another key
    load(path)
    assert counted["parse"] == 2


def test_a_changed_file_with_an_error_is_reported_not_served_from_the_cache(tmp_path, cache_dir):
    path = dump(generate_dossier(200, seed=1), tmp_path / "case.yaml")
    load(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("type: supports", "type: supportz", 1), encoding="utf-8")
    with pytest.raises(DossierError, match="supportz"):
        load(path)


def test_a_folder_is_keyed_by_every_file(tmp_path, cache_dir, counted):
    folder = tmp_path / "case"
    folder.mkdir()
    dossier = generate_dossier(200, seed=2)
    dump(dossier, folder / "a.yaml")
    first = load(folder)
    second = load(folder)
    assert counted["parse"] == 1 and second == first
    (folder / "b.yaml").write_text("claims:\n  - id: extra\n    text: one more\n",
                                   encoding="utf-8")
    third = load(folder)
    assert counted["parse"] == 3 and len(third.claims) == len(first.claims) + 1


def test_other_argmap_code_does_not_read_the_entry(tmp_path, cache_dir, counted, monkeypatch):
    path = dump(generate_dossier(200, seed=1), tmp_path / "case.json")
    load(path)
    monkeypatch.setattr(cache, "_code", lambda: b"another release or an edited model")
    load(path)
    assert counted["parse"] == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_entry_is_ignored_and_replaced(tmp_path, cache_dir, counted, damage):
    dossier = generate_dossier(200, seed=1)
    path = dump(dossier, tmp_path / "case.yaml")
    load(path)
    (entry,) = entries(cache_dir)
    raw = entry.read_bytes()
    entry.write_bytes({"truncate": raw[: len(raw) // 2],
                       "flip": raw[:-10] + bytes([raw[-10] ^ 1]) + raw[-9:],
                       "garbage": b"not a cache file at all",
                       "empty": b""}[damage])
    assert load(path) == dossier
    assert counted["parse"] == 2  # loaded afresh
    assert entry.read_bytes() == raw  # and the entry written again, whole
    assert load(path) == dossier and counted["parse"] == 2


def test_the_cache_can_be_turned_off(tmp_path, cache_dir, counted, monkeypatch):
    path = dump(generate_dossier(200, seed=1), tmp_path / "case.yaml")
    load(path, use_cache=False)
    load(path, use_cache=False)
    assert counted["parse"] == 2 and entries(cache_dir) == []
    monkeypatch.setenv("ARGMAP_CACHE", "off")
    load(path)
    load(path)
    assert counted["parse"] == 4 and entries(cache_dir) == []


def test_small_dossiers_and_the_dossier_folder_are_left_alone(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("ARGMAP_CACHE", str(where))
    claims = tmp_path / "claims"
    claims.mkdir()
    path = dump(generate_dossier(50, seed=1), claims / "case.yaml")
    load(path)
    assert not where.exists()  # under MIN_BYTES: nothing cached
    assert sorted(p.name for p in claims.iterdir()) == ["case.yaml"]


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("ARGMAP_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "argmap"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.folder() == Path.home() / ".cache" / "argmap"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners here")
def test_a_folder_others_can_write_to_is_not_used(tmp_path, cache_dir, counted):
    path = dump(generate_dossier(200, seed=1), tmp_path / "case.yaml")
    load(path)
    cache_dir.chmod(0o777)
    load(path)
    assert counted["parse"] == 2
    assert cache.store("x" * 64, [{}]) is False
