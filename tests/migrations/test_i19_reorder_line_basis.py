"""A reorder line made before i19_reorder_line_basis keeps every figure after the upgrade; the
new columns read 0 units in kits, unknown days and no quantity note."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from lbn_desktop.database import open_database
from models.migrations.config import alembic_config

PREVIOUS = "0003_merge_areas"
ROWS = [
    "INSERT INTO product (id, name, kind, unit_of_issue, package_name, units_per_package,"
    " doses_per_unit, lot_tracked, expires, rx_only, active) VALUES"
    " (1, 'Narcan', 'naloxone', 'device', 'carton', 2, 1, true, true, false, true)",
    "INSERT INTO source (id, name, program_type, ordering_method, lead_time_days, active)"
    " VALUES (1, 'County OEM', 'county_program', 'email', 14, true)",
    "INSERT INTO reorder (id, source_id, status, include_trained_count, window_months,"
    " max_months, min_months, lead_time_days, created_at, created_by) VALUES"
    " (1, 1, 'draft', false, 6, 6.0, 3.0, 14, '2026-01-02 09:00:00', 'qm')",
    "INSERT INTO reorder_line (id, reorder_id, position, product_id, label, unit, package_name,"
    " units_per_package, packages, quantity, basis, amc, distributed, administered, expired,"
    " lost, on_hand, expiring, usable, on_order, max_units, min_units, surge, months_of_stock,"
    " steps) VALUES (1, 1, 0, 1, 'Narcan', 'device', 'carton', 2, 5, 10, 'consumption', 3.0,"
    " 12, 4, 0, 2, 22, 10, 12, 0, 18, 9, 1.0, 4.0, 'AMC = 3')",
]


def test_an_old_reorder_line_keeps_its_figures(empty_url: str) -> None:
    engine = create_engine(empty_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    with engine.begin() as connection:
        for sql in ROWS:
            connection.execute(text(sql))
    engine.dispose()
    database = open_database(empty_url, backup=False)
    with database.engine.connect() as connection:
        row = connection.execute(text("SELECT * FROM reorder_line WHERE id = 1")).mappings().one()
    database.dispose()
    assert (row["packages"], row["quantity"], row["amc"], row["usable"]) == (5, 10, 3.0, 12)
    assert (row["in_kits"], row["history_days"], row["quantity_note"]) == (0, None, None)
