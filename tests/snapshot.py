"""Whole-database snapshots, to prove that a refused operation wrote nothing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.migrations.schema import metadata


def snapshot(sessions: sessionmaker[Session]) -> dict[str, list[tuple]]:
    with sessions() as s:
        return {
            table.name: sorted((tuple(row) for row in s.execute(select(table)).all()), key=repr)
            for table in metadata.sorted_tables
        }
