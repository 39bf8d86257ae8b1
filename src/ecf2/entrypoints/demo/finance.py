"""Contracts and monthly statements for every active lead provider: `ecf` contracts with
banded prices for 2021-2024, `ittecf_ectp` with a flat rate for mentors from 2025
(finance-and-payments §1.4-§1.8, §2), and 34 statements each, open, payable or paid."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ecf2.domain.contracts import (
    ActiveLeadProvider,
    BandedFeeStructure,
    BandTerm,
    Contract,
    ContractType,
    FlatRateFeeStructure,
)
from ecf2.domain.payments import FeeType, Statement, StatementStatus
from ecf2.domain.shared.errors import NotFound
from ecf2.entrypoints.demo.contract_periods import MENTOR_FUNDING_FROM, UPLIFT_FEES_UNTIL
from ecf2.entrypoints.demo.providers import LEAD_PROVIDERS
from ecf2.entrypoints.demo.reference import ONE_DAY, at, demo_uuid
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.statement_calendar import (
    Month,
    deadline_date,
    fee_type,
    payment_date,
    statement_months,
    status_on,
)
from ecf2.entrypoints.demo.summary import Tally, tally

BAND_PRICES = (Decimal(1400), Decimal(1300), Decimal(1200), Decimal(1100))
UPLIFT_TARGET = {2021: "0.33", 2022: "0.33", 2023: "0.33", 2024: "0.40"}
MENTOR_FLAT_RATE = Decimal(1000)
# An adjustment on the statements finance is about to authorise (finance §1.9).
ADJUSTMENTS = {("Ambition Institute", 2025, 2026, 11): ("Extra training event", Decimal(2500))}


def _band_terms(name: str, alp: ActiveLeadProvider) -> list[BandTerm]:
    """Each band's full price per participant; band D is paid all as output (finance §1.6)."""
    rise = Decimal(25) * LEAD_PROVIDERS.index(name)
    if alp.contract_period_year >= MENTOR_FUNDING_FROM:
        rise += 100
    return [
        BandTerm.from_output_percentage(id_of(band), BAND_PRICES[n] + rise, 100 if n == 3 else 60)
        for n, band in enumerate(alp.bands)
    ]


def _banded(name: str, alp: ActiveLeadProvider) -> BandedFeeStructure:
    year = alp.contract_period_year
    uplifts = year <= UPLIFT_FEES_UNTIL
    return BandedFeeStructure(
        recruitment_target=4000,
        uplift_fee_per_declaration=Decimal(100) if uplifts else Decimal(0),
        setup_fee=Decimal(50_000) if year == 2021 else Decimal(0),
        uplift_target_ratio=Decimal(UPLIFT_TARGET.get(year, "0")),
        band_terms=_band_terms(name, alp),
    )


def contract(name: str, alp: ActiveLeadProvider) -> Contract:
    """`ecf` until 2024; from 2025 `ittecf_ectp`, mentors at a flat rate (finance §2)."""
    mentors_apart = alp.contract_period_year >= MENTOR_FUNDING_FROM
    flat_rate = FlatRateFeeStructure(recruitment_target=1500, fee_per_declaration=MENTOR_FLAT_RATE)
    made = Contract(
        active_lead_provider_id=id_of(alp),
        contract_type=ContractType.ITTECF_ECTP if mentors_apart else ContractType.ECF,
        banded_fee_structure=_banded(name, alp),
        flat_rate_fee_structure=flat_rate if mentors_apart else None,
    )
    made.check_bands_belong_to([id_of(band) for band in alp.bands])
    return made


def seed_contracts(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    created = 0
    with uow_factory() as uow:
        for (name, year), alp in refs.active_lead_providers.items():
            found = uow.contracts.for_active_lead_provider(id_of(alp))
            if found:
                refs.contracts[name, year] = found[0]
                continue
            refs.contracts[name, year] = contract(name, alp)
            uow.contracts.add(refs.contracts[name, year])
            created += 1
        uow.commit()
    return [tally("contracts", len(refs.active_lead_providers), created)]


def statement_api_id(name: str, year: int, month: Month) -> Any:
    return demo_uuid("statement", name, year, *month)


def statement(name: str, year: int, month: Month, refs: Refs) -> Statement:
    made = Statement(
        contract_id=id_of(refs.contracts[name, year]),
        active_lead_provider_id=refs.active_lead_provider_id(name, year),
        year=month[0],
        month=month[1],
        deadline_date=deadline_date(month),
        payment_date=payment_date(month),
        created_at=at(date(year, 6, 1)),
        fee_type=fee_type(month),
        api_id=statement_api_id(name, year, month),
    )
    adjustment = ADJUSTMENTS.get((name, year, *month))
    if adjustment is not None:
        made.add_adjustment(*adjustment)
    _advance(made, status_on(month))
    return made


def _advance(made: Statement, status: StatementStatus) -> None:
    """Open -> payable the day after the deadline; paid four days before payment."""
    if status is StatementStatus.OPEN:
        return
    made.mark_as_payable(made.deadline_date + ONE_DAY)
    if status is StatementStatus.PAID:
        authorised_on = made.payment_date - timedelta(days=4)
        made.mark_as_paid(at(authorised_on, 11), authorised_on)
    made.touch(at(made.deadline_date + ONE_DAY, 1))


def seed_statements(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    made: dict[tuple[str, int, int, int], Statement] = {}
    wanted = 0
    with uow_factory() as uow:
        for name, year in refs.active_lead_providers:
            months = statement_months(year)
            wanted += len(months)
            if _exists(uow, statement_api_id(name, year, months[0])):
                continue
            for month in months:
                made[name, year, *month] = statement(name, year, month, refs)
                uow.statements.add(made[name, year, *month])
        uow.commit()
    refs.statements.update({key: id_of(each) for key, each in made.items()})
    output = sum(1 for each in made.values() if each.fee_type is FeeType.OUTPUT)
    return [
        tally("statements", wanted, len(made)),
        tally("output statements", _outputs(refs), output),
    ]


def _outputs(refs: Refs) -> int:
    return sum(
        1
        for name, year in refs.active_lead_providers
        for month in statement_months(year)
        if fee_type(month) is FeeType.OUTPUT
    )


def _exists(uow: Any, api_id: Any) -> bool:
    try:
        uow.statements.get_by_api_id(api_id)
    except NotFound:
        return False
    return True
