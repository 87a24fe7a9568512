"""The cache of checked dossiers: a large unchanged dossier loads without parsing, validating or
checking again, and the cache is never trusted when the files, argmap or the cache file itself
change, nor read from where others could write; the models it rebuilds are the validated ones,
field by field."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import msgspec
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from strategies import dossiers

from argmap.dossier import Dossier
from argmap.errors import DossierError
from argmap.io import cache, files, snapshot
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

    def counting_parse(path, raw=None):
        calls["parse"] += 1
        return parse(path, raw)

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


# --- the dossier kept as rows, rebuilt without validation -------------------------------------


def same_models(a, b) -> None:
    """Equal, and built alike: class, every field in order (nested models, lists, maps, dates,
    vocabulary members), the fields set, extra and private state; no list or map shared."""
    assert type(a) is type(b), (a, b)
    if isinstance(a, BaseModel):
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__
        assert a.__pydantic_fields_set__ is not b.__pydantic_fields_set__
        assert a.__pydantic_extra__ == b.__pydantic_extra__
        assert a.__pydantic_private__ == b.__pydantic_private__
        assert list(vars(a)) == list(vars(b))
        for name in vars(a):
            same_models(vars(a)[name], vars(b)[name])
    elif isinstance(a, (list, dict)):
        assert a is not b and len(a) == len(b)
        if isinstance(a, dict):
            assert list(a) == list(b)
            for key in a:
                same_models(a[key], b[key])
        else:
            for x, y in zip(a, b):
                same_models(x, y)
    else:
        assert a == b


def round_trip(dossier: Dossier) -> Dossier:
    found = snapshot.decode(snapshot.encode(dossier))
    assert found is not None
    same_models(dossier, found)
    assert found == dossier
    assert found.model_dump(by_alias=True) == dossier.model_dump(by_alias=True)
    assert found.model_dump_json(by_alias=True) == dossier.model_dump_json(by_alias=True)
    return found


_DOSSIER_FILES = [ROOT / "claims" / "mynumber-card.yaml",
                  *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))]


@pytest.mark.parametrize("path", _DOSSIER_FILES, ids=lambda p: p.name)
def test_rows_rebuild_the_same_models(path):
    try:
        dossier = load(path, use_cache=False)
    except DossierError:
        pytest.skip("not a dossier")
    found = round_trip(dossier)
    # the rebuilt models behave as validated ones: lookups, copies, assignment
    item = next(item for _, _, item in found.items())
    assert found.get(item.id) is item
    copy = item.model_copy(deep=True)
    same_models(item, copy)
    copy.tags = [*copy.tags, "changed"]
    assert "tags" in copy.model_fields_set and copy != item


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_rows_rebuild_any_dossier(dossier):
    round_trip(dossier)


def test_rows_rebuild_large_and_merged_dossiers(tmp_path):
    dossier = generate_dossier(2_000, seed=3)
    round_trip(dossier)
    folder = tmp_path / "case"
    folder.mkdir()
    data = files.to_data(dossier)
    first = {k: v for k, v in data.items() if k in ("dossier", "actors", "sources", "events")}
    dump(Dossier.model_validate(first), folder / "a.yaml")
    dump(Dossier.model_validate({k: v for k, v in data.items() if k not in first}),
         folder / "b.json")
    merged = load(folder, use_cache=False)
    assert merged == dossier
    round_trip(merged)


def test_rows_that_are_not_a_dossier_are_refused():
    good = snapshot.encode(generate_dossier(100, seed=1))
    for bad in (b"", b"\x93\x01\x80\x80", good[:-5], good[: len(good) // 2], b"\xc1" + good,
                msgspec.msgpack.encode([snapshot.VERSION + 1, {}, {}, {}])):
        assert snapshot.decode(bad) is None


def test_a_dossier_msgpack_cannot_hold_is_loaded_but_not_cached(tmp_path, cache_dir, counted):
    data = files.to_data(generate_dossier(50, seed=1))
    data["evidence"].append({"id": "huge", "text": "a large number", "kind": "statistic",
                             "value": {"number": 10**30, "unit": "yen"}})
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    first = load(path)
    assert first.get("huge").value.number == 10**30 and entries(cache_dir) == []
    assert load(path) == first and counted["parse"] == 2


def test_an_entry_that_decodes_to_nothing_is_ignored_and_replaced(tmp_path, cache_dir, counted):
    dossier = generate_dossier(200, seed=1)
    path = dump(dossier, tmp_path / "case.json")
    load(path)
    (entry,) = entries(cache_dir)
    raw = entry.read_bytes()
    payload = msgspec.msgpack.encode([snapshot.VERSION, {}, {}, {"nothing": 1}])
    head = len(cache._FORMAT)
    entry.write_bytes(raw[:head] + hashlib.sha256(payload).digest() + payload)
    assert load(path) == dossier and counted["parse"] == 2
    assert entry.read_bytes() == raw


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners on this system")
@pytest.mark.parametrize("what", ["folder", "subfolder", "entry"])
def test_nothing_others_can_write_to_is_read(tmp_path, cache_dir, counted, what):
    """An entry others could have replaced is never read (it is trusted to be argmap's own)."""
    path = dump(generate_dossier(200, seed=1), tmp_path / "case.json")
    load(path)
    (entry,) = entries(cache_dir)
    target = {"folder": cache_dir, "subfolder": entry.parent, "entry": entry}[what]
    target.chmod(target.stat().st_mode | 0o022)
    load(path)
    assert counted["parse"] == 2
    target.chmod(target.stat().st_mode & ~0o022)
    load(path)
    assert counted["parse"] == 2  # the user's own again: read


# --- files stat still describes as when they were read are not read again ---------------------


@pytest.fixture
def later(monkeypatch):
    """Loads happen a minute after the files were written (the files are then past the racy
    window, as a dossier edited earlier is)."""
    real = cache._now
    monkeypatch.setattr(cache, "_now", lambda: real() + 60 * 1_000_000_000)


@pytest.fixture
def reads(monkeypatch):
    """How many times each dossier file was read whole (the cache's own files are opened)."""
    counts: dict[str, int] = {}
    read_bytes = Path.read_bytes

    def counting(path):
        if path.suffix != ".msgpack":
            counts[path.name] = counts.get(path.name, 0) + 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return counts


def seen_records(where: Path) -> list[Path]:
    return sorted((where / "seen").glob("*.msgpack")) if (where / "seen").exists() else []


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_unchanged_files_are_not_read_again(tmp_path, cache_dir, counted, later, reads, suffix):
    dossier = generate_dossier(300, seed=1)
    path = dump(dossier, tmp_path / f"case{suffix}")
    first = load(path)
    assert first == dossier and reads == {path.name: 1}  # read once: hashed and parsed
    assert len(seen_records(cache_dir)) == 1
    again = load(path)
    assert reads == {path.name: 1} and counted == {"parse": 1, "check": 1}
    same_models(first, again)


def test_a_same_size_edit_that_keeps_the_modified_time_is_seen(tmp_path, cache_dir, counted,
                                                                later):
    """As ``cp -p``, ``rsync -a`` or ``touch -d`` leave a file: same size, same modified time,
    other bytes. The changed time (which no program can set back) tells."""
    dossier = generate_dossier(300, seed=1)
    path = dump(dossier, tmp_path / "case.yaml")
    load(path)
    before = path.stat()
    claim = dossier.claims[0]
    text = path.read_text(encoding="utf-8")
    changed = text.replace(f"id: {claim.id}\n", f"id: {claim.id[:-1]}z\n", 1)
    assert changed != text and len(changed.encode()) == before.st_size
    import time
    time.sleep(0.05)  # past the file system's clock tick
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert path.stat().st_size == before.st_size
    found = load(path)
    assert counted["parse"] == 2
    assert found.claims[0].id == f"{claim.id[:-1]}z"


def test_files_changed_just_before_they_are_read_are_hashed_every_time(tmp_path, cache_dir,
                                                                        counted, reads):
    """A file written within the racy window could be written again in the same clock tick
    with stat none the wiser: it is not recorded, and is read and hashed at every load."""
    dossier = generate_dossier(300, seed=1)
    path = dump(dossier, tmp_path / "case.json")
    load(path)
    load(path)
    assert seen_records(cache_dir) == [] and reads == {path.name: 2}
    assert counted["parse"] == 1  # still from the cache: the content is the same


@pytest.mark.parametrize("damage", ["garbage", "empty", "other stamps"])
def test_a_damaged_record_of_files_is_ignored(tmp_path, cache_dir, counted, later, reads,
                                              damage):
    dossier = generate_dossier(300, seed=1)
    path = dump(dossier, tmp_path / "case.json")
    load(path)
    (record,) = seen_records(cache_dir)
    if damage == "other stamps":
        (seen,) = msgspec.msgpack.decode(record.read_bytes())
        seen[1][0] += 1  # another size: the files are read and hashed again
        record.write_bytes(msgspec.msgpack.encode([seen]))
    else:
        record.write_bytes({"garbage": b"\x93not a record", "empty": b""}[damage])
    assert load(path) == dossier
    assert reads == {path.name: 2} and counted["parse"] == 1
    load(path)
    assert reads == {path.name: 2}  # recorded again, whole


def test_a_file_added_to_a_folder_is_seen_without_reading_the_others(tmp_path, cache_dir,
                                                                      counted, later):
    folder = tmp_path / "case"
    folder.mkdir()
    dossier = generate_dossier(200, seed=2)
    dump(dossier, folder / "a.yaml")
    load(folder)
    (folder / "b.yaml").write_text("claims:\n  - id: extra\n    text: one more\n",
                                   encoding="utf-8")
    assert len(load(folder).claims) == len(dossier.claims) + 1 and counted["parse"] == 3
    (folder / "b.yaml").unlink()
    assert load(folder) == dossier and counted["parse"] == 3  # the first entry again


def test_the_least_recently_used_entries_go_when_the_cache_is_full(tmp_path, cache_dir, counted,
                                                                   monkeypatch):
    paths = [dump(generate_dossier(200, seed=seed), tmp_path / f"case{seed}.json")
             for seed in (1, 2, 3)]
    load(paths[0])
    load(paths[1])
    (size,) = {entry.stat().st_size for entry in entries(cache_dir)[:1]}
    monkeypatch.setattr(cache, "MAX_BYTES", int(size * 2.5))
    for entry in entries(cache_dir):  # both stored a while ago
        os.utime(entry, (1_000_000_000, 1_000_000_000))
    load(paths[0])  # a hit: now the most recently used
    load(paths[2])  # a third entry: the cache is full, the least recently used goes
    assert counted["parse"] == 3 and len(entries(cache_dir)) == 2
    load(paths[0])
    load(paths[2])
    assert counted["parse"] == 3  # both still there
    load(paths[1])
    assert counted["parse"] == 4  # this one had gone
