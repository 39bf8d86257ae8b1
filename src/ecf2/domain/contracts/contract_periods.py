"""Contract periods (ECF1: cohorts): the years lead providers are contracted and paid for
(finance-and-payments §1.1, participants-and-schools §1.9)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from itertools import pairwise

import attrs

from ecf2.domain.shared.clock import london_day
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.period import Period

FIRST_YEAR = 2020


def _year_from_2020(_instance: object, _attribute: object, year: int) -> None:
    if year < FIRST_YEAR:
        raise InvalidValue(
            f"A contract period's year must be {FIRST_YEAR} or later, not {year}",
            field="year",
            rule="contract_period_year_from_2020",
        )


@attrs.define(kw_only=True)
class ContractPeriod:
    """One contract year, 1 June to 31 May in practice. `enabled` means schools may
    register for it; once payments are frozen its contracts and bands stop changing."""

    year: int = attrs.field(validator=_year_from_2020)
    started_on: date
    finished_on: date
    enabled: bool = False
    payments_frozen_at: datetime | None = None
    mentor_funding_enabled: bool = False
    detailed_evidence_types_enabled: bool = False
    uplift_fees_enabled: bool = True
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        Period(self.started_on, self.finished_on)

    @property
    def period(self) -> Period:
        return Period(self.started_on, self.finished_on)

    def includes(self, day: date) -> bool:
        return self.period.includes(day)

    def started_by(self, day: date) -> bool:
        return self.started_on <= day

    def payments_frozen(self, now: datetime) -> bool:
        return self.payments_frozen_at is not None and self.payments_frozen_at <= now

    def payments_frozen_on(self, day: date) -> bool:
        """Frozen at any moment up to the end of `day` in England."""
        frozen_at = self.payments_frozen_at
        return frozen_at is not None and london_day(frozen_at) <= day

    def freeze_payments(self, at: datetime) -> None:
        self.payments_frozen_at = at

    @property
    def settings(self) -> ContractPeriodSettings:
        return ContractPeriodSettings(
            started_on=self.started_on,
            finished_on=self.finished_on,
            enabled=self.enabled,
            payments_frozen=self.payments_frozen_at is not None,
            mentor_funding_enabled=self.mentor_funding_enabled,
            detailed_evidence_types_enabled=self.detailed_evidence_types_enabled,
            uplift_fees_enabled=self.uplift_fees_enabled,
        )

    def change(self, settings: ContractPeriodSettings, now: datetime) -> tuple[str, ...]:
        """Take the new settings; returns a line per change for the audit trail. Ticking
        "payments frozen" freezes them from now; an earlier freeze keeps its moment."""
        Period(settings.started_on, settings.finished_on)
        changes = settings.changes_from(self.settings)
        self.started_on, self.finished_on = settings.started_on, settings.finished_on
        self.enabled = settings.enabled
        self.mentor_funding_enabled = settings.mentor_funding_enabled
        self.detailed_evidence_types_enabled = settings.detailed_evidence_types_enabled
        self.uplift_fees_enabled = settings.uplift_fees_enabled
        if not settings.payments_frozen:
            self.payments_frozen_at = None
        elif self.payments_frozen_at is None:
            self.payments_frozen_at = now
        return changes

    @classmethod
    def open(cls, year: int, settings: ContractPeriodSettings, now: datetime) -> ContractPeriod:
        period = cls(year=year, started_on=settings.started_on, finished_on=settings.finished_on)
        period.change(settings, now)
        return period


@attrs.frozen(kw_only=True)
class ContractPeriodSettings:
    """What finance set on a contract period (§1.1): its dates and its switches."""

    started_on: date
    finished_on: date
    enabled: bool = False
    payments_frozen: bool = False
    mentor_funding_enabled: bool = False
    detailed_evidence_types_enabled: bool = False
    uplift_fees_enabled: bool = True

    def changes_from(self, before: ContractPeriodSettings) -> tuple[str, ...]:
        return tuple(
            f"{_LABELS[name]} changed from '{_shown(old)}' to '{_shown(new)}'"
            for name, old, new in (
                (field.name, getattr(before, field.name), getattr(self, field.name))
                for field in attrs.fields(ContractPeriodSettings)
            )
            if old != new
        )


_LABELS = {
    "started_on": "Start date",
    "finished_on": "End date",
    "enabled": "Registration open",
    "payments_frozen": "Payments frozen",
    "mentor_funding_enabled": "Mentor funding",
    "detailed_evidence_types_enabled": "Detailed evidence types",
    "uplift_fees_enabled": "Uplift fees",
}


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def check_year_free(year: int, contract_periods: Iterable[ContractPeriod]) -> None:
    """Each year has one contract period (§1.1: the year is its key)."""
    if contract_period_for_year(year, contract_periods) is not None:
        raise RuleBroken(
            f"There is already a {year} contract period",
            field="year",
            rule="contract_period_year_taken",
        )


def check_no_overlap(contract_periods: Iterable[ContractPeriod]) -> None:
    """No two contract periods share a day (participants-and-schools §1.9)."""
    ordered = sorted(contract_periods, key=lambda period: period.started_on)
    for earlier, later in pairwise(ordered):
        if earlier.period.overlaps(later.period):
            raise RuleBroken(
                f"The {later.year} contract period overlaps the {earlier.year} contract period",
                field="started_on",
                rule="contract_periods_overlap",
            )


def contract_period_containing(
    day: date, contract_periods: Iterable[ContractPeriod]
) -> ContractPeriod | None:
    return next((period for period in contract_periods if period.includes(day)), None)


def contract_period_for_year(
    year: int, contract_periods: Iterable[ContractPeriod]
) -> ContractPeriod | None:
    return next((period for period in contract_periods if period.year == year), None)


def upcoming_contract_period(
    today: date, contract_periods: Iterable[ContractPeriod]
) -> ContractPeriod | None:
    """The nearest contract period starting after today (participants-and-schools §2.3)."""
    later = [period for period in contract_periods if period.started_on > today]
    return min(later, key=lambda period: period.started_on, default=None)


def current_or_upcoming_contract_period(
    today: date, contract_periods: Iterable[ContractPeriod]
) -> ContractPeriod | None:
    periods = list(contract_periods)
    return contract_period_containing(today, periods) or upcoming_contract_period(today, periods)
