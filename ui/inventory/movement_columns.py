"""Columns of the movement history and operation lists (who, when, what, why); plain data.

Both are shown through the generic `RowTableModel`; reversed entries are greyed out there.
"""

from __future__ import annotations

from datetime import datetime

from models.stock.entities import Reason
from models.stock.rows import MoveRow, OperationRow
from ui.widgets.row_table_model import RowColumn


def when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


def what(reason: str) -> str:
    try:
        return Reason(reason).label
    except ValueError:
        return reason


def move_status(m: MoveRow) -> str:
    if m.reversed_by_id is not None:
        return f"reversed by no. {m.reversed_by_id}"
    if m.reverses_id is not None:
        return f"reverses no. {m.reverses_id}"
    return ""


MOVE_COLUMNS: list[RowColumn[MoveRow]] = [
    RowColumn("When", lambda m: when(m.at)),
    RowColumn("No.", lambda m: m.operation_id, numeric=True, tooltip="Movement number"),
    RowColumn("What", lambda m: what(m.reason)),
    RowColumn("Product", lambda m: m.product_name),
    RowColumn("Lot", lambda m: m.lot_number),
    RowColumn("From", lambda m: m.from_name),
    RowColumn("To", lambda m: m.to_name),
    RowColumn("Qty", lambda m: m.quantity, numeric=True),
    RowColumn("Who", lambda m: m.user),
    RowColumn("Why", lambda m: m.note or ""),
    RowColumn("Status", move_status),
]


def operation_columns(status: dict[int, str]) -> list[RowColumn[OperationRow]]:
    """`status` maps an operation number to 'reversed by no. N' / 'reverses no. N'."""
    return [
        RowColumn("No.", lambda o: o.id, numeric=True, tooltip="Movement number"),
        RowColumn("When", lambda o: when(o.at)),
        RowColumn("What", lambda o: what(o.reason)),
        RowColumn("Who", lambda o: o.user),
        RowColumn("Lines", lambda o: o.move_count, numeric=True),
        RowColumn("Units", lambda o: o.quantity, numeric=True),
        RowColumn("Why", lambda o: o.note or ""),
        RowColumn("Status", lambda o: status.get(o.id, "")),
    ]
