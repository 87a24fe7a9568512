"""Rewrite the golden DOT files of the renderer tests (run after a deliberate change of look).

    python tests/golden/regenerate.py

Writes ``tests/golden/<case>-<view>-<lang>.dot`` for the renderer's fixture case and the example
case ``claims/mynumber-card.yaml``. Review the diff before committing: the goldens are the
specification of the maps.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from argmap.io.files import load  # noqa: E402
from argmap.maps import VIEWS, RenderOptions, draw  # noqa: E402

GOLDEN = Path(__file__).resolve().parent

#: (case name, dossier path, languages) drawn into goldens.
CASES = (
    ("card-talks", ROOT / "tests" / "fixtures" / "render" / "card-talks.yaml", ("ja", "en")),
    ("mynumber-card", ROOT / "claims" / "mynumber-card.yaml", ("ja", "en")),
)


def goldens() -> dict[str, str]:
    """Every golden file name with the DOT source it should hold."""
    out: dict[str, str] = {}
    for name, path, langs in CASES:
        if not path.exists():
            continue
        dossier = load(path)
        for lang in langs:
            for view in VIEWS:
                out[f"{name}-{view}-{lang}.dot"] = draw(dossier, view,
                                                        RenderOptions(lang=lang)).source
    return out


def main() -> None:
    for file_name, source in sorted(goldens().items()):
        (GOLDEN / file_name).write_text(source, encoding="utf-8")
        print(GOLDEN / file_name)


if __name__ == "__main__":
    main()
