"""A cache of checked dossiers: a large dossier that has not changed loads without being parsed,
validated or checked again.

Loading 100,000 items takes seconds (most of it parsing YAML, or validating); when a load
succeeds, :func:`store` keeps the dossier's models as rows of plain values
(:mod:`argmap.io.snapshot`, MessagePack: reading it runs no code, and the models are rebuilt
from it in bulk, without validation) under a key made of

- the content of every file (its SHA-256), with its name (a changed, added or removed file is
  another key),
- the running argmap's source code, its version and the versions of pydantic, PyYAML, msgspec and
  Python (a new release or a local edit of the models, the parser or the checks is another key),
- the cache format.

:func:`fetch` gives the stored bytes back only for the same key, after checking a SHA-256 digest
of them, so a truncated or corrupted entry is ignored (and replaced), never trusted; rows that do
not decode to a dossier are ignored the same way.

Reading and hashing the files for the key is most of what a warm load of a large dossier costs
beside rebuilding its models (about 0.07 s for 50 MB), so, as git does for its index, the
content hashes are kept with what ``stat`` said of each file when it was read (size, modified and
changed times in nanoseconds, inode, device): a file ``stat`` still describes the same way is not
read again. That is only safe for a file whose times are well in the past when it is read (a
write in the same clock tick could leave them as they were: git's "racy" files), so a file
changed less than :data:`RACY_SECONDS` before it was read is never recorded, and is hashed every
time until it is older. An edit that keeps the size and puts the modified time back (``touch
-d``, ``cp -p``, ``rsync -a``) still moves the changed time, which no program can set.

Where: ``$ARGMAP_CACHE`` if set, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``: the
user's own folder (made private, mode 0700), never beside the dossier. A folder, or an entry,
that another user owns or could write to is never read nor written: what the cache holds is
trusted to be what argmap wrote. ``ARGMAP_CACHE=off`` turns the cache off. Only dossiers of at
least :data:`MIN_BYTES` (100 kB) are cached: smaller ones are parsed and checked afresh in less
time than a process's first look-up takes. The entries take at most :data:`MAX_BYTES` together:
past it, the least recently used go.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

import msgspec

from ..errors import FileError
from .atomic import write_atomic

__all__ = ["MAX_BYTES", "MIN_BYTES", "RACY_SECONDS", "Keyed", "discard", "fetch", "folder", "key",
           "key_of", "store"]

#: The smallest dossier (all its files together, in bytes) worth caching: below, parsing and
#: checking it afresh takes about as long as the first cache look-up of a process (which hashes
#: argmap's own source, 7 ms); above, the cache wins (a 200 kB dossier: 2 ms, not 19).
MIN_BYTES = 100_000
#: The most the entries may take together: past it, the least recently used are removed (a
#: dossier of 100,000 items takes 38 MB).
MAX_BYTES = 1_000_000_000
#: A file changed less than this before it is read is hashed again at every load (see above):
#: more than the coarsest file-time granularity in use (2 s on FAT) and small clock skews.
RACY_SECONDS = 3
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
    """The cache key of a dossier made of these files (name, SHA-256 of its content), in load
    order."""
    digest = hashlib.sha256(_FORMAT + _code())
    for name, content_digest in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(content_digest)
    return digest.hexdigest()


# --- the content hashes of files stat still describes the same way ----------------------------


class _Seen(msgspec.Struct, array_like=True):
    """One file as it was read: its name, what stat said of it, the SHA-256 of its content."""

    name: str
    stamp: tuple[int, int, int, int, int]
    digest: bytes


_SEEN = msgspec.msgpack.Decoder(list[_Seen])


def _stamp(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _now() -> int:
    return time.time_ns()


def _seen_path(where: Path, root: Path) -> Path:
    name = hashlib.sha256(os.fsencode(os.path.abspath(root))).hexdigest()
    return where / "seen" / f"{name}.msgpack"


def _recall(where: Path, root: Path) -> list[_Seen] | None:
    """The files of this dossier as last read, when the user's own record of them is whole."""
    path = _seen_path(where, root)
    if not (_private(where) and _private(path.parent)):
        return None
    try:
        with path.open("rb") as stream:
            if not _mine(os.fstat(stream.fileno())):
                return None
            return _SEEN.decode(stream.read())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None


def _remember(where: Path, root: Path, seen: list[_Seen]) -> None:
    path = _seen_path(where, root)
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        if _private(where) and _private(path.parent):
            write_atomic(path, msgspec.msgpack.encode(seen))
    except (OSError, FileError):
        pass  # a record not kept means the files are hashed again next time


@dataclass
class Keyed:
    """A dossier's cache key, with the bytes hashed for it (parse those, not the files again: a
    file changed in between would be stored under the key of what it was) or, when stat vouched
    for the files and none was read, what stat said of them (see :meth:`unchanged`)."""

    name: str
    contents: dict[Path, bytes] = field(default_factory=dict)
    stamps: dict[Path, tuple[int, int, int, int, int]] = field(default_factory=dict)

    def unchanged(self) -> bool:
        """Whether the files not read for the key are still as stat described them (checked
        after they are parsed, before what was parsed is stored under the key)."""
        try:
            return all(_stamp(os.stat(path)) == stamp for path, stamp in self.stamps.items())
        except OSError:
            return False


def key_of(root: Path, files: Sequence[tuple[str, Path]]) -> Keyed | None:
    """The cache key of the dossier at ``root`` made of these files (name, path), in load order;
    None when the cache is off, they are too small to be worth it, or one cannot be read (the
    load then reports it). Files that ``stat`` describes as when they were last read, long
    enough after they last changed, are not read again (see the module docs)."""
    where = folder()
    if where is None:
        return None
    started = _now()
    try:
        stamps = [_stamp(os.stat(path)) for _, path in files]
    except OSError:
        return None
    if sum(stamp[0] for stamp in stamps) < MIN_BYTES:
        return None
    names = [name for name, _ in files]
    known = _recall(where, root)
    if known is not None and [(s.name, s.stamp) for s in known] == list(zip(names, stamps)):
        return Keyed(key([(s.name, s.digest) for s in known]),
                     stamps={path: stamp for (_, path), stamp in zip(files, stamps)})
    try:
        contents = {path: path.read_bytes() for _, path in files}
        after = [_stamp(os.stat(path)) for _, path in files]
    except OSError:
        return None
    digests = [hashlib.sha256(contents[path]).digest() for _, path in files]
    settled = started - RACY_SECONDS * 1_000_000_000
    if after == stamps and all(max(mtime, ctime) < settled for _, mtime, ctime, _, _ in stamps):
        _remember(where, root, [_Seen(name, stamp, digest)
                                for name, stamp, digest in zip(names, stamps, digests)])
    return Keyed(key(list(zip(names, digests))), contents=contents)


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
        try:
            os.utime(path)  # used now: the last to go when the cache is pruned
        except OSError:
            pass
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
    _prune(where, target)
    return True


def _prune(where: Path, kept: Path) -> None:
    """Remove the least recently used entries while they take more than :data:`MAX_BYTES`
    together (never the one just stored)."""
    try:
        found = sorted((info.st_mtime_ns, info.st_size, path)
                       for path in where.glob("??/*.msgpack") for info in (path.stat(),))
    except OSError:
        return  # another process is pruning too
    total = sum(size for _, size, _ in found)
    for _, size, path in found:
        if total <= MAX_BYTES:
            break
        if path != kept:
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
