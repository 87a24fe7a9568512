"""Properties any input must keep, shared by the test suite (few examples) and the long fuzz run
(``python tests/fuzz/run.py``, many examples)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.io.files import loads
from argmap.formats import IMPORTABLE, read_bytes, read_file
from argmap.maps import RenderOptions, draw
from argmap.text import clean, iter_graphemes, wrap

VIEWS = ("demands", "arguments", "timeline")

#: Bytes that look a little like the formats argmap reads, and bytes that look like nothing.
foreign_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(alphabet='[]<>(){}:#+-_>\n\t =.,1aAlinodeIDtypeProCn"\'\\&;!?', max_size=400)
    .map(str.encode),
    st.sampled_from([b'{"nodes": [], "edges": []}', b"Discussion Title: x\n\n1. t\n",
                     b"<arggraph id='x'></arggraph>", b"[A]: a\n  + [B]: b\n"])
    .flatmap(lambda seed: st.binary(max_size=40).map(lambda tail: seed + tail)),
)
dossier_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="actors:claims- id: text[]{},\"'&*!|>\n\t 0123456789.", max_size=300),
)


def wrap_keeps_every_grapheme_in_order(text: str, width: int) -> None:
    """Wrapping only breaks lines: no visible grapheme is lost, added or reordered."""
    lines = wrap(text, width, max_lines=10_000, balance=True)
    shown = [g for line in lines for g in iter_graphemes(line) if not g.isspace()]
    source = [g for g in iter_graphemes(clean(text)) if not g.isspace()]
    assert shown == source


def importers_raise_only_argmap_errors(data: bytes, tmp: Path) -> None:
    """Any bytes, read as any foreign format or guessed from a file, give a dossier or an
    ArgmapError, never another exception."""
    for fmt in IMPORTABLE:
        try:
            read_bytes(data, fmt, "fuzz")
        except ArgmapError:
            pass
    for suffix in (".json", ".txt", ".xml", ".argdown", ".bin"):
        path = tmp / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            read_file(path)
        except ArgmapError:
            pass


def loading_raises_only_argmap_errors(text: str) -> None:
    """Any text, read as a YAML or JSON dossier, gives a dossier or an ArgmapError."""
    for fmt in ("yaml", "json"):
        try:
            loads(text, fmt)
        except ArgmapError:
            pass


def every_view_is_valid_dot(dossier) -> None:
    """Every view of any valid dossier is DOT that Graphviz parses."""
    dot = shutil.which("dot")
    assert dot is not None, "Graphviz 'dot' is needed"
    for view in VIEWS:
        source = draw(dossier, view, RenderOptions(lang="en")).source
        done = subprocess.run([dot, "-Tcanon"], input=source.encode("utf-8"),
                              capture_output=True, timeout=60)
        assert done.returncode == 0, (view, done.stderr.decode("utf-8", "replace"))
