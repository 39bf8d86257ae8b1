"""When a statement may be authorised for payment and a declaration voided by finance
(finance-and-payments §3.3, §4.3; inductions-trs-sign-in-admin (d.1))."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from ecf2.domain.payments import Declaration, Statement
from ecf2.domain.payments.rules import (
    authorisation_refusal,
    can_authorise_payment,
    check_assurance_confirmed,
    check_void_confirmed,
    check_voidable_by_finance,
)
from ecf2.domain.shared.errors import RuleBroken

NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)
DEADLINE = date(2026, 10, 31)


def a_statement(**overrides: Any) -> Statement:
    values: dict[str, Any] = {
        "contract_id": 1,
        "active_lead_provider_id": 1,
        "month": 11,
        "year": 2026,
        "deadline_date": DEADLINE,
        "payment_date": date(2026, 11, 25),
        "created_at": NOW,
    }
    return Statement(**(values | overrides))


def payable(**overrides: Any) -> Statement:
    statement = a_statement(**overrides)
    statement.mark_as_payable(date(2026, 11, 1))
    return statement


def _rule(statement: Statement, today: date, outstanding: bool = True) -> str | None:
    refusal = authorisation_refusal(statement, today, has_outstanding_declarations=outstanding)
    return None if refusal is None else refusal.rule


def test_a_payable_output_statement_past_its_deadline_with_declarations_can_be_authorised():
    assert can_authorise_payment(payable(), date(2026, 11, 1), has_outstanding_declarations=True)


@pytest.mark.parametrize(
    ("statement", "today", "outstanding", "rule"),
    [
        (
            lambda: payable(fee_type="service"),
            date(2026, 11, 1),
            True,
            "authorise_only_output_statements",
        ),
        (lambda: a_statement(), DEADLINE, True, "statement_deadline_passed"),
        (lambda: a_statement(), date(2026, 11, 1), True, "authorise_only_payable_statements"),
        (lambda: payable(), date(2026, 11, 1), False, "statement_has_outstanding_declarations"),
    ],
)
def test_authorisation_is_refused_naming_the_rule(statement, today, outstanding, rule):
    assert _rule(statement(), today, outstanding) == rule


def test_a_statement_already_marked_paid_is_refused_as_already_authorised():
    statement = payable()
    statement.mark_as_paid(NOW, date(2026, 11, 2))
    assert _rule(statement, date(2026, 11, 3)) == "statement_not_already_authorised"


def test_the_assurance_checks_and_a_void_must_be_confirmed():
    with pytest.raises(RuleBroken, match="assurance checks") as refused:
        check_assurance_confirmed(False)
    assert refused.value.rule == "assurance_checks_confirmed"
    with pytest.raises(RuleBroken) as refused:
        check_void_confirmed(False)
    assert refused.value.rule == "void_confirmed"
    check_assurance_confirmed(True)
    check_void_confirmed(True)


def a_declaration(**overrides: Any) -> Declaration:
    values: dict[str, Any] = {
        "training_period_id": 1,
        "declaration_type": "started",
        "declaration_date": NOW,
        "created_at": NOW,
    }
    return Declaration(**(values | overrides))


def test_finance_may_void_a_declaration_that_will_be_or_has_been_paid():
    check_voidable_by_finance(a_declaration())
    check_voidable_by_finance(a_declaration(payment_status="paid", payment_statement_id=1))


@pytest.mark.parametrize(
    "overrides",
    [
        {"payment_status": "voided"},
        {
            "payment_status": "paid",
            "payment_statement_id": 1,
            "clawback_status": "awaiting_clawback",
            "clawback_statement_id": 2,
        },
    ],
)
def test_finance_cannot_void_a_voided_declaration_or_one_being_clawed_back(overrides):
    with pytest.raises(RuleBroken) as refused:
        check_voidable_by_finance(a_declaration(**overrides))
    assert refused.value.rule == "declaration_billable_or_changeable"
