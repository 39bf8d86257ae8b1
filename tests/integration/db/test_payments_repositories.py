"""Statements and declarations through the SQL unit of work, and the database rules
that back the domain's (finance-and-payments §1.8-§1.11)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from ecf2.adapters.db.constraints import refusal_for
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.payments import Declaration, Statement
from ecf2.domain.shared.errors import ConcurrentUpdate, RuleBroken
from tests.integration.db.stub_rows import insert_stub

pytestmark = pytest.mark.payments

NOW = datetime(2026, 1, 10, 9, tzinfo=UTC)


@pytest.fixture
def parents(engine: Engine) -> dict[str, int]:
    with engine.begin() as connection:
        alp = insert_stub(connection, "active_lead_providers")
        return {
            "active_lead_provider": alp,
            "contract": insert_stub(connection, "contracts", active_lead_provider_id=alp),
            "training_period": insert_stub(connection, "training_periods"),
            "delivery_partner": insert_stub(connection, "delivery_partners"),
            "mentorship_period": insert_stub(connection, "mentorship_periods"),
            "dfe_staff_user": insert_stub(
                connection, "dfe_staff_users", email="finance@education.gov.uk", name="Fin"
            ),
        }


def a_statement(parents: dict[str, int], **overrides: Any) -> Statement:
    values: dict[str, Any] = {
        "contract_id": parents["contract"],
        "active_lead_provider_id": parents["active_lead_provider"],
        "month": 1,
        "year": 2026,
        "deadline_date": date(2025, 12, 31),
        "payment_date": date(2026, 1, 25),
        "created_at": NOW,
    }
    return Statement(**(values | overrides))


def a_declaration(parents: dict[str, int], **overrides: Any) -> Declaration:
    values: dict[str, Any] = {
        "training_period_id": parents["training_period"],
        "declaration_type": "started",
        "declaration_date": datetime(2025, 10, 1, 12, tzinfo=UTC),
        "created_at": NOW,
        "delivery_partner_when_created_id": parents["delivery_partner"],
        "evidence_type": "training-event-attended",
    }
    return Declaration(**(values | overrides))


def add(uow: SqlAlchemyUnitOfWork, repository: str, *entities: Any) -> None:
    with uow:
        for entity in entities:
            getattr(uow, repository).add(entity)
        uow.commit()


def test_a_statement_with_adjustments_and_notes_comes_back_as_it_went_in(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    statement = a_statement(parents)
    statement.add_adjustment("Extra payment", "1250.50")
    statement.add_adjustment("Correction", "-99.99")
    statement.add_audit_note("Migrated from ECF1", NOW)
    add(uow, "statements", statement)

    with uow:
        by_id = uow.statements.get(statement.id)
        by_api_id = uow.statements.get_by_api_id(statement.api_id)
    assert by_id == statement == by_api_id
    assert [adjustment.id for adjustment in by_id.adjustments] == [
        adjustment.id for adjustment in statement.adjustments
    ]
    assert all(adjustment.id for adjustment in statement.adjustments)


def test_changing_only_adjustments_moves_the_statement_version(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    statement = a_statement(parents)
    statement.add_adjustment("Extra payment", "10")
    statement.add_adjustment("Another", "20")
    add(uow, "statements", statement)

    with uow:
        loaded = uow.statements.get(statement.id)
        first, second = loaded.adjustments
        loaded.change_adjustment(first, "Extra payment", "12.34")
        loaded.remove_adjustment(second)
        loaded.add_adjustment("New", "-1")
        uow.statements.save(loaded)
        uow.commit()

    with uow:
        reloaded = uow.statements.get(statement.id)
    assert reloaded == loaded
    assert reloaded.version == 2
    assert [adjustment.amount for adjustment in reloaded.adjustments] == [
        Decimal("12.34"),
        Decimal(-1),
    ]


def test_a_statement_changed_by_someone_else_is_not_overwritten(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    statement = a_statement(parents)
    add(uow, "statements", statement)
    stale = a_statement(parents, id=statement.id, api_id=statement.api_id)
    with uow:
        loaded = uow.statements.get(statement.id)
        loaded.mark_as_payable(today=date(2026, 1, 1))
        uow.statements.save(loaded)
        uow.commit()

    stale.add_adjustment("Extra payment", "10")
    with uow, pytest.raises(ConcurrentUpdate):
        uow.statements.save(stale)


def test_a_lead_provider_has_one_statement_a_month_across_its_contracts(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int], engine: Engine
) -> None:
    add(uow, "statements", a_statement(parents))
    with engine.begin() as connection:
        other_contract = insert_stub(
            connection, "contracts", active_lead_provider_id=parents["active_lead_provider"]
        )
    with pytest.raises(RuleBroken) as error:
        add(uow, "statements", a_statement(parents, contract_id=other_contract))
    assert error.value.rule == "uq_statements_active_lead_provider_id_year_month"
    add(uow, "statements", a_statement(parents, contract_id=other_contract, month=2))


def test_a_declaration_comes_back_as_it_went_in(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    paid_on, clawed_back_on = a_statement(parents), a_statement(parents, month=2)
    add(uow, "statements", paid_on, clawed_back_on)
    declaration = a_declaration(
        parents,
        pupil_premium_uplift=True,
        mentorship_period_id=parents["mentorship_period"],
    )
    declaration.mark_as_eligible(paid_on.id)  # type: ignore[arg-type]
    declaration.mark_as_payable()
    declaration.mark_as_paid()
    declaration.mark_as_awaiting_clawback(clawed_back_on.id)  # type: ignore[arg-type]
    add(uow, "declarations", declaration)

    with uow:
        by_id = uow.declarations.get(declaration.id)
        by_api_id = uow.declarations.get_by_api_id(declaration.api_id)
    assert by_id == declaration == by_api_id
    assert by_id.api_state == "awaiting-clawback"


def test_voiding_a_declaration_is_saved_with_who_voided_it(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    declaration = a_declaration(parents)
    add(uow, "declarations", declaration)
    with uow:
        loaded = uow.declarations.get(declaration.id)
        loaded.void(NOW, by_user_id=parents["dfe_staff_user"])
        uow.declarations.save(loaded)
        uow.commit()
    with uow:
        reloaded = uow.declarations.get(declaration.id)
    assert (reloaded.api_state, reloaded.voided_by_user_id, reloaded.version) == (
        "voided",
        parents["dfe_staff_user"],
        2,
    )


def test_only_one_billable_or_changeable_declaration_per_type_is_stored(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    add(uow, "declarations", a_declaration(parents))
    with pytest.raises(RuleBroken) as error:
        add(uow, "declarations", a_declaration(parents))
    assert error.value.rule == "uq_declarations_billable_or_changeable"
    add(uow, "declarations", a_declaration(parents, declaration_type="retained-1"))


def test_voided_and_clawed_back_declarations_do_not_block_a_new_one(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int]
) -> None:
    statements = a_statement(parents), a_statement(parents, month=2)
    add(uow, "statements", *statements)
    voided = a_declaration(parents, payment_status="voided")
    clawed_back = a_declaration(
        parents,
        payment_status="paid",
        payment_statement_id=statements[0].id,
        clawback_status="clawed_back",
        clawback_statement_id=statements[1].id,
    )
    add(uow, "declarations", voided, clawed_back, a_declaration(parents))


def refusal_of(engine: Engine, update: str) -> str:
    with pytest.raises(IntegrityError) as error, engine.begin() as connection:
        connection.execute(text(update))
    return refusal_for(error.value).rule


def test_the_database_refuses_an_eligible_declaration_without_a_payment_statement(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int], engine: Engine
) -> None:
    declaration = a_declaration(parents)
    add(uow, "declarations", declaration)
    update = f"UPDATE declarations SET payment_status = 'eligible' WHERE id = {declaration.id}"
    assert refusal_of(engine, update) == "ck_declarations_payment_statement_required"


def test_the_database_refuses_a_clawback_without_a_clawback_statement(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int], engine: Engine
) -> None:
    statement = a_statement(parents)
    add(uow, "statements", statement)
    declaration = a_declaration(parents, payment_status="paid", payment_statement_id=statement.id)
    add(uow, "declarations", declaration)
    update = (
        f"UPDATE declarations SET clawback_status = 'awaiting_clawback' WHERE id = {declaration.id}"
    )
    assert refusal_of(engine, update) == "ck_declarations_clawback_statement_required"


def test_the_database_refuses_a_clawback_of_an_unpaid_declaration(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int], engine: Engine
) -> None:
    statement = a_statement(parents)
    add(uow, "statements", statement)
    declaration = a_declaration(parents)
    add(uow, "declarations", declaration)
    update = (
        "UPDATE declarations SET clawback_status = 'awaiting_clawback', "
        f"clawback_statement_id = {statement.id} WHERE id = {declaration.id}"
    )
    assert refusal_of(engine, update) == "ck_declarations_clawback_only_when_paid"


def test_the_database_refuses_a_zero_adjustment(
    uow: SqlAlchemyUnitOfWork, parents: dict[str, int], engine: Engine
) -> None:
    statement = a_statement(parents)
    statement.add_adjustment("Extra payment", "10")
    add(uow, "statements", statement)
    update = "UPDATE statement_adjustments SET amount = 0"
    assert refusal_of(engine, update) == "ck_statement_adjustments_amount_not_zero"
