"""The in-app user guide: Markdown pages from resources/guide in a text browser.

Knows where the pages live and which page belongs to which screen; not what the screens do.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.screen_fit import fit_to_screen

INDEX = "index"
# The page F1 opens on each screen of the main window.
SCREEN_PAGES = {
    "Dashboard": "index",
    "Inventory": "receive-a-delivery",
    "Kits": "make-kits",
    "Distributions": "record-a-leave-behind",
    "Reorders": "reorder",
    "Reports": "send-the-partner-workbook",
    "Training": "train-personnel",
    "Settings": "set-up",
}


def guide_folder() -> Path:
    """The folder holding the guide's pages and images (inside the package or the bundle)."""
    return Path(str(resources.files("resources").joinpath("guide")))


def page_names() -> list[str]:
    return sorted(p.stem for p in guide_folder().glob("*.md"))


class GuideDialog(QDialog):
    """A non-modal reader; links between pages stay inside, web links open the browser."""

    def __init__(self, page: str = INDEX, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("LBN Quartermaster user guide")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Guide page")
        self.browser.setOpenLinks(False)
        self.browser.setSearchPaths([str(guide_folder())])
        self.browser.anchorClicked.connect(self._on_link)
        back = QPushButton("Back")
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        contents = QPushButton("All pages")
        contents.clicked.connect(lambda: self.show_page(INDEX))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(contents)
        row.addStretch(1)
        row.addWidget(self.buttons)
        root = QVBoxLayout(self)
        root.addWidget(self.browser, 1)
        root.addLayout(row)
        self.show_page(page)
        fit_to_screen(self, 760, 680)

    def show_page(self, page: str) -> None:
        """Open a page by name (file name without .md); an unknown name opens the contents."""
        name = page if page in page_names() else INDEX
        self.browser.setSource(QUrl.fromLocalFile(str(guide_folder() / f"{name}.md")))

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        self.browser.setSource(self.browser.source().resolved(url))
