"""A stand-in for a running app in its own process: holds the data folder, says 'ready', and
prints 'raise' (then quits) when a second start knocks. Keeps Qt's local server out of the test
process itself."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from lbn_desktop.single_instance import SingleInstance


def main(folder: str) -> int:
    app = QCoreApplication(sys.argv[:1])
    instance = SingleInstance(Path(folder))
    if not instance.acquire():
        print("busy", flush=True)
        return 1

    def knocked() -> None:
        print("raise", flush=True)
        app.quit()

    instance.listen(knocked)
    print("ready", flush=True)
    QTimer.singleShot(60_000, app.quit)
    code = app.exec()
    instance.release()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
