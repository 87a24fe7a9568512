"""What a map's SVG, PNG and PDF bytes depend on besides its DOT source: the Graphviz binary,
the libraries it measures and draws text with, the font files, the Python packages that cut and
pack the font subsets an SVG carries, and the one that puts a map's pages into one PDF.

The DOT source is the same on every machine; the layout is not, since every box is sized from
the text as this machine's Pango measures it in this machine's font files. ``renders/`` keeps the
record of the machine that drew it (``renders/environment.json``, written by
``scripts/example.sh``), and the test that rebuilds ``renders/`` compares the drawn maps byte for
byte only on a machine whose record is the same (:func:`differences` says what differs).

Run ``python -m argmap.maps.environment [FILE]`` to print (or write) this machine's record.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from typing import Any

from .fonts import WEIGHTS, file_digest, font_file, named_fonts

__all__ = ["SVG_KEYS", "differences", "environment", "environment_json", "graphviz_version", "main"]

#: What the SVG bytes depend on; the PNG and PDF bytes depend on the whole record.
SVG_KEYS = ("graphviz", "pango", "harfbuzz", "cairo", "freetype", "fontconfig", "fonts",
            "uharfbuzz", "fonttools", "brotli", "babel", "langcodes", "budoux")


def _c_string(library: str, function: str) -> str | None:
    """The version string a C library reports through ``function``, if it is found."""
    name = ctypes.util.find_library(library)
    if name is None:
        return None
    try:
        func = getattr(ctypes.CDLL(name), function)
    except (OSError, AttributeError):
        return None
    func.restype = ctypes.c_char_p
    func.argtypes = [ctypes.c_void_p] if function == "png_get_libpng_ver" else []
    value = func(None) if func.argtypes else func()
    return value.decode("ascii", "replace") if value else None


def _freetype() -> str | None:
    name = ctypes.util.find_library("freetype")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
        handle = ctypes.c_void_p()
        if lib.FT_Init_FreeType(ctypes.byref(handle)) != 0:
            return None
        parts = [ctypes.c_int() for _ in range(3)]
        lib.FT_Library_Version(handle, *(ctypes.byref(p) for p in parts))
        lib.FT_Done_FreeType(handle)
    except (OSError, AttributeError):
        return None
    return ".".join(str(p.value) for p in parts)


def _fontconfig() -> str | None:
    name = ctypes.util.find_library("fontconfig")
    if name is None:
        return None
    try:
        number = ctypes.CDLL(name).FcGetVersion()
    except (OSError, AttributeError):
        return None
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


@functools.lru_cache(maxsize=1)
def graphviz_version() -> str | None:
    """The version ``dot -V`` reports (``2.43.0``), or ``None`` without Graphviz."""
    binary = shutil.which("dot")
    if binary is None:
        return None
    try:
        done = subprocess.run([binary, "-V"], capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(r"version\s+(\S+)", done.stderr + done.stdout)
    return found.group(1) if found else None


def _package(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _fonts() -> dict[str, dict[str, str | None]]:
    """Each named family's file in each weight, with the file's SHA-256."""
    out: dict[str, dict[str, str | None]] = {}
    for font in named_fonts():
        faces: dict[str, str | None] = {}
        for weight in WEIGHTS:
            file = font_file(font.family, weight)
            faces[weight] = (None if file is None else
                             f"{file.path.name}#{file.face} sha256:{file_digest(file.path)}")
        out[font.family] = faces
    return out


def environment() -> dict[str, Any]:
    """This machine's record: versions (``None`` where a part is not found) and font files."""
    return {
        "graphviz": graphviz_version(),
        "pango": _c_string("pango-1.0", "pango_version_string"),
        "harfbuzz": _c_string("harfbuzz", "hb_version_string"),
        "cairo": _c_string("cairo", "cairo_version_string"),
        "pixman": _c_string("pixman-1", "pixman_version_string"),
        "freetype": _freetype(),
        "fontconfig": _fontconfig(),
        "libpng": _c_string("png16", "png_get_libpng_ver"),
        "zlib": _c_string("z", "zlibVersion"),
        "fonts": _fonts(),
        "uharfbuzz": _package("uharfbuzz"),
        "fonttools": _package("fonttools"),
        "brotli": _package("brotli"),
        "pypdf": _package("pypdf"),
        # the words of every number and date (CLDR), the tags' likely subtags, the line breaks
        "babel": _package("babel"),
        "langcodes": _package("langcodes"),
        "budoux": _package("budoux"),
    }


def environment_json() -> str:
    """:func:`environment` as the text of ``renders/environment.json``."""
    return json.dumps(environment(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _short(face: str | None) -> str | None:
    return None if face is None else re.sub(r"(sha256:[0-9a-f]{12})[0-9a-f]+", r"\1…", face)


def differences(recorded: dict[str, Any], current: dict[str, Any],
                keys: tuple[str, ...] | None = None) -> list[str]:
    """What differs between two records (``fonts: Noto Sans bold: A -> B``), over ``keys``
    (every key when not given)."""
    out = []
    for key in keys or tuple(sorted(set(recorded) | set(current))):
        was, now = recorded.get(key), current.get(key)
        if key == "fonts" and isinstance(was, dict) and isinstance(now, dict):
            for family in sorted(set(was) | set(now)):
                for weight in WEIGHTS:
                    a = (was.get(family) or {}).get(weight)
                    b = (now.get(family) or {}).get(weight)
                    if a != b:
                        out.append(f"font {family} {weight}: {_short(a)} -> {_short(b)}")
        elif was != now:
            out.append(f"{key}: {was} -> {now}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print this machine's record, or write it to the file named as the one argument."""
    args = sys.argv[1:] if argv is None else argv
    text = environment_json()
    if args:
        from ..io.atomic import write_atomic

        write_atomic(args[0], text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
