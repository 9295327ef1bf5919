"""Every dialog of the app, built on the demo agency, for the screenshot tool and the fit tests.

Knows how to open each dialog with realistic content; knows nothing about screens or sizes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from models.common.gtin import check_digit
from models.reports.rows import Period
from models.reports.service import ReportKind
from models.services import Services

DialogFactory = Callable[[Services], QWidget]


def _receive(services: Services) -> QWidget:
    from ui.inventory.receive_dialog import ReceiveDialog

    usable = _usable(services)
    return ReceiveDialog(services, prefill=[(usable.product_id, 24)])


def _transfer(services: Services) -> QWidget:
    from ui.inventory.transfer_dialog import TransferDialog

    return TransferDialog(services, from_location_id=_usable(services).location_id)


def _count(services: Services) -> QWidget:
    from ui.inventory.count_dialog import CountDialog

    usable = _usable(services)
    return CountDialog(services, lot_id=usable.lot_id, location_id=usable.location_id)


def _quarantine(services: Services) -> QWidget:
    from ui.inventory.quarantine_dialog import QuarantineDialog

    usable = _usable(services)
    return QuarantineDialog(services, lot_id=usable.lot_id, location_id=usable.location_id)


def _reverse(services: Services) -> QWidget:
    from ui.inventory.reverse_dialog import ReverseDialog

    return ReverseDialog(services, operation_id=services.stock.list_operations(5)[0].id)


def _history(services: Services) -> QWidget:
    from ui.inventory.history_dialog import HistoryDialog

    return HistoryDialog(services, location_id=_usable(services).location_id)


def _product(services: Services) -> QWidget:
    from ui.widgets.product_dialog import ProductDialog

    return ProductDialog(services, barcode="3" + "1234512345" + check_digit("31234512345"))


def _pdf_preview(services: Services) -> QWidget:
    from ui.widgets.pdf_preview_dialog import PdfPreviewDialog

    path = Path(tempfile.mkdtemp()) / "expiration.pdf"
    services.reports.write_report(ReportKind.EXPIRATION, path)
    return PdfPreviewDialog(path, None, "Expiration report")


def _alert_decision(services: Services) -> QWidget:
    from ui.dashboard.alert_decision_dialog import AlertDecisionDialog

    return AlertDecisionDialog(services, services.alerts.list_alerts()[0], snooze=True)


def _administration(services: Services) -> QWidget:
    from ui.distributions.administration_dialog import AdministrationDialog

    return AdministrationDialog(services)


def _tally_import(services: Services) -> QWidget:
    from ui.distributions.tally_import_dialog import TallyImportDialog

    return TallyImportDialog(services)


def _void(services: Services) -> QWidget:
    from ui.distributions.void_dialog import VoidDialog

    return VoidDialog(services, services.distributions.list_recent(1)[0])


def _assemble(services: Services) -> QWidget:
    from ui.kits.assemble_dialog import AssembleDialog

    return AssembleDialog(services)


def _disassemble(services: Services) -> QWidget:
    from ui.kits.disassemble_dialog import DisassembleDialog

    return DisassembleDialog(services, selected=services.kits.list_kit_stock()[0])


def _kit_labels(services: Services) -> QWidget:
    from ui.kits.kit_labels_dialog import KitLabelsDialog

    return KitLabelsDialog(services)


def _kit_par(services: Services) -> QWidget:
    from ui.kits.kit_par_dialog import KitParDialog

    return KitParDialog(services)


def _kit_transfer(services: Services) -> QWidget:
    from ui.kits.kit_transfer_dialog import KitTransferDialog

    return KitTransferDialog(services)


def _recall(services: Services) -> QWidget:
    from ui.kits.recall_dialog import RecallDialog

    return RecallDialog(services)


def _recipe(services: Services) -> QWidget:
    from ui.kits.recipe_dialog import RecipeDialog

    return RecipeDialog(services, recipe=services.kits.list_recipes()[0])


def _resource_cards(services: Services) -> QWidget:
    from ui.kits.resource_cards_dialog import ResourceCardsDialog

    return ResourceCardsDialog(services)


def _reorder_parameters(services: Services) -> QWidget:
    from ui.reorders.reorder_parameters_dialog import ReorderParametersDialog

    return ReorderParametersDialog(services)


def _reorder_request(services: Services) -> QWidget:
    from ui.reorders.reorder_request_dialog import ReorderRequestDialog

    return ReorderRequestDialog(services)


def _reorder_surge(services: Services) -> QWidget:
    from ui.reorders.reorder_surge_dialog import ReorderSurgeDialog

    return ReorderSurgeDialog(services)


def _partner_preview(services: Services) -> QWidget:
    from ui.reports.partner_preview_dialog import PartnerPreviewDialog

    today = services.clock.today()
    year = today.year - 1  # a whole calendar year: what a partner workbook covers
    period = Period(date(year, 1, 1), date(year, 12, 31))
    return PartnerPreviewDialog(services.partners.prepare_release(period), services)


def _first_run(services: Services) -> QWidget:
    from ui.settings.first_run_wizard import FirstRunWizard

    return FirstRunWizard(services)


def _feedback(services: Services) -> QWidget:
    from ui.training.feedback_dialog import FeedbackDialog

    return FeedbackDialog(services)


def _person(services: Services) -> QWidget:
    from ui.training.person_dialog import PersonDialog

    return PersonDialog(services)


def _training_session(services: Services) -> QWidget:
    from ui.training.training_session_dialog import TrainingSessionDialog

    return TrainingSessionDialog(services)


def _guide(services: Services) -> QWidget:
    from ui.widgets.guide_dialog import GuideDialog

    return GuideDialog("receive-a-delivery")


def _count_place(services: Services) -> QWidget:
    from ui.inventory.count_place_dialog import CountPlaceDialog

    return CountPlaceDialog(services, location_id=_usable(services).location_id)


def _vehicle_check(services: Services) -> QWidget:
    from ui.kits.vehicle_check_dialog import VehicleCheckDialog

    places = services.catalog.list_locations(include_inactive=False)
    vehicle = next(p for p in places if p.kind == "vehicle")
    return VehicleCheckDialog(services, location_id=vehicle.id)


def _personal_data(services: Services) -> QWidget:
    from ui.settings.personal_data_dialog import PersonalDataDialog

    return PersonalDataDialog(services.text_audit)


def _person_picker(services: Services) -> QWidget:
    from ui.widgets.person_picker import PersonPickerDialog

    return PersonPickerDialog(services)


def _usable(services: Services):
    rows = services.stock.list_on_hand()
    return next(r for r in rows if not r.expired and r.product_kind == "naloxone")


DIALOGS: dict[str, DialogFactory] = {
    "receive": _receive,
    "transfer": _transfer,
    "count": _count,
    "quarantine": _quarantine,
    "reverse": _reverse,
    "history": _history,
    "product": _product,
    "pdf-preview": _pdf_preview,
    "alert-decision": _alert_decision,
    "administration": _administration,
    "tally-import": _tally_import,
    "void": _void,
    "assemble": _assemble,
    "disassemble": _disassemble,
    "kit-labels": _kit_labels,
    "kit-par": _kit_par,
    "kit-transfer": _kit_transfer,
    "recall": _recall,
    "recipe": _recipe,
    "resource-cards": _resource_cards,
    "reorder-parameters": _reorder_parameters,
    "reorder-request": _reorder_request,
    "reorder-surge": _reorder_surge,
    "partner-preview": _partner_preview,
    "first-run": _first_run,
    "feedback": _feedback,
    "person": _person,
    "training-session": _training_session,
    "guide": _guide,
    "count-place": _count_place,
    "personal-data": _personal_data,
    "person-picker": _person_picker,
    "vehicle-check": _vehicle_check,
}
