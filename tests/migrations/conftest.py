"""An empty database URL on each backend: a SQLite file, and PostgreSQL when configured."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbn_desktop.database import sqlite_url
from tests.postgres import POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgres"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "old.sqlite3")
    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL server configured (LBN_TEST_POSTGRES_URL)")
    return request.getfixturevalue("postgres_databases").empty()
