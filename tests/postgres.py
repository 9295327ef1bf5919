"""PostgreSQL for the test suite: a migrated, seeded template and a fresh copy per test.

Set LBN_TEST_POSTGRES_URL (an admin URL, e.g. from `.ci/postgres.sh`) to run service and
migration tests on PostgreSQL too; under CI it is required, elsewhere they quietly stay on SQLite.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get("LBN_TEST_POSTGRES_URL", "")
BACKEND_TEST_FOLDERS = ("models", "migrations", "concurrency")
if os.environ.get("CI") and not POSTGRES_URL and os.environ.get("LBN_REQUIRE_POSTGRES"):
    raise RuntimeError("CI requires LBN_TEST_POSTGRES_URL (see .ci/postgres.sh)")


def runs_on_postgres(path: Path) -> bool:
    return any(part in BACKEND_TEST_FOLDERS for part in Path(path).parts)


class PostgresDatabases:
    """Creates one template database per run, then a copy of it for each test."""

    def __init__(self, admin_url: str) -> None:
        self._admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self._base = make_url(admin_url)
        self._prefix = f"lbn_t{uuid.uuid4().hex[:8]}"
        self._counter = itertools.count()
        self._created: list[str] = []
        self._template = self._build_template()

    def url_for(self, name: str) -> str:
        return self._base.set(database=name).render_as_string(hide_password=False)

    def _build_template(self) -> str:
        from lbn_desktop.database import open_database
        from models.services import seed_defaults

        name = f"{self._prefix}_template"
        self._execute(f'CREATE DATABASE "{name}"')
        self._created.append(name)
        database = open_database(self.url_for(name), backup=False)
        with database.sessions.begin() as s:
            seed_defaults(s)
        database.dispose()
        return name

    def fresh(self) -> str:
        return self.copy(self.url_for(self._template))

    def copy(self, url: str) -> str:
        """A new database copied from the one at `url` (nobody may be connected to it)."""
        name = f"{self._prefix}_{next(self._counter)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(url).database}"')
        self._created.append(name)
        return self.url_for(name)

    def empty(self) -> str:
        name = f"{self._prefix}_{next(self._counter)}"
        self._execute(f'CREATE DATABASE "{name}"')
        self._created.append(name)
        return self.url_for(name)

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def close(self) -> None:
        for name in reversed(self._created):
            with contextlib.suppress(Exception):  # cleanup must not hide test results
                self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin.dispose()
