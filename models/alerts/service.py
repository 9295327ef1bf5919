"""AlertService: alerts computed from the books with the injected clock, and decisions on them.

Alerts are never stored; acknowledgements and snoozes are, keyed by the alert's identity and the
fingerprint of its condition, so an alert comes back when its condition changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.alerts import hooks as alert_hooks
from models.alerts.at_risk import at_risk_alerts, held_back
from models.alerts.books import Books, read_books
from models.alerts.checks import par_alerts, stock_alerts
from models.alerts.dashboard_queries import build_summary, distribution_figures
from models.alerts.entities import AlertDecision
from models.alerts.readiness import (
    readiness_board,
    rotation_list,
)
from models.alerts.rows import (
    AlertRow,
    AlertStatus,
    DashboardData,
    ReadinessRow,
    RestockTask,
    RotationRow,
    sort_alerts,
)
from models.alerts.rules import AlertRules, load_rules, save_rules
from models.alerts.vehicle_check_alerts import vehicle_check_alerts
from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import ValidationError
from models.common.pii_screen import screen_free_text
from models.partners.service import PartnerService
from models.reorders.consumption import PaceMemo
from models.reorders.service import ReorderService
from models.training.service import TrainingService

log = logging.getLogger(__name__)
MAX_REASON = 500


class AlertService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        actor: Actor,
        *,
        reorders: ReorderService,
        training: TrainingService,
        partners: PartnerService,
    ) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor
        # The areas whose alerts arrive through hooks (reorders due, refreshers, deadlines).
        self._reorders, self._training, self._partners = reorders, training, partners
        self._paces = PaceMemo()

    # --- rules --------------------------------------------------------------------------

    def get_rules(self) -> AlertRules:
        with self._sessions() as s:
            return load_rules(s)

    @requires(Permission.MANAGE, "change alert rules")
    def save_rules(self, rules: AlertRules) -> AlertRules:
        with self._sessions.begin() as s:
            save_rules(s, rules)
            return load_rules(s)

    # --- reads --------------------------------------------------------------------------

    def list_alerts(self, include_decided: bool = False) -> list[AlertRow]:
        """All alerts, most urgent first; acknowledged and snoozed ones only when asked for."""
        with self._sessions() as s:
            rules = load_rules(s)
            books = self._read_books(s, rules)
            alerts = self._alerts(s, books, rules) + self._area_alerts(s, rules)
        return sort_alerts(alerts, include_decided)

    def area_alerts(self, include_decided: bool = True) -> list[AlertRow]:
        """Alerts that other areas supply (reorders, refreshers, partner deadlines).

        Kept apart from `dashboard()` so a slow hook never holds up the stock figures: the
        dashboard shows its own alerts at once and adds these when they arrive.
        """
        with self._sessions() as s:
            alerts = self._area_alerts(s, load_rules(s))
        return sort_alerts(alerts, include_decided)

    def dashboard(self) -> DashboardData:
        """Figures, stock alerts (decided ones included, marked), readiness and rotation.

        One read transaction: every figure comes from the same reads, each table read once."""
        today = self._clock.today()
        with self._sessions() as s:
            rules = load_rules(s)
            books = self._read_books(s, rules)
            alerts = self._alerts(s, books, rules)
            distributed = distribution_figures(s, today)
            training = _guarded(s, "training summary", self._training.summary_in, None)
        summary = build_summary(
            books.positions,
            books.pars,
            books.gaps,
            books.tree,
            rules,
            distributed,
            training or alert_hooks.NO_TRAINING,
            today,
        )
        return DashboardData(
            summary=summary,
            alerts=tuple(sort_alerts(alerts, include_decided=True)),
            readiness=tuple(
                readiness_board(
                    books.pars,
                    books.positions,
                    books.tasks,
                    books.tree,
                    rules,
                    today,
                    books.last_checks,
                )
            ),
            rotation=tuple(rotation_list(books.positions, today)),
            computed_at=self._clock.now(),
            vehicle_check_days=rules.vehicle_check_days,
            has_par_levels=bool(books.pars),
        )

    def readiness(self) -> list[ReadinessRow]:
        with self._sessions() as s:
            rules = load_rules(s)
            b = self._read_books(s, rules)
        today = self._clock.today()
        return readiness_board(b.pars, b.positions, b.tasks, b.tree, rules, today, b.last_checks)

    def restock_tasks(self) -> list[RestockTask]:
        with self._sessions() as s:
            return self._read_books(s, load_rules(s)).tasks

    def rotation_list(self) -> list[RotationRow]:
        with self._sessions() as s:
            positions = self._read_books(s, load_rules(s)).positions
        return rotation_list(positions, self._clock.today())

    # --- decisions ----------------------------------------------------------------------

    @requires(Permission.MANAGE, "acknowledge alerts")
    def acknowledge(self, key: str, fingerprint: str, reason: str) -> None:
        """Hide an alert while its condition stays as it is now."""
        self._decide(key, fingerprint, "acknowledged", None, reason)

    @requires(Permission.MANAGE, "snooze alerts")
    def snooze(self, key: str, fingerprint: str, days: int, reason: str) -> date:
        """Hide an alert for `days` days (or until its condition changes); returns the day back."""
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
            raise ValidationError("Snooze for 1 to 365 days.")
        until = self._clock.today() + timedelta(days=days)
        self._decide(key, fingerprint, "snoozed", until, reason)
        return until

    @requires(Permission.MANAGE, "reopen alerts")
    def reopen(self, key: str) -> None:
        """Show an acknowledged or snoozed alert again."""
        self._decide(key, "", "reopened", None, "reopened")

    def _decide(
        self, key: str, fingerprint: str, action: str, until: date | None, reason: str
    ) -> None:
        if not key or len(key) > 200 or len(fingerprint) > 200:
            raise ValidationError("That alert cannot be recorded; refresh the list and try again.")
        text = screen_free_text(reason, "The reason", self._actor.personnel()) or ""
        if not text:
            raise ValidationError("Say why (e.g. 'kept for training', 'order already placed').")
        if len(text) > MAX_REASON:
            raise ValidationError(f"Keep the reason under {MAX_REASON} characters.")
        with self._sessions.begin() as s:
            s.add(
                AlertDecision(
                    alert_key=key,
                    fingerprint=fingerprint,
                    action=action,
                    until=until,
                    reason=text,
                    user=self._actor.name or "unknown",
                    at=self._clock.now(),
                )
            )

    # --- internals ----------------------------------------------------------------------

    def _read_books(self, s: Session, rules: AlertRules) -> Books:
        return read_books(s, rules, self._clock.today())

    def _alerts(self, s: Session, books: Books, rules: AlertRules) -> list[AlertRow]:
        today = self._clock.today()
        alerts = stock_alerts(books.positions, rules, today)
        if rules.below_par:
            alerts += par_alerts(books.gaps, books.tasks)
        if rules.vehicle_check_days:
            every = rules.vehicle_check_days
            alerts += vehicle_check_alerts(books.tree, books.last_checks, every, today)
        if rules.at_risk:
            days = rules.consumption_days
            paces = self._paces.paces(s, books.tree, today, days, books.ledger_mark)
            held = held_back(books.positions, books.pars, books.tasks, books.tree, today)
            alerts += at_risk_alerts(
                books.positions, paces, held, books.tree, rules, today, books.partner
            )
        decided = _decisions(s)
        return [_apply(a, decided.get(a.key), today) for a in alerts]

    def _area_alerts(self, s: Session, rules: AlertRules) -> list[AlertRow]:
        """The other areas' hooks, read in this session; decisions read after them."""
        hooked = alert_hooks.hook_alerts(
            s, rules, self._reorders, self._training, self._partners, partial(_guarded, s)
        )
        if not hooked:
            return []
        decided, today = _decisions(s), self._clock.today()
        return [_apply(a, decided.get(a.key), today) for a in hooked]


def _guarded(s: Session, what: str, call: Callable[[Session], Any], fallback: Any) -> Any:
    """Other areas' hooks must not take the stock alerts down with them: a failing hook is
    logged and left out, and the session starts afresh so the next read still works."""
    try:
        return call(s)
    except Exception:
        log.exception("Alert hook '%s' failed; its alerts are left out", what)
        s.rollback()
        return fallback


def _decisions(s: Session) -> dict[str, AlertDecision]:
    newest = select(func.max(AlertDecision.id)).group_by(AlertDecision.alert_key)
    rows = s.scalars(select(AlertDecision).where(AlertDecision.id.in_(newest))).all()
    return {d.alert_key: d for d in rows}


def _apply(alert: AlertRow, decision: AlertDecision | None, today: date) -> AlertRow:
    if decision is None or decision.fingerprint != alert.fingerprint:
        return alert
    note = f"{decision.reason} ({decision.user}, {decision.at:%Y-%m-%d})"
    if decision.action == "acknowledged":
        return alert.decided(AlertStatus.ACKNOWLEDGED, note, None)
    if decision.action == "snoozed" and decision.until is not None and today < decision.until:
        return alert.decided(AlertStatus.SNOOZED, note, decision.until)
    return alert
