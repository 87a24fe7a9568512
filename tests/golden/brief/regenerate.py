"""Rewrite the golden briefs after a deliberate change to the brief or to its input dossiers.

    python tests/golden/brief/regenerate.py

Writes, next to this script, every file named in :data:`GOLDEN`; ``tests/test_brief.py`` checks
that the library still produces each of them byte for byte. Read the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from argmap.brief import brief  # noqa: E402
from argmap.io.files import load  # noqa: E402

#: Golden file name -> (dossier, side, keyword arguments of :func:`argmap.brief.brief`).
GOLDEN: dict[str, tuple[str, str, dict[str, object]]] = {
    "mynumber-card-brief-en.md": ("claims/mynumber-card.yaml", "jichiroren", {"lang": "en"}),
    "mynumber-card-brief-ja.md": ("claims/mynumber-card.yaml", "jichiroren", {"lang": "ja"}),
    "fixture-brief-en.md": ("tests/fixtures/brief/case.yaml", "union", {"lang": "en"}),
    "fixture-brief-ja.md": ("tests/fixtures/brief/case.yaml", "union", {"lang": "ja"}),
    "fixture-brief-en-2023-06-30.md": ("tests/fixtures/brief/case.yaml", "union",
                                       {"lang": "en", "as_of": "2023-06-30"}),
    # the protest case: summaries apart from words, quotes in translation, a group that holds
    "protest-brief-en.md": ("tests/fixtures/brief/protest.yaml", "protesters", {"lang": "en"}),
    "protest-brief-ja.md": ("tests/fixtures/brief/protest.yaml", "protesters", {"lang": "ja"}),
    # the brief's sentences in the other languages with interface words (texts fall back)
    "protest-brief-zh-Hans.md": ("tests/fixtures/brief/protest.yaml", "protesters",
                                 {"lang": "zh-Hans"}),
    "protest-brief-zh-Hant.md": ("tests/fixtures/brief/protest.yaml", "protesters",
                                 {"lang": "zh-Hant"}),
    "protest-brief-ko.md": ("tests/fixtures/brief/protest.yaml", "protesters", {"lang": "ko"}),
    # without the map: Graphviz's SVG differs between Graphviz versions and installed fonts
    "fixture-brief-en.html": ("tests/fixtures/brief/case.yaml", "union",
                              {"lang": "en", "format": "html", "with_map": False}),
}


def render(name: str) -> str:
    """The current text of one golden file."""
    path, side, kwargs = GOLDEN[name]
    return brief(load(ROOT / path), side, **kwargs)  # type: ignore[arg-type]


def main() -> None:
    for name in GOLDEN:
        (HERE / name).write_text(render(name), encoding="utf-8", newline="\n")
        print(f"wrote {HERE.relative_to(ROOT) / name}")


if __name__ == "__main__":
    main()
