"""One app per data folder: a second start brings the first window forward and quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from lbn_desktop.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_instance_on_the_folder_is_refused_and_wakes_the_first(qtbot, tmp_path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    requests: list[str] = []
    first.listen(lambda: requests.append("raise"))
    second = SingleInstance(tmp_path)
    assert not second.acquire()
    assert second.bring_forward_the_running_app()
    qtbot.waitUntil(lambda: requests == ["raise"], timeout=5000)
    first.release()
    assert SingleInstance(tmp_path).acquire()  # released: the next start may run


def test_a_second_app_process_on_the_same_folder_quits_and_brings_the_first_forward(
    qtbot, tmp_path
) -> None:
    running = SingleInstance(tmp_path)
    assert running.acquire()
    requests: list[str] = []
    running.listen(lambda: requests.append("raise"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [sys.executable, "-m", "lbn_desktop", "--data-dir", str(tmp_path), "--smoke-test"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    assert second.returncode == 0
    assert "already running" in (second.stdout.read() if second.stdout else "")
    qtbot.waitUntil(lambda: requests == ["raise"], timeout=5000)
    assert not (tmp_path / "quartermaster.sqlite3").exists()  # it quit before opening anything
    running.release()
    assert QApplication.instance() is not None


def test_a_lock_left_by_a_dead_app_does_not_block_the_next_start(tmp_path) -> None:
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from lbn_desktop.single_instance import SingleInstance\n"
        "instance = SingleInstance(Path(sys.argv[1]))\n"
        "assert instance.acquire()\n"
        "os._exit(0)\n"  # dies holding the lock, as a crash would
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, check=True)
    assert (tmp_path / "lbn-quartermaster.lock").exists()
    assert SingleInstance(tmp_path).acquire()
