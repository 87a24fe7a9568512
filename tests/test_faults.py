"""Faults outside argmap's control: Graphviz missing, crashing or hanging; a full disk; a folder
that cannot be written; an interrupted write. Each is one clear error, and the previous output
file is left exactly as it was. The commands run in this process with a changed PATH (the
Graphviz they start is the real process boundary)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from argmap.io import atomic
from argmap.errors import FileError
from conftest import EXAMPLE, run_cli

PREVIOUS = b"<svg>the previous map</svg>\n"


def _fake_dot(folder: Path, body: str) -> str:
    """A stand-in ``dot`` that misbehaves as told, first on a PATH that keeps the rest."""
    folder.mkdir()
    script = folder / "dot"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"


def _render(out: Path, monkeypatch: pytest.MonkeyPatch, path: str, *extra: str):
    monkeypatch.setenv("PATH", path)
    return run_cli("render", EXAMPLE, "--view", "demands", "-o", out, *extra)


def test_missing_graphviz_is_one_clear_error(tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    out.write_bytes(PREVIOUS)
    result = _render(out, monkeypatch, str(tmp_path / "empty-bin"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "the Graphviz program 'dot' was not found" in result.stderr
    assert "apt-get install graphviz fonts-noto-cjk fonts-noto-core" in result.stderr
    assert out.read_bytes() == PREVIOUS


def test_crashing_graphviz_leaves_the_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    out.write_bytes(PREVIOUS)
    fake = _fake_dot(tmp_path / "bin", "echo 'Error: out of memory' >&2; kill -SEGV $$")
    result = _render(out, monkeypatch, fake)
    assert result.exit_code == 1
    assert "Graphviz 'dot' failed (exit -11): Error: out of memory" in result.stderr
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "map.svg"]


def test_hanging_graphviz_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    out = tmp_path / "map.svg"
    result = _render(out, monkeypatch, _fake_dot(tmp_path / "bin", "sleep 60"), "--timeout", "1")
    assert result.exit_code == 1
    assert "took longer than 1 s" in result.stderr
    assert "focus view" in result.stderr
    assert not out.exists()


def test_full_disk_is_a_clear_error_and_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "case.yaml"
    target.write_bytes(PREVIOUS)

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(FileError, match="No space left on device"):
        atomic.write_atomic(target, "new content")
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]


def test_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = run_cli("export", EXAMPLE, "--to", "aif", "-o", blocker / "out.json")
    assert result.exit_code == 1
    assert "cannot write here" in result.stderr


def test_read_only_folder(tmp_path, monkeypatch):
    target = tmp_path / "case.yaml"
    target.write_bytes(PREVIOUS)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(FileError, match="Read-only file system"):
        atomic.write_atomic(target, "new")
    assert target.read_bytes() == PREVIOUS


def test_interrupted_write_leaves_no_half_file(tmp_path, monkeypatch):
    target = tmp_path / "case.yaml"
    target.write_bytes(PREVIOUS)

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, "new content")
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]


def test_a_new_file_gets_ordinary_permissions(tmp_path):
    written = atomic.write_atomic(tmp_path / "new.txt", "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~umask
