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


def test_sheet_totals_per_unit_and_signature_sits_under_the_request(
    services: Services, agency: Agency, tmp_path: Path
) -> None:
    sheet = make_sheet(services, agency)
    pdf = write_reorder_pdf(tmp_path / "r.pdf", sheet, datetime(2026, 1, 15, 9, 0))
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert "2 items: 22 devices, 100 strips." in pages[0]
    assert "122 units" not in "".join(pages)  # devices are never added to strips
    signed = next(i for i, text in enumerate(pages) if "Signature" in text)
    assert "Items requested" in pages[signed]  # not alone on a page of its own
    ws = load_workbook(write_reorder_xlsx(tmp_path / "r.xlsx", sheet)).active
    quantity, unit = ITEM_HEADER.index("Quantity requested"), ITEM_HEADER.index("Unit")
    totals = [(r[quantity].value, r[unit].value) for r in ws.iter_rows() if r[0].value == "Total"]
    assert totals == [(22, "device"), (100, "strip")]


def test_xlsx_prints_landscape_one_page_wide_with_headers_and_page_numbers(
    services: Services, agency: Agency, tmp_path: Path
) -> None:
    ws = load_workbook(write_reorder_xlsx(tmp_path / "r.xlsx", make_sheet(services, agency))).active
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == ITEM_HEADER[0])
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert "Page &P of &N" in ws.oddFooter.right.text


def test_each_xlsx_row_adds_up_and_names_only_stocked_ndcs(
    services: Services, database, clock, agency: Agency, tmp_path: Path
) -> None:
    from tests.models.reorders.test_consumption_timeline import program

    program(services, database, clock, agency, until=31)
    state = next(x for x in services.catalog.list_sources() if x.name.startswith("NYSDOH"))
    proposal = services.reorders.propose(source_id=state.id)
    wanted = [DraftLine(x.product_id, x.group, x.result.packages) for x in proposal.lines]
    wanted.append(DraftLine(None, GROUP, 5))  # 46 usable is above the minimum: asked by hand
    [reorder] = services.reorders.create_reorders([state.id], [w for w in wanted if w.packages])
    sheet = services.reorders.sheet(reorder.id)
    ws = load_workbook(write_reorder_xlsx(tmp_path / "r.xlsx", sheet)).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header_at = next(i for i, r in enumerate(rows) if r[: len(ITEM_HEADER)] == ITEM_HEADER)
    items = rows[header_at + 1 : header_at + 1 + len(sheet.lines)]
    c = {name: i for i, name in enumerate(ITEM_HEADER)}
    for row in items:
        loose, kits = row[c["Loose on hand"]], row[c["Inside ready kits"]]
        usable, on_order = row[c["Usable"]], row[c["On order"]]
        assert loose + kits - row[c["Expiring before delivery or use (excluded)"]] == usable
        assert row[c["Quantity requested"]] == row[c["Packages"]] * row[c["Units per package"]]
        assert row[c["AMC based on (days)"]] == 31
        if row[c["Why this quantity"]].startswith("Calculated"):
            assert usable + on_order <= row[c["Min"]] <= row[c["Max"]]
            assert row[c["Quantity requested"]] >= row[c["Max"]] - usable - on_order
    naloxone = next(r for r in items if r[c["Product"]] == "Naloxone 4mg nasal (any brand)")
    assert (naloxone[c["Loose on hand"]], naloxone[c["Inside ready kits"]]) == (18, 28)
    narcan = services.catalog.get_product(agency.narcan)
    assert naloxone[c["NDC"]] == narcan.ndc  # only Narcan was ever stocked
    assert naloxone[c["Why this quantity"]] == (
        "Changed by the quartermaster: 5 cartons instead of the calculated 0"
    )
    texts = [r[0] for r in rows if isinstance(r[0], str)]
    assert any(t.startswith("Kit contents count: units inside ready kits") for t in texts)
    pdf = write_reorder_pdf(tmp_path / "r.pdf", sheet, datetime(2025, 7, 3, 9, 0))
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Kit contents count" in text and "Inside\nready kits" in text
