"""Wires settings, logging, database and services into the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from lbn_desktop.config import APP_NAME, Paths, current_user, database_url, station_name
from lbn_desktop.logging_setup import install_error_hook, setup_logging

if TYPE_CHECKING:  # imported for hints only: the window must not wait for them
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QWidget

    from lbn_desktop.database import Database
    from models.common.clock import Clock
    from models.services import Services

log = logging.getLogger(__name__)
BACKUP_DELAY_MS = 3000
BACKUP_CHECK_MS = 60 * 60 * 1000  # hourly look; daily_backup writes at most one a day


def open_services(
    args: argparse.Namespace,
    clock: Clock | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
) -> tuple[Paths, Database, Services]:
    """Database (migrated) and services for a command or the window (`read_only`: no writes).

    Only the window creates a missing SQLite file (first run); a command refuses, naming the
    path it looked at. A file on a network share or in a synced folder is refused everywhere.
    """
    from sqlalchemy.exc import OperationalError

    from lbn_desktop.database import open_database
    from lbn_desktop.file_location import (
        check_sqlite_location,
        require_existing,
        sqlite_file,
        unreachable,
        with_connect_timeout,
    )
    from lbn_desktop.maintenance import DatabaseMaintenance
    from models.common.actor import Actor
    from models.common.clock import SystemClock
    from models.services import Services

    paths = Paths.resolve(args.data_dir)
    actor = Actor(current_user(), station=station_name())
    url = database_url(paths, args.database)
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_location(path)
        if not create:
            require_existing(path)
    else:
        url = with_connect_timeout(url)
    try:
        database = open_database(url, read_only=read_only, actor=actor)
    except OperationalError as error:
        if path is not None:
            raise
        raise unreachable(url, error) from None
    maintenance = DatabaseMaintenance(database, backup_folder(database, paths))
    services = Services.build(database.sessions, clock or SystemClock(), actor, maintenance)
    return paths, database, services


def backup_folder(database: Database, paths: Paths) -> Path:
    """Backups live beside the SQLite file they copy."""
    path = database.sqlite_path
    return path.parent / "backups" if path is not None else paths.backups


def start_daily_backup(database: Database, paths: Paths) -> threading.Thread | None:
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
        except Exception:
            log.exception("Daily backup failed")

    thread = threading.Thread(target=work, name="daily-backup", daemon=True)
    thread.start()
    return thread


def app_icon() -> QIcon:
    from importlib import resources

    from PySide6.QtGui import QIcon

    icons = resources.files("resources").joinpath("icons")
    icon = QIcon()
    for name in ("lbn-quartermaster-48.png", "lbn-quartermaster-256.png"):
        icon.addFile(str(icons.joinpath(name)))
    return icon


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lbn_desktop.startup_timing import REPORT_ENV, mark, when_first_screen_filled

    paths = Paths.resolve(args.data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from lbn_desktop.single_instance import SingleInstance

    instance = SingleInstance(paths.data)
    if not instance.acquire():
        forwarded = instance.bring_forward_the_running_app()
        print(
            f"{APP_NAME} is already running for {paths.data}"
            + ("; its window was brought forward." if forwarded else ".")
        )
        return 0
    log_path = setup_logging(paths.logs)  # after the lock: one app writes (and rotates) the log
    from ui.widgets.scratch import purge_scratch

    purge_scratch()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("LBN Quartermaster")
    from ui.widgets.accessible_names import install_accessible_names

    namer = install_accessible_names(app)  # names each window's fields for screen readers

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
    # The window first, as an empty frame, so the user sees the app at once; then the database.
    from ui.main_window import MainWindow

    window = MainWindow(log_path=str(log_path))
    window.setWindowIcon(app_icon())
    window.show_as_remembered()
    app.processEvents()  # paint the frame before the database is opened and migrated
    mark("shown")
    from lbn_desktop.file_location import ServerUnreachable
    from models.common.errors import DomainError

    while True:
        try:
            paths, database, services = open_services(args)
            break
        except ServerUnreachable as refusal:
            buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close
            answer = QMessageBox.warning(window, APP_NAME, str(refusal), buttons)
            if answer != QMessageBox.StandardButton.Retry:
                return 2
        except DomainError as refusal:
            QMessageBox.critical(window, APP_NAME, str(refusal))
            return 2
    if args.demo:
        from models.services import build_demo

        try:
            build_demo(services)
        except DomainError as refusal:
            log.warning("Demo not loaded: %s", refusal)
    from ui.settings.first_run_wizard import FirstRunWizard

    if not (args.demo or args.smoke_test) and FirstRunWizard.needed(services):
        FirstRunWizard(services, window).exec()  # Cancel opens the empty app; it asks again
    from lbn_desktop.station_sign_in import sign_in_at_start

    if not args.smoke_test:
        sign_in_at_start(services, paths.data, current_user())
    window.attach(services)
    window.start()
    instance.listen(lambda: bring_forward(window))
    from lbn_desktop.station_link import connect_station

    station_link = connect_station(window, services, database, paths)
    from PySide6.QtCore import QTimer

    # The daily backup waits until the first screen is filled in, then runs off the GUI thread.
    QTimer.singleShot(BACKUP_DELAY_MS, lambda: start_daily_backup(database, paths))
    daily = QTimer(app)  # the app may stay open for weeks: one backup each day it runs
    daily.timeout.connect(lambda: start_daily_backup(database, paths))
    daily.start(BACKUP_CHECK_MS)
    if args.smoke_test:  # quit once the start page is filled in
        when_first_screen_filled(app, window, app.quit)
    elif os.environ.get(REPORT_ENV):
        when_first_screen_filled(app, window, lambda: None)
    code = app.exec()
    app.removeEventFilter(namer)
    from ui.widgets.background import wait_for_background_work

    wait_for_background_work()
    station_link.close()
    database.dispose()
    instance.release()
    return code


def bring_forward(window: QWidget) -> None:
    """Show a minimised or hidden window again, on top (a second start asked for it)."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
