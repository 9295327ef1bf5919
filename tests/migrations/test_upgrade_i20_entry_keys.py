"""A database made by i17_vehicle_checks keeps its distributions and administrations after the
entry-key upgrade; they have no key, and a key, once recorded, cannot be recorded again."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from lbn_desktop.database import open_database
from models.migrations.config import alembic_config

PREVIOUS = "i17_vehicle_checks"
OLD_ROWS = [
    "INSERT INTO location (id, name, kind, parent_id, active) VALUES"
    " (9001, 'Station 9', 'station', NULL, true), (9002, 'Medic 9', 'vehicle', 9001, true)",
    'INSERT INTO operation (id, at, effective_on, reason, "user") VALUES'
    " (9101, '2026-01-10 10:00', '2026-01-10', 'distribute', 'Lt. Diaz'),"
    " (9102, '2026-01-10 11:00', '2026-01-10', 'administer', 'Lt. Diaz')",
    "INSERT INTO distribution (id, occurred_on, kits, location_id, zip_code, setting,"
    " relationship, naloxone_administered, services_offered, operation_id, recorded_at,"
    " recorded_by) VALUES (9201, '2026-01-10', 2, 9002, '12866', 'overdose_scene', 'family',"
    " false, true, 9101, '2026-01-10 10:00', 'Lt. Diaz')",
    "INSERT INTO administration (id, occurred_on, doses, location_id, from_kit, operation_id,"
    " recorded_at, recorded_by) VALUES (9301, '2026-01-10', 1, 9002, false, 9102,"
    " '2026-01-10 11:00', 'Lt. Diaz')",
]


def test_old_records_are_kept_without_a_key_and_a_key_is_recorded_once(empty_url: str) -> None:
    engine = create_engine(empty_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    with engine.begin() as connection:
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    engine.dispose()

    database = open_database(empty_url, backup=False)
    with database.engine.begin() as connection:
        kept = connection.execute(text("SELECT id, kits, entry_key FROM distribution")).all()
        assert [tuple(r) for r in kept] == [(9201, 2, None)]
        given = connection.execute(text("SELECT doses, entry_key FROM administration")).all()
        assert [tuple(r) for r in given] == [(1, None)]
        connection.execute(text("UPDATE distribution SET entry_key = 'abc' WHERE id = 9201"))
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO distribution (occurred_on, kits, location_id, zip_code, setting,"
                " relationship, naloxone_administered, services_offered, operation_id,"
                " recorded_at, recorded_by, entry_key) VALUES ('2026-01-11', 1, 9002, '12866',"
                " 'other', 'friend', false, false, 9102, '2026-01-11 09:00', 'x', 'abc')"
            )
        )
    database.dispose()
