"""The request dialog suggests only what the sources' caps allow, splits it, and says why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.services import Services
from tests.conftest import Agency
from ui.reorders.reorder_request_dialog import WHY_COLUMN, ReorderRequestDialog

GROUP_LABEL = "Naloxone 4mg nasal (any brand)"


def _row(dialog: ReorderRequestDialog, label: str) -> int:
    return next(i for i, x in enumerate(dialog._lines) if x.label == label)


def test_suggestion_fills_the_caps_splits_to_the_next_source_and_is_never_refused(
    qtbot, services: Services, agency: Agency, tmp_path
) -> None:
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 12)
    services.catalog.set_par_level(agency.vehicle2, agency.teva, 8)  # 20 devices: 10 cartons
    sources = services.catalog.list_sources(active_only=True)
    state = next(x for x in sources if x.name.startswith("NYSDOH"))
    for x in sources:
        services.catalog.save_source(x.id, allocation_cap_packages=5 if x is state else 2)
    dialog = ReorderRequestDialog(services, source_id=state.id)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 600)
    dialog.show()
    row = _row(dialog, GROUP_LABEL)
    assert dialog.overflow.currentData() is not None  # the next source is chosen for us
    overflow = dialog.overflow.currentText()
    assert dialog._spin(row).value() == 7  # 5 + 2: all the caps allow
    why = dialog.table.item(row, WHY_COLUMN).text()
    assert why == "Capped: calculated 10 cartons, the sources' allocation caps allow 7 cartons"
    assert f"{GROUP_LABEL}: 5 from {state.name}, 2 from {overflow}." in dialog.split_label.text()
    dialog.grab().save(str(tmp_path / "request_dialog.png"))

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error_label.text()
    made = {r.source_id: r for r in dialog.result_reorders}
    assert made[state.id].units == 10 and len(made) == 2  # 5 cartons here, 2 from the next
    sheet = services.reorders.sheet(made[state.id].id)
    (line,) = [x for x in sheet.lines if x.label == GROUP_LABEL]
    assert line.packages == 5
    assert line.quantity_note == (
        "Capped: calculated 10 cartons, the sources' allocation caps allow 7 cartons; "
        f"split over sources: 5 here, 2 from {overflow}"
    )


def test_a_quantity_typed_by_the_quartermaster_is_recorded_as_his(
    qtbot, services: Services, agency: Agency
) -> None:
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 12)
    dialog = ReorderRequestDialog(services)
    qtbot.addWidget(dialog)
    row = _row(dialog, GROUP_LABEL)
    dialog.set_packages(GROUP_LABEL, 4)
    assert dialog.table.item(row, WHY_COLUMN).text() == (
        "Changed by the quartermaster: 4 cartons instead of the calculated 6"
    )
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    (made,) = dialog.result_reorders
    (line,) = [x for x in services.reorders.sheet(made.id).lines if x.label == GROUP_LABEL]
    assert line.quantity_note.startswith("Changed by the quartermaster: 4 cartons")
