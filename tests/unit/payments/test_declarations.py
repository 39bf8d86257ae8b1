"""Declarations and their payment and clawback lifecycle (finance §1.11, §4; api §3.4)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from ecf2.domain.payments import ClawbackStatus, Declaration, EvidenceType, PaymentStatus
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

pytestmark = pytest.mark.payments

NOW = datetime(2026, 1, 10, 9, tzinfo=UTC)


def a_declaration(**overrides: Any) -> Declaration:
    values: dict[str, Any] = {
        "training_period_id": 1,
        "declaration_type": "started",
        "declaration_date": datetime(2025, 10, 1, 12, tzinfo=UTC),
        "created_at": NOW,
    }
    return Declaration(**(values | overrides))


def a_paid_declaration() -> Declaration:
    declaration = a_declaration()
    declaration.mark_as_eligible(payment_statement_id=10)
    declaration.mark_as_payable()
    declaration.mark_as_paid()
    return declaration


def test_a_new_declaration_is_submitted_without_a_statement() -> None:
    declaration = a_declaration()
    assert declaration.payment_status is PaymentStatus.NO_PAYMENT
    assert declaration.clawback_status is ClawbackStatus.NO_CLAWBACK
    assert declaration.api_state == "submitted"
    assert declaration.declaration_type is DeclarationType.STARTED


def test_the_declaration_date_must_carry_a_timezone() -> None:
    with pytest.raises(InvalidValue) as error:
        a_declaration(declaration_date=datetime(2025, 10, 1, 12))  # noqa: DTZ001
    assert error.value.rule == "datetime_is_aware"


def test_evidence_is_stored_as_the_api_spells_it() -> None:
    declaration = a_declaration(evidence_type="75-percent-engagement-met")
    assert declaration.evidence_type is EvidenceType.ENGAGEMENT_MET_75_PERCENT
    assert len(EvidenceType) == 7
    with pytest.raises(ValueError, match="75_percent"):
        a_declaration(evidence_type="75_percent_engagement_met")


@pytest.mark.parametrize("status", ["eligible", "payable", "paid"])
def test_a_billable_declaration_needs_a_payment_statement(status: str) -> None:
    with pytest.raises(InvalidValue) as error:
        a_declaration(payment_status=status)
    assert error.value.rule == "payment_statement_required"


@pytest.mark.parametrize("status", ["no_payment", "voided"])
def test_submitted_and_voided_declarations_need_no_payment_statement(status: str) -> None:
    assert a_declaration(payment_status=status).payment_statement_id is None


@pytest.mark.parametrize("status", ["awaiting_clawback", "clawed_back"])
def test_a_clawback_needs_a_clawback_statement(status: str) -> None:
    with pytest.raises(InvalidValue) as error:
        a_declaration(payment_status="paid", payment_statement_id=1, clawback_status=status)
    assert error.value.rule == "clawback_statement_required"


@pytest.mark.parametrize("status", ["no_payment", "eligible", "payable", "voided"])
def test_only_a_paid_declaration_can_be_clawed_back(status: str) -> None:
    with pytest.raises(InvalidValue) as error:
        a_declaration(
            payment_status=status,
            payment_statement_id=1,
            clawback_status="awaiting_clawback",
            clawback_statement_id=2,
        )
    assert error.value.rule == "clawback_only_when_paid"


def test_uplifts_are_only_on_started_declarations() -> None:
    assert a_declaration(pupil_premium_uplift=True).pupil_premium_uplift
    with pytest.raises(InvalidValue) as error:
        a_declaration(declaration_type="retained-1", sparsity_uplift=True)
    assert error.value.rule == "uplift_only_on_started"


def test_payment_moves_from_submitted_to_eligible_payable_and_paid() -> None:
    declaration = a_declaration(pupil_premium_uplift=True)
    states = []
    declaration.mark_as_eligible(payment_statement_id=10)
    states.append(declaration.api_state)
    declaration.mark_as_payable()
    states.append(declaration.api_state)
    assert not declaration.uplift_paid
    declaration.mark_as_paid()
    states.append(declaration.api_state)
    assert states == ["eligible", "payable", "paid"]
    assert declaration.payment_statement_id == 10
    assert declaration.uplift_paid


def test_payment_statuses_cannot_be_skipped() -> None:
    declaration = a_declaration()
    with pytest.raises(RuleBroken):
        declaration.mark_as_paid()
    with pytest.raises(RuleBroken):
        declaration.mark_as_payable()


@pytest.mark.parametrize("steps", [0, 1, 2])
def test_an_unpaid_declaration_is_voided_and_keeps_its_statement(steps: int) -> None:
    declaration = a_declaration()
    moves = [lambda: declaration.mark_as_eligible(10), declaration.mark_as_payable]
    for move in moves[:steps]:
        move()
    declaration.void(NOW, by_user_id=7)
    assert declaration.api_state == "voided"
    assert (declaration.voided_at, declaration.voided_by_user_id) == (NOW, 7)
    assert declaration.payment_statement_id == (10 if steps else None)


def test_a_paid_or_voided_declaration_cannot_be_voided() -> None:
    paid = a_paid_declaration()
    with pytest.raises(RuleBroken) as error:
        paid.void(NOW)
    assert error.value.rule == "declaration_voidable"
    voided = a_declaration()
    voided.void(NOW)
    with pytest.raises(RuleBroken):
        voided.void(NOW)


def test_a_paid_declaration_is_clawed_back_and_stays_paid() -> None:
    declaration = a_paid_declaration()
    declaration.mark_as_awaiting_clawback(clawback_statement_id=11)
    assert declaration.api_state == "awaiting-clawback"
    declaration.mark_as_clawed_back()
    assert declaration.api_state == "clawed-back"
    assert declaration.payment_status is PaymentStatus.PAID
    assert declaration.overall_status == "clawed_back"
    assert declaration.billable
    assert declaration.refundable
    assert not declaration.billable_or_changeable


def test_an_unpaid_declaration_cannot_be_clawed_back() -> None:
    declaration = a_declaration()
    declaration.mark_as_eligible(10)
    with pytest.raises(RuleBroken) as error:
        declaration.mark_as_awaiting_clawback(11)
    assert error.value.rule == "clawback_only_when_paid"


def test_a_declaration_is_clawed_back_only_once() -> None:
    declaration = a_paid_declaration()
    declaration.mark_as_awaiting_clawback(11)
    with pytest.raises(RuleBroken):
        declaration.mark_as_awaiting_clawback(12)
    assert declaration.clawback_statement_id == 11


@pytest.mark.parametrize(
    ("payment", "clawback", "billable", "refundable", "billable_or_changeable"),
    [
        ("no_payment", "no_clawback", False, False, True),
        ("eligible", "no_clawback", True, False, True),
        ("payable", "no_clawback", True, False, True),
        ("paid", "no_clawback", True, False, True),
        ("voided", "no_clawback", False, False, False),
        ("paid", "awaiting_clawback", True, True, False),
        ("paid", "clawed_back", True, True, False),
    ],
)
def test_the_sets_the_calculators_use(
    payment: str, clawback: str, billable: bool, refundable: bool, billable_or_changeable: bool
) -> None:
    declaration = a_declaration(
        payment_status=payment,
        clawback_status=clawback,
        payment_statement_id=None if payment in ("no_payment", "voided") else 1,
        clawback_statement_id=None if clawback == "no_clawback" else 2,
    )
    assert (
        declaration.billable,
        declaration.refundable,
        declaration.billable_or_changeable,
    ) == (billable, refundable, billable_or_changeable)
