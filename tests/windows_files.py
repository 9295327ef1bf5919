"""Windows file semantics on Linux, for the tests.

On Windows a file opened by Python, SQLite or Qt cannot be renamed, replaced or deleted while it
is open (a sharing violation). Linux allows all three, so code that forgets to close a file
passes here and fails on a station PC. `WindowsFiles.install` makes os.rename, os.replace,
os.remove and os.unlink refuse, as Windows does, whenever the source or the target is held open
by this process (read from /proc/self/fd, so files opened by C code such as SQLite count too).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SHARING_VIOLATION = (
    "[WinError 32] The process cannot access the file because it is being used by another process"
)


def open_files() -> set[str]:
    """Paths this process holds open right now."""
    held: set[str] = set()
    fd_dir = Path("/proc/self/fd")
    for entry in fd_dir.iterdir():
        try:
            target = os.readlink(entry)
        except OSError:
            continue
        if target.startswith("/"):
            held.add(target)
    return held


def _resolve(path: Any, dir_fd: int | None) -> str:
    raw = os.fsdecode(path)
    if dir_fd is not None and not os.path.isabs(raw):
        raw = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), raw)
    return os.path.realpath(raw)


class WindowsFiles:
    """Installed by the `windows_files` fixture; counts the refusals it made."""

    def __init__(self) -> None:
        self.refusals: list[str] = []

    def _guard(self, *paths: str) -> None:
        held = open_files()
        for path in paths:
            if path in held:
                self.refusals.append(path)
                raise PermissionError(errno.EACCES, SHARING_VIOLATION, path)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_rename, real_replace, real_unlink = os.rename, os.replace, os.unlink

        def moving(real: Callable[..., None]) -> Callable[..., None]:
            def move(src: Any, dst: Any, *, src_dir_fd: Any = None, dst_dir_fd: Any = None) -> None:
                self._guard(_resolve(src, src_dir_fd), _resolve(dst, dst_dir_fd))
                real(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)

            return move

        def unlink(path: Any, *, dir_fd: Any = None) -> None:
            self._guard(_resolve(path, dir_fd))
            real_unlink(path, dir_fd=dir_fd)

        monkeypatch.setattr(os, "rename", moving(real_rename))
        monkeypatch.setattr(os, "replace", moving(real_replace))
        monkeypatch.setattr(os, "unlink", unlink)
        monkeypatch.setattr(os, "remove", unlink)


@pytest.fixture
def windows_files(monkeypatch: pytest.MonkeyPatch) -> WindowsFiles:
    """Rename, replace and delete of an open file fail in this test, as on Windows."""
    files = WindowsFiles()
    files.install(monkeypatch)
    return files
