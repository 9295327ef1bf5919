"""`export partner`: whole periods, --dry-run, the release register; `check` re-audits it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbn_desktop.__main__ import main
from models.partners.registry import PartnerDraft
from tests.models.report_fixtures import build_activity


@pytest.fixture
def filled(services, database, agency, db_path: Path) -> Path:
    build_activity(services, database.sessions, agency)
    services.partners.save_partner(PartnerDraft("County health", 10, 3))
    services.partners.save_partner(PartnerDraft("EMS council", 10, 12))
    return db_path


def _run(db: Path, tmp_path: Path, *argv: str) -> int:
    return main([*argv, "--database", str(db), "--data-dir", str(tmp_path / "data")])


@pytest.mark.parametrize(
    "period",
    [
        ("--from", "2025-11-15", "--to", "2025-11-15"),  # a day
        ("--from", "2025-11-10", "--to", "2025-11-16"),  # a week
        ("--from", "2025-10-01", "--to", "2026-01-31"),  # four months
        ("--from", "2025-11-01", "--to", "2026-01-31"),  # three months, not a quarter
        ("--month", "2025-13"),
    ],
)
def test_a_period_that_is_not_a_whole_month_quarter_or_year_writes_nothing(
    filled, tmp_path, services, capsys, period
) -> None:
    out = tmp_path / "x.xlsx"
    code = _run(filled, tmp_path, "export", "partner", *period, "--out", str(out))
    assert code == 2
    assert "whole calendar month, quarter or year" in capsys.readouterr().err
    assert not out.exists()
    assert services.partners.list_releases() == []


def test_a_dry_run_prints_the_audit_and_writes_and_records_nothing(
    filled, tmp_path, services, capsys
) -> None:
    code = _run(
        filled,
        tmp_path,
        "export",
        "partner",
        "--quarter",
        "2025-Q4",
        "--dry-run",
        "--partner",
        "County health",
    )
    assert code == 0
    said = capsys.readouterr().out
    assert "Dry run: nothing written, nothing recorded." in said
    assert (
        "Checked against 0 earlier releases to 0 partners: no hidden count can be worked out."
        in said
    )
    assert "  S  Kits distributed by ZIP code and month:" in said
    assert services.partners.list_releases() == []
    assert list(tmp_path.glob("*.xlsx")) == []


def test_months_then_their_quarter_are_released_recorded_and_rechecked(
    filled, tmp_path, services, capsys
) -> None:
    for name, partner in (
        ("2025-10", "County health"),
        ("2025-11", "EMS council"),
        ("2025-12", "County health"),
    ):
        out = tmp_path / f"{name}.xlsx"
        assert (
            _run(
                filled,
                tmp_path,
                "export",
                "partner",
                "--month",
                name,
                "--out",
                str(out),
                "--partner",
                partner,
            )
            == 0
        )
        assert out.exists()
    capsys.readouterr()
    code = _run(
        filled,
        tmp_path,
        "export",
        "partner",
        "--quarter",
        "2025-Q4",
        "--dry-run",
        "--partner",
        "EMS council",
    )
    assert code == 0
    assert "Checked against 3 earlier releases to 2 partners" in capsys.readouterr().out
    out = tmp_path / "q4.xlsx"
    assert (
        _run(
            filled,
            tmp_path,
            "export",
            "partner",
            "--quarter",
            "2025-Q4",
            "--out",
            str(out),
            "--partner",
            "EMS council",
        )
        == 0
    )
    releases = services.partners.list_releases()
    assert len(releases) == 4 and {r.channel for r in releases} == {"command line"}
    capsys.readouterr()
    assert _run(filled, tmp_path, "check") == 0
    said = capsys.readouterr().out
    assert "ok: release register: 4 workbook(s) re-audited together" in said
