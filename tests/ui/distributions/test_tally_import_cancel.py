"""Cancel in the tally import's progress dialog stops the import and writes nothing."""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtWidgets import QProgressDialog, QPushButton

from tests.models.distribution_helpers import receive_kits
from ui.distributions.tally_import_dialog import TallyImportDialog

HEADER = ["Date", "Kits", "From", "ZIP", "Setting", "Relationship"]


def test_cancel_stops_the_import_and_nothing_is_imported(qtbot, services, agency, tmp_path):
    receive_kits(services, agency.vehicle, 400)
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(
            [["2026-01-10", "1", "Patrol 12", "12866", "Overdose scene", "Family member"]] * 400
        )
    dialog = TallyImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.import_file(path)
        progress = dialog.findChild(QProgressDialog)
        assert progress is not None
        progress.findChild(QPushButton).click()
    assert "Cancelled" in dialog.result_label.text()
    assert services.distributions.list_distributions(date(2026, 1, 1), date(2026, 1, 31)) == []
    assert dialog.import_button.isEnabled()
