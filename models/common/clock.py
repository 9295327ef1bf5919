"""Clocks passed into services so rules never read the wall clock directly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """The real time of the station PC (local, naive)."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return date.today()


@dataclass
class FixedClock:
    """A clock that stands still until moved; for tests and the benchmark."""

    current: datetime = field(default_factory=lambda: datetime(2026, 1, 15, 9, 0))

    def now(self) -> datetime:
        return self.current

    def today(self) -> date:
        return self.current.date()

    def advance(self, days: int = 0, hours: int = 0) -> None:
        self.current += timedelta(days=days, hours=hours)

    def set(self, day: date) -> None:
        self.current = datetime(day.year, day.month, day.day, 9, 0)
