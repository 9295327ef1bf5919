"""One folder for the app's temporary files (previews, print copies), emptied at start.

Screens ask `scratch_folder(kind)` instead of scattering `lbn-*` folders in the system temp
folder; files left by an earlier run (or a crash) are removed when the app starts again.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import tempfile
import time
from pathlib import Path

MAX_AGE_S = 12 * 60 * 60  # a second app on another data folder may still use its newer files


def scratch_root() -> Path:
    try:
        user = getpass.getuser()
    except Exception:
        user = "station"
    safe = "".join(ch for ch in user if ch.isalnum() or ch in "-_") or "station"
    return Path(tempfile.gettempdir()) / f"lbn-quartermaster-{safe}"


def scratch_folder(kind: str) -> Path:
    """A new, empty folder for this run's files of one kind (e.g. 'reports')."""
    root = scratch_root()
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{kind}-{os.getpid()}-", dir=root))


def purge_scratch(max_age_s: float = MAX_AGE_S) -> int:
    """Remove what earlier runs left; returns how many entries went (open ones stay)."""
    root = scratch_root()
    if not root.is_dir():
        return 0
    removed = 0
    cutoff = time.time() - max_age_s
    for entry in root.iterdir():
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime > cutoff:
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed += 1
    return removed
