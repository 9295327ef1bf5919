"""The release register: records each workbook that leaves and gives it back, figure for figure.

Append-only: a listener refuses any change or removal of a recorded release. The package is kept
as JSON so the same period for the same partner can be released again with the same figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Mapper, Session

from models.common.errors import DomainError
from models.partners.entities import PartnerRelease
from models.partners.package import PartnerPackage, SharedTable
from models.reports.rows import Period
from models.reports.suppression import SuppressedGrid, Why


@dataclass(frozen=True)
class ReleaseRow:
    """A line of the register as the Partners tab shows it."""

    id: int
    partner_name: str
    period: Period
    released_at: datetime
    released_by: str
    channel: str
    file_name: str
    published: int
    hidden: int

    @classmethod
    def of(cls, r: PartnerRelease) -> ReleaseRow:
        return cls(
            r.id,
            r.partner_name,
            Period(r.period_start, r.period_end),
            r.released_at,
            r.released_by,
            r.channel,
            r.file_name,
            r.published,
            r.hidden,
        )


def _refuse_change(_mapper: Mapper[Any], _connection: Any, _target: PartnerRelease) -> None:
    raise DomainError("The release register only grows: a recorded release cannot be changed.")


event.listen(PartnerRelease, "before_update", _refuse_change)
event.listen(PartnerRelease, "before_delete", _refuse_change)


def record(
    s: Session,
    package: PartnerPackage,
    partner_id: int | None,
    *,
    at: datetime,
    by: str,
    channel: str,
    file_name: str,
) -> PartnerRelease:
    figures = sum(t.grid.height * t.grid.width for t in package.tables)
    release = PartnerRelease(
        partner_id=partner_id,
        partner_name=package.partner,
        period_start=package.period.start,
        period_end=package.period.end,
        threshold=package.threshold,
        released_at=at,
        released_by=by,
        channel=channel,
        file_name=file_name[:260],
        published=figures - package.hidden_count,
        hidden=package.hidden_count,
        content=json.dumps(dump(package)),
    )
    s.add(release)
    s.flush()
    return release


def list_rows(s: Session) -> list[ReleaseRow]:
    stmt = select(PartnerRelease).order_by(PartnerRelease.released_at.desc(), PartnerRelease.id)
    return [ReleaseRow.of(r) for r in s.scalars(stmt)]


def packages(s: Session) -> list[PartnerPackage]:
    """Every released package, oldest first."""
    stmt = select(PartnerRelease.content).order_by(PartnerRelease.id)
    return [load(json.loads(c)) for c in s.scalars(stmt)]


def earlier_release(s: Session, partner: str, period: Period) -> PartnerPackage | None:
    """What this partner already received for exactly this period (the first time)."""
    stmt = (
        select(PartnerRelease.content)
        .where(
            PartnerRelease.partner_name == partner,
            PartnerRelease.period_start == period.start,
            PartnerRelease.period_end == period.end,
        )
        .order_by(PartnerRelease.id)
        .limit(1)
    )
    content = s.scalar(stmt)
    return None if content is None else load(json.loads(content))


def dump(p: PartnerPackage) -> dict[str, Any]:
    return {
        "agency": p.agency,
        "partner": p.partner,
        "period": [p.period.start.isoformat(), p.period.end.isoformat()],
        "threshold": p.threshold,
        "generated_at": p.generated_at.isoformat(),
        "definitions": [list(d) for d in p.definitions],
        "tables": [_dump_table(t) for t in p.tables],
    }


def _dump_table(t: SharedTable) -> dict[str, Any]:
    g = t.grid
    return {
        "sheet": t.sheet,
        "title": t.title,
        "row_header": t.row_header,
        "row_labels": list(t.row_labels),
        "col_labels": list(t.col_labels),
        "unit_header": t.unit_header,
        "units": list(t.units),
        "family": t.family,
        "col_atoms": [[c, list(ms)] for c, ms in t.col_atoms],
        "links": [[g, c, list(rows), whole] for g, c, rows, whole in t.links],
        "values": [list(r) for r in g.values],
        "shape": [g.rows, g.cols, g.row_totals, g.col_totals, g.threshold],
        "hidden": [[i, j, why.name] for (i, j), why in sorted(g.hidden.items())],
    }


def load(d: dict[str, Any]) -> PartnerPackage:
    start, end = (date.fromisoformat(x) for x in d["period"])
    return PartnerPackage(
        d["agency"],
        d["partner"],
        Period(start, end),
        d["threshold"],
        datetime.fromisoformat(d["generated_at"]),
        tuple(_load_table(t) for t in d["tables"]),
        tuple((a, b) for a, b in d["definitions"]),
    )


def _load_table(t: dict[str, Any]) -> SharedTable:
    rows, cols, row_totals, col_totals, threshold = t["shape"]
    grid = SuppressedGrid(
        tuple(tuple(r) for r in t["values"]),
        rows,
        cols,
        row_totals,
        col_totals,
        threshold,
        {(i, j): Why[why] for i, j, why in t["hidden"]},
    )
    return SharedTable(
        t["sheet"],
        t["title"],
        t["row_header"],
        tuple(t["row_labels"]),
        tuple(t["col_labels"]),
        grid,
        t["unit_header"],
        tuple(t["units"]),
        t["family"],
        tuple((c, tuple(ms)) for c, ms in t["col_atoms"]),
        tuple((g, c, tuple(rows), whole) for g, c, rows, whole in t["links"]),
    )
