"""QA: reorders and alerts say '1 box', '2 boxes', and say nothing of 0 expired units."""

from __future__ import annotations

import pytest

from models.common.wording import counted, plural
from models.reorders.calc import calculate
from tests.models.alert_fixtures import days, receive
from tests.models.reorders.test_reorder_calc import DEFAULTS, TODAY, item


@pytest.mark.parametrize(
    ("word", "many"),
    [
        ("box", "boxes"),
        ("pouch", "pouches"),
        ("strip", "strips"),
        ("battery", "batteries"),
        ("each", "each"),
        ("gloves", "gloves"),
        ("people", "people"),
    ],
)
def test_unit_and_package_nouns_take_their_english_plural(word, many) -> None:
    assert plural(word) == many
    assert counted(1, word) == f"1 {word}"
    assert counted(2, word) == f"2 {many}"


def test_one_package_is_one_box_and_no_expired_note_when_nothing_expired() -> None:
    result = calculate(
        item(package_name="box", units_per_package=100, unit="strip", par_total=50),
        DEFAULTS,
        TODAY,
        lead_days=14,
    )
    text = "\n".join(result.steps)
    assert "1 box = 100 strips" in text
    assert "(s)" not in text


def test_the_amc_step_names_expired_units_only_when_there_are_some() -> None:
    quiet = calculate(item(distributed=12), DEFAULTS, TODAY, lead_days=14)
    assert "expired" not in quiet.steps[0] and "not counted" not in quiet.steps[0]
    assert quiet.steps[0].endswith("= 2 devices/month")
    noisy = calculate(item(distributed=12, expired=1), DEFAULTS, TODAY, lead_days=14)
    assert noisy.steps[0].endswith("(1 expired: not counted as demand)")


def test_alert_quantities_read_as_english(services, agency) -> None:
    receive(services, agency.room, agency.narcan, "NX1", days(20), 2)
    (alert,) = [a for a in services.alerts.list_alerts() if a.lot_id is not None]
    assert alert.how_much == "2 devices"
