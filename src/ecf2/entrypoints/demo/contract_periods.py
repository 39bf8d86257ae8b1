"""Contract periods 2021-2026, 1 June to 31 May, flagged as the service's own seeds are
(participants-and-schools §1.9, finance-and-payments §1.1)."""

from __future__ import annotations

from datetime import date, datetime

from ecf2.domain.contracts import ContractPeriod, check_no_overlap
from ecf2.domain.shared.errors import NotFound
from ecf2.entrypoints.demo.reference import at
from ecf2.entrypoints.demo.refs import Refs, UowFactory
from ecf2.entrypoints.demo.summary import Tally, tally

YEARS = tuple(range(2021, 2027))
PAYMENTS_FROZEN: dict[int, datetime] = {
    2021: at(date(2024, 6, 18), 0),
    2022: at(date(2025, 6, 16), 0),
}
MENTOR_FUNDING_FROM = 2025
UPLIFT_FEES_UNTIL = 2024


def contract_period(year: int) -> ContractPeriod:
    return ContractPeriod(
        year=year,
        started_on=date(year, 6, 1),
        finished_on=date(year + 1, 5, 31),
        enabled=year not in PAYMENTS_FROZEN,
        payments_frozen_at=PAYMENTS_FROZEN.get(year),
        mentor_funding_enabled=year >= MENTOR_FUNDING_FROM,
        detailed_evidence_types_enabled=year >= MENTOR_FUNDING_FROM,
        uplift_fees_enabled=year <= UPLIFT_FEES_UNTIL,
    )


def seed(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    wanted = [contract_period(year) for year in YEARS]
    check_no_overlap(wanted)
    created = 0
    with uow_factory() as uow:
        for period in wanted:
            try:
                refs.contract_periods[period.year] = uow.contract_periods.get(period.year)
            except NotFound:
                uow.contract_periods.add(period)
                refs.contract_periods[period.year] = period
                created += 1
        uow.commit()
    return [tally("contract periods", len(wanted), created)]
