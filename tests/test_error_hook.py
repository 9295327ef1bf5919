"""An unexpected exception is logged with its traceback and shown with the log's path."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from lbn_desktop.logging_setup import LOG_NAME, install_error_hook, setup_logging


def test_uncaught_error_is_logged_and_shown(tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_path = setup_logging(tmp_path / "logs")
    install_error_hook(shown.append)
    try:
        raise ValueError("lot table missing")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(log_path):
            handler.close()
            logging.getLogger().removeHandler(handler)
    assert shown == ["ValueError: lot table missing"]
    assert log_path == tmp_path / "logs" / LOG_NAME
    text = log_path.read_text(encoding="utf-8")
    assert "Unexpected error" in text and "lot table missing" in text and "Traceback" in text
