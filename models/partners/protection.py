"""Complementary suppression across releases: hide more in a new workbook until the audit passes.

Starts from the workbook's own suppression, hides what earlier workbooks hid, then, while the
audit finds a narrowed count, hides the cheapest published figure of the new workbook that
widens it. Refuses (nothing written) when no figure helps. Knows packages and the audit only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.common.errors import DomainError
from models.common.wording import noun
from models.partners.audit import (
    AuditResult,
    Exposure,
    Progress,
    audit,
    binding,
    describe,
    figure_range,
)
from models.partners.package import PartnerPackage
from models.partners.release_figures import Atom, Figure, connected, package_figures
from models.reports.suppression import Pos

Build = Callable[[Sequence[set[Pos]]], PartnerPackage]
MAX_ROUNDS, MAX_TRIES, MAX_HIDDEN = 20, 20, 400


class ReleaseRefused(DomainError):
    """No amount of extra hiding in this workbook keeps every hidden count hidden."""


@dataclass(frozen=True)
class AuditedPackage:
    """A package ready to leave, with what its audit checked."""

    package: PartnerPackage
    earlier_releases: int
    earlier_partners: int
    checked: int
    added: int  # figures hidden because of earlier workbooks
    repeated: bool = False  # the same figures as an earlier release of this period

    @property
    def summary(self) -> str:
        partners = noun(self.earlier_partners, "partner")
        releases = noun(self.earlier_releases, "earlier release")
        return (
            f"Checked against {self.earlier_releases} {releases} to {self.earlier_partners} "
            f"{partners}: no hidden count can be worked out."
        )


def protect(
    build: Build, earlier: Sequence[PartnerPackage], progress: Progress | None = None
) -> tuple[PartnerPackage, AuditResult, int]:
    """The new workbook with enough hidden; the last audit; how many figures the audit hid.

    Hiding a figure only widens ranges, so between full audits only the exposed counts are
    looked at again; a full audit confirms the end result.
    """
    forced: list[set[Pos]] = [set() for _ in build([]).tables]
    package = build(forced)
    relevant = _relevant(earlier, package)
    added = _hide_as_before(package, relevant, forced)
    package = build(forced)
    known: set[frozenset[Atom]] = set()  # narrowed by earlier releases already, not by this one
    for _round in range(MAX_ROUNDS):
        result = audit([*relevant, package], {len(relevant)}, progress, known)
        if result.ok:
            return package, result, added
        for first in result.exposures:
            exposed: Exposure | None = first
            while exposed is not None and added < MAX_HIDDEN:
                if _already_known(relevant, exposed):
                    known.add(exposed.figure.atoms)
                    break
                choice = _complement(build, forced, relevant, exposed)
                if not choice:
                    raise ReleaseRefused(_why(exposed, [*relevant, package]))
                for table, pos in choice:
                    forced[table].add(pos)
                added += len(choice)
                package = build(forced)
                exposed = _still_exposed([*relevant, package], exposed.figure)
    raise ReleaseRefused("The privacy check found no safe way to hide enough; nothing written.")


def _still_exposed(packages: Sequence[PartnerPackage], figure: Figure) -> Exposure | None:
    low, high = figure_range(packages, figure.atoms)
    if low > 1 or (high is not None and high < figure.threshold - 1):
        return Exposure(figure, low, high)
    return None


def unresolved(result: AuditResult, earlier: Sequence[PartnerPackage]) -> list[Exposure]:
    """Exposures the new workbook causes (not those earlier releases had already)."""
    return [e for e in result.exposures if not _already_known(earlier, e)]


def check(package: PartnerPackage, earlier: Sequence[PartnerPackage]) -> tuple[int, list[str]]:
    """The audit of a finished package (no extra hiding): how many hidden counts it checked,
    and a sentence for each that it lets a reader work out (none: it may leave)."""
    relevant = _relevant(earlier, package)
    audited = [*relevant, package]
    result = audit(audited, {len(relevant)})
    return result.checked, [describe(e, audited) for e in unresolved(result, relevant)]


def _relevant(earlier: Sequence[PartnerPackage], package: PartnerPackage) -> list[PartnerPackage]:
    everything = [*earlier, package]
    return [earlier[k] for k in connected(everything, len(earlier)) if k < len(earlier)]


def _hide_as_before(
    package: PartnerPackage, relevant: Sequence[PartnerPackage], forced: list[set[Pos]]
) -> int:
    """A figure an earlier workbook withheld is withheld again."""
    hidden_before = {
        f.atoms for k, p in enumerate(relevant) for f in package_figures(p, k) if f.hidden
    }
    added = 0
    for f in package_figures(package, len(relevant)):
        if not f.hidden and f.atoms in hidden_before:
            forced[f.table].add(f.pos)
            added += 1
    return added


def _already_known(relevant: Sequence[PartnerPackage], exposed: Exposure) -> bool:
    """The earlier releases alone narrow this count as far (a partner with a lower threshold
    received it); the new workbook tells nothing more about it.

    A count the new workbook hides is excused only when an earlier partner has a lower
    threshold: otherwise its band must hold, and the workbook is refused if it cannot.
    """
    atoms = exposed.figure.atoms
    if exposed.figure.release >= len(relevant) and not any(
        p.threshold < exposed.figure.threshold for p in relevant
    ):
        return False
    if not relevant or not any(
        atoms & f.atoms for k, p in enumerate(relevant) for f in package_figures(p, k)
    ):
        return False
    return figure_range(relevant, atoms) == (exposed.low, exposed.high)


def _complement(
    build: Build, forced: list[set[Pos]], relevant: Sequence[PartnerPackage], exposed: Exposure
) -> list[tuple[int, Pos]]:
    """The cheapest visible figures of the new workbook whose hiding widens the exposed range.

    The headline figures come last; before them, figures that hold the range where it is
    (non-zero shadow price) come first, each group cheapest first. One at a time first; when
    none helps alone, the shortest run of candidates that widens it together is found, then
    each one not needed is shown again. Empty when hiding all of them does not help.
    """
    target = exposed.figure
    package = build(forced)
    largest = exposed.high is not None and exposed.high < target.threshold - 1
    holding = binding([*relevant, package], target.atoms, largest)
    shown = sorted(
        (f for f in package_figures(package, len(relevant)) if not f.hidden),
        key=lambda f: (_headline(f, package), f.atoms not in holding, _cost(f, package)),
    )
    candidates = [(f.table, f.pos) for f in shown]

    def widens(extra: Sequence[tuple[int, Pos]]) -> bool:
        trial = [set(s) for s in forced]
        for table, pos in extra:
            trial[table].add(pos)
        low, high = figure_range([*relevant, build(trial)], target.atoms)
        wider_high = high is None or (exposed.high is not None and high > exposed.high)
        return low < exposed.low or wider_high

    for single in candidates[:MAX_TRIES]:
        if widens([single]):
            return [single]
    if not candidates or not widens(candidates):
        return []
    chosen = list(candidates)
    for candidate in reversed(candidates[:MAX_TRIES]):  # the dearest first
        fewer = [c for c in chosen if c != candidate]
        if fewer and widens(fewer):
            chosen = fewer
    return chosen


def _headline(f: Figure, package: PartnerPackage) -> bool:
    """Kits in total (the program's headline figure) is hidden only when nothing else helps."""
    table = package.tables[f.table]
    return f.pos == table.grid.grand_total_pos() or table.family == "summary"


def _cost(f: Figure, package: PartnerPackage) -> int:
    grid = package.tables[f.table].grid
    base = f.value if f.value > 0 else f.threshold
    if _headline(f, package):
        return base * 16
    return base * 4 if grid.is_total(f.pos) else base


def _why(exposed: Exposure, packages: Sequence[PartnerPackage]) -> str:
    return (
        f"Not released. {describe(exposed, packages)[:-1]} from this workbook together with "
        "earlier releases, and hiding more figures in this workbook does not prevent it. "
        "Nothing was written."
    )
