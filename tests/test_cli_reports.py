"""The headless `report` and `export` commands, run in-process against a real database file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lbn_desktop.__main__ import main
from models.common.settings import AGENCY_NAME
from models.partners.registry import PartnerDraft
from tests.models.report_fixtures import build_activity


@pytest.fixture
def filled(services, database, agency, db_path: Path) -> Path:
    build_activity(services, database.sessions, agency)
    services.settings.set(AGENCY_NAME, "Demo County Sheriff")
    services.partners.save_partner(PartnerDraft("County health", 5, 3))
    return db_path


def _run(db: Path, tmp_path: Path, *argv: str) -> int:
    return main([*argv, "--database", str(db), "--data-dir", str(tmp_path / "data")])


@pytest.mark.parametrize("kind", ["expiration", "inventory", "distributions", "program"])
def test_every_report_is_written_from_the_command_line(filled, tmp_path, kind, capsys) -> None:
    out = tmp_path / f"{kind}.pdf"
    code = _run(
        filled,
        tmp_path,
        "report",
        kind,
        "--out",
        str(out),
        "--from",
        "2025-10-01",
        "--to",
        "2025-12-31",
    )
    assert code == 0
    text = PdfReader(out).pages[0].extract_text()
    assert "Demo County Sheriff" in text and "Page 1 of" in text
    assert str(out) in capsys.readouterr().out


def test_distribution_report_for_one_location(filled, tmp_path) -> None:
    out = tmp_path / "d.pdf"
    code = _run(
        filled,
        tmp_path,
        "report",
        "distributions",
        "--out",
        str(out),
        "--from",
        "2025-10-01",
        "--to",
        "2025-12-31",
        "--location",
        "Patrol 12",
    )
    assert code == 0
    lines = PdfReader(out).pages[0].extract_text().splitlines()
    assert lines[lines.index("Kits distributed") - 1].strip() == "20"


def test_partner_export_uses_the_partner_threshold_and_moves_the_deadline(
    filled, tmp_path, services, capsys
) -> None:
    out = tmp_path / "q4.xlsx"
    code = _run(
        filled,
        tmp_path,
        "export",
        "partner",
        "--from",
        "2025-10-01",
        "--to",
        "2025-12-31",
        "--out",
        str(out),
        "--partner",
        "county HEALTH",
        "--mark-sent",
    )
    assert code == 0
    about = load_workbook(out)["About"]
    assert about["B4"].value == "County health"
    assert "Counts from 1 to 4" in about["B9"].value
    said = capsys.readouterr().out
    assert "suppressed below 5" in said and "Next report for County health due" in said


def test_refusals_are_reported_with_a_message_and_status_2(filled, tmp_path, capsys) -> None:
    out = tmp_path / "x.xlsx"
    assert (
        _run(filled, tmp_path, "export", "partner", "--out", str(out), "--partner", "Nobody") == 2
    )
    assert "No partner named 'Nobody'" in capsys.readouterr().err
    assert (
        _run(
            filled,
            tmp_path,
            "report",
            "distributions",
            "--out",
            str(out),
            "--from",
            "2026-02-01",
            "--to",
            "2026-01-01",
        )
        == 2
    )
    assert "before it starts" in capsys.readouterr().err
    assert not out.exists()


def test_a_bad_date_is_refused_by_the_parser(filled, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        _run(filled, tmp_path, "report", "program", "--out", "p.pdf", "--from", "yesterday")
    assert "not a date like" in capsys.readouterr().err


def test_each_command_documents_itself(capsys) -> None:
    for argv in (["report", "--help"], ["export", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        text = capsys.readouterr().out
        assert "--out" in text and "--from" in text and "--database" in text
        assert "Example: lbn-desktop" in " ".join(text.split())


def test_the_report_command_never_imports_qt(filled, tmp_path) -> None:
    out = tmp_path / "e.pdf"
    script = (
        "import sys\n"
        "from lbn_desktop.__main__ import main\n"
        f"code = main(['report', 'expiration', '--out', {str(out)!r}, '--database', "
        f"{str(filled)!r}, '--data-dir', {str(tmp_path / 'data')!r}])\n"
        "assert code == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.exists()
