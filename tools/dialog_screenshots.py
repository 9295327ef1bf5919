"""Screenshots of the stock dialogs with the demo agency, in states a user meets (offscreen Qt).

Usage: python tools/dialog_screenshots.py OUT_DIR
Each dialog is shot at its own size and at a small one, after a scan where it takes scans.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import SystemClock
from models.common.gtin import check_digit, gtin12_from_ndc
from models.services import Services, build_demo
from ui.inventory.count_dialog import CountDialog
from ui.inventory.history_dialog import HistoryDialog
from ui.inventory.quarantine_dialog import QuarantineDialog
from ui.inventory.receive_dialog import ReceiveDialog
from ui.inventory.reverse_dialog import ReverseDialog
from ui.inventory.transfer_dialog import TransferDialog
from ui.widgets.product_dialog import ProductDialog

KLOXXADO = gtin12_from_ndc("59467-679-01").zfill(14)
NARCAN_UPC = gtin12_from_ndc("69547-627-02")


def _scan(dialog: QDialog, text: str) -> None:
    dialog.scan.edit.setText(text)  # type: ignore[attr-defined]
    dialog.scan.edit.submitted.emit()  # type: ignore[attr-defined]


def _dialogs(services: Services) -> list[tuple[str, QDialog]]:
    rows = services.stock.list_on_hand()
    usable = next(r for r in rows if not r.expired and r.product_kind == "naloxone")
    expired = next((r for r in rows if r.expired), usable)
    receive = ReceiveDialog(services, prefill=[(usable.product_id, 24)])
    _scan(receive, f"]d201{KLOXXADO}17270600\x1d10KX7\x1d21SN1")
    receive_bad = ReceiveDialog(services)
    _scan(receive_bad, f"01{KLOXXADO}17271332")
    transfer = TransferDialog(services, from_location_id=usable.location_id)
    _scan(transfer, NARCAN_UPC)
    count = CountDialog(services, lot_id=usable.lot_id, location_id=usable.location_id)
    count.counted.setText(str(max(0, usable.quantity - 2)))
    quarantine = QuarantineDialog(services, lot_id=expired.lot_id, location_id=expired.location_id)
    dispose = QuarantineDialog(
        services, lot_id=usable.lot_id, location_id=usable.location_id, dispose=True
    )
    dispose.quantity.setValue(dispose.quantity.maximum() + 1)
    dispose._on_accept()  # shows the refusal in the dialog
    reverse = ReverseDialog(services, operation_id=services.stock.list_operations(5)[0].id)
    history = HistoryDialog(services, location_id=usable.location_id)
    product = ProductDialog(services, barcode="3" + "1234512345" + check_digit("31234512345"))
    return [
        ("receive", receive),
        ("receive-bad-scan", receive_bad),
        ("transfer", transfer),
        ("count", count),
        ("quarantine", quarantine),
        ("dispose-refused", dispose),
        ("reverse", reverse),
        ("history", history),
        ("product", product),
    ]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("LBN Quartermaster Screenshots")
    database = open_database(sqlite_url(Path(tempfile.mkdtemp()) / "demo.sqlite3"))
    services = Services.build(database.sessions, SystemClock(), "demo")
    build_demo(services)
    dialogs = _dialogs(services)
    for name, dialog in dialogs:
        for label, size in (("", None), ("-small", dialog.minimumSizeHint())):
            if size is not None:
                dialog.resize(size)
            dialog.show()
            app.processEvents()
            target = out / f"dialog-{name}{label}.png"
            dialog.grab().save(str(target))
            print(target)
        dialog.close()
        dialog.deleteLater()
    app.processEvents()
    database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
