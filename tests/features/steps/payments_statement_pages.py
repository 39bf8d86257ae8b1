"""Steps for what the finance console adds to statements: audit notes, and the declarations
a statement lists (finance-and-payments §1.10, §8.1). They drive the statement service and
the console's read models on the real unit of work."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when
from sqlalchemy import select, update

from ecf2.adapters.db.contracts_rows import BandRow
from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.payments_rows import DeclarationRow
from ecf2.adapters.db.queries.finance_declarations import CSV_COLUMNS, SqlFinanceDeclarationReads
from ecf2.adapters.db.queries.statements import SqlStatementCalculationReads
from ecf2.domain.payments.calculator import ContractType
from ecf2.domain.payments.services import StatementCalculationService, StatementService
from ecf2.domain.payments.statement_declarations import declaration_selection
from ecf2.domain.shared.actors import AuthorType
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.payments_world import FinanceWorld

DECLARATION_ID = CSV_COLUMNS.index("Declaration ID")


def _statements(world: FinanceWorld) -> StatementService:
    return StatementService(lambda: world.uow, world.clock)


def _made(world: FinanceWorld, label: str, count: int, **lifecycle: int | bool | None) -> None:
    for number in range(count):
        world.declarations[f"{label} {number}"] = world.declaration(
            world.training_period("ect"), **lifecycle
        )


# Audit notes.


@when(
    parsers.parse('finance add the note "{body}" to the {name} statement'),
    target_fixture="outcome",
)
def add_note(finance_world: FinanceWorld, body: str, name: str) -> Outcome:
    statement_id = finance_world.statement_id(name)
    service = _statements(finance_world)
    return attempt(lambda: service.add_audit_note(statement_id, body, finance_world.finance()))


@then(parsers.parse('the {name} statement has the notes "{first}" and "{second}"'))
def has_notes(finance_world: FinanceWorld, name: str, first: str, second: str) -> None:
    with finance_world.uow as uow:
        notes = uow.statements.get(finance_world.statement_id(name)).audit_notes
    assert [note.body for note in notes] == [first, second]


@then(parsers.parse("the {name} statement has no notes"))
def has_no_notes(finance_world: FinanceWorld, name: str) -> None:
    with finance_world.uow as uow:
        assert uow.statements.get(finance_world.statement_id(name)).audit_notes == []


@then("the note is refused because it says nothing")
def note_refused(outcome: Outcome) -> None:
    assert outcome.error is not None
    assert outcome.error.rule == "audit_note_required"


@then(parsers.parse("finance are recorded as adding {count:d} notes"))
def notes_recorded(finance_world: FinanceWorld, count: int) -> None:
    query = select(EventRow).where(EventRow.event_type == "statement_audit_note_added")
    with finance_world.session_factory() as session:
        events = list(session.scalars(query))
    assert len(events) == count
    assert {event.author_type for event in events} == {AuthorType.DFE_STAFF_USER}
    assert all(event.statement_id for event in events)


# The declarations a statement lists.


@given(parsers.parse("{provider}'s bands hold {first:d} and {second:d} declarations"))
def bands_hold(finance_world: FinanceWorld, provider: str, first: int, second: int) -> None:
    alp = finance_world.active_lead_providers[finance_world.main or (provider, 0)]
    with finance_world.session_factory() as session, session.begin():
        for order, capacity in ((1, first), (2, second)):
            session.execute(
                update(BandRow)
                .where(BandRow.active_lead_provider_id == alp, BandRow.allocation_order == order)
                .values(capacity=capacity)
            )


@given(
    parsers.parse("{count:d} started declarations are eligible for payment on the {name} statement")
)
def eligible_on(finance_world: FinanceWorld, count: int, name: str) -> None:
    _made(finance_world, "eligible", count, on=finance_world.statement_id(name))


@given(parsers.parse("one declaration voided on the {name} statement"))
def voided_on(finance_world: FinanceWorld, name: str) -> None:
    _made(finance_world, "voided", 1, on=finance_world.statement_id(name), voided=True)


@given(parsers.parse("{count:d} started declarations were paid on the {name} statement"))
def paid_on(finance_world: FinanceWorld, count: int, name: str) -> None:
    _made(finance_world, "paid", count, on=finance_world.statement_id(name), paid=True)


@given(
    parsers.parse(
        "{count:d} started declarations paid on the {paid} statement are awaiting clawback "
        "on the {on} statement"
    )
)
def awaiting_on(finance_world: FinanceWorld, count: int, paid: str, on: str) -> None:
    world = finance_world
    clawback = world.statement_id(on)
    _made(world, "awaiting", count, on=world.statement_id(paid), paid=True, clawed_back_on=clawback)


@when(
    parsers.parse("finance list the declarations of the {name} statement"), target_fixture="listed"
)
def list_declarations(finance_world: FinanceWorld, name: str) -> list[str]:
    world = finance_world
    with world.uow as uow:
        statement = uow.statements.get(world.statement_id(name))
    reads = SqlStatementCalculationReads(world.session_factory)
    calculation = StatementCalculationService(reads).calculate(statement.api_id)
    # The world's contracts are all `ecf`: ECTs and mentors banded together.
    selection = declaration_selection(ContractType.ECF, calculation)
    rows = SqlFinanceDeclarationReads(world.session_factory).csv_rows(
        statement.id or 0, statement.api_id, statement.name, "Ambition Institute", selection
    )
    return [row[DECLARATION_ID] for row in rows]


def _api_ids(world: FinanceWorld, labels: list[str]) -> list[str]:
    ids = [world.declarations[label] for label in labels]
    query = select(DeclarationRow.id, DeclarationRow.api_id).where(DeclarationRow.id.in_(ids))
    with world.session_factory() as session:
        found = {row.id: row.api_id for row in session.execute(query)}
    return [str(found[each]) for each in ids]


@then(
    parsers.parse(
        "the list holds the {count:d} earliest declarations eligible for payment and the voided one"
    )
)
def holds_earliest_and_voided(finance_world: FinanceWorld, listed: list[str], count: int) -> None:
    labels = [f"eligible {n}" for n in range(count)] + ["voided 0"]
    assert sorted(listed) == sorted(_api_ids(finance_world, labels))


@then(parsers.parse("the list holds the {count:d} earliest declaration eligible for payment"))
def holds_earliest(finance_world: FinanceWorld, listed: list[str], count: int) -> None:
    assert listed == _api_ids(finance_world, [f"eligible {n}" for n in range(count)])


@then(parsers.parse("the list holds the {count:d} declarations awaiting clawback"))
def holds_awaiting(finance_world: FinanceWorld, listed: list[str], count: int) -> None:
    assert sorted(listed) == sorted(
        _api_ids(finance_world, [f"awaiting {n}" for n in range(count)])
    )
