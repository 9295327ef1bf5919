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


@dataclass
class HistoryClock:
    """A clock that stands on a past day while demo history is written as it would have happened.

    `present()` is the real day of the clock it wraps; `travel_to(None)` returns to it.
    """

    base: Clock
    day: date | None = None

    def now(self) -> datetime:
        real = self.base.now()
        return real if self.day is None else datetime.combine(self.day, real.time())

    def today(self) -> date:
        return self.now().date()

    def present(self) -> date:
        return self.base.today()

    def travel_to(self, day: date | None) -> None:
        self.day = day if day is not None and day < self.present() else None
