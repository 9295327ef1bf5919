"""Entry point: `python -m lbn_desktop` and the `lbn-desktop` launcher."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from lbn_desktop.cli import build_parser

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if getattr(args, "handler", None) is not None:
        return int(args.handler(args) or 0)
    from lbn_desktop.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
