"""Steps for finance's changes to contract periods, schedule milestones, lead providers
contracted in a contract period and their bands ((d.1) "Contract periods", "Bands";
finance-and-payments §1.1-§1.3), through the services and the real unit of work."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
from pytest_bdd import given, parsers, then, when

from ecf2.domain.contracts import (
    ActiveLeadProvider,
    Band,
    BandedFeeStructure,
    Contract,
    ContractPeriod,
    ContractType,
    FlatRateFeeStructure,
    Milestone,
    Schedule,
    ScheduleIdentifier,
    ScheduleMonth,
    ScheduleType,
)
from ecf2.domain.contracts.console import ActiveLeadProviderService, ContractPeriodService
from ecf2.domain.shared.clock import london_day
from ecf2.domain.shared.declaration_types import DeclarationType
from tests.features.steps.common import Outcome, a_day, attempt
from tests.features.steps.days import DAY, written
from tests.features.steps.payments_world import FinanceWorld

REFUSALS = {
    "there is already a contract period for that year": "contract_period_year_taken",
    "contract periods start in 2020": "contract_period_year_from_2020",
    "it shares days with another contract period": "contract_periods_overlap",
    "it ends before it starts": "period_finishes_before_it_starts",
    "it starts before its contract period": "milestone_starts_in_contract_period",
    "the milestone date is not after its start": "milestone_date_after_start_date",
    "a band's capacity can only increase": "band_capacity_only_increases",
    "only the last band can change": "only_last_band_changes",
    "the contract period has started": "bands_fixed_once_contract_period_started",
    "the lead provider has a contract": "bands_fixed_once_contracted",
    "payments for the contract period are frozen": "contract_period_payments_frozen",
    "the lead provider is already contracted in that contract period": (
        "active_lead_provider_once_per_contract_period"
    ),
    "the price per mentor must be more than 0": "fee_per_declaration_in_range",
    "the recruitment target must be more than 0": "recruitment_target_in_range",
    "the contract has no flat rate for mentors": "flat_rate_only_on_ittecf_ectp_contracts",
}


def _step(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types=DAY)


def _periods(world: FinanceWorld) -> ContractPeriodService:
    return ContractPeriodService(lambda: world.uow, world.clock)


def _providers(world: FinanceWorld) -> ActiveLeadProviderService:
    return ActiveLeadProviderService(lambda: world.uow, world.clock)


def _schedule(kind: str, month: str) -> ScheduleIdentifier:
    return ScheduleIdentifier.of(ScheduleType(kind.lower()), ScheduleMonth(month.lower()))


def _period(world: FinanceWorld, year: int) -> ContractPeriod:
    with world.uow as uow:
        return uow.contract_periods.get(year)


def _active(world: FinanceWorld, provider: str, year: int) -> ActiveLeadProvider:
    lead_provider_id = world._lead_provider(provider)
    with world.uow as uow:
        found = uow.active_lead_providers.for_lead_provider(lead_provider_id, year)
    assert found is not None, f"{provider} is not contracted in {year}"
    return found


# Givens.


@given(_step("the {year:d} contract period runs from {start:Day} to {end:Day}"))
def contract_period_runs(finance_world: FinanceWorld, year: int, start: date, end: date) -> None:
    finance_world.added(
        "contract_periods", ContractPeriod(year=year, started_on=start, finished_on=end)
    )


@given(_step("finance froze payments for the {year:d} contract period"))
def froze(finance_world: FinanceWorld, year: int) -> None:
    assert freeze(finance_world, year).error is None


@given(_step("{provider} is contracted in the {year:d} contract period"))
def contracted(finance_world: FinanceWorld, provider: str, year: int) -> None:
    active = ActiveLeadProvider(
        lead_provider_id=finance_world._lead_provider(provider), contract_period_year=year
    )
    finance_world.active_lead_providers[provider, year] = finance_world.added(
        "active_lead_providers", active
    )


@given(_step("{provider}'s bands in {year:d} hold {first:d} and {second:d} declarations"))
def bands_hold(
    finance_world: FinanceWorld, provider: str, year: int, first: int, second: int
) -> None:
    active = _active(finance_world, provider, year)
    active.bands = [
        Band(allocation_order=1, capacity=first),
        Band(allocation_order=2, capacity=second),
    ]
    with finance_world.uow as uow:
        uow.active_lead_providers.save(active)
        uow.commit()


@given(_step("{provider} has a contract for the {year:d} contract period"))
def has_contract(finance_world: FinanceWorld, provider: str, year: int) -> None:
    finance_world.contract_for(provider, year)


@given(
    _step(
        "the {kind} milestone of the {year:d} {schedule_type:w} {month:w} schedule runs from "
        "{start:Day} to {end:Day}"
    )
)
def milestone_runs(
    finance_world: FinanceWorld,
    kind: str,
    year: int,
    schedule_type: str,
    month: str,
    start: date,
    end: date,
) -> None:
    milestone = Milestone(
        declaration_type=DeclarationType(kind), start_date=start, milestone_date=end
    )
    schedule = Schedule(
        contract_period_year=year,
        identifier=_schedule(schedule_type, month),
        milestones=[milestone],
    )
    finance_world.added("schedules", schedule)


@given(
    _step(
        "{provider} has a contract for {year:d} paying £{price} per mentor for {target:d} mentors"
    )
)
def flat_rate_contract(
    finance_world: FinanceWorld, provider: str, year: int, price: str, target: int
) -> None:
    contracted(finance_world, provider, year)
    active = _active(finance_world, provider, year)
    contract = Contract(
        active_lead_provider_id=active.id,
        contract_type=ContractType.ITTECF_ECTP,
        banded_fee_structure=BandedFeeStructure(
            recruitment_target=2000, uplift_fee_per_declaration=0, setup_fee=0
        ),
        flat_rate_fee_structure=FlatRateFeeStructure(
            recruitment_target=target, fee_per_declaration=Decimal(price)
        ),
    )
    finance_world.contracts[provider, year] = finance_world.added("contracts", contract)


# Whens.


@when(
    _step(
        "finance change {provider}'s {year:d} flat rate to £{price} per mentor for "
        "{target:d} mentors"
    ),
    target_fixture="outcome",
)
def change_flat_rate(
    finance_world: FinanceWorld, provider: str, year: int, price: str, target: int
) -> Outcome:
    active = _active(finance_world, provider, year)
    contract_id = finance_world.contracts[provider, year]
    return attempt(
        lambda: _providers(finance_world).change_mentor_flat_rate(
            active.id, contract_id, target, price, finance_world.finance()
        )
    )


@when(
    _step("finance add the {year:d} contract period from {start:Day} to {end:Day}"),
    target_fixture="outcome",
)
def add_period(finance_world: FinanceWorld, year: int, start: date, end: date) -> Outcome:
    settings = ContractPeriod(year=2020, started_on=start, finished_on=start).settings
    settings = attrs.evolve(settings, finished_on=end)
    return attempt(lambda: _periods(finance_world).add(year, settings, finance_world.finance()))


@when(
    _step("finance change the {year:d} contract period to run from {start:Day} to {end:Day}"),
    target_fixture="outcome",
)
def change_period(finance_world: FinanceWorld, year: int, start: date, end: date) -> Outcome:
    settings = attrs.evolve(
        _period(finance_world, year).settings, started_on=start, finished_on=end
    )
    return attempt(
        lambda: _periods(finance_world).change(year, settings, None, finance_world.finance())
    )


@when(_step("finance freeze payments for the {year:d} contract period"), target_fixture="outcome")
def freeze(finance_world: FinanceWorld, year: int) -> Outcome:
    settings = attrs.evolve(_period(finance_world, year).settings, payments_frozen=True)
    return attempt(
        lambda: _periods(finance_world).change(year, settings, None, finance_world.finance())
    )


@when(
    _step(
        "finance change the {kind} milestone of the {year:d} {schedule_type:w} {month:w} "
        "schedule to run from {start:Day} to {end}"
    ),
    target_fixture="outcome",
)
def change_milestone(
    finance_world: FinanceWorld,
    kind: str,
    year: int,
    schedule_type: str,
    month: str,
    start: date,
    end: str,
) -> Outcome:
    milestone_date = None if end == "no milestone date" else a_day(end)
    return attempt(
        lambda: _periods(finance_world).change_milestone(
            year,
            _schedule(schedule_type, month),
            DeclarationType(kind),
            start,
            milestone_date,
            finance_world.finance(),
        )
    )


@when(
    _step("finance contract {provider} in the {year:d} contract period"), target_fixture="outcome"
)
def contract(finance_world: FinanceWorld, provider: str, year: int) -> Outcome:
    lead_provider_id = finance_world._lead_provider(provider)
    return attempt(
        lambda: _providers(finance_world).add(lead_provider_id, year, finance_world.finance())
    )


@when(
    _step("finance add a band of {capacity:d} declarations for {provider} in {year:d}"),
    target_fixture="outcome",
)
def add_band(finance_world: FinanceWorld, capacity: int, provider: str, year: int) -> Outcome:
    active = _active(finance_world, provider, year)
    return attempt(
        lambda: _providers(finance_world).add_band(active.id, capacity, finance_world.finance())
    )


@when(
    _step("finance change band {letter:w} of {provider} in {year:d} to {capacity:d} declarations"),
    target_fixture="outcome",
)
def change_band(
    finance_world: FinanceWorld, letter: str, provider: str, year: int, capacity: int
) -> Outcome:
    active = _active(finance_world, provider, year)
    order = ord(letter) - ord("A") + 1
    return attempt(
        lambda: _providers(finance_world).change_band_capacity(
            active.id, order, capacity, finance_world.finance()
        )
    )


@when(_step("finance remove band {letter:w} of {provider} in {year:d}"), target_fixture="outcome")
def remove_band(finance_world: FinanceWorld, letter: str, provider: str, year: int) -> Outcome:
    active = _active(finance_world, provider, year)
    order = ord(letter) - ord("A") + 1
    return attempt(
        lambda: _providers(finance_world).remove_band(active.id, order, finance_world.finance())
    )


# Thens.


@then(_step("{provider}'s {year:d} contract pays £{price} per mentor"))
def pays_per_mentor(finance_world: FinanceWorld, provider: str, year: int, price: str) -> None:
    with finance_world.uow as uow:
        contract = uow.contracts.get(finance_world.contracts[provider, year])
    assert contract.flat_rate_fee_structure is not None
    assert contract.flat_rate_fee_structure.fee_per_declaration == Decimal(price)


@then("the change is made")
def made(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error


@then(_step("it is refused because {reason}"))
def refused(outcome: Outcome, reason: str) -> None:
    assert outcome.error is not None, f"expected a refusal, got {outcome.value}"
    assert outcome.error.rule == REFUSALS[reason], outcome.error


@then(_step("the {year:d} contract period runs from {start:Day} to {end:Day}"))
def runs_from(finance_world: FinanceWorld, year: int, start: date, end: date) -> None:
    period = _period(finance_world, year)
    assert (period.started_on, period.finished_on) == (start, end)


@then(_step("payments for the {year:d} contract period are frozen from {day:Day}"))
def frozen_from(finance_world: FinanceWorld, year: int, day: date) -> None:
    frozen_at = _period(finance_world, year).payments_frozen_at
    assert frozen_at is not None
    assert london_day(frozen_at) == day, written(london_day(frozen_at))


@then(
    _step(
        "the {kind} milestone of the {year:d} {schedule_type:w} {month:w} schedule runs from "
        "{start:Day} to {end:Day}"
    )
)
def milestone_is(
    finance_world: FinanceWorld,
    kind: str,
    year: int,
    schedule_type: str,
    month: str,
    start: date,
    end: date,
) -> None:
    with finance_world.uow as uow:
        schedule = uow.schedules.by_identifier(year, _schedule(schedule_type, month))
    milestone = schedule.milestone_for(DeclarationType(kind))
    assert (milestone.start_date, milestone.milestone_date) == (start, end)


@then(_step("{provider}'s bands in {year:d} are"))
def bands_are(
    finance_world: FinanceWorld, provider: str, year: int, datatable: list[list[str]]
) -> None:
    coverage = _active(finance_world, provider, year).band_coverage()
    shown = [
        [band.letter, f"{band.min_declarations} to {band.max_declarations}"] for band in coverage
    ]
    assert shown == datatable[1:]


@then(_step("{provider} is contracted in the {year:d} contract period with no bands"))
def contracted_without_bands(finance_world: FinanceWorld, provider: str, year: int) -> None:
    assert _active(finance_world, provider, year).bands == []
