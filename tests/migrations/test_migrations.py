"""Alembic builds exactly the schema the models describe, and guards against newer databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from lbn_desktop.database import DatabaseTooNew, open_database, sqlite_url
from models.migrations.schema import metadata
from models.stock.entities import Location, LocationKind


def test_migrated_schema_matches_the_models(empty_url: str) -> None:
    database = open_database(empty_url, backup=False)
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    database.dispose()
    assert diff == []


def test_first_migration_creates_the_virtual_locations(tmp_path: Path) -> None:
    database = open_database(sqlite_url(tmp_path / "fresh.sqlite3"))
    with database.sessions() as s:
        kinds = set(s.scalars(select(Location.kind)))
    database.dispose()
    assert kinds == {k.value for k in LocationKind if k.is_virtual}


def test_opening_twice_is_a_no_op(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "db.sqlite3")
    open_database(url).dispose()
    open_database(url).dispose()
    with sqlite3.connect(tmp_path / "db.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(sqlite_url(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM alembic_version")
        conn.execute("INSERT INTO alembic_version (version_num) VALUES ('9999_future')")
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(sqlite_url(path))


def test_connections_enforce_foreign_keys(tmp_path: Path) -> None:
    database = open_database(sqlite_url(tmp_path / "db.sqlite3"))
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    database.dispose()


def test_cheap_revision_reading_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from models.migrations.config import alembic_config, shipped_revisions

    script = ScriptDirectory.from_config(alembic_config())
    known, heads = shipped_revisions()
    assert known == {rev.revision for rev in script.walk_revisions()}
    assert heads == set(script.get_heads())
