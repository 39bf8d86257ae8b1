"""Steps for the payments scenarios: statements from open to payable to paid, declarations
landing on statements, voided or clawed back, and adjustments (finance-and-payments §1.9,
§3.3, §4; inductions-trs-sign-in-admin (d.1)). They drive the payments services on the real
unit of work."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pytest_bdd import given, parsers, when
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.payments import Declaration
from ecf2.domain.payments.services import DeclarationService, StatementService
from ecf2.domain.shared.clock import FixedClock
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.days import DAY
from tests.features.steps.payments_world import FinanceWorld

THE_DECLARATION = "the declaration"


def _step(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types=DAY)


@pytest.fixture
def finance_world(
    uow: SqlAlchemyUnitOfWork, session_factory: sessionmaker[Session], clock: FixedClock
) -> FinanceWorld:
    return FinanceWorld(uow, session_factory, clock)


def _statements(world: FinanceWorld) -> StatementService:
    return StatementService(lambda: world.uow, world.clock)


def _declarations(world: FinanceWorld) -> DeclarationService:
    return DeclarationService(lambda: world.uow, world.clock)


def _declaration(world: FinanceWorld, label: str = THE_DECLARATION) -> Declaration:
    with world.uow as uow:
        return uow.declarations.get(world.declarations[label])


# Givens: statements, declarations and the day.


@given(_step("{provider}'s {year:d} contract has these statements"))
def statements_of(
    finance_world: FinanceWorld, provider: str, year: int, datatable: list[list[str]]
) -> None:
    finance_world.contract_for(provider, year)
    for name, kind, status in datatable[1:]:
        fee_type = "service" if kind == "service fee" else kind
        finance_world.statement(name, fee_type, status, of=(provider, year))


@given(_step("it is {day:Day}"))
def it_is(clock: FixedClock, day: date) -> None:
    clock.set(day)


@given(_step("an ECT training with {provider} has a started declaration waiting for funding"))
def waiting_for_funding(finance_world: FinanceWorld, provider: str) -> None:
    assert finance_world.main is not None
    assert finance_world.main[0] == provider
    training = finance_world.training_period("ect")
    finance_world.declarations[THE_DECLARATION] = finance_world.declaration(training)


@given(_step("the {name} statement has {count:d} declarations eligible for payment"))
def eligible_on(finance_world: FinanceWorld, name: str, count: int) -> None:
    statement_id = finance_world.statement_id(name)
    for number in range(count):
        training = finance_world.training_period("ect" if number % 2 == 0 else "mentor")
        finance_world.declarations[f"{name} {number}"] = finance_world.declaration(
            training, on=statement_id
        )


@given(
    _step("a declaration paid on the {paid} statement is awaiting clawback on the {on} statement")
)
def awaiting_clawback(finance_world: FinanceWorld, paid: str, on: str) -> None:
    finance_world.declarations["awaiting clawback"] = finance_world.declaration(
        finance_world.training_period("ect"),
        on=finance_world.statement_id(paid),
        paid=True,
        clawed_back_on=finance_world.statement_id(on),
    )


@given(_step("a started declaration {where}"))
def a_started_declaration(finance_world: FinanceWorld, where: str) -> None:
    world = finance_world
    statement = re.search(r"on the (\w+ \d{4}) statement", where)
    on = None if statement is None else world.statement_id(statement.group(1))
    paid = where.startswith("paid on")
    clawed_back_on = world.statement_id("November 2026") if "awaiting clawback" in where else None
    world.declarations[THE_DECLARATION] = world.declaration(
        world.training_period("ect"),
        on=on,
        paid=paid,
        clawed_back_on=clawed_back_on,
        voided=where == "that has been voided",
    )


@given("the daily payment step has run")
def daily_step_has_run(finance_world: FinanceWorld) -> None:
    _statements(finance_world).mark_statements_payable()


@given("nothing else has happened")
def nothing_else() -> None:
    pass


@given(_step("finance have authorised the {name} statement"))
def authorised(finance_world: FinanceWorld, name: str) -> None:
    statement_id = finance_world.statement_id(name)
    _statements(finance_world).authorise_payment(statement_id, True, by=finance_world.finance())


@given(_step('the {name} statement has an adjustment "{payment_type}" of {amount}'))
def has_adjustment(finance_world: FinanceWorld, name: str, payment_type: str, amount: str) -> None:
    statement_id = finance_world.statement_id(name)
    service = _statements(finance_world)
    adjustment_id = service.add_adjustment(
        statement_id, payment_type, amount, by=finance_world.finance()
    )
    finance_world.adjustment = (statement_id, adjustment_id)


# Whens: the use cases.


@when("the ECT becomes eligible for funding", target_fixture="outcome")
def becomes_eligible(finance_world: FinanceWorld) -> Outcome:
    training = _declaration(finance_world).training_period_id
    return attempt(lambda: _declarations(finance_world).mark_declarations_eligible([training]))


@when("the daily payment step runs", target_fixture="outcome")
def daily_step_runs(finance_world: FinanceWorld) -> Outcome:
    return attempt(_statements(finance_world).mark_statements_payable)


@when(
    _step("finance authorise the {name} statement for payment, {confirming}"),
    target_fixture="outcome",
)
def finance_authorise(finance_world: FinanceWorld, name: str, confirming: str) -> Outcome:
    confirmed = confirming == "confirming the assurance checks are done"
    statement_id = finance_world.statement_id(name)
    service = _statements(finance_world)
    return attempt(
        lambda: service.authorise_payment(statement_id, confirmed, by=finance_world.finance())
    )


@when("finance void the declaration, confirming it", target_fixture="outcome")
def finance_void(finance_world: FinanceWorld) -> Outcome:
    return _void(finance_world, confirmed=True)


@when("finance void the declaration without confirming it", target_fixture="outcome")
def finance_void_unconfirmed(finance_world: FinanceWorld) -> Outcome:
    return _void(finance_world, confirmed=False)


def _void(world: FinanceWorld, *, confirmed: bool) -> Outcome:
    service, declaration_id = _declarations(world), world.declarations[THE_DECLARATION]
    return attempt(lambda: service.void_declaration(declaration_id, world.finance(), confirmed))


@when(
    _step('finance add an adjustment "{payment_type}" of {amount} to the {name} statement'),
    target_fixture="outcome",
)
def finance_add(finance_world: FinanceWorld, payment_type: str, amount: str, name: str) -> Outcome:
    return _add(finance_world, name, payment_type, amount)


@when(
    _step(
        "finance add an adjustment of {amount} described in {length:d} characters "
        "to the {name} statement"
    ),
    target_fixture="outcome",
)
def finance_add_described(
    finance_world: FinanceWorld, amount: str, length: int, name: str
) -> Outcome:
    return _add(finance_world, name, "x" * length, amount)


def _add(world: FinanceWorld, name: str, payment_type: str, amount: str) -> Outcome:
    statement_id, service = world.statement_id(name), _statements(world)
    return attempt(
        lambda: service.add_adjustment(statement_id, payment_type, amount, by=world.finance())
    )


@when(
    _step('finance change the adjustment to "{payment_type}" of {amount}'),
    target_fixture="outcome",
)
def finance_change(finance_world: FinanceWorld, payment_type: str, amount: str) -> Outcome:
    assert finance_world.adjustment is not None
    statement_id, adjustment_id = finance_world.adjustment
    service = _statements(finance_world)
    return attempt(
        lambda: service.change_adjustment(
            statement_id, adjustment_id, payment_type, amount, by=finance_world.finance()
        )
    )


@when("finance remove the adjustment", target_fixture="outcome")
def finance_remove(finance_world: FinanceWorld) -> Outcome:
    assert finance_world.adjustment is not None
    statement_id, adjustment_id = finance_world.adjustment
    service = _statements(finance_world)
    return attempt(
        lambda: service.remove_adjustment(statement_id, adjustment_id, by=finance_world.finance())
    )
