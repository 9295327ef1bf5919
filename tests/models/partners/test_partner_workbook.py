"""The partner workbook read back with openpyxl: figures, suppression, escaping, LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.common.settings import AGENCY_NAME
from models.distributions.categories import CategoryKind
from models.distributions.rows import AdministrationEntry
from models.partners.package import PartnerPackage, SharedTable
from models.partners.periods import month
from models.partners.registry import PartnerDraft
from models.reports.rows import Period
from models.reports.suppression import SUPPRESSED_MARK
from models.stock.rows import ReceiveLine
from tests.models.partner_checks import derivable_cells, read_grid, visible_small
from tests.models.report_fixtures import build_activity

EVIL = '=HYPERLINK("x")'
PERIOD = Period(date(2025, 10, 1), date(2025, 12, 31))  # the fourth quarter


@pytest.fixture
def activity(services, database, agency):
    return build_activity(services, database.sessions, agency)


@pytest.fixture
def hostile_names(services, agency, activity) -> None:
    """User text that a spreadsheet would run as a formula, in every place it can appear."""
    services.settings.set(AGENCY_NAME, EVIL)
    services.catalog.rename_location(agency.station, EVIL)
    source = services.catalog.save_source(None, name=EVIL)
    line = ReceiveLine(agency.narcan, "N-200", date(2027, 9, 30), 24)
    services.stock.receive(agency.room, [line], source_id=source.id)
    services.settings.set(
        CategoryKind.SETTING.setting_key, [{"code": "overdose_scene", "label": "@SUM(A1:A2)"}]
    )


def _region(ws, table: SharedTable) -> tuple[int, int]:
    """Row and first figure column of a table's body, found by its title in column A."""
    title_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == table.title)
    return title_row + 2, 3 if table.units else 2


def _figures(ws, table: SharedTable) -> list[list[int | None]]:
    top, left = _region(ws, table)
    return read_grid(
        lambda i, j: ws.cell(top + i, left + j).value, table.grid.height, table.grid.width
    )


def _save(services, tmp_path: Path, partner_id: int | None = None) -> tuple[Path, PartnerPackage]:
    package = services.partners.partner_package(PERIOD, partner_id)
    path = services.partners.write_partner_workbook(package, tmp_path / "partner.xlsx")
    return path, package


def test_workbook_figures_match_the_database_where_shown(services, activity, tmp_path) -> None:
    path, package = _save(services, tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "About",
        "Summary",
        "By ZIP and month",
        "By setting",
        "By relationship",
        "By station",
        "Inventory flow",
        "Training",
    ]
    zip_table = package.tables[1]
    ws = wb["By ZIP and month"]
    header = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    assert header == ["ZIP code", "2025-10", "2025-11", "2025-12", "Total"]
    figures = services.reports.distribution_figures(PERIOD)
    kits_by_zip = {r.label: r.kits for r in figures.by_zip}
    top, _left = _region(ws, zip_table)
    for i, label in enumerate(zip_table.row_labels[:-1]):
        row_total = ws.cell(top + i, 5).value
        assert ws.cell(top + i, 1).value == label
        assert row_total in (SUPPRESSED_MARK, kits_by_zip.get(label, 0))
    grand = ws.cell(top + len(zip_table.row_labels) - 1, 5).value
    assert figures.kits == 20 and grand in (SUPPRESSED_MARK, 20)
    assert ws.freeze_panes == "B3"
    assert ws.tables and ws.column_dimensions["A"].width >= 10
    assert ws.cell(top, 2).number_format == "#,##0" or ws.cell(top, 2).value == SUPPRESSED_MARK


def test_no_visible_count_is_small_and_no_hidden_one_can_be_worked_out(
    services, activity, tmp_path
) -> None:
    partner = services.partners.save_partner(PartnerDraft("County health", 10))
    path, package = _save(services, tmp_path, partner.id)
    wb = load_workbook(path)
    hidden = 0
    for table in package.tables:
        shown = _figures(wb[table.sheet], table)
        g = table.grid
        assert visible_small(shown, 10) == []
        assert derivable_cells(shown, g.rows, g.cols, g.row_totals, g.col_totals) == []
        hidden += sum(v is None for line in shown for v in line)
    assert hidden == package.hidden_count > 0


def test_a_lower_threshold_shows_more(services, activity, tmp_path) -> None:
    strict = services.partners.save_partner(PartnerDraft("Strict", 10))
    loose = services.partners.save_partner(PartnerDraft("Loose", 3))
    assert (
        services.partners.partner_package(PERIOD, loose.id).hidden_count
        < services.partners.partner_package(PERIOD, strict.id).hidden_count
    )


def test_every_user_text_comes_back_as_text(services, hostile_names, tmp_path) -> None:
    path, _package = _save(services, tmp_path)
    wb = load_workbook(path)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert texts.count("'" + EVIL) >= 3  # agency, station, source
    assert "'@SUM(A1:A2)" in texts
    assert not any(t.startswith(("=", "+", "@")) for t in texts)


def test_the_about_sheet_defines_every_figure_and_the_rule(services, activity, tmp_path) -> None:
    partner = services.partners.save_partner(PartnerDraft("NYSDOH region", 6))
    path, package = _save(services, tmp_path, partner.id)
    ws = load_workbook(path)["About"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert values["Prepared for"] == "NYSDOH region"
    assert values["Period"] == PERIOD.label
    assert "Counts from 1 to 5 are not shown" in values["Suppression"]
    for table in package.tables:
        for label in table.col_labels:
            if label not in ("Total", "Count") and not label[:4].isdigit():
                assert label in values, f"{label} has no definition"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_workbook_opens_in_libreoffice(services, hostile_names, tmp_path) -> None:
    path, package = _save(services, tmp_path)
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    filter_all_sheets = (
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    )
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            filter_all_sheets,
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sheets = {p.stem.split("-", 1)[-1]: p for p in out.glob("*.csv")}
    assert len(sheets) == len(package.sheets) + 1, sorted(sheets)
    about = list(csv.reader(sheets["About"].open(encoding="utf-8")))
    assert ["Agency", "'" + EVIL] in about
    station = list(csv.reader(sheets["By station"].open(encoding="utf-8")))
    assert any(row and row[0] == "'" + EVIL for row in station)
    written = load_workbook(path)["By station"]
    total = next(r for r in range(1, written.max_row + 1) if written.cell(r, 1).value == "Total")
    assert ["Total", str(written.cell(total, 2).value)] in station  # a figure or the S mark


def test_doses_include_those_inside_kits_and_flows_count_on_the_encounter_day(
    services, activity, tmp_path
) -> None:
    path, package = _save(services, tmp_path)
    summary = package.tables[0]
    assert summary.row_labels == ("Kits distributed", "Naloxone doses distributed")
    figures = services.reports.distribution_figures(PERIOD)
    assert summary.grid.values == ((20,), (figures.doses_left_behind,))
    assert figures.doses_left_behind == 40  # two doses in every kit
    about = load_workbook(path)["About"]
    defined = {about.cell(r, 1).value: about.cell(r, 2).value for r in range(1, about.max_row + 1)}
    assert "inside every kit" in defined["Naloxone doses distributed"]
    flow = next(t for t in package.tables if t.title.startswith("Inventory flow"))
    assert sum(row[1] for row in flow.grid.values) > 0


def test_a_flow_counts_an_administration_in_the_month_it_happened(services, agency, clock) -> None:
    clock.set(date(2025, 12, 1))  # the doses were on the vehicle before the call
    services.stock.receive(
        agency.vehicle, [ReceiveLine(agency.narcan, "N-1", date(2028, 1, 31), 4)]
    )
    clock.set(date(2026, 1, 15))
    # Entered on 15 Jan 2026 (the clock) for a call on 30 Dec 2025.
    services.distributions.record_administration(
        AdministrationEntry(date(2025, 12, 30), 2, agency.vehicle, zip_code="12866")
    )
    flows = {t.title: t for t in services.partners.partner_package(month(2025, 12)).tables}
    table = flows["Inventory flow by product (units of issue)"]
    row = table.row_labels.index(next(r for r in table.row_labels if r.startswith("Narcan")))
    assert table.grid.values[row][2] == 2  # administered on scene, shown as S (small count)


def test_every_category_is_listed_once_with_one_other(services, activity) -> None:
    package = services.partners.partner_package(PERIOD)
    by_title = {t.title: t for t in package.tables}
    settings = by_title["Kits distributed by setting"].row_labels
    relations = by_title["Kits distributed by recipient relationship"].row_labels
    zips = by_title["Kits distributed by ZIP code and month"].row_labels
    assert len(set(settings)) == len(settings) and settings.count("Other") == 1
    assert "Post-overdose outreach" in settings  # none in the period, listed all the same
    assert len(set(relations)) == len(relations) and "Other or declined" in relations
    assert zips[-2:] == ("Other ZIPs", "Total")
