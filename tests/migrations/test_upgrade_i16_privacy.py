"""i16_privacy: a database at 0003_merge_areas upgrades with its distributions and notes intact."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from lbn_desktop.database import open_database
from models.migrations.config import alembic_config
from tests.migrations.test_upgrade_keeps_data import ROWS

PREVIOUS = "0003_merge_areas"


def test_upgrade_adds_outcome_tags_and_the_redaction_record_keeping_rows(empty_url: str) -> None:
    engine = create_engine(empty_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    with engine.begin() as connection:
        for sql in ROWS.values():
            connection.execute(text(sql))
    engine.dispose()

    database = open_database(empty_url, backup=False)
    with database.engine.connect() as connection:
        row = connection.execute(text("SELECT kits, zip_code, outcomes FROM distribution")).one()
        note = connection.execute(text("SELECT note FROM operation WHERE id = 1")).scalar()
        tables = set(inspect(connection).get_table_names())
    database.dispose()
    assert tuple(row) == (1, "12866", None)
    assert note == "first delivery"
    assert "text_redaction" in tables
