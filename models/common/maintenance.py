"""What screens may ask of database maintenance (backup, restore, check); lbn_desktop implements it.

The interface lives here so `ui` can use it without knowing which database engine is in use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size_bytes: int


@dataclass
class CheckReport:
    """Result of `lbn-desktop check`: every line that failed, empty when all holds."""

    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Maintenance(Protocol):
    def describe(self) -> str: ...

    def backup_now(self, target: Path | None = None) -> Path: ...

    def list_backups(self) -> list[BackupInfo]: ...

    def restore(self, source: Path) -> Path: ...

    def check(self) -> CheckReport: ...
