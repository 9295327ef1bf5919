"""Wires settings, logging, database and services into the main window."""

from __future__ import annotations

import argparse
import logging
import sys

from lbn_desktop.config import APP_NAME, Paths, current_user, database_url
from lbn_desktop.logging_setup import install_error_hook, setup_logging

log = logging.getLogger(__name__)


def open_services(args: argparse.Namespace, clock=None):
    """Database (migrated) and services for a command or the window."""
    from lbn_desktop.database import open_database
    from models.clock import SystemClock
    from models.services import Services

    paths = Paths.resolve(args.data_dir)
    database = open_database(database_url(paths, args.database))
    services = Services.build(database.sessions, clock or SystemClock(), current_user())
    return paths, database, services


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    paths = Paths.resolve(args.data_dir)
    log_path = setup_logging(paths.logs)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("LBN Quartermaster")

    def show_error(text: str) -> None:
        QMessageBox.critical(
            None,
            APP_NAME,
            f"Something went wrong and was not saved:\n\n{text}\n\n"
            f"Details are in the log file:\n{log_path}",
        )

    install_error_hook(show_error)
    from models.errors import DomainError

    try:
        paths, database, services = open_services(args)
    except DomainError as refusal:
        QMessageBox.critical(None, APP_NAME, str(refusal))
        return 2
    if args.demo:
        from models.demo import build_demo

        try:
            build_demo(services)
        except DomainError as refusal:
            log.warning("Demo not loaded: %s", refusal)
    from ui.main_window import MainWindow

    window = MainWindow(services, log_path=str(log_path))
    window.show()
    window.start()
    code = app.exec()
    database.dispose()
    return code
