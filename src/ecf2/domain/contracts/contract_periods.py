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
