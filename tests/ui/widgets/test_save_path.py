"""Save dialogs start in Documents under a dated name and remember the last folder per kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ui.widgets.save_path import ask_save_path, dated_name, documents_folder


def test_first_save_suggests_a_dated_name_in_documents(monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: asked.append(a[2]) or ("", ""))
    name = dated_name("expiration", ".pdf", date(2026, 12, 7))
    assert ask_save_path(None, "report", "Save report", name, "PDF (*.pdf)") is None
    assert asked == [str(documents_folder() / "expiration-2026-12-07.pdf")]


def test_the_folder_used_last_is_remembered_per_kind(monkeypatch, tmp_path: Path) -> None:
    chosen = tmp_path / "reports" / "q4"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(chosen), ""))
    saved = ask_save_path(None, "report", "Save report", "q4.pdf", "PDF (*.pdf)")
    assert saved == chosen.with_name("q4.pdf")  # the suffix is added
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: asked.append(a[2]) or ("", ""))
    ask_save_path(None, "report", "Save report", "next.pdf", "PDF (*.pdf)")
    ask_save_path(None, "partner", "Save workbook", "p.xlsx", "Excel (*.xlsx)")
    assert asked == [str(chosen.parent / "next.pdf"), str(documents_folder() / "p.xlsx")]
