"""Alert settings tab and the start/morning notifier, through real widgets."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from models.alerts.rules import AlertRules
from tests.models.alert_fixtures import days, receive
from ui.dashboard.notifier import MORNING_HOUR, Notifier
from ui.main_window import MainWindow
from ui.settings.alert_settings_tab import AlertSettingsTab


def test_settings_tab_saves_bands_and_dwell_limits(qtbot, services) -> None:
    tab = AlertSettingsTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.bands["naloxone"].text() == "90, 60, 30"
    tab.bands["naloxone"].clear()
    qtbot.keyClicks(tab.bands["naloxone"], "120 30")
    tab.dwell["vehicle"].setValue(365)
    tab.refresher_days.setValue(45)
    with qtbot.waitSignal(tab.data_changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    rules = services.alerts.get_rules()
    assert rules.bands_for("naloxone") == (120, 30)
    assert rules.dwell_days == {"vehicle": 365} and rules.refresher_days == 45
    assert tab.bands["naloxone"].text() == "120, 30"
    assert "Saved" in tab.message.text()


def test_settings_tab_refuses_bad_bands_and_keeps_the_old_rules(qtbot, services) -> None:
    tab = AlertSettingsTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.bands["test_strip"].setText("soon")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "Test strips" in tab.message.text() and "not a list of days" in tab.message.text()
    tab.bands["test_strip"].setText("5000")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "1 to 3650" in tab.message.text()
    assert services.alerts.get_rules() == AlertRules()
    qtbot.mouseClick(tab.defaults_button, Qt.MouseButton.LeftButton)
    assert tab.bands["test_strip"].text() == "90, 60, 30"


def test_notifier_shows_a_banner_without_a_tray_and_opens_the_dashboard(
    qtbot, services, agency
) -> None:
    receive(services, agency.room, agency.narcan, "OLD", days(-3), 5)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    opened: list[bool] = []
    notifier = Notifier(services, window, lambda: opened.append(True), use_tray=False)
    with qtbot.waitSignal(notifier.notified, timeout=10000) as signal:
        notifier.check_now()
    title, message = signal.args
    assert title == "1 alert needs action"
    assert message.startswith("1 critical: Narcan 4 mg nasal spray lot OLD expired")
    assert notifier.banner is not None and notifier.banner.isVisible()
    assert "1 alert needs action" in notifier.banner_label.text()
    window.resize(1024, 560)
    qtbot.waitUntil(lambda: notifier.banner_label.width() > 300)  # the text is seen, not 0 wide
    show = notifier.banner.actions()[-2]
    show.trigger()
    assert opened == [True] and not notifier.banner.isVisible()


def test_notifier_checks_again_each_morning(qtbot, services, clock, agency) -> None:
    receive(services, agency.room, agency.narcan, "OLD", days(-3), 5)
    window = QMainWindow()
    qtbot.addWidget(window)
    notifier = Notifier(services, window, lambda: None, use_tray=False)
    with qtbot.waitSignal(notifier.notified, timeout=10000):
        notifier.check_now()
    with qtbot.assertNotEmitted(notifier.notified, wait=200):
        notifier._on_tick()  # same day: nothing new
    clock.current = datetime(2026, 1, 16, MORNING_HOUR - 1, 30)
    with qtbot.assertNotEmitted(notifier.notified, wait=200):
        notifier._on_tick()  # next day, before the morning hour
    clock.current = datetime(2026, 1, 16, MORNING_HOUR, 15)
    with qtbot.waitSignal(notifier.notified, timeout=10000):
        notifier._on_tick()


def test_main_window_starts_on_the_dashboard_with_the_notifier(qtbot, services, agency) -> None:
    receive(services, agency.room, agency.narcan, "OLD", days(-3), 5)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.current_page() is not None, timeout=5000)
    assert window.current_page() is window.page("Dashboard")
    with qtbot.waitSignal(window.notifier.notified, timeout=10000):
        window.notifier.check_now()


def test_with_a_tray_the_banner_is_shown_too(qtbot, services, agency) -> None:
    receive(services, agency.room, agency.narcan, "OLD", days(-3), 5)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    notifier = Notifier(services, window, lambda: None, use_tray=True)
    with qtbot.waitSignal(notifier.notified, timeout=10_000):
        notifier.check_now()
    assert notifier.tray is not None
    assert notifier.banner is not None and notifier.banner.isVisible()
