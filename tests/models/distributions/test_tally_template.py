"""QA: the blank tally template holds no line that would be imported as a real leave-behind."""

from __future__ import annotations

import openpyxl
import pytest

from models.common.errors import ValidationError
from models.distributions import tally_import
from models.distributions.tally_import import write_template
from tests.models.distribution_helpers import receive_kits


@pytest.fixture
def stocked(services, agency):
    receive_kits(services, agency.vehicle, 5)
    return agency


@pytest.mark.parametrize("name", ["template.csv", "template.xlsx"])
def test_the_blank_template_has_the_header_and_no_rows(services, stocked, tmp_path, name):
    path = write_template(tmp_path / name)
    with pytest.raises(ValidationError, match="header but no rows"):
        services.distributions.import_tally(path)
    assert services.distributions.list_recent(5) == []
    if name.endswith(".csv"):
        header = path.read_text(encoding="utf-8").splitlines()
        assert header == [",".join(c.title for c in tally_import.COLUMNS)]


def test_the_example_sheet_shows_a_valid_line_and_each_columns_meaning(services, stocked, tmp_path):
    workbook = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx"))
    assert workbook.sheetnames == ["Tally", "Example"]
    example = [[c.value for c in row] for row in workbook["Example"].iter_rows()]
    assert example[0] == [c.title for c in tally_import.COLUMNS]
    assert example[2][:3] == ["required", "optional", "required"]
    workbook["Tally"].append(example[1])  # a user copies the example onto the tally sheet
    workbook.save(tmp_path / "filled.xlsx")
    result = services.distributions.import_tally(tmp_path / "filled.xlsx")
    assert (result.distributions, result.kits) == (1, 2)
