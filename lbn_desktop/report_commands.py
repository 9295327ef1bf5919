"""Headless report and export commands (filled in by the reports issue)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the `report` and `export` sub-commands."""
