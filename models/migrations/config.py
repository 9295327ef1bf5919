"""The Alembic configuration from package paths, and the shipped revisions read cheaply.

`shipped_revisions` reads the version files as text so that start-up can tell whether a
database is current without importing Alembic (a quarter of a second).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = Path(__file__).resolve().parent
_REVISION = re.compile(r"^revision(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?::[^=]*)?=\s*(\([^)]*\)|[^\n]+)", re.M)  # tuples may wrap


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def shipped_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(every revision this app ships, the heads among them)."""
    known: set[str] = set()
    parents: set[str] = set()
    for path in (SCRIPT_LOCATION / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision = _REVISION.search(text)
        if revision is None:
            continue
        known.add(revision[1])
        down = _DOWN.search(text)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down[1]))
    return frozenset(known), frozenset(known - parents)
