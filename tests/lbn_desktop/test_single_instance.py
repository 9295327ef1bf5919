"""One app per data folder: a second start brings the first window forward and quits.

The running app is played by tests/lbn_desktop/instance_holder.py in a process of its own, as
it is on a station PC.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lbn_desktop.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _holder(folder: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.lbn_desktop.instance_holder", str(folder)],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_a_second_instance_on_the_folder_is_refused_and_wakes_the_first(tmp_path) -> None:
    holder = _holder(tmp_path)
    try:
        second = SingleInstance(tmp_path)
        assert not second.acquire()
        assert second.bring_forward_the_running_app()
        assert holder.stdout is not None and holder.stdout.readline().strip() == "raise"
        assert holder.wait(30) == 0
        assert SingleInstance(tmp_path).acquire()  # the first has gone: the next start runs
    finally:
        holder.kill()


def test_a_second_app_process_on_the_same_folder_quits_and_brings_the_first_forward(
    tmp_path,
) -> None:
    holder = _holder(tmp_path)
    try:
        second = subprocess.run(
            [sys.executable, "-m", "lbn_desktop", "--data-dir", str(tmp_path), "--smoke-test"],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 0
        assert "already running" in second.stdout and "brought forward" in second.stdout
        assert holder.stdout is not None and holder.stdout.readline().strip() == "raise"
        assert not (tmp_path / "quartermaster.sqlite3").exists()  # quit before opening anything
    finally:
        holder.kill()


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
