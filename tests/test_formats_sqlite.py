"""SQLite export: the normalised schema, each demand's status, full-text search, several cases
in one database, and files that are never left half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import FileError
from argmap.formats import read_file, write_file
from argmap.formats.sqlite import FTS, TABLES
from argmap.tracking import demand_status

PETITIONS = Path(__file__).parent / "fixtures" / "uk-petitions" / "list.json"


@pytest.fixture(scope="module")
def petitions():
    return read_file(PETITIONS).dossier


@pytest.fixture
def db(tmp_path, example, petitions):
    path = write_file([("mynumber-card", example), ("petitions", petitions)], "sqlite",
                      tmp_path / "cases.db")
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def _one(conn, sql, *args):
    return conn.execute(sql, args).fetchone()


def test_tables_view_and_integrity(db):
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(TABLES) <= names
    assert {f"{t}_fts" for t in FTS} <= names
    assert _one(db, "SELECT type FROM sqlite_master WHERE name='demands_current'") == ("view",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _one(db, "PRAGMA integrity_check") == ("ok",)
    # every reference column points at something that exists
    assert db.execute("SELECT * FROM demand_to t LEFT JOIN actors a ON a.key = t.actor_key "
                      "WHERE a.key IS NULL").fetchall() == []


def test_cases_and_counts(db, example, petitions):
    rows = db.execute("SELECT id, items, demands, judged_on FROM cases ORDER BY id").fetchall()
    assert rows == [("mynumber-card", len(example), len(example.demands), "2020-04-24"),
                    ("petitions", len(petitions), 3, "2018-10-15")]
    for case, dossier in (("mynumber-card", example), ("petitions", petitions)):
        for section in ("actors", "events", "demands", "responses", "relations"):
            count = _one(db, f"SELECT count(*) FROM {section} WHERE case_id = ?", case)[0]
            assert count == len(getattr(dossier, section)), (case, section)
        assert _one(db, "SELECT count(*) FROM items WHERE case_id = ?", case)[0] == len(dossier)


def test_each_demands_current_status(db, example):
    statuses = demand_status(example)
    for demand, status in statuses.items():
        row = _one(db, "SELECT said, done, on_paper, answers FROM demand_status "
                   "WHERE demand_key = ?", f"mynumber-card/{demand}")
        assert row == (status.said.value, status.done.value, int(status.on_paper),
                       len(status.answers))
        history = db.execute("SELECT axis, value, item_key FROM status_history "
                             "WHERE demand_key = ? ORDER BY position",
                             (f"mynumber-card/{demand}",)).fetchall()
        assert history == [(c.axis, c.value.value, f"mynumber-card/{c.item}")
                           for c in status.history]
    assert statuses  # the example has demands
    rated = _one(db, "SELECT said, to_ FROM (SELECT said, \"to\" AS to_, id FROM demands_current)"
                 " WHERE id = 'petition-300001'")
    assert rated == ("not_yet_rated", "Ministry of Justice")


def test_full_text_search_in_both_languages(db):
    found = db.execute("SELECT key FROM demands WHERE rowid IN (SELECT rowid FROM demands_fts "
                       "WHERE demands_fts MATCH 'timetable')").fetchall()
    assert found == [("petitions/petition-300003",)]
    # the chosen language is the case's first (Japanese for the example); English is in
    # translations, searchable too
    ja = db.execute("SELECT count(*) FROM demands_fts WHERE demands_fts MATCH 'カード'").fetchone()
    en = db.execute("SELECT count(*) FROM translations_fts WHERE translations_fts MATCH "
                    "'\"My Number\"'").fetchone()
    assert ja[0] > 0 and en[0] > 0
    # the trigram index matches three characters or more; shorter words go through LIKE
    like = db.execute("SELECT count(*) FROM demands WHERE text LIKE '%取得%'").fetchone()
    assert like[0] > 0
    quote = db.execute("SELECT item_key FROM citations WHERE rowid IN (SELECT rowid FROM "
                       "citations_fts WHERE citations_fts MATCH 'legal aid')").fetchall()
    assert ("petitions/petition-300001-response",) in quote


def test_adding_a_case_replaces_it_and_keeps_the_others(tmp_path, example, petitions):
    path = tmp_path / "t.db"
    write_file([("mynumber-card", example)], "sqlite", path)
    write_file([("petitions", petitions)], "sqlite", path)
    write_file([("petitions", petitions)], "sqlite", path)  # again: replaced, not doubled
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id FROM cases ORDER BY id").fetchall() == [
        ("mynumber-card",), ("petitions",)]
    assert conn.execute("SELECT count(*) FROM demands WHERE case_id='petitions'").fetchone() == (3,)
    assert conn.execute("SELECT count(*) FROM demands_fts WHERE demands_fts MATCH "
                        "'timetable'").fetchone() == (1,)
    conn.close()


def test_foreign_files_are_refused_and_kept(tmp_path, petitions):
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    with pytest.raises(FileError, match="cannot write the database"):
        write_file([("petitions", petitions)], "sqlite", text)
    assert text.read_text() == "not a database"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE cases (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(FileError, match="not a database argmap wrote"):
        write_file([("petitions", petitions)], "sqlite", other)
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db", "other.db"]


def test_cli_exports_several_dossiers(tmp_path):
    runner = CliRunner()
    example = Path(__file__).resolve().parents[1] / "claims" / "mynumber-card.yaml"
    petitions = tmp_path / "petitions.yaml"
    assert runner.invoke(cli, ["import", str(PETITIONS), "-o", str(petitions)]).exit_code == 0
    out = tmp_path / "cases.db"
    done = runner.invoke(cli, ["export", str(example), str(petitions), "--to", "sqlite",
                               "-o", str(out)])
    assert done.exit_code == 0, done.output
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT id FROM cases ORDER BY id").fetchall() == [
        ("mynumber-card",), ("petitions",)]
    conn.close()
    done = runner.invoke(cli, ["export", str(example), "--to", "sqlite"])
    assert done.exit_code == 1 and "sqlite is written to a file" in done.stderr
    done = runner.invoke(cli, ["export", str(example), str(petitions), "--to", "graphml",
                               "-o", str(tmp_path / "x.graphml")])
    assert done.exit_code == 1 and "holds one dossier" in done.stderr
    assert not (tmp_path / "x.graphml").exists()


def test_every_row_holds_every_column(example, petitions):
    from argmap.formats.sqlite import _Rows
    from argmap.io.files import load

    hostile = load(Path(__file__).parent / "fixtures" / "page" / "hostile.yaml")
    for name, dossier in (("a", example), ("b", petitions), ("c", hostile)):
        rows = _Rows(name, dossier, None)
        rows.collect()
        for table, columns in TABLES.items():
            for row in rows.rows[table]:
                assert set(row) == set(columns), (table, set(row) ^ set(columns))


def test_english_cases_get_a_word_index_until_a_japanese_one_comes(tmp_path, example, petitions):
    path = tmp_path / "t.db"
    write_file([("petitions", petitions)], "sqlite", path)
    conn = sqlite3.connect(path)
    schema = conn.execute("SELECT sql FROM sqlite_master WHERE name='demands_fts'").fetchone()[0]
    assert "porter" in schema
    assert conn.execute("SELECT count(*) FROM demands_fts WHERE demands_fts MATCH 'tenants'"
                        ).fetchone() == (1,)  # the text says "tenant": stems match
    conn.close()
    write_file([("mynumber-card", example)], "sqlite", path)
    conn = sqlite3.connect(path)
    schema = conn.execute("SELECT sql FROM sqlite_master WHERE name='demands_fts'").fetchone()[0]
    assert "trigram" in schema
    assert conn.execute("SELECT count(*) FROM demands_fts WHERE demands_fts MATCH 'timetable'"
                        ).fetchone() == (1,)
    conn.close()


# --- a said per demand, dates as the record gives them ----------------------------------------


def test_each_answer_and_demand_pair_holds_what_was_said_to_that_demand(db):
    pairs = db.execute("SELECT response_key, demand_key, said FROM response_to "
                       "WHERE response_key IN (?, ?) ORDER BY response_key, demand_key",
                       ("mynumber-card/resp-2019-07-18-federation",
                        "mynumber-card/resp-2019-10-15-no-competition")).fetchall()
    assert pairs == [
        ("mynumber-card/resp-2019-07-18-federation", "mynumber-card/d-2019-07-18-data-diversion",
         "refused"),
        ("mynumber-card/resp-2019-07-18-federation", "mynumber-card/d-2019-07-18-kanshou",
         "deflected"),
        ("mynumber-card/resp-2019-10-15-no-competition", "mynumber-card/d-2019-07-23-no-survey",
         "refused"),
        ("mynumber-card/resp-2019-10-15-no-competition",
         "mynumber-card/d-2019-10-15-no-competition", "accepted")]
    # responses.said is the one value an answer gave all its demands, NULL when they differ
    assert _one(db, "SELECT said FROM responses WHERE id = 'resp-2019-07-18-federation'") == (None,)
    assert _one(db, "SELECT said FROM responses WHERE id = 'resp-2019-07-23-no-compulsion'") == (
        "accepted",)
    assert _one(db, "SELECT said FROM responses WHERE id = 'petition-300001-response'") == (
        "not_yet_rated",)
    # every pair has its value; the demands' current status agrees
    assert _one(db, "SELECT count(*) FROM response_to WHERE said IS NULL") == (0,)
    now = dict(db.execute("SELECT id, said FROM demands_current WHERE id IN "
                          "('d-2019-07-18-kanshou', 'd-2019-07-18-data-diversion')").fetchall())
    assert now == {"d-2019-07-18-kanshou": "deflected", "d-2019-07-18-data-diversion": "refused"}


def test_dates_are_the_ones_items_bear_and_none_is_made_up(tmp_path, example):
    from argmap.io.files import load

    undated = load(Path(__file__).parent / "fixtures" / "site" / "undated.yaml")
    path = write_file([("mynumber-card", example), ("undated", undated)], "sqlite",
                      tmp_path / "u.db")
    conn = sqlite3.connect(path)
    try:
        # a demand dated by its event has the event's date: "made" is empty exactly for the
        # demands the record does not date
        made = dict(conn.execute("SELECT id, made FROM demands_current "
                                 "WHERE case_id = 'mynumber-card'").fetchall())
        assert made == {d.id: None if (day := example.date_of(d.id)) is None else day.isoformat()
                        for d in example.demands}
        assert sum(1 for v in made.values() if v is not None) > 10
        assert conn.execute("SELECT date, precision, at_key FROM demands WHERE key = "
                            "'undated/d-data'").fetchone() == ("2019-07-18", "day",
                                                               "undated/e-talks")
        # undated action and event: no date, no precision
        assert conn.execute("SELECT date, precision FROM actions WHERE key = "
                            "'undated/a-undated'").fetchone() == (None, None)
        assert conn.execute("SELECT date, precision FROM events WHERE key = "
                            "'undated/e-start'").fetchone() == (None, None)
        assert conn.execute("SELECT axis, value, date FROM status_history WHERE demand_key = "
                            "'undated/d-data' ORDER BY position").fetchall() == [
            ("done", "not_delivered", None), ("said", "refused", "2019-07-18")]
        # a figure known to the month says so
        assert conn.execute("SELECT as_of, as_of_precision FROM figures WHERE evidence_key = "
                            "'undated/v-staff'").fetchone() == ("2019-11-01", "month")
        sanjo = conn.execute("SELECT as_of_precision FROM figures WHERE evidence_key = "
                             "'mynumber-card/ev-sanjo-950-staff'").fetchone()
        assert sanjo == ("month",)
    finally:
        conn.close()


def test_every_field_of_a_dossier_has_a_column(example):
    """The database leaves nothing of a dossier out: each field of each kind of item (and of
    the dossier's info) is a column, a link table, or a text in ``translations``."""
    from argmap.model import SECTIONS, DossierInfo, Figure, Verdict

    held = {  # a field -> where it goes, for those not named as a column of the item's table
        "by": "<kind>_by", "to": "demand_to / response_to", "participants": "event_participants",
        "tags": "tags", "cites": "citations", "effects": "effects", "from_": "relation_from",
        "value": "figures", "verdict": "verdict_*", "parent": "parent_key", "at": "at_key",
        "source": "source_key",
    }
    tables = {"claim": "claims", "demand": "demands", "response": "responses",
              "evidence": "evidence", "action": "actions", "relation": "relations",
              "actor": "actors", "source": "sources", "event": "events"}
    for model in SECTIONS.values():
        columns = TABLES[tables[model.KIND]]
        for name in model.model_fields:
            assert name in columns or name in held, (model.KIND, name)
    assert {f"verdict_{n}" if n not in ("by", "source") else f"verdict_{n}_key"
            for n in Verdict.model_fields} <= set(TABLES["claims"]) & set(TABLES["demands"])
    assert set(Figure.model_fields) <= set(TABLES["figures"])
    assert {n if n != "source" else "source_key" for n in DossierInfo.model_fields} <= set(
        TABLES["cases"])


def test_a_database_of_an_earlier_layout_is_refused_and_kept(tmp_path, petitions):
    path = write_file([("petitions", petitions)], "sqlite", tmp_path / "old.db")
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX idx_response_to_said")
    conn.execute("ALTER TABLE response_to DROP COLUMN said")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(FileError, match=r"earlier argmap, without response_to\.said"):
        write_file([("petitions", petitions)], "sqlite", path)
    assert path.read_bytes() == before
