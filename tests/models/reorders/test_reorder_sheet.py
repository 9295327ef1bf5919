"""Reorder sheets read back: the PDF text and the .xlsx cells carry the computed quantities."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from models.common.settings import AGENCY_ADDRESS, AGENCY_NAME
from models.reorders.rows import DraftLine, ReorderSheet
from models.reorders.sheet_pdf import write_reorder_pdf
from models.reorders.sheet_xlsx import ITEM_HEADER, write_reorder_xlsx
from models.services import Services
from tests.conftest import Agency

GROUP = "naloxone-4mg-nasal"


def make_sheet(services: Services, agency: Agency, source_name: str | None = None) -> ReorderSheet:
    services.settings.set(AGENCY_NAME, "Demo County Sheriff's Office")
    services.settings.set(AGENCY_ADDRESS, "1 Main Street\nDemo Falls, NY 12866")
    state = next(x for x in services.catalog.list_sources() if x.name.startswith("NYSDOH"))
    services.catalog.save_source(
        state.id,
        registration_number="OOPP-4411",
        **({"name": source_name} if source_name else {}),
    )
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 12)
    services.catalog.set_par_level(agency.vehicle2, agency.teva, 9)
    services.catalog.set_par_level(agency.vehicle, agency.strips, 50)
    proposal = services.reorders.propose(source_id=state.id)
    wanted = [DraftLine(x.product_id, x.group, x.result.packages) for x in proposal.lines]
    [reorder] = services.reorders.create_reorders(
        [state.id], wanted, ship_to="Station 1, Supply room", contact="Sgt. Rivera"
    )
    return services.reorders.sheet(reorder.id)


def test_pdf_shows_the_computed_quantities_and_the_request_details(
    services: Services, agency: Agency, tmp_path: Path
) -> None:
    sheet = make_sheet(services, agency)
    # Par 12 + 9 = 21 devices -> 11 cartons of 2 = 22; strips: par 50 -> 1 box of 100.
    assert [(x.label, x.packages, x.quantity) for x in sheet.lines] == [
        ("Naloxone 4mg nasal (any brand)", 11, 22),
        ("Fentanyl test strip", 1, 100),
    ]
    path = write_reorder_pdf(tmp_path / "r.pdf", sheet, datetime(2026, 1, 15, 9, 0))
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    for expected in (
        "22 devices",
        "11 cartons",
        "1 box\nof 100",
        "100 strips",
        "OOPP-4411",
        "NYSDOH Opioid Overdose Prevention Program",
        "Demo County Sheriff's Office",
        "Station 1, Supply room",
        "Personnel trained in naloxone use: 0",  # the state program asks for it
        "maximum and minimum = sum of par levels = 21",
        "USAID | DELIVER",
        "Signature",
        sheet.reorder.number,
    ):
        assert expected in text, expected


def test_xlsx_reads_back_the_same_numbers(
    services: Services, agency: Agency, tmp_path: Path
) -> None:
    sheet = make_sheet(services, agency)
    path = write_reorder_xlsx(tmp_path / "r.xlsx", sheet)
    ws = load_workbook(path).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header_at = next(i for i, r in enumerate(rows) if r[: len(ITEM_HEADER)] == ITEM_HEADER)
    items = rows[header_at + 1 : header_at + 1 + len(sheet.lines)]
    column = {name: i for i, name in enumerate(ITEM_HEADER)}
    for line, row in zip(sheet.lines, items, strict=True):
        assert row[column["Product"]] == line.label
        assert row[column["Quantity requested"]] == line.quantity
        assert row[column["Packages"]] == line.packages
        assert row[column["Usable"]] == line.usable
        assert row[column["Basis"]] == line.basis
    labelled = {r[0]: r[1] for r in rows if isinstance(r[0], str)}
    assert labelled["Registration number"] == "OOPP-4411"
    assert labelled["Contact"] == "Sgt. Rivera"


def test_a_formula_looking_source_name_stays_text(
    services: Services, agency: Agency, tmp_path: Path
) -> None:
    sheet = make_sheet(services, agency, source_name='=HYPERLINK("x")')
    path = write_reorder_xlsx(tmp_path / "r.xlsx", sheet)
    ws = load_workbook(path).active
    cell = next(row[1] for row in ws.iter_rows() if row[0].value == "Source")
    assert cell.data_type == "s"
    assert cell.value == '\'=HYPERLINK("x")'
    pdf = write_reorder_pdf(tmp_path / "r.pdf", sheet)
    assert '=HYPERLINK("x")' in PdfReader(pdf).pages[0].extract_text()
