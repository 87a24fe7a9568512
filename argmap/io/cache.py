"""A cache of checked dossiers: a large dossier that has not changed is not parsed or checked
again.

Loading 100,000 items from YAML takes seconds, most of it parsing; the cross-item checks take a
fifth of a second more. When a load succeeds, :func:`store` keeps the parsed data of its files
(MessagePack, which holds only plain values: reading it runs no code) under a key made of

- the content of every file, with its name (a changed, added or removed file is another key),
- the running argmap's source code, its version and the versions of pydantic, PyYAML, msgspec and
  Python (a new release or a local edit of the models, the parser or the checks is another key),
- the cache format.

:func:`fetch` gives that data back only for the same key, after checking a SHA-256 digest of
the stored bytes, so a truncated or corrupted cache file is ignored (and replaced), never
trusted. The models still validate the data on the way in (pydantic, fast on plain values); only
the parsing and the checks, whose outcome the key fixes, are skipped.

Where: ``$ARGMAP_CACHE`` if set, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``: the
user's own folder (made private, mode 0700), never beside the dossier. ``ARGMAP_CACHE=off``
turns the cache off. Only dossiers of at least :data:`MIN_BYTES` are cached: smaller ones load
in a few milliseconds anyway.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import msgspec

from ..errors import FileError
from .atomic import write_atomic

__all__ = ["MIN_BYTES", "fetch", "folder", "key", "store"]

#: The smallest dossier (all its files together, in bytes) worth caching.
MIN_BYTES = 1_000_000
_FORMAT = b"argmap-cache 1\n"
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


def _private(where: Path) -> bool:
    """Whether the folder is the user's own (on systems that have owners): a cache others can
    write to is not read."""
    try:
        info = where.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or (info.st_uid == getuid() and not info.st_mode & 0o022)


def fetch(name: str) -> list[Any] | None:
    """The stored data of each file for this key, or None (no cache, no entry, or an entry that
    is damaged: then it is removed)."""
    where = folder()
    if where is None or not _private(where):
        return None
    path = _path(where, name)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = len(_FORMAT) + 32
    digest = raw[len(_FORMAT):head]
    if raw[:len(_FORMAT)] == _FORMAT and hashlib.sha256(raw[head:]).digest() == digest:
        try:
            data = msgspec.msgpack.decode(raw[head:])
        except msgspec.DecodeError:
            data = None
        if isinstance(data, list):
            return data
    try:
        path.unlink()
    except OSError:
        pass
    return None


def store(name: str, data: list[Any]) -> bool:
    """Keep the data of each file under this key (atomically); False when it cannot be (no
    cache, a value MessagePack cannot hold, a folder that cannot be written)."""
    where = folder()
    if where is None:
        return False
    try:
        payload = msgspec.msgpack.encode(data)
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return False
        write_atomic(_path(where, name), _FORMAT + hashlib.sha256(payload).digest() + payload)
    except (TypeError, ValueError, OverflowError, OSError, msgspec.EncodeError, FileError):
        return False  # a cache never fails a load
    return True
