"""Saves a recall record (PDF and a workbook beside it) where the user chooses, in the background.

Shared by the Recall dialog and the Reports screen; knows the file dialog, not the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from models.services import Services
from ui.widgets.background import BackgroundTask, run_in_background


def save_recall_record(
    parent: QWidget,
    services: Services,
    lot_id: int,
    lot_number: str,
    on_saved: Callable[[str], None],
    on_error: Callable[[str], None],
) -> BackgroundTask | None:
    """Ask where to save, then write `<name>.pdf` and `<name>.xlsx`; None when cancelled."""
    suggested = f"recall-record-{''.join(c if c.isalnum() else '-' for c in lot_number)}.pdf"
    target, _ = QFileDialog.getSaveFileName(
        parent, "Save recall record", suggested, "PDF files (*.pdf)"
    )
    if not target:
        return None
    path = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
    recall = services.recall

    def saved(paths: tuple[Path, Path]) -> None:
        on_saved(f"Recall record saved: {paths[0]} and {paths[1].name}")

    return run_in_background(
        parent,
        "Writing the recall record…",
        lambda _progress: recall.write_record(lot_id, path),
        saved,
        on_error,
    )
