"""Argdown export checked by Argdown's own parser (``argdown json`` of @argdown/cli 2.0.0).

Every Argdown export of the example case (en and ja), of the format fixtures and of every file in
the shared corpora must be accepted by the reference parser, which must find the statements,
arguments and relations the exporter says it wrote, and read every statement's text as the
dossier has it. ``scripts/setup.sh --test`` installs the CLI into tests/argdown-cli/node_modules
when node and npm exist; the tests skip (and say why) where they don't. All files go to one
``argdown json`` run: the CLI takes about two seconds to start.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import CORPORA, EXAMPLE, ROOT

from argmap.dossier import Dossier
from argmap.formats import Exported, argdown, export_report, read_file
from argmap.formats._argdown_parse import parse
from argmap.lang import pick

CLI = ROOT / "tests" / "argdown-cli" / "node_modules" / ".bin" / "argdown"
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
#: the folders of the shared corpora that hold importable maps
CORPUS_FOLDERS = ("aif", "aif/qt30", "xaif", "kialo", "kialo/discussion-layout", "microtexts",
                  "argdown")
_REJECTED = re.compile(r"Argdown syntax errors in (.+?): (\d+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _cli_or_skip() -> Path:
    if CLI.exists():
        return CLI
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are not installed, so the Argdown CLI is not either")
    if os.environ.get("CI"):
        pytest.fail(f"node and npm are installed but the Argdown CLI is not ({CLI}): "
                    "scripts/setup.sh --test installs it")
    pytest.skip(f"the Argdown CLI is not installed ({CLI}): run scripts/setup.sh --test")


@dataclass
class Case:
    """One export and what the reference parser made of it."""

    name: str
    dossier: Dossier
    lang: str | None
    exported: Exported
    parsed: dict | None = None  # the CLI's JSON, None when it refused the file
    refused: str = ""  # the CLI's messages, when it refused this file


def _sources() -> list[tuple[str, Dossier, str | None]]:
    from argmap.io.files import load

    found: list[tuple[str, Dossier, str | None]] = []
    if EXAMPLE.exists():
        example = load(EXAMPLE)
        found += [(f"example-{lang}", example, lang) for lang in ("en", "ja")]
    paths = sorted(p for p in FIXTURES.iterdir() if p.is_file())
    if CORPORA.exists():
        paths += sorted(p for folder in CORPUS_FOLDERS for p in (CORPORA / folder).iterdir()
                        if p.is_file() and p.suffix in (".json", ".txt", ".xml", ".argdown"))
    for path in paths:
        name = f"{path.parent.name}-{path.stem}".replace(".", "-")
        found.append((name, read_file(path).dossier, None))  # every real map must import
    return found


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    cli = _cli_or_skip()
    src, out = tmp_path_factory.mktemp("argdown"), tmp_path_factory.mktemp("json")
    cases = [Case(name, d, lang, export_report(d, "argdown", lang)) for name, d, lang in _sources()]
    for case in cases:
        (src / f"{case.name}.argdown").write_text(case.exported.text, encoding="utf-8")
    run = subprocess.run([str(cli), "json", str(src / "*.argdown"), str(out)],
                         capture_output=True, text=True, timeout=300, check=False)
    log = _ANSI.sub("", run.stdout + run.stderr)
    rejected = {Path(f).stem for f, _ in _REJECTED.findall(log)}
    for case in cases:
        result = out / f"{case.name}.json"
        if case.name in rejected:
            case.refused = log  # the CLI names the file and each error's line and column
        elif result.exists():
            case.parsed = json.loads(result.read_text(encoding="utf-8"))
    if all(case.parsed is None for case in cases):
        pytest.fail(f"the Argdown CLI read none of the files:\n{log[-2000:]}")
    return cases


def test_the_reference_parser_accepts_every_export(cases):
    refused = [case.name for case in cases if case.refused]
    # after refusing a file, the CLI stops: the files it did not reach are listed apart
    unread = [case.name for case in cases if case.parsed is None and not case.refused]
    log = next((c.refused for c in cases if c.refused), "")
    assert (refused, unread) == ([], []), \
        f"argdown json refused {refused}, did not reach {unread}:\n{log[-3000:]}"
    assert len(cases) >= 2


def test_it_counts_what_the_exporter_wrote(cases):
    for case in cases:
        assert case.parsed is not None
        theirs = {kind: len(case.parsed[kind]) for kind in ("statements", "arguments",
                                                            "relations")}
        assert theirs == case.exported.written, case.name
        ours = parse(case.exported.text, case.name)  # argmap's own reader agrees
        assert (len(ours.statements), len(ours.arguments), len(ours.relations)) == (
            theirs["statements"], theirs["arguments"], theirs["relations"]), case.name


def _their_text(member: dict) -> str:
    """A statement's text as the reference reads it, without the tags we appended."""
    text = member["text"]
    tags = sorted((r for r in member.get("ranges", []) if r["type"] == "tag"),
                  key=lambda r: -r["start"])
    for tag in tags:
        if not text[tag["stop"] + 1:].strip():
            text = text[:tag["start"]]
    return text.strip()


def test_it_reads_every_text_as_the_dossier_has_it(cases):
    for case in cases:
        assert case.parsed is not None
        texts: dict[str, str] = {}
        for table, role in (("statements", None), ("arguments", "argument-description")):
            for title, element in case.parsed[table].items():
                for member in element.get("members", []):
                    if member.get("text") and not member.get("isReference") \
                            and role in (None, member.get("role")):
                        texts.setdefault(title, _their_text(member))
        d = case.dossier
        for item in [*d.claims, *d.demands, *d.responses, *d.evidence, *d.actions]:
            text = getattr(item, "text", None)
            text = getattr(item, "quote", None) if text is None else text
            assert texts.get(item.id, "") == " ".join(pick(text, case.lang).split()), \
                (case.name, item.id)


def test_escaped_syntax_reads_back_in_argmap_too():
    from argmap.model import Claim

    words = ("(1) [Confirm that] a_b is 10 * 2 // see http://x.org/#part, e.g. x.A.y "
             ":smile: #1 {a: b} <b> \\ === **b** @[T]")
    d = Dossier(claims=[Claim(id="a", text=words)])
    text = argdown.dump(d)
    assert argdown.load(text).dossier.get("a").text == words
