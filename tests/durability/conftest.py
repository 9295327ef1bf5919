"""Helpers to run worker processes against a database, stock for them, and the storm's summary."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from models.services import Services
from models.stock.rows import ReceiveLine
from tests.durability.storm import REPORTS

ROOT = Path(__file__).resolve().parents[2]
KIT_PARTS_WITH_LOTS = ("Local resource card", "Fentanyl test strip", "Xylazine test strip")
KIT_PARTS_WITHOUT_LOTS = (
    "Naloxone instructions leaflet",
    "Kit pouch",
    "Good Samaritan Law card",
    "Rescue breathing face shield",
)


def start_worker(*args: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.durability.workers", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def receive_kit_parts(services: Services, where: int, naloxone: int) -> None:
    """Everything the standard kit takes, for `naloxone / 2` kits (two doses each)."""
    products = {p.name: p.id for p in services.catalog.list_products()}
    narcan = products["Narcan 4 mg nasal spray"]
    lines = [ReceiveLine(narcan, "CR1", date(2030, 1, 31), naloxone)]
    parts = naloxone // 2
    lines += [
        ReceiveLine(products[n], "CR2", date(2030, 1, 31), parts) for n in KIT_PARTS_WITH_LOTS
    ]
    lines += [ReceiveLine(products[n], "", None, parts) for n in KIT_PARTS_WITHOUT_LOTS]
    services.stock.receive(where, lines)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REPORTS:
        terminalreporter.section("crash storms")
        for line in REPORTS:
            terminalreporter.write_line(line)
