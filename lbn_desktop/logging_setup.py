"""Rotating log file in the user log folder, and an error hook that never loses a crash."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "lbn-quartermaster.log"


class SafeRotatingFileHandler(RotatingFileHandler):
    """Rotates like RotatingFileHandler, but a rollover that Windows refuses (another program,
    e.g. a scheduled `lbn-desktop-cli` run or a virus scanner, has the log open) is skipped and
    tried again later instead of printing an error on every message."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    root.setLevel(level)
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = SafeRotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    return path


def install_error_hook(show: Callable[[str], None]) -> None:
    """Log every uncaught exception and tell the user where the details are."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("lbn").error(
            "Unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb))
        )
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        show(f"{kind.__name__}: {error}")

    sys.excepthook = hook
