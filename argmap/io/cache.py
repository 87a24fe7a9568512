"""A cache of checked dossiers: a large dossier that has not changed loads without being parsed,
validated or checked again.

Loading 100,000 items takes seconds (most of it parsing YAML, or validating); when a load
succeeds, :func:`store` keeps the dossier's models as rows of plain values
(:mod:`argmap.io.snapshot`, MessagePack: reading it runs no code, and the models are rebuilt
from it in bulk, without validation) under a key made of

- the content of every file, with its name (a changed, added or removed file is another key),
- the running argmap's source code, its version and the versions of pydantic, PyYAML, msgspec and
  Python (a new release or a local edit of the models, the parser or the checks is another key),
- the cache format.

:func:`fetch` gives the stored bytes back only for the same key, after checking a SHA-256 digest
of them, so a truncated or corrupted entry is ignored (and replaced), never trusted; rows that do
not decode to a dossier are ignored the same way.

Where: ``$ARGMAP_CACHE`` if set, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``: the
user's own folder (made private, mode 0700), never beside the dossier. A folder, or an entry,
that another user owns or could write to is never read nor written: what the cache holds is
trusted to be what argmap wrote. ``ARGMAP_CACHE=off`` turns the cache off. Only dossiers of at
least :data:`MIN_BYTES` are cached: smaller ones load in a few milliseconds anyway.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path

from ..errors import FileError
from .atomic import write_atomic

__all__ = ["MIN_BYTES", "discard", "fetch", "folder", "key", "store"]

#: The smallest dossier (all its files together, in bytes) worth caching.
MIN_BYTES = 1_000_000
_FORMAT = b"argmap-cache 2\n"
_OFF = {"0", "off", "no", "false", "none", ""}


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off (``ARGMAP_CACHE=off``)."""
    chosen = os.environ.get("ARGMAP_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "argmap"


@cache
def _code() -> bytes:
    """What decides how files load: argmap's source and the versions of what it parses with."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    for dist in ("argmap", "pydantic", "pydantic_core", "PyYAML", "msgspec"):
        try:
            digest.update(f"{dist} {metadata.version(dist)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist} -\n".encode())
    digest.update(sys.version.encode())
    return digest.digest()


def key(files: Sequence[tuple[str, bytes]]) -> str:
    """The cache key of a dossier made of these files (name, content), in load order."""
    digest = hashlib.sha256(_FORMAT + _code())
    for name, content in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def _path(where: Path, name: str) -> Path:
    return where / name[:2] / f"{name}.msgpack"


def _mine(info: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and no one else can write to it (on systems
    that have owners)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (info.st_uid == getuid() and not info.st_mode & 0o022)


def _private(where: Path) -> bool:
    """Whether the folder is the user's own: a cache others can write to is not used."""
    try:
        return _mine(where.stat())
    except OSError:
        return False


def fetch(name: str) -> memoryview | None:
    """The bytes stored under this key, or None (no cache, no entry, an entry in a folder or a
    file that is not the user's own, or an entry that is damaged: then it is removed)."""
    where = folder()
    if where is None or not _private(where):
        return None
    path = _path(where, name)
    if not _private(path.parent):
        return None
    try:
        with path.open("rb") as stream:
            if not _mine(os.fstat(stream.fileno())):
                return None
            raw = stream.read()
    except OSError:
        return None
    head = len(_FORMAT) + 32
    digest = raw[len(_FORMAT):head]
    payload = memoryview(raw)[head:]  # not a copy (tens of megabytes for a large dossier)
    if raw[:len(_FORMAT)] == _FORMAT and hashlib.sha256(payload).digest() == digest:
        return payload
    discard(name)
    return None


def discard(name: str) -> None:
    """Remove the entry of this key (one found damaged)."""
    where = folder()
    if where is not None:
        try:
            _path(where, name).unlink()
        except OSError:
            pass


def store(name: str, payload: bytes) -> bool:
    """Keep these bytes under this key (atomically); False when they cannot be (no cache, a
    folder that cannot be written or is not the user's own)."""
    where = folder()
    if where is None:
        return False
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return False
        target = _path(where, name)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        if not _private(target.parent):
            return False
        write_atomic(target, _FORMAT + hashlib.sha256(payload).digest() + payload)
    except (OSError, FileError):
        return False  # a cache never fails a load
    return True
