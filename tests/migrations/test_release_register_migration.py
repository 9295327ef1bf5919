"""A database made at 0003_merge_areas, holding a partner, upgrades: the partner is kept and the
release register starts empty (workbooks sent before it existed were never recorded)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from lbn_desktop.database import open_database
from models.common.clock import FixedClock
from models.common.errors import DomainError
from models.migrations.config import alembic_config
from models.partners.entities import PartnerRelease
from models.partners.periods import month
from models.services import Services

PREVIOUS = "0003_merge_areas"
PARTNER = (
    "INSERT INTO partner (id, name, suppression_threshold, interval_months, next_due_on, active)"
    " VALUES (7, 'County health', 10, 3, '2026-01-31', true)"
)


def test_an_earlier_database_upgrades_with_an_empty_append_only_register(empty_url: str) -> None:
    engine = create_engine(empty_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    with engine.begin() as connection:
        connection.execute(text(PARTNER))
    engine.dispose()

    database = open_database(empty_url, backup=False)
    try:
        services = Services.build(database.sessions, FixedClock(datetime(2026, 2, 2, 9)), "qm")
        (partner,) = services.partners.list_partners()
        assert (partner.id, partner.name, partner.next_due_on) == (
            7,
            "County health",
            date(2026, 1, 31),
        )
        assert services.partners.list_releases() == []
        audited = services.partners.prepare_release(month(2026, 1), partner.id)
        assert audited.summary.startswith("Checked against 0 earlier releases")
        with database.sessions.begin() as s:
            from models.partners import release_register

            release_register.record(
                s,
                audited.package,
                7,
                at=datetime(2026, 2, 2),
                by="qm",
                channel="test",
                file_name="a.xlsx",
            )
        with pytest.raises(DomainError, match="only grows"), database.sessions.begin() as s:
            s.get(PartnerRelease, 1).file_name = "other.xlsx"  # type: ignore[union-attr]
        with pytest.raises(DomainError, match="only grows"), database.sessions.begin() as s:
            s.delete(s.get(PartnerRelease, 1))
        assert [r.file_name for r in services.partners.list_releases()] == ["a.xlsx"]
    finally:
        database.dispose()
