"""Then-steps for the payments scenarios: where declarations stand, what statements hold,
what was refused and what the audit trail recorded (the givens and whens are in
tests/features/steps/payments.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytest_bdd import parsers, then
from sqlalchemy import select

from ecf2.adapters.db.events import EventRow
from ecf2.domain.payments import Declaration, Statement
from ecf2.domain.shared.actors import AuthorType
from ecf2.domain.shared.clock import london_day
from tests.features.steps.common import Outcome
from tests.features.steps.days import DAY
from tests.features.steps.payments_world import FinanceWorld

THE_DECLARATION = "the declaration"
REFUSALS = {
    "the assurance checks have not been confirmed": "assurance_checks_confirmed",
    "its deadline has not passed": "statement_deadline_passed",
    "it is a service fee statement": "authorise_only_output_statements",
    "it has already been authorised for payment": "statement_not_already_authorised",
    "it has no declarations to pay or claw back": "statement_has_outstanding_declarations",
    "it is not payable yet": "authorise_only_payable_statements",
    "there is no output statement left to claw it back on": (
        "clawback_needs_future_output_statement"
    ),
    "it was not confirmed": "void_confirmed",
    "the amount must not be zero": "adjustment_amount_not_zero",
    "the amount must be within a million pounds": "adjustment_amount_in_range",
    "the description is too long": "payment_type_too_long",
    "the description is missing": "payment_type_required",
    "the statement cannot be adjusted": "adjustment_editable",
}


def _step(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types=DAY)


def _statement(world: FinanceWorld, name: str) -> Statement:
    with world.uow as uow:
        return uow.statements.get(world.statement_id(name))


def _declaration(world: FinanceWorld, label: str = THE_DECLARATION) -> Declaration:
    with world.uow as uow:
        return uow.declarations.get(world.declarations[label])


def _declarations_on(world: FinanceWorld, name: str) -> list[Declaration]:
    with world.uow as uow:
        return [
            uow.declarations.get(declaration_id)
            for label, declaration_id in world.declarations.items()
            if label.startswith(f"{name} ")
        ]


def _events(world: FinanceWorld, event_type: str, author: AuthorType) -> list[EventRow]:
    query = select(EventRow).where(EventRow.event_type == event_type).order_by(EventRow.id)
    with world.session_factory() as session:
        return [row for row in session.scalars(query) if row.author_type == author]


def _refused(outcome: Outcome, reason: str) -> None:
    assert outcome.error is not None, f"expected a refusal, got {outcome.value}"
    assert outcome.error.rule == REFUSALS[reason], outcome.error.message


# Where declarations stand.


@then(_step("the declaration is eligible for payment on the {name} statement"))
def eligible_on(finance_world: FinanceWorld, name: str) -> None:
    declaration = _declaration(finance_world)
    assert declaration.payment_status == "eligible"
    assert declaration.payment_statement_id == finance_world.statement_id(name)


@then(_step("the declaration is eligible for payment on {provider}'s {year:d} {name} statement"))
def eligible_on_providers(finance_world: FinanceWorld, provider: str, year: int, name: str) -> None:
    declaration = _declaration(finance_world)
    assert declaration.payment_status == "eligible"
    assert declaration.payment_statement_id == finance_world.statement_id(name, (provider, year))


@then(_step("the declaration is still eligible for payment on the {name} statement"))
def still_eligible_on(finance_world: FinanceWorld, name: str) -> None:
    eligible_on(finance_world, name)


@then("the declaration is still waiting for funding")
def still_waiting(finance_world: FinanceWorld) -> None:
    declaration = _declaration(finance_world)
    assert declaration.payment_status == "no_payment"
    assert declaration.payment_statement_id is None


@then(_step("the declarations on the {name} statement are {status:w}"))
def declarations_on(finance_world: FinanceWorld, name: str, status: str) -> None:
    found = _declarations_on(finance_world, name)
    assert found
    assert {declaration.payment_status.value for declaration in found} == {status}


@then("the declaration awaiting clawback is clawed back")
def clawed_back(finance_world: FinanceWorld) -> None:
    declaration = _declaration(finance_world, "awaiting clawback")
    assert (declaration.payment_status, declaration.clawback_status) == ("paid", "clawed_back")


@then("the declaration is voided")
def voided(finance_world: FinanceWorld) -> None:
    assert _declaration(finance_world).overall_status == "voided"


@then("the declaration is on no statement")
def on_no_statement(finance_world: FinanceWorld) -> None:
    declaration = _declaration(finance_world)
    assert (declaration.payment_statement_id, declaration.clawback_statement_id) == (None, None)


@then(_step("the declaration is still on the {name} statement"))
def still_on(finance_world: FinanceWorld, name: str) -> None:
    assert _declaration(finance_world).payment_statement_id == finance_world.statement_id(name)


@then(_step("the declaration is still paid on the {name} statement"))
def still_paid_on(finance_world: FinanceWorld, name: str) -> None:
    declaration = _declaration(finance_world)
    assert declaration.payment_status == "paid"
    assert declaration.payment_statement_id == finance_world.statement_id(name)


@then(_step("the declaration is awaiting clawback on the {name} statement"))
def awaiting_clawback_on(finance_world: FinanceWorld, name: str) -> None:
    declaration = _declaration(finance_world)
    assert declaration.clawback_status == "awaiting_clawback"
    assert declaration.clawback_statement_id == finance_world.statement_id(name)


# What statements hold.


@then(_step("the {name} statement is {status:w}"))
def statement_is(finance_world: FinanceWorld, name: str, status: str) -> None:
    assert _statement(finance_world, name).status == status


@then(_step("the {name} statement is recorded as authorised for payment on {day:Day}"))
def authorised_on(finance_world: FinanceWorld, name: str, day: date) -> None:
    marked = _statement(finance_world, name).marked_as_paid_at
    assert marked is not None
    assert london_day(marked) == day


@then(_step("the {name} statement has no adjustments"))
def no_adjustments(finance_world: FinanceWorld, name: str) -> None:
    assert _statement(finance_world, name).adjustments == []


@then(_step('the {name} statement has an adjustment "{payment_type}" of {amount}'))
def has_adjustment(finance_world: FinanceWorld, name: str, payment_type: str, amount: str) -> None:
    adjustments = _statement(finance_world, name).adjustments
    assert [(each.payment_type, each.amount) for each in adjustments] == [
        (payment_type, Decimal(amount))
    ]


# Refusals and acceptances.


@then(_step("the authorisation is refused because {reason}"))
def authorisation_refused(outcome: Outcome, reason: str) -> None:
    _refused(outcome, reason)


@then(_step("the declaration cannot be voided because it is {status}"))
def void_refused_for_status(outcome: Outcome, status: str) -> None:
    assert outcome.error is not None
    assert outcome.error.rule in ("declaration_billable_or_changeable", "declaration_voidable")
    assert status in outcome.error.message


@then(_step("the void is refused because {reason}"))
def void_refused(outcome: Outcome, reason: str) -> None:
    _refused(outcome, reason)


@then(_step("the adjustment is {verdict}"))
def adjustment_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "added":
        assert outcome.error is None, outcome.error
        return
    _refused(outcome, verdict.removeprefix("refused because "))


# The audit trail.


@then(_step("the system is recorded as making the {name} statement payable"))
def system_made_statement_payable(finance_world: FinanceWorld, name: str) -> None:
    events = _events(finance_world, "statement_marked_payable", AuthorType.SYSTEM)
    assert [event.statement_id for event in events] == [finance_world.statement_id(name)]


@then(_step("the system is recorded as making {count:d} declarations payable"))
def system_made_declarations_payable(finance_world: FinanceWorld, count: int) -> None:
    events = _events(finance_world, "teacher_declaration_payable", AuthorType.SYSTEM)
    assert len(events) == count
    assert all(event.declaration_id and event.statement_id for event in events)


@then(_step("finance are recorded as authorising the {name} statement for payment"))
def finance_authorised(finance_world: FinanceWorld, name: str) -> None:
    events = _events(finance_world, "statement_authorised_for_payment", AuthorType.DFE_STAFF_USER)
    assert [event.statement_id for event in events] == [finance_world.statement_id(name)]


@then(_step("finance are recorded as paying {paid:d} declarations and clawing back {clawed:d}"))
def finance_paid(finance_world: FinanceWorld, paid: int, clawed: int) -> None:
    staff = AuthorType.DFE_STAFF_USER
    assert len(_events(finance_world, "teacher_declaration_paid", staff)) == paid
    assert len(_events(finance_world, "teacher_declaration_clawed_back", staff)) == clawed


@then(_step("finance are recorded as having voided it on {day:Day}"))
def finance_voided(finance_world: FinanceWorld, day: date) -> None:
    declaration = _declaration(finance_world)
    finance = finance_world.finance()
    assert declaration.voided_by_user_id == finance.id
    assert declaration.voided_at is not None
    assert london_day(declaration.voided_at) == day
    event_type = f"teacher_declaration_{declaration.overall_status}"
    events = _events(finance_world, event_type, AuthorType.DFE_STAFF_USER)
    assert [event.declaration_id for event in events] == [declaration.id]
    assert events[0].author_id == str(finance.id)


@then("finance are recorded as adding, changing and removing the adjustment")
def finance_adjusted(finance_world: FinanceWorld) -> None:
    staff = AuthorType.DFE_STAFF_USER
    for action in ("added", "updated", "deleted"):
        events = _events(finance_world, f"statement_adjustment_{action}", staff)
        assert len(events) == 1, action
