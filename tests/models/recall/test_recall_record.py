"""The recall record: a PDF and workbook of where a lot was found, what was quarantined and
which uses it went to (date and ZIP only), reproducible from the ledger."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from models.common.settings import AGENCY_NAME
from models.distributions.rows import DistributionEntry
from tests.models.kit_fixtures import lot_id, standard, stock_parts
from tests.pdf_checks import all_text, assert_readable_and_uncut


def _recalled_lot(services, agency, clock) -> int:
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("RECALL", date(2027, 6, 30), 30)])
    recalled = lot_id(services, agency.narcan, "RECALL")
    batch = services.kits.assemble_kits(kit.recipe, agency.room, 10).batches[0]
    services.stock.transfer(batch.lot_id, agency.room, agency.vehicle, 4)
    clock.advance(days=2)
    services.distributions.record_distribution(
        DistributionEntry(
            occurred_on=clock.today() - date.resolution,
            kits=1,
            location_id=agency.vehicle,
            zip_code="12866",
            setting="Overdose scene",
            relationship="Family member",
            kit_product_id=kit.product,
            comment="Resource card explained",
        )
    )
    services.settings.set(AGENCY_NAME, "Demo County Sheriff's Office")
    services.recall.quarantine_recalled(recalled, "FDA notice 2026-017")
    return recalled


def test_recall_record_states_where_found_what_was_quarantined_and_uses_by_date_and_zip(
    services, agency, clock, tmp_path
):
    recalled = _recalled_lot(services, agency, clock)
    pdf, xlsx = services.recall.write_record(recalled, tmp_path / "recall.pdf")
    assert_readable_and_uncut(pdf)
    text = " ".join(all_text(pdf).split())
    for expected in (
        "Recall record: Narcan 4 mg nasal spray lot RECALL",
        "Demo County Sheriff's Office",
        "where it was found",
        "Where it is now",
        "Station 1 / Patrol 12",
        "What was quarantined",
        "FDA notice 2026-017",
        "tester",
        "2026-01-16",
        "12866",
        "Prepared by (name)",
        "Signature",
        "Page 1 of",
    ):
        assert expected in text, expected
    assert "Resource card explained" not in text and "Family" not in text
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == [
        "Recall record",
        "Where found",
        "Quarantined",
        "Uses by date and ZIP",
    ]
    uses = list(book["Uses by date and ZIP"].iter_rows(values_only=True))
    assert uses[0] == ("Date", "Used in", "ZIP", "Units") and uses[1][1:] == (
        "distribution",
        "12866",
        2,
    )
    quarantined = list(book["Quarantined"].iter_rows(values_only=True))
    found = {(row[4], row[5], row[6]) for row in quarantined[1:]}
    assert found == {("Station 1 / Supply room", 10, 6), ("Station 1 / Patrol 12", 0, 3)}
    assert all("FDA notice 2026-017" in row[3] for row in quarantined[1:])
    book.close()


def test_the_same_lot_gives_the_same_record_later(services, agency, clock, tmp_path):
    recalled = _recalled_lot(services, agency, clock)
    first, _ = services.recall.write_record(recalled, tmp_path / "first.pdf")
    clock.advance(days=40)
    again, _ = services.recall.write_record(recalled, tmp_path / "again.pdf")
    assert all_text(first) == all_text(again)
    assert len(PdfReader(first).pages) == len(PdfReader(again).pages)
