"""Headless maintenance commands (filled in by the durability issue)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the `backup` and `check` sub-commands."""
