"""Surge and parameter dialogs: what they save, and refusals shown inside the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.reorders.calc import Parameters
from models.services import Services
from tests.conftest import Agency
from ui.reorders.reorder_parameters_dialog import ReorderParametersDialog
from ui.reorders.reorder_surge_dialog import ReorderSurgeDialog


def test_surge_dialog_adds_and_ends_a_surge_and_shows_refusals(
    qtbot, services: Services, agency: Agency
) -> None:
    dialog = ReorderSurgeDialog(services)
    qtbot.addWidget(dialog)
    dialog.station.setCurrentIndex(dialog.station.findData(agency.station))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Say why" in dialog.error_label.text()
    assert services.reorders.list_surges() == []

    qtbot.keyClicks(dialog.reason, "Overdose spike downtown")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [surge] = services.reorders.list_surges()
    assert (surge.station_id, surge.factor, surge.active) == (agency.station, 1.5, True)
    assert "Station 1: ×1.5" in dialog.surges.item(0).text()

    dialog.surges.setCurrentRow(0)
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert services.reorders.list_surges() == []  # it started today, so it is removed
    assert dialog.changed


def test_parameters_dialog_refuses_a_minimum_above_the_maximum(qtbot, services: Services) -> None:
    dialog = ReorderParametersDialog(services)
    qtbot.addWidget(dialog)
    dialog.max_months.setValue(2)
    dialog.min_months.setValue(3)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "below the maximum" in dialog.error_label.text()
    assert services.reorders.parameters() == Parameters()
    dialog.window_months.setValue(12)
    dialog.max_months.setValue(4)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert services.reorders.parameters() == Parameters(12, 4.0, 3.0)
