"""A database made at the first schema version, holding data, upgrades to today's schema with
every row intact (on SQLite and, when configured, PostgreSQL)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from lbn_desktop.database import open_database
from models.migrations.config import alembic_config

FIRST = "0001_foundation"

ROWS = {
    "product": "INSERT INTO product (id, name, kind, unit_of_issue, package_name,"
    " units_per_package, doses_per_unit, lot_tracked, expires, rx_only, active) VALUES"
    " (1, 'Narcan', 'naloxone', 'device', 'carton', 2, 1, true, true, false, true),"
    " (2, 'Kit', 'kit', 'kit', 'kit', 1, 2, true, true, false, true)",
    "barcode": "INSERT INTO barcode (id, product_id, code) VALUES (1, 1, '00369547627024')",
    "location": "INSERT INTO location (id, name, kind, parent_id, active) VALUES"
    " (100, 'Station', 'station', NULL, true), (101, 'Car 1', 'vehicle', 100, true)",
    "source": "INSERT INTO source (id, name, program_type, ordering_method, lead_time_days, active)"
    " VALUES (1, 'County OEM', 'county_program', 'email', 14, true)",
    "lot": "INSERT INTO lot (id, product_id, lot_number, expiry, source_id, received_on,"
    " created_at) VALUES (1, 1, 'A1', '2027-06-30', 1, '2026-01-02', '2026-01-02 09:00:00'),"
    " (2, 2, 'K1', '2027-06-30', NULL, '2026-01-03', '2026-01-03 09:00:00')",
    "operation": 'INSERT INTO operation (id, at, reason, "user", note) VALUES'
    " (1, '2026-01-02 09:00:00', 'receive', 'qm', 'first delivery'),"
    " (2, '2026-01-03 09:00:00', 'distribute', 'qm', NULL)",
    "stock_move": "INSERT INTO stock_move (id, operation_id, lot_id, from_location_id,"
    " to_location_id, quantity) VALUES (1, 1, 1, 1, 100, 12), (2, 2, 2, 101, 2, 1)",
    "balance": "INSERT INTO balance (lot_id, location_id, quantity) VALUES"
    " (1, 1, -12), (1, 100, 12), (2, 101, -1), (2, 2, 1)",
    "par_level": "INSERT INTO par_level (id, location_id, product_id, quantity)"
    " VALUES (1, 101, 2, 2)",
    "setting": "INSERT INTO setting (key, value) VALUES ('agency_name', '\"Old Agency\"')",
    "kit_recipe": "INSERT INTO kit_recipe (id, name, kit_product_id, active)"
    " VALUES (1, 'Std', 2, true)",
    "kit_recipe_line": "INSERT INTO kit_recipe_line (id, recipe_id, position, product_id,"
    " quantity, required) VALUES (1, 1, 0, 1, 2, true)",
    "kit_batch": "INSERT INTO kit_batch (id, lot_id, recipe_id, recipe_name, operation_id,"
    " quantity, assembled_at) VALUES (1, 2, 1, 'Std', 1, 1, '2026-01-03 08:00:00')",
    "kit_batch_component": "INSERT INTO kit_batch_component (id, batch_id, lot_id,"
    " quantity_per_kit) VALUES (1, 1, 1, 2)",
    "distribution": "INSERT INTO distribution (id, occurred_on, kits, location_id, zip_code,"
    " setting, relationship, naloxone_administered, services_offered, operation_id,"
    " recorded_at, recorded_by) VALUES (1, '2026-01-03', 1, 101, '12866', 'overdose_scene',"
    " 'family', false, true, 2, '2026-01-03 10:00:00', 'qm')",
    "person": "INSERT INTO person (id, name, badge, active) VALUES (1, 'Officer A', 'B1', true)",
    "training_session": "INSERT INTO training_session (id, held_on, kind, elements,"
    " outside_headcount) VALUES (1, '2026-01-04', 'lbn_roll_call', '[]', 3)",
    "training_attendance": "INSERT INTO training_attendance (session_id, person_id) VALUES (1, 1)",
    "feedback": "INSERT INTO feedback (id, received_on, source, category, text) VALUES"
    " (1, '2026-01-05', 'personnel', 'success', 'Family thanked the officer')",
}


def test_upgrade_from_first_schema_keeps_every_row(empty_url: str) -> None:
    engine = create_engine(empty_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, FIRST)
    with engine.begin() as connection:
        for sql in ROWS.values():
            connection.execute(text(sql))
        before = {t: _rows(connection, t) for t in ROWS}
    engine.dispose()

    database = open_database(empty_url, backup=False)
    with database.engine.connect() as connection:
        after = {t: _rows(connection, t) for t in ROWS}
        agency = connection.execute(text("SELECT value FROM setting WHERE key='agency_name'"))
        assert agency.scalar() == '"Old Agency"'
    database.dispose()
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        for old, new in zip(rows, after[table], strict=True):
            assert {k: v for k, v in new.items() if k in old} == old, table


def _rows(connection, table: str) -> list[dict]:
    result = connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1, 2'))
    return [dict(row._mapping) for row in result]
