"""QA: in a narrow window the quick-entry list still shows the kits on board first, and each
cut-off choice shows in full as its tooltip."""

from __future__ import annotations

from tests.models.distribution_helpers import receive_kits
from ui.distributions.quick_entry_widget import QuickEntryWidget


def test_vehicle_choice_shows_kits_before_the_station_and_a_full_tooltip(
    qtbot, services, agency
) -> None:
    receive_kits(services, agency.vehicle, 5)
    receive_kits(services, agency.vehicle2, 1, lot="K2")
    widget = QuickEntryWidget(services)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    labels = [widget.location.itemText(i) for i in range(widget.location.count())]
    assert "Patrol 12 (5 kits) · Station 1" in labels
    assert "Patrol 14 (1 kit) · Station 1" in labels
    for combo in (widget.location, widget.setting, widget.relationship):
        combo.setCurrentIndex(combo.count() - 1)
        assert combo.toolTip() == combo.currentText() != ""
