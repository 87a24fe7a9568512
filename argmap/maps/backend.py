"""Running Graphviz: layout settings by size, timeouts, clear errors.

Graphviz's ``dot`` spends most of its time in network simplex (ranking, positioning) and in
crossing minimisation, both of which grow much faster than the map. Above a few hundred nodes the
settings below cap those passes (``nslimit``, ``mclimit``, ``searchsize``, ``remincross``), which
keeps layouts of thousands of nodes to seconds at a small cost in crossings. Every run of the
binary has a timeout; every failure is a :class:`~argmap.errors.RenderError`.

``dot`` lays out the connected parts of a graph one after another, in the order of the source,
and reorders the boxes (clusters) inside one part as it sees fit. A view that needs parts in a
set order (the demands map: meetings by date) keeps them unconnected and puts the lines that
join them in a subgraph named :data:`AFTER_LAYOUT`: ``dot`` places everything else, then
``neato -n2`` keeps those places and draws the joining lines (:func:`run` does both). The DOT
source stays one plain graph that ``dot`` alone also draws.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from ..errors import RenderError
from .fonts import named_fonts

__all__ = ["AFTER_LAYOUT", "DOT_LIMITS", "ROUTED_UP_TO", "run_batch", "ENGINES", "INSTALL_HINT", "MAP_FORMATS", "check_engine",
           "find_binary", "graphviz_env", "layout_settings", "pinned", "run", "split_after_layout"]

#: Output formats :func:`run` accepts (``dot`` is the DOT source itself, not laid out).
MAP_FORMATS = ("svg", "png", "pdf", "dot")
#: The subgraph whose edges are drawn after everything else is laid out (see the module's notes).
AFTER_LAYOUT = "after_layout"
#: Up to this many nodes, those edges are routed round the boxes (splines=true); above it they
#: are drawn straight: neato's router, given a placed map with boxes, takes seconds from a few
#: hundred nodes on (a 227-node demands map: 9 s with one such edge, 0.35 s without routing).
ROUTED_UP_TO = 60
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")

INSTALL_HINT = (
    "install Graphviz and the fonts the maps name, e.g. 'apt-get install graphviz "
    + " ".join(dict.fromkeys(f.package for f in named_fonts()))
    + "' (or run scripts/setup.sh; macOS: 'brew install graphviz')"
)

#: (above this many nodes, extra graph attributes for dot) — the first matching row wins.
DOT_LIMITS: tuple[tuple[int, dict[str, str]], ...] = (
    (1500, {"nslimit": "0.5", "nslimit1": "0.5", "mclimit": "0.05", "searchsize": "20",
            "remincross": "false", "splines": "line"}),
    (600, {"nslimit": "4", "nslimit1": "4", "mclimit": "0.3", "searchsize": "30",
           "remincross": "false"}),
)


def pinned(source: str) -> bool:
    """Whether a DOT source carries its own node positions (views mark it ``notranslate=true``);
    it is then drawn with ``neato -n2``, which only routes the edges."""
    head = source.split("\n", 3)[:3]
    return any(line.lstrip().startswith("graph [") and "notranslate=true" in line
               for line in head)


def split_after_layout(source: str) -> tuple[str, str]:
    """``source`` without its :data:`AFTER_LAYOUT` subgraph, and that subgraph's statements
    (``""`` when it has none).

    >>> split_after_layout('digraph {\\n\\ta\\n\\tsubgraph after_layout {\\n\\t\\ta -> b\\n\\t}\\n}\\n')
    ('digraph {\\n\\ta\\n}\\n', '\\t\\ta -> b\\n')
    """
    start = f"\tsubgraph {AFTER_LAYOUT} {{\n"
    begin = source.find(start)
    if begin < 0:
        return source, ""
    end = source.index("\n\t}\n", begin)  # labels never hold a newline (escape.html)
    return source[:begin] + source[end + 4:], source[begin + len(start):end + 1]


def layout_settings(n_nodes: int, engine: str = "dot") -> dict[str, str]:
    """Graph attributes that keep a ``dot`` layout of ``n_nodes`` nodes fast (none when small).

    >>> layout_settings(100)
    {}
    >>> layout_settings(1000)["mclimit"]
    '0.3'
    """
    if engine != "dot":
        return {"splines": "line"} if n_nodes > 1500 else {}
    for above, settings in DOT_LIMITS:
        if n_nodes > above:
            return dict(settings)
    return {}


def check_engine(engine: str) -> str:
    """``engine`` if Graphviz knows it, else a RenderError listing the engines."""
    if engine not in ENGINES:
        raise RenderError(f"unknown Graphviz engine '{engine}' (choose one of {', '.join(ENGINES)})")
    return engine


def find_binary() -> str:
    """The path of Graphviz's ``dot`` program; a RenderError saying how to install it."""
    path = shutil.which("dot")
    if path is None:
        raise RenderError(f"the Graphviz program 'dot' was not found on PATH; {INSTALL_HINT}")
    return path


def graphviz_env() -> dict[str, str]:
    """The environment Graphviz runs in: the C locale whatever the user's, since Pango shapes
    text for the locale's language (``locl`` glyph forms), which would reach the output."""
    return {**os.environ, "LC_ALL": "C.UTF-8"}


_GENERATOR = re.compile(rb"<!-- Generated by graphviz version [^>]*-->\n?")


def run(source: str, fmt: str = "svg", engine: str = "dot", timeout: float = 60.0) -> bytes:
    """Lay out DOT ``source`` with ``engine`` and return the output in ``fmt``.

    The SVG loses Graphviz's version comment, so the same map gives the same bytes anywhere.
    Raises :class:`RenderError` when the binary is missing, fails, or runs past ``timeout`` seconds.
    """
    if fmt == "dot":
        return source.encode("utf-8")
    if fmt not in MAP_FORMATS:
        raise RenderError(f"unknown format '{fmt}' (choose one of {', '.join(MAP_FORMATS)})")
    check_engine(engine)
    flag = "-n2" if pinned(source) else None
    rest, after = split_after_layout(source)
    if after and engine == "dot":
        # dot places all but the joining lines; neato -n2 keeps those places and draws them
        placed = _graphviz(rest, "dot", "dot", timeout).decode("utf-8").rstrip()
        source = f"{placed[:-1]}\tsubgraph {AFTER_LAYOUT} {{\n{after}\t}}\n}}\n"
        engine, flag = "neato", "-n2"
    out = _graphviz(source, fmt, engine, timeout, flag)
    if fmt == "svg":
        return _GENERATOR.sub(b"", out, count=1)
    return out


def run_batch(sources: list[str], fmt: str = "svg", engine: str = "dot",
              timeout: float = 60.0) -> list[bytes]:
    """Each of ``sources`` laid out and written as ``fmt``, as :func:`run` does: PNG images in
    one run of the binary when they can share it (the same engine and flags, nothing drawn after
    layout), the same bytes as one run each: a map's pages, which would otherwise each pay for
    starting Graphviz and loading the fonts. (Graphviz numbers the SVG elements of the graphs of
    one run as one document, so SVG is laid out one source a run.) ``timeout`` is per source."""
    flags = {pinned(source) for source in sources}
    if (len(sources) < 2 or fmt != "png" or len(flags) > 1
            or any(split_after_layout(source)[1] for source in sources)):
        return [run(source, fmt, engine, timeout) for source in sources]
    check_engine(engine)
    out = _graphviz("".join(sources), fmt, engine, timeout * len(sources),
                    "-n2" if flags == {True} else None)
    parts = _split_png(out)
    if len(parts) != len(sources):  # never seen; one run each is always right
        return [run(source, fmt, engine, timeout) for source in sources]
    return parts


def _split_png(out: bytes) -> list[bytes]:
    """PNG files written one after another, cut by walking their chunks to each IEND."""
    parts, at = [], 0
    signature = b"\x89PNG\r\n\x1a\n"
    while at < len(out) and out.startswith(signature, at):
        end = at + len(signature)
        while end + 8 <= len(out):
            length = int.from_bytes(out[end:end + 4], "big")
            kind = out[end + 4:end + 8]
            end += 12 + length  # length, type, data, CRC
            if kind == b"IEND":
                break
        parts.append(out[at:end])
        at = end
    return parts


def _graphviz(source: str, fmt: str, engine: str, timeout: float,
              flag: str | None = None) -> bytes:
    """One run of the Graphviz binary: ``source`` laid out by ``engine``, written as ``fmt``."""
    binary = find_binary()
    try:
        args = [binary, f"-K{engine}", f"-T{fmt}", *([flag] if flag else [])]
        done = subprocess.run(args, input=source.encode("utf-8"), env=graphviz_env(),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz '{engine}' took longer than {timeout:g} s; draw a smaller map "
            "(the focus view around one item, fewer kinds, or an earlier as_of date) "
            "or raise the timeout") from None
    except OSError as exc:
        raise RenderError(f"cannot run Graphviz '{binary}': {exc}; {INSTALL_HINT}") from None
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz '{engine}' failed (exit {done.returncode}): "
                          + ("; ".join(detail[-3:]) or "no output"))
    return done.stdout
