"""The layers point one way and the packages are this repository's, not namesakes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_models_and_ui_import_from_this_repository() -> None:
    import lbn_desktop
    import models
    import ui

    for package in (models, ui, lbn_desktop):
        assert Path(package.__file__).resolve().is_relative_to(ROOT), package.__file__


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_models_never_import_qt() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "models").rglob("*.py")
        if any(word in path.read_text(encoding="utf-8") for word in ("PySide6", "shiboken6"))
    ]
    assert offenders == []


def test_every_module_sits_in_a_feature_or_screen_package_except_the_front_doors() -> None:
    front_doors = {"models/services.py", "ui/main_window.py"}
    loose = [
        str(path.relative_to(ROOT))
        for top in ("models", "ui")
        for path in (ROOT / top).glob("*.py")
        if path.name != "__init__.py" and str(path.relative_to(ROOT)) not in front_doors
    ]
    assert loose == []


def test_tests_mirror_the_packages() -> None:
    """tests/models/<feature>/ and tests/ui/<screen>/ exist only for real packages."""
    for layer in ("models", "ui"):
        for folder in (ROOT / "tests" / layer).iterdir():
            if folder.is_dir() and folder.name != "__pycache__":
                assert (ROOT / layer / folder.name / "__init__.py").exists(), folder
