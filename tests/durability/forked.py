"""Storm workers forked from a fork server that has already imported the app.

A fresh interpreter needs about two seconds to import the app; a fork of the server starts in
milliseconds, so a storm of a hundred kills fits in CI. Each worker is still a process of its
own, opens its own connections and is ended with SIGKILL. Knows processes and pipes, not the app.
"""

from __future__ import annotations

import multiprocessing
import select
import time
from functools import cache
from multiprocessing.context import ForkServerContext

from tests.durability.workers import run_forked

PRELOAD = ["tests.durability.workers", "alembic.command", "sqlalchemy.dialects.postgresql.psycopg"]


@cache
def _forks() -> ForkServerContext:
    """The fork server's context (POSIX only: the storm kills with SIGKILL anyway)."""
    forks = multiprocessing.get_context("forkserver")
    forks.set_forkserver_preload(PRELOAD)
    return forks


class Worker:
    """One worker (`tests/durability/workers.py` kind and arguments) writing as `station`."""

    def __init__(self, station: str, *arguments: object) -> None:
        self.station = station
        self._reader, writer = _forks().Pipe(duplex=False)
        self._process = _forks().Process(
            target=run_forked, args=(writer, station, [str(a) for a in arguments]), daemon=True
        )
        self._process.start()
        writer.close()  # the worker holds the only writing end: its death ends the output
        self._output = open(self._reader.fileno(), encoding="utf-8", closefd=False)  # noqa: SIM115
        self.started = time.monotonic()

    def first_line(self, timeout: float = 60.0) -> str:
        """The first line it prints, or "" if it printed nothing for `timeout` seconds."""
        ready, _, _ = select.select([self._reader.fileno()], [], [], timeout)
        return self._output.readline() if ready else ""

    def finish(self, timeout: float = 120.0) -> list[str]:
        """Waits for it to end by itself; everything it printed."""
        self._process.join(timeout)
        return self.kill()

    def kill(self) -> list[str]:
        """SIGKILL (if still running); the rest of what it printed."""
        self._process.kill()
        self._process.join(60)
        rest = self._output.read().splitlines()
        self._output.close()
        self._reader.close()
        return rest

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode
