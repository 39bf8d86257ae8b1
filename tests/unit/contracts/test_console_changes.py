"""What finance's changes do to contract periods, milestones and a contract's flat rate,
and the audit lines they give (finance-and-payments §1.1, §1.7; participants §1.11)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import attrs
import pytest

from ecf2.domain.contracts import (
    BandedFeeStructure,
    Contract,
    ContractPeriod,
    ContractType,
    FlatRateFeeStructure,
    Schedule,
    ScheduleIdentifier,
)
from ecf2.domain.contracts.contract_periods import check_year_free
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import DomainError, NotFound

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
LATER = datetime(2026, 12, 1, 10, tzinfo=UTC)


def a_period(**values: object) -> ContractPeriod:
    return ContractPeriod(
        year=2025, started_on=date(2025, 6, 1), finished_on=date(2026, 5, 31), **values
    )


def test_changing_settings_lists_each_change_in_words():
    period = a_period()
    settings = attrs.evolve(period.settings, finished_on=date(2026, 5, 30), enabled=True)
    assert period.change(settings, NOW) == (
        "End date changed from '31 May 2026' to '30 May 2026'",
        "Registration open changed from 'no' to 'yes'",
    )
    assert period.finished_on == date(2026, 5, 30)
    assert period.enabled


def test_freezing_keeps_the_first_moment_and_unticking_unfreezes():
    period = a_period()
    period.change(attrs.evolve(period.settings, payments_frozen=True), NOW)
    period.change(attrs.evolve(period.settings, uplift_fees_enabled=False), LATER)
    assert period.payments_frozen_at == NOW
    period.change(attrs.evolve(period.settings, payments_frozen=False), LATER)
    assert period.payments_frozen_at is None


def test_dates_out_of_order_are_refused_before_anything_changes():
    period = a_period()
    with pytest.raises(DomainError) as refused:
        period.change(attrs.evolve(period.settings, finished_on=date(2025, 5, 31)), NOW)
    assert refused.value.rule == "period_finishes_before_it_starts"
    assert period.finished_on == date(2026, 5, 31)


def test_a_year_is_free_only_once():
    check_year_free(2026, [a_period()])
    with pytest.raises(DomainError, match="already a 2025 contract period"):
        check_year_free(2025, [a_period()])


def a_schedule() -> Schedule:
    schedule = Schedule(
        contract_period_year=2025, identifier=ScheduleIdentifier.ECF_STANDARD_SEPTEMBER
    )
    schedule.add_milestone(DeclarationType.STARTED, date(2025, 6, 1), date(2025, 12, 31))
    return schedule


def test_changing_a_milestone_moves_both_dates():
    schedule = a_schedule()
    changes = schedule.change_milestone(DeclarationType.STARTED, date(2025, 6, 2), None)
    assert changes == (
        "Start date changed from '1 June 2025' to '2 June 2025'",
        "Milestone date changed from '31 December 2025' to 'none'",
    )
    milestone = schedule.milestone_for(DeclarationType.STARTED)
    assert (milestone.start_date, milestone.milestone_date) == (date(2025, 6, 2), None)


@pytest.mark.parametrize(
    ("start", "end", "rule"),
    [
        (date(2025, 5, 31), None, "milestone_starts_in_contract_period"),
        (date(2025, 9, 1), date(2025, 9, 1), "milestone_date_after_start_date"),
    ],
)
def test_a_refused_milestone_change_leaves_it_as_it_was(start, end, rule):
    schedule = a_schedule()
    with pytest.raises(DomainError) as refused:
        schedule.change_milestone(DeclarationType.STARTED, start, end)
    assert refused.value.rule == rule
    milestone = schedule.milestone_for(DeclarationType.STARTED)
    assert milestone.start_date == date(2025, 6, 1)


def test_a_schedule_without_that_milestone_has_nothing_to_change():
    with pytest.raises(NotFound):
        a_schedule().change_milestone(DeclarationType.COMPLETED, date(2025, 6, 1), None)


def a_contract(contract_type: ContractType = ContractType.ITTECF_ECTP) -> Contract:
    flat = FlatRateFeeStructure(recruitment_target=300, fee_per_declaration=Decimal(1000), id=7)
    return Contract(
        active_lead_provider_id=1,
        contract_type=contract_type,
        banded_fee_structure=BandedFeeStructure(
            recruitment_target=1, uplift_fee_per_declaration=0, setup_fee=0
        ),
        flat_rate_fee_structure=flat if contract_type is ContractType.ITTECF_ECTP else None,
    )


def test_changing_the_flat_rate_keeps_the_fee_structure_and_lists_the_changes():
    contract = a_contract()
    changes = contract.change_mentor_flat_rate(300, "1200.50", payments_frozen=False)
    assert changes == ("Price per mentor changed from '1000.00' to '1200.50'",)
    assert contract.flat_rate_fee_structure == FlatRateFeeStructure(
        recruitment_target=300, fee_per_declaration=Decimal("1200.50"), id=7
    )


@pytest.mark.parametrize(
    ("contract", "frozen", "rule"),
    [
        (a_contract(ContractType.ECF), False, "flat_rate_only_on_ittecf_ectp_contracts"),
        (a_contract(), True, "contract_period_payments_frozen"),
    ],
)
def test_the_flat_rate_cannot_change(contract, frozen, rule):
    with pytest.raises(DomainError) as refused:
        contract.change_mentor_flat_rate(300, "1200", payments_frozen=frozen)
    assert refused.value.rule == rule
