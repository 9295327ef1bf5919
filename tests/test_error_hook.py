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


def test_the_log_rotates_and_a_refused_rotation_never_stops_logging(tmp_path, windows_files):
    import logging

    from lbn_desktop.logging_setup import SafeRotatingFileHandler

    path = tmp_path / "lbn-quartermaster.log"
    handler = SafeRotatingFileHandler(path, maxBytes=2_000, backupCount=2, encoding="utf-8")
    log = logging.getLogger("rotation-test")
    log.addHandler(handler)
    log.propagate = False
    try:
        for i in range(100):
            log.warning("line %d %s", i, "x" * 40)
        assert (tmp_path / "lbn-quartermaster.log.1").exists()  # rotated while nothing held it
        with path.open(encoding="utf-8"):  # another program reads the log: Windows refuses
            for i in range(100):
                log.warning("held %d %s", i, "x" * 40)
        assert windows_files.refusals  # the rotation was refused and skipped
        log.warning("after")
    finally:
        log.removeHandler(handler)
        handler.close()
    assert "after" in path.read_text(encoding="utf-8")
