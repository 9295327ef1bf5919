"""Each PDF report is parsed back with pypdf and its figures compared with the database."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.common.settings import AGENCY_NAME
from models.reports.service import ReportKind
from models.stock.entities import Balance, LocationKind, Lot, Operation, Reason, StockMove
from models.stock.ledger import virtual_location_id
from tests.models.report_fixtures import Q4, build_activity


@pytest.fixture
def activity(services, database, agency):
    return build_activity(services, database.sessions, agency)


def lines_of(path: Path) -> list[str]:
    reader = PdfReader(path)
    return [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]


def after(lines: list[str], anchor: str, label: str, count: int) -> list[str]:
    """The `count` lines that follow `label`, searching from the first `anchor` on."""
    start = lines.index(anchor)
    at = lines.index(label, start)
    return lines[at + 1 : at + 1 + count]


def test_every_page_has_the_frame_and_page_x_of_y(services, activity, tmp_path) -> None:
    services.settings.set(AGENCY_NAME, "Example & Sons Fire <District>")
    for kind in ReportKind:
        path = services.reports.write_report(kind, tmp_path / f"{kind.value}.pdf", Q4)
        reader = PdfReader(path)
        total = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text()
            assert kind.heading in text
            assert "Example & Sons Fire <District>" in text
            assert f"Page {number} of {total}" in text
            assert "Generated 2026-01-15 09:00" in text


def test_distribution_summary_shows_the_figures_of_the_quarter(services, activity, tmp_path):
    path = services.reports.write_report(ReportKind.DISTRIBUTIONS, tmp_path / "d.pdf", Q4)
    lines = lines_of(path)
    figures = services.reports.distribution_figures(Q4)
    assert "01 Oct 2025 to 31 Dec 2025" in lines
    assert after(lines, "By month", "October 2025", 4) == ["3", "6", "1", "2"]
    assert after(lines, "By month", "Total", 4) == ["8", "20", "2", "3"]
    for row in figures.by_zip:
        assert after(lines, "By ZIP code", row.label, 2) == [str(row.encounters), str(row.kits)]
    assert after(lines, "By setting", "Overdose scene", 2) == ["4", "12"]
    assert after(lines, "By recipient relationship", "Person at risk", 2) == ["4", "12"]
    assert lines[lines.index("Naloxone doses left behind") - 1] == "40"
    assert lines[lines.index("Kits distributed") - 1] == "20"


def test_expiration_report_lists_every_lot_with_totals_per_location(
    services, activity, tmp_path
) -> None:
    path = services.reports.write_report(ReportKind.EXPIRATION, tmp_path / "e.pdf")
    lines = lines_of(path)
    # One summary line per place and unit of issue: strips are never added to devices.
    assert after(lines, "Summary by location", "Station 1 / Supply room", 7) == [
        "strips",
        *["50", "0", "0", "0", "0", "50"],
    ]
    summary = lines[lines.index("Summary by location") :]
    totals = [summary[i + 1 : i + 8] for i, line in enumerate(summary) if line == "All locations"]
    assert totals[:3] == [
        ["kits", "0", "0", "0", "7", "0", "7"],
        ["strips", "50", "0", "0", "0", "0", "50"],
        ["devices", "0", "20", "0", "57", "0", "77"],
    ]
    assert "Total" in lines and "50 strips, 57 devices" in lines
    section = lines.index("Station 1 / Supply room", lines.index("All locations"))
    assert lines[section:].index("FTS-1") < lines[section:].index("N-100")  # earliest first
    assert "Kit batch KB-1" in lines


def test_inventory_report_splits_usable_and_expired(services, activity, tmp_path) -> None:
    path = services.reports.write_report(ReportKind.INVENTORY, tmp_path / "i.pdf")
    lines = lines_of(path)
    totals = {r.product_name: r for r in services.reports.list_stock_rows(by_location=False)}
    strips = totals["Fentanyl test strip"]
    assert after(lines, "By product", "Fentanyl test strip", 6) == [
        "strip",
        str(strips.usable),
        str(strips.expiring),
        str(strips.expired),
        "0",
        "50",
    ]
    assert after(lines, "By location", "Station 1 / Patrol 12", 13)[-8:] == [
        "Standard LBN kit",
        "7",
        "0",
        "0",
        "7",
        "All products (units)",
        "7",
        "0",
    ]
    doses = lines[lines.index("Usable naloxone doses (loose and in kits)") - 1]
    assert doses == str(57 + 20 + 7 * 2)  # Narcan, Teva, seven kits of two


def test_program_summary_hides_small_counts_and_shows_the_rest(
    services, activity, tmp_path
) -> None:
    path = services.reports.write_report(ReportKind.PROGRAM, tmp_path / "p.pdf", Q4)
    lines = lines_of(path)
    assert len(PdfReader(path).pages) <= 2
    value = lines[lines.index("Kits distributed") - 1]
    assert value == "20"  # 20 kits: large enough to show
    assert lines[lines.index("Personnel trained") - 1] == "S"  # 4 people: hidden
    assert lines[lines.index("Doses administered on scene") - 1] == "S"
    assert "Counts from 1 to 9 are not shown" in " ".join(lines)
    small = [v for v in lines if v.isdigit() and 0 < int(v) < 10]
    # only axis ticks and stock figures (not person-related) may be small
    assert set(small) <= {"0", "5", "7", "2"}


def test_a_five_thousand_row_expiration_report_generates(
    services, agency, database, tmp_path
) -> None:
    today = date(2026, 1, 15)
    with database.sessions.begin() as s:
        supplier = virtual_location_id(s, LocationKind.SUPPLIER)
        op = Operation(at=datetime(2026, 1, 2), reason=Reason.RECEIVE, user="t")
        s.add(op)
        s.flush()
        lots = [
            Lot(
                product_id=agency.narcan,
                lot_number=f"L{n:05d}",
                expiry=today + timedelta(days=(n % 400) - 60),
                created_at=datetime(2026, 1, 2),
            )
            for n in range(5000)
        ]
        s.add_all(lots)
        s.flush()
        places = [agency.room, agency.cabinet, agency.vehicle, agency.vehicle2]
        for n, lot in enumerate(lots):
            place = places[n % 4]
            s.add(
                StockMove(
                    operation_id=op.id,
                    lot_id=lot.id,
                    from_location_id=supplier,
                    to_location_id=place,
                    quantity=2,
                )
            )
            s.add(Balance(lot_id=lot.id, location_id=place, quantity=2))
    seen: list[tuple[int, int]] = []
    path = services.reports.write_report(
        ReportKind.EXPIRATION, tmp_path / "big.pdf", progress=lambda d, t: seen.append((d, t))
    )
    reader = PdfReader(path)
    assert len(reader.pages) > 60
    last = reader.pages[-1].extract_text()
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in last
    assert "Expiry" in reader.pages[30].extract_text()  # header repeated mid-report
    assert seen and seen[-1][0] == seen[-1][1]
    lines = lines_of(path)
    assert after(lines, "Summary by location", "All locations", 7)[-1] == "10000"
    assert sum(1 for line in lines if re.fullmatch(r"L\d{5}", line)) == 5000


def test_report_period_defaults_to_the_last_quarter(services, activity, tmp_path) -> None:
    path = services.reports.write_report(ReportKind.DISTRIBUTIONS, tmp_path / "q.pdf")
    assert "01 Oct 2025 to 31 Dec 2025" in PdfReader(path).pages[0].extract_text()
