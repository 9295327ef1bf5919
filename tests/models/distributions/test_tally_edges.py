"""Tally files at the edges: every filled row counted, odd encodings and digits refused clearly."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from models.common.errors import ValidationError
from models.distributions import tally_import
from models.distributions.tally_import import TallyImportRefused
from tests.models.distribution_helpers import receive_kits
from tests.models.distributions.test_distribution_tally import GOOD, HEADER, row, write_xlsx
from tests.snapshot import snapshot

ONE = row("2026-01-10", "1", "Patrol 12", "12866")


def _csv_text(rows: list[list[str]]) -> str:
    return "\r\n".join(",".join(r) for r in [HEADER, *rows]) + "\r\n"


def test_xlsx_with_a_blank_line_after_each_row_imports_every_row(
    services, agency, tmp_path, monkeypatch
):
    # The limit is lowered so the sheet is short; before the fix reading stopped after
    # MAX_ROWS + 1 sheet rows counting blank ones, importing about half of these.
    monkeypatch.setattr(tally_import, "MAX_ROWS", 40)
    receive_kits(services, agency.vehicle, 60)
    rows: list[list[object]] = []
    for _ in range(30):
        rows += [ONE, [None] * len(HEADER)]
    result = services.distributions.import_tally(write_xlsx(tmp_path / "t.xlsx", rows))
    assert (result.distributions, result.kits) == (30, 30)


def test_the_row_limit_counts_filled_rows_only(tmp_path, monkeypatch):
    monkeypatch.setattr(tally_import, "MAX_ROWS", 40)
    with pytest.raises(ValidationError, match="more than 40 rows"):
        tally_import.read_rows(write_xlsx(tmp_path / "t.xlsx", [ONE, [None]] * 41))
    exactly = write_xlsx(tmp_path / "ok.xlsx", [ONE, [None], [None]] * 40)
    assert len(tally_import.read_rows(exactly)) == 40


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(services, agency, tmp_path, encoding):
    receive_kits(services, agency.vehicle, 5)
    receive_kits(services, agency.vehicle2, 5, lot="K2")
    bom = (
        b""
        if encoding == "utf-16"
        else {"utf-16-le": codecs.BOM_UTF16_LE}.get(encoding, codecs.BOM_UTF16_BE)
    )
    path = tmp_path / "t.csv"
    path.write_bytes(bom + _csv_text(GOOD).encode(encoding))
    assert services.distributions.import_tally(path).distributions == 3


def test_utf16_without_a_mark_is_refused_with_save_as_utf8(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(_csv_text(GOOD).encode("utf-16-le"))
    with pytest.raises(ValidationError, match="CSV UTF-8"):
        tally_import.read_rows(path)


@pytest.mark.parametrize(
    "kits", ["\u0663", "\uff12", "\u0968"]
)  # Arabic-Indic, full-width, Devanagari
def test_only_ascii_digits_are_numbers(services, agency, database, tmp_path, kits):
    receive_kits(services, agency.vehicle, 5)
    path = tmp_path / "t.csv"
    path.write_text(_csv_text([row("2026-01-10", kits, "Patrol 12", "12866")]), encoding="utf-8")
    before = snapshot(database.sessions)
    with pytest.raises(TallyImportRefused, match="line 2: Kits must be a whole number"):
        services.distributions.import_tally(path)
    assert snapshot(database.sessions) == before


def test_a_row_with_more_cells_than_the_header_is_refused_with_its_line(
    services, agency, database, tmp_path
):
    receive_kits(services, agency.vehicle, 5)
    cut = [*row("2026-01-10", "1", "Patrol 12", "12866")[:-1], "met at park", " then left"]
    path = tmp_path / "t.csv"
    path.write_text(_csv_text([ONE, cut]), encoding="utf-8")
    before = snapshot(database.sessions)
    with pytest.raises(TallyImportRefused, match="line 3: the row has 1 more cell than the header"):
        services.distributions.import_tally(path)
    assert snapshot(database.sessions) == before


def test_a_nul_byte_in_a_comment_is_a_row_refusal_on_every_backend(
    services, agency, database, tmp_path
):
    receive_kits(services, agency.vehicle, 5)
    bad = row("2026-01-10", "1", "Patrol 12", "12866", "Overdose scene", "Family member", "", "",
              "note\x00here")  # fmt: skip
    path = tmp_path / "t.csv"
    path.write_text(_csv_text([ONE, bad]), encoding="utf-8")
    before = snapshot(database.sessions)
    with pytest.raises(TallyImportRefused, match=r"line 3: .*control character"):
        services.distributions.import_tally(path)
    assert snapshot(database.sessions) == before


def test_dates_with_foreign_digits_are_not_dates() -> None:
    with pytest.raises(ValidationError):
        tally_import.parse_date("\u0662\u0660\u0662\u0666-01-10")
    assert tally_import.parse_date("2026-01-10") == date(2026, 1, 10)
