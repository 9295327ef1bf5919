"""Finds stored texts the personal-data screen would refuse today, and redacts them on request.

Knows the list of stored free-text columns by table and column name (a test keeps it complete
against the schema) and the screen; knows nothing of what the features do with the texts. A
redaction replaces the text and records where, why, when and by whom; never the text itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import column, select, table, update
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.entities import TextRedaction
from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import find_personal_data

REDACTED = "[redacted]"


@dataclass(frozen=True)
class StoredText:
    table: str
    column: str
    label: str  # what a quartermaster calls it
    keep_prefix: bool = False  # "donated: <note>" keeps "donated:" (the disposal kind)


STORED_TEXTS: tuple[StoredText, ...] = (
    StoredText("operation", "note", "Stock movement note", keep_prefix=True),
    StoredText("alert_decision", "reason", "Alert acknowledgement reason"),
    StoredText("distribution", "comment", "Distribution comment"),
    StoredText("distribution", "void_reason", "Distribution void reason"),
    StoredText("administration", "comment", "Administration comment"),
    StoredText("administration", "void_reason", "Administration void reason"),
    StoredText("kit_recipe", "notes", "Kit recipe notes"),
    StoredText("partner", "notes", "Partner notes"),
    StoredText("reorder", "note", "Reorder note"),
    StoredText("reorder_status_change", "note", "Reorder status note"),
    StoredText("demand_surge", "reason", "Expected surge reason"),
    StoredText("stock_count_line", "reason", "Count difference reason"),
    StoredText("vehicle_check", "note", "Vehicle check note"),
    StoredText("product", "notes", "Product notes"),
    StoredText("location", "notes", "Location notes"),
    StoredText("location", "name", "Location name"),
    StoredText("source", "notes", "Source notes"),
    StoredText("source", "supplies", "What a source supplies"),
    StoredText("training_session", "notes", "Training session notes"),
    StoredText("feedback", "text", "Training feedback"),
)
_BY_KEY = {(t.table, t.column): t for t in STORED_TEXTS}


@dataclass(frozen=True)
class Finding:
    """A stored text the screen refuses: where it is and why (`text` is for the screen only)."""

    table: str
    column: str
    row_id: int
    label: str
    reason: str
    text: str


class TextAuditService:
    """Lists stored texts that hold personal data; redacts one at a time, recorded."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor

    def find_personal_data(
        self, progress: Callable[[int, int], None] | None = None
    ) -> list[Finding]:
        allowed = list(self._actor.personnel())
        found: list[Finding] = []
        with self._sessions.begin() as s:
            for done, spec in enumerate(STORED_TEXTS):
                found.extend(_scan(s, spec, allowed))
                if progress:
                    progress(done + 1, len(STORED_TEXTS))
        return found

    @requires(Permission.MANAGE, "redact a stored text")
    def redact(self, table_name: str, column_name: str, row_id: int) -> None:
        """Replace one stored text by "[redacted]" and record the redaction; the text is gone."""
        spec = _BY_KEY.get((table_name, column_name))
        if spec is None:
            raise ValidationError(f"{table_name}.{column_name} is not a stored text.")
        allowed = list(self._actor.personnel())  # read before this transaction opens
        with self._sessions.begin() as s:
            target = table(spec.table, column("id"), column(spec.column))
            text = s.execute(select(target.c[spec.column]).where(target.c.id == row_id)).scalar()
            if text is None:
                raise NotFound(f"No {spec.label.lower()} with number {row_id}.")
            reason = find_personal_data(text, allowed) or "asked to"
            s.execute(
                update(target)
                .where(target.c.id == row_id)
                .values({spec.column: _redacted(spec, text)})
            )
            s.add(
                TextRedaction(
                    table_name=spec.table,
                    column_name=spec.column,
                    row_id=row_id,
                    reason=reason[:80],
                    redacted_at=self._clock.now(),
                    redacted_by=self._actor.name or "unknown",
                )
            )

    def count_redactions(self) -> int:
        with self._sessions.begin() as s:
            return len(s.scalars(select(TextRedaction.id)).all())


def _scan(s: Session, spec: StoredText, allowed: Iterable[str]) -> list[Finding]:
    target = table(spec.table, column("id"), column(spec.column))
    rows = s.execute(
        select(target.c.id, target.c[spec.column]).where(target.c[spec.column].is_not(None))
    )
    found = []
    for row_id, text in rows:
        reason = find_personal_data(str(text), allowed) if text != REDACTED else None
        if reason:
            found.append(Finding(spec.table, spec.column, row_id, spec.label, reason, str(text)))
    return found


def _redacted(spec: StoredText, text: str) -> str:
    kind, sep, _rest = text.partition(": ")
    if spec.keep_prefix and sep and kind.isalpha() and kind.islower():
        return f"{kind}: {REDACTED}"
    return REDACTED
