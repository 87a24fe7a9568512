"""Format registry: guessing, importing, exporting, and errors that are never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks import check
from argmap.errors import FileError, FormatError
from argmap.formats import (
    EXPORTABLE,
    FORMATS,
    IMPORTABLE,
    export,
    guess_format,
    import_file,
    read_bytes,
    slugify,
)
from conftest import CORPORA, shared

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"


def test_registry():
    assert IMPORTABLE == ("aif", "microtexts", "kialo", "argdown", "uk-petitions")
    assert set(EXPORTABLE) == {"aif", "kialo", "argdown", "claimreview", "graphml", "node-link",
                               "sqlite"}
    assert all(FORMATS[name].sniff for name in IMPORTABLE)


@pytest.mark.parametrize("name, fmt", [
    ("quirks.aif.json", "aif"), ("small.kialo.txt", "kialo"), ("linked.xml", "microtexts"),
    ("small.argdown", "argdown")])
def test_guess_fixtures(name, fmt, tmp_path):
    path = FIXTURES / name
    assert guess_format(path, path.read_bytes()) == fmt
    # content decides when the suffix says nothing or misleads
    assert guess_format(tmp_path / "upload.bin", path.read_bytes()) == fmt
    dossier = import_file(path)
    assert check(dossier) is dossier


def test_guess_real_files():
    corpora = shared("corpora")
    expected = {"aif": "aif", "xaif": "aif", "kialo": "kialo", "microtexts": "microtexts",
                "argdown": "argdown"}
    for folder, fmt in expected.items():
        for path in sorted(p for p in (corpora / folder).glob("*") if p.is_file()):
            assert guess_format(path, path.read_bytes()) == fmt, path


def test_guess_failure_says_what_was_tried():
    with pytest.raises(FormatError) as info:
        guess_format(Path("notes.md"), b"just some words\n")
    message = str(info.value)
    assert message.startswith("notes.md: cannot tell the format; tried aif: invalid JSON")
    for name in IMPORTABLE:
        assert f"{name}: " in message


def test_unknown_and_wrong_direction_formats(tmp_path):
    path = FIXTURES / "small.kialo.txt"
    with pytest.raises(FormatError, match="unknown format 'graphml' for import"):
        import_file(path, "graphml")
    with pytest.raises(FormatError, match="unknown format 'microtexts' for export"):
        export(import_file(path), "microtexts")
    with pytest.raises(FileError):
        import_file(tmp_path / "missing.json")


def test_warnings_are_collected():
    found: list = []
    import_file(FIXTURES / "small.argdown", warnings=found)
    assert len(found) == 2 and all(str(w).startswith(str(FIXTURES)) for w in found)


def test_not_utf8_has_a_line():
    with pytest.raises(FormatError) as info:
        read_bytes(b"1. ok\n1.1. Pro: \xff\n", "kialo", "k.txt")
    assert info.value.line == 2


def test_slugify():
    assert slugify("4_173158685654602051") == "4_173158685654602051"
    assert slugify(17) == "17"
    assert slugify("Statement 1") == "statement-1"
    assert slugify("Café au lait!") == "cafe-au-lait"
    assert slugify("田中") == slugify("田中") != slugify("佐藤")
    assert slugify("-x-") == "x"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=st.sampled_from(IMPORTABLE),
       data=st.one_of(st.binary(max_size=200),
                      st.text(alphabet="[]<>(){}:#+-_>\n =.1aAlinodeIDtype\"", max_size=200)
                      .map(str.encode)))
def test_garbage_is_format_error_or_a_checked_dossier(fmt, data):
    try:
        result = read_bytes(data, fmt, "fuzz")
    except FormatError:
        return
    check(result.dossier)


def test_every_export_says_what_it_left_out(tmp_path):
    from click.testing import CliRunner

    from argmap.cli import cli
    from argmap.formats import export_report
    from argmap.io.files import dump

    micro = CORPORA / "microtexts" / "micro_b001.xml"
    if not micro.exists():
        pytest.skip("shared corpora not present")
    dossier = import_file(micro)
    for fmt in EXPORTABLE:
        if FORMATS[fmt].dump is None:  # a database file (sqlite) holds every field: see
            continue  # test_formats_sqlite.py::test_every_field_of_a_dossier_has_a_column
        assert export_report(dossier, fmt).left_out is not None, fmt  # every format accounts
    # a microtext to Kialo: the tree keeps 3 of the 5 claims, no undercut, no tag
    assert export_report(dossier, "kialo").left_out == {
        "claims outside the main claim's tree": 2, "'tags' values": 3, "undercuts relations": 1}
    path = tmp_path / "micro.yaml"
    dump(dossier, path)
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "kialo", "-o",
                                      str(tmp_path / "micro.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {tmp_path / 'micro.txt'}\n"
    assert result.stderr == ("kialo: left out: 2 claims outside the main claim's tree, "
                             "3 'tags' values, 1 undercuts relations\n")
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "aif"])
    assert result.stdout.startswith("{") and result.stderr == "aif: nothing left out\n"
