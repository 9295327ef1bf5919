"""Wires settings, logging, database and services into the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path

from lbn_desktop.config import APP_NAME, Paths, current_user, database_url
from lbn_desktop.logging_setup import install_error_hook, setup_logging

log = logging.getLogger(__name__)
BACKUP_DELAY_MS = 3000


def open_services(args: argparse.Namespace, clock=None, *, read_only: bool = False):
    """Database (migrated) and services for a command or the window (`read_only`: no writes)."""
    from lbn_desktop.database import open_database
    from lbn_desktop.maintenance import DatabaseMaintenance
    from models.common.clock import SystemClock
    from models.services import Services

    paths = Paths.resolve(args.data_dir)
    database = open_database(database_url(paths, args.database), read_only=read_only)
    maintenance = DatabaseMaintenance(database, backup_folder(database, paths))
    services = Services.build(
        database.sessions, clock or SystemClock(), current_user(), maintenance
    )
    return paths, database, services


def backup_folder(database, paths: Paths) -> Path:  # noqa: ANN001
    """Backups live beside the SQLite file they copy."""
    path = database.sqlite_path
    return path.parent / "backups" if path is not None else paths.backups


def start_daily_backup(database, paths: Paths) -> threading.Thread | None:  # noqa: ANN001
    """At most one automatic backup a day, off the GUI thread so the window opens at once."""
    from lbn_desktop.backup import daily_backup

    path = database.sqlite_path
    if path is None:
        return None

    def work() -> None:
        try:
            made = daily_backup(path, backup_folder(database, paths))
            if made:
                log.info("Daily backup written: %s", made)
        except Exception:  # noqa: BLE001 - a failed backup is logged, never fatal
            log.exception("Daily backup failed")

    thread = threading.Thread(target=work, name="daily-backup", daemon=True)
    thread.start()
    return thread


def app_icon():  # noqa: ANN201 - QIcon, imported lazily
    from importlib import resources

    from PySide6.QtGui import QIcon

    icons = resources.files("resources").joinpath("icons")
    icon = QIcon()
    for name in ("lbn-quartermaster-48.png", "lbn-quartermaster-256.png"):
        icon.addFile(str(icons.joinpath(name)))
    return icon


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    paths = Paths.resolve(args.data_dir)
    log_path = setup_logging(paths.logs)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("LBN Quartermaster")

    def show_error(text: str) -> None:
        if QApplication.instance() is None:  # quitting: the log has it
            return
        QMessageBox.critical(
            None,
            APP_NAME,
            f"Something went wrong and was not saved:\n\n{text}\n\n"
            f"Details are in the log file:\n{log_path}",
        )

    install_error_hook(show_error)
    from models.common.errors import DomainError

    try:
        paths, database, services = open_services(args)
    except DomainError as refusal:
        QMessageBox.critical(None, APP_NAME, str(refusal))
        return 2
    if args.demo:
        from models.services import build_demo

        try:
            build_demo(services)
        except DomainError as refusal:
            log.warning("Demo not loaded: %s", refusal)
    from ui.main_window import MainWindow
    from ui.settings.first_run_wizard import FirstRunWizard

    if not (args.demo or args.smoke_test) and FirstRunWizard.needed(services):
        FirstRunWizard(services).exec()  # Cancel opens the empty app; it asks again next time
    window = MainWindow(services, log_path=str(log_path))
    window.setWindowIcon(app_icon())
    window.show()
    window.start()
    from PySide6.QtCore import QTimer

    # The daily backup waits until the first screen is filled in, then runs off the GUI thread.
    QTimer.singleShot(BACKUP_DELAY_MS, lambda: start_daily_backup(database, paths))
    if args.smoke_test:
        QTimer.singleShot(0, app.quit)  # queued after the start page is filled in
    code = app.exec()
    from ui.widgets.background import wait_for_background_work

    wait_for_background_work()
    database.dispose()
    return code
