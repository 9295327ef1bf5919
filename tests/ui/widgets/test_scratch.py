"""The app's temporary files live in one folder that each start empties of old leftovers."""

from __future__ import annotations

import os
import time

from ui.widgets import scratch


def test_scratch_folders_share_one_root_and_old_leftovers_are_purged(tmp_path, monkeypatch):
    monkeypatch.setattr(scratch.tempfile, "tempdir", str(tmp_path))
    old = scratch.scratch_folder("reports")
    (old / "report.pdf").write_bytes(b"%PDF")
    week_ago = time.time() - 7 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    fresh = scratch.scratch_folder("labels")
    assert old.parent == fresh.parent == scratch.scratch_root()
    assert scratch.purge_scratch() == 1
    assert not old.exists() and fresh.exists()
