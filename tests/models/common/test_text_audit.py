"""Old stored texts holding personal data: found, listed without their text, redacted on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Text, text

from lbn_desktop.__main__ import main
from models.common.text_audit import REDACTED, STORED_TEXTS
from models.migrations.schema import metadata

# Text columns that are not free notes about encounters: agency configuration and contacts.
NOT_NOTES = {
    ("setting", "value"),
    ("reorder", "ship_to"),
    ("reorder", "contact"),
    ("source", "address"),
    ("reorder_line", "steps"),  # ordering steps copied from the source directory
    ("training_session", "elements"),
    ("partner_release", "content"),  # the released figures (JSON), written by the app
    ("reorder_line", "quantity_note"),  # why a quantity is what it is, worded by the app
}


def _old_note(database, note: str) -> int:
    """A note stored by an earlier version, before the screen refused it."""
    with database.sessions.begin() as s:
        s.execute(
            text(
                'INSERT INTO operation (reason, "user", at, note) '
                "VALUES ('adjust', 'old', '2025-01-01 09:00:00', :note)"
            ),
            {"note": note},
        )
        return int(s.execute(text("SELECT max(id) FROM operation")).scalar_one())


def test_every_text_column_is_audited_or_known_not_to_be_a_note():
    text_columns = {
        (table.name, col.name)
        for table in metadata.sorted_tables
        for col in table.columns
        if isinstance(col.type, Text)
    }
    audited = {(t.table, t.column) for t in STORED_TEXTS}
    assert text_columns - audited - NOT_NOTES == set()


def test_old_personal_data_is_found_then_redacted_and_the_redaction_recorded(services, database):
    row_id = _old_note(database, "recount; kit went to John Smith (518) 555-0199")
    _old_note(database, "monthly count")
    found = services.text_audit.find_personal_data()
    assert [(f.table, f.column, f.row_id) for f in found] == [("operation", "note", row_id)]
    assert found[0].reason == "a phone number"
    services.text_audit.redact("operation", "note", row_id)
    with database.sessions.begin() as s:
        note = s.execute(text("SELECT note FROM operation WHERE id = :i"), {"i": row_id}).scalar()
        logged = s.execute(text("SELECT table_name, row_id, reason FROM text_redaction")).all()
    assert note == REDACTED
    assert logged == [("operation", row_id, "a phone number")]
    assert services.text_audit.find_personal_data() == []


def test_a_disposal_keeps_its_kind_when_its_note_is_redacted(services, database):
    row_id = _old_note(database, "donated: given to Maria Garcia")
    services.text_audit.redact("operation", "note", row_id)
    with database.sessions.begin() as s:
        note = s.execute(text("SELECT note FROM operation WHERE id = :i"), {"i": row_id}).scalar()
    assert note == f"donated: {REDACTED}"


def test_check_lists_table_number_and_reason_never_the_text_and_redact_clears_it(
    services, database, backend, db_path: Path, tmp_path: Path, capsys
):
    if backend != "sqlite":
        pytest.skip("the command line is run here against the SQLite file")
    row_id = _old_note(database, "left with John Smith")
    args = ["--database", str(db_path), "--data-dir", str(tmp_path / "data")]
    assert main(["check", *args]) == 1
    printed = capsys.readouterr().out
    assert f"operation.note {row_id}" in printed and "a person's name" in printed
    assert "Smith" not in printed
    assert main(["redact", f"operation.note {row_id}".split()[0], str(row_id), *args]) == 0
    assert main(["check", *args]) == 0
    assert "none looks like personal data" in capsys.readouterr().out
