"""Statements, adjustments and audit notes (finance-and-payments §1.8-§1.10, §3.3)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from ecf2.domain.payments import FeeType, Statement, StatementStatus
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

pytestmark = pytest.mark.payments

NOW = datetime(2026, 1, 10, 9, tzinfo=UTC)


def a_statement(**overrides: Any) -> Statement:
    values: dict[str, Any] = {
        "contract_id": 1,
        "active_lead_provider_id": 1,
        "month": 1,
        "year": 2026,
        "deadline_date": date(2025, 12, 31),
        "payment_date": date(2026, 1, 25),
        "created_at": NOW,
    }
    return Statement(**(values | overrides))


def test_a_statement_is_named_after_its_month_and_year() -> None:
    assert a_statement(month=1, year=2026).name == "January 2026"


def test_a_new_statement_is_an_open_output_statement_touched_when_created() -> None:
    statement = a_statement()
    assert statement.fee_type is FeeType.OUTPUT
    assert statement.status is StatementStatus.OPEN
    assert statement.api_updated_at == NOW


@pytest.mark.parametrize("month", [0, 13])
def test_a_statement_month_is_1_to_12(month: int) -> None:
    with pytest.raises(InvalidValue) as error:
        a_statement(month=month)
    assert error.value.rule == "month_in_range"


@pytest.mark.parametrize("month", [1, 12])
def test_the_first_and_last_months_are_allowed(month: int) -> None:
    assert a_statement(month=month).month == month


def test_a_statement_year_is_2020_or_later() -> None:
    assert a_statement(year=2020).year == 2020
    with pytest.raises(InvalidValue) as error:
        a_statement(year=2019)
    assert error.value.rule == "year_from_2020"


def test_payment_date_must_be_after_the_deadline() -> None:
    assert a_statement(payment_date=date(2026, 1, 1)).payment_date == date(2026, 1, 1)
    with pytest.raises(InvalidValue) as error:
        a_statement(payment_date=date(2025, 12, 31))
    assert error.value.rule == "payment_date_after_deadline"


def test_an_adjustment_may_be_positive_or_negative_up_to_a_million() -> None:
    statement = a_statement()
    statement.add_adjustment("Clawback of overpayment", Decimal("-1000000"))
    statement.add_adjustment("Extra payment", "1000000.00")
    assert [adjustment.amount for adjustment in statement.adjustments] == [
        Decimal(-1_000_000),
        Decimal(1_000_000),
    ]


@pytest.mark.parametrize(
    ("amount", "rule"),
    [
        ("0", "adjustment_amount_not_zero"),
        ("1000000.01", "adjustment_amount_in_range"),
        ("-1000000.01", "adjustment_amount_in_range"),
        ("10.005", "adjustment_amount_in_pence"),
    ],
)
def test_an_adjustment_amount_must_be_non_zero_pence_within_a_million(
    amount: str, rule: str
) -> None:
    with pytest.raises(InvalidValue) as error:
        a_statement().add_adjustment("Extra payment", amount)
    assert error.value.rule == rule


def test_an_adjustment_needs_a_payment_type_of_at_most_500_characters() -> None:
    statement = a_statement()
    statement.add_adjustment("x" * 500, "1")
    with pytest.raises(InvalidValue) as too_long:
        statement.add_adjustment("x" * 501, "1")
    with pytest.raises(InvalidValue) as blank:
        statement.add_adjustment("  ", "1")
    assert (too_long.value.rule, blank.value.rule) == (
        "payment_type_too_long",
        "payment_type_required",
    )


def test_an_adjustment_amount_cannot_be_a_float() -> None:
    with pytest.raises(InvalidValue):
        a_statement().add_adjustment("Extra payment", 1.5)  # type: ignore[arg-type]


def test_adjustments_cannot_be_made_on_a_service_statement() -> None:
    with pytest.raises(RuleBroken) as error:
        a_statement(fee_type="service").add_adjustment("Extra payment", "10")
    assert error.value.rule == "adjustment_editable"


def test_adjustments_are_frozen_once_a_statement_is_paid() -> None:
    statement = a_statement()
    adjustment = statement.add_adjustment("Extra payment", "10")
    statement.mark_as_payable(today=date(2026, 1, 1))
    statement.change_adjustment(adjustment, "Extra payment", "12.50")
    statement.mark_as_paid(NOW, today=date(2026, 1, 10))
    for attempt in (
        lambda: statement.add_adjustment("More", "1"),
        lambda: statement.change_adjustment(adjustment, "More", "1"),
        lambda: statement.remove_adjustment(adjustment),
    ):
        with pytest.raises(RuleBroken):
            attempt()
    assert adjustment.amount == Decimal("12.50")


def test_an_adjustment_can_be_changed_and_removed_while_the_statement_is_open() -> None:
    statement = a_statement()
    adjustment = statement.add_adjustment("Extra payment", "10")
    statement.change_adjustment(adjustment, "Correction", "-5")
    assert (adjustment.payment_type, adjustment.amount) == ("Correction", Decimal(-5))
    statement.remove_adjustment(adjustment)
    assert statement.adjustments == []


def test_a_changed_adjustment_is_checked_before_anything_changes() -> None:
    statement = a_statement()
    adjustment = statement.add_adjustment("Extra payment", "10")
    with pytest.raises(InvalidValue):
        statement.change_adjustment(adjustment, "Correction", "0")
    assert (adjustment.payment_type, adjustment.amount) == ("Extra payment", Decimal(10))


def test_a_statement_stays_open_on_its_deadline_day() -> None:
    statement = a_statement()
    with pytest.raises(RuleBroken) as error:
        statement.mark_as_payable(today=date(2025, 12, 31))
    assert error.value.rule == "statement_deadline_passed"
    statement.mark_as_payable(today=date(2026, 1, 1))
    assert statement.status is StatementStatus.PAYABLE


def test_a_statement_is_paid_only_after_it_is_payable() -> None:
    statement = a_statement()
    with pytest.raises(RuleBroken):
        statement.mark_as_paid(NOW, today=date(2026, 1, 10))
    statement.mark_as_payable(today=date(2026, 1, 1))
    statement.mark_as_paid(NOW, today=date(2026, 1, 10))
    assert (statement.status, statement.marked_as_paid_at, statement.paid) == (
        StatementStatus.PAID,
        NOW,
        True,
    )
    with pytest.raises(RuleBroken):
        statement.mark_as_payable(today=date(2026, 1, 10))


def test_an_audit_note_needs_a_body() -> None:
    statement = a_statement()
    note = statement.add_audit_note("Migrated from ECF1 with a £3 difference", NOW)
    assert statement.audit_notes == [note]
    with pytest.raises(InvalidValue):
        statement.add_audit_note("", NOW)
