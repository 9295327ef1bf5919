"""A database made by 0005_merge_round_two keeps its places and stock after the vehicle-check
upgrade, and its vehicles start with no check on record."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from lbn_desktop.database import open_database
from models.migrations.config import alembic_config

PREVIOUS = "0005_merge_round_two"


def test_an_old_database_keeps_its_vehicles_and_gains_an_empty_check_history(
    empty_url: str,
) -> None:
    engine = create_engine(empty_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO location (id, name, kind, parent_id, active) VALUES"
                " (9001, 'Station 9', 'station', NULL, true),"
                " (9002, 'Medic 9', 'vehicle', 9001, true)"
            )
        )
    engine.dispose()
    database = open_database(empty_url, backup=False)
    with database.engine.connect() as connection:
        names = connection.execute(
            text("SELECT name FROM location WHERE id IN (9001, 9002) ORDER BY id")
        ).scalars()
        assert list(names) == ["Station 9", "Medic 9"]
        assert connection.execute(text("SELECT COUNT(*) FROM vehicle_check")).scalar() == 0
        assert connection.execute(text("SELECT COUNT(*) FROM vehicle_check_line")).scalar() == 0
    database.dispose()
