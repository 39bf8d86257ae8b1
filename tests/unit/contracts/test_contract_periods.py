from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from ecf2.domain.contracts import (
    ContractPeriod,
    check_no_overlap,
    contract_period_containing,
    current_or_upcoming_contract_period,
    upcoming_contract_period,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from tests.unit.contracts.builders import a_contract_period

pytestmark = pytest.mark.contracts


@pytest.mark.parametrize(("year", "valid"), [(2019, False), (2020, True), (2026, True)])
def test_a_contract_period_year_is_2020_or_later(year: int, valid: bool) -> None:
    if valid:
        assert a_contract_period(year).year == year
    else:
        with pytest.raises(InvalidValue) as refused:
            a_contract_period(year)
        assert refused.value.rule == "contract_period_year_from_2020"


def test_a_contract_period_cannot_finish_before_it_starts() -> None:
    with pytest.raises(InvalidValue) as refused:
        ContractPeriod(year=2026, started_on=date(2026, 6, 1), finished_on=date(2026, 5, 31))
    assert refused.value.rule == "period_finishes_before_it_starts"


def test_a_contract_period_includes_both_its_first_and_last_day() -> None:
    period = a_contract_period(2026)
    assert period.includes(date(2026, 6, 1))
    assert period.includes(date(2027, 5, 31))
    assert not period.includes(date(2026, 5, 31))
    assert not period.includes(date(2027, 6, 1))


def test_new_contract_periods_have_the_specified_defaults() -> None:
    period = ContractPeriod(year=2027, started_on=date(2027, 6, 1), finished_on=date(2028, 5, 31))
    assert (period.enabled, period.mentor_funding_enabled, period.uplift_fees_enabled) == (
        False,
        False,
        True,
    )
    assert period.payments_frozen_at is None


def test_payments_are_frozen_from_the_moment_set() -> None:
    frozen_at = datetime(2024, 6, 18, 9, tzinfo=UTC)
    period = a_contract_period(2021, payments_frozen_at=frozen_at)
    assert not period.payments_frozen(frozen_at - timedelta(seconds=1))
    assert period.payments_frozen(frozen_at)
    assert period.payments_frozen(frozen_at + timedelta(days=365))


def test_payments_are_frozen_on_the_day_they_are_frozen_and_after() -> None:
    period = a_contract_period(2021, payments_frozen_at=datetime(2024, 6, 18, 9, tzinfo=UTC))
    assert not period.payments_frozen_on(date(2024, 6, 17))
    assert period.payments_frozen_on(date(2024, 6, 18))


def test_payments_are_never_frozen_without_a_freeze_time() -> None:
    period = a_contract_period(2026)
    assert not period.payments_frozen(datetime(2099, 1, 1, tzinfo=UTC))
    assert not period.payments_frozen_on(date(2099, 1, 1))


def test_contract_periods_that_follow_each_other_do_not_overlap() -> None:
    check_no_overlap([a_contract_period(2026), a_contract_period(2024), a_contract_period(2025)])


@pytest.mark.parametrize(
    ("started_on", "overlaps"),
    [(date(2027, 5, 31), True), (date(2027, 6, 1), False), (date(2026, 1, 1), True)],
)
def test_no_two_contract_periods_share_a_day(started_on: date, overlaps: bool) -> None:
    later = ContractPeriod(year=2027, started_on=started_on, finished_on=date(2028, 5, 31))
    periods = [a_contract_period(2026), later]
    if not overlaps:
        check_no_overlap(periods)
        return
    with pytest.raises(RuleBroken) as refused:
        check_no_overlap(periods)
    assert refused.value.rule == "contract_periods_overlap"


def test_a_period_enveloping_others_overlaps_them() -> None:
    envelope = ContractPeriod(year=2030, started_on=date(2020, 1, 1), finished_on=date(2040, 1, 1))
    with pytest.raises(RuleBroken):
        check_no_overlap([a_contract_period(2024), a_contract_period(2026), envelope])


def test_the_current_and_upcoming_contract_periods() -> None:
    periods = [a_contract_period(2025), a_contract_period(2027)]
    gap_day = date(2026, 8, 21)
    assert contract_period_containing(gap_day, periods) is None
    assert upcoming_contract_period(gap_day, periods) == periods[1]
    assert current_or_upcoming_contract_period(date(2026, 1, 1), periods) == periods[0]
    assert current_or_upcoming_contract_period(gap_day, periods) == periods[1]
