"""Entry point: `python -m lbn_desktop` and the `lbn-desktop` launcher."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    from lbn_desktop.cli import build_parser

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if getattr(args, "handler", None) is not None:
        return _run_command(args)
    from lbn_desktop.app import run_gui

    return run_gui(args)


def _run_command(args: argparse.Namespace) -> int:
    """A headless command: a refusal or an I/O failure is one line on stderr, never a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.common.errors import DomainError

    try:
        return int(args.handler(args) or 0)
    except (DomainError, OSError, SQLAlchemyError) as failure:
        print(f"lbn-desktop: {str(failure).splitlines()[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
