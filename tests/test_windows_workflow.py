"""The Windows workflow is a valid GitHub Actions file and the README describes what it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def test_the_workflow_validates_against_the_github_actions_schema() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_windows_section_matches_the_workflow() -> None:
    workflow = WORKFLOW.read_text()
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Windows station PCs") :]
    for step in ("--demo --smoke-test", "check", "backup", "/VERYSILENT", "unins000.exe"):
        assert step in workflow
    for claim in ("--demo --smoke-test", "`check` and `backup`", "/VERYSILENT", "uninstall"):
        assert claim in section
    assert "windows-latest" in workflow and "windows-latest" in section
