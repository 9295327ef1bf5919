"""Where a file is saved: the Documents folder, or the folder used last for that kind of file,
under a dated name (expiration-2026-12-07.pdf). Knows QSettings and the file dialog, not the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def _key(kind: str) -> str:
    return f"save_folders/{kind}"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_folder(kind: str) -> Path:
    """The folder the last file of this kind went to, while it exists; else Documents."""
    remembered = QSettings().value(_key(kind))
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    return documents_folder()


def dated_name(stem: str, suffix: str, day: date) -> str:
    return f"{stem}-{day:%Y-%m-%d}{suffix}"


def ask_save_path(
    parent: QWidget | None,
    kind: str,
    title: str,
    name: str,
    file_filter: str,
) -> Path | None:
    """Ask where to save `name` (already dated); None when the user cancels.

    The chosen folder is remembered for `kind`; the suffix of `name` is added when missing.
    """
    suggested = start_folder(kind) / name
    target, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not target:
        return None
    path = Path(target)
    suffix = Path(name).suffix
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    QSettings().setValue(_key(kind), str(path.parent))
    return path
