"""The statements and declarations the payments use cases look for (finance-and-payments
§3.3, §4.2, §4.3): the next output statement, for a provider or a training period, and the
open output statements past their deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.payments import Declaration, Statement
from tests.integration.db.stub_rows import insert_stub

pytestmark = pytest.mark.payments

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.fixture
def providers(engine: Engine) -> dict[str, int]:
    """One lead provider in 2025 and 2026; a training period through a school partnership
    with the 2025 provider but on a 2026 schedule, and one through an expression of
    interest on a 2025 schedule."""
    with engine.begin() as connection:
        lead_provider = insert_stub(connection, "lead_providers")
        for year in (2025, 2026):
            insert_stub(
                connection,
                "contract_periods",
                year=year,
                started_on=date(year, 6, 1),
                finished_on=date(year + 1, 5, 31),
            )
        alps = {
            year: insert_stub(
                connection,
                "active_lead_providers",
                lead_provider_id=lead_provider,
                contract_period_year=year,
            )
            for year in (2025, 2026)
        }
        lpdp = insert_stub(
            connection, "lead_provider_delivery_partnerships", active_lead_provider_id=alps[2025]
        )
        partnership = insert_stub(
            connection, "school_partnerships", lead_provider_delivery_partnership_id=lpdp
        )
        schedules = {
            year: insert_stub(connection, "schedules", contract_period_year=year)
            for year in (2025, 2026)
        }
        provider_led = {"training_programme": "provider_led"}
        return {
            "alp_2025": alps[2025],
            "alp_2026": alps[2026],
            "contract_2025": insert_stub(
                connection, "contracts", active_lead_provider_id=alps[2025]
            ),
            "contract_2026": insert_stub(
                connection, "contracts", active_lead_provider_id=alps[2026]
            ),
            "by_partnership": insert_stub(
                connection,
                "training_periods",
                **provider_led,
                schedule_id=schedules[2026],
                school_partnership_id=partnership,
            ),
            "by_interest": insert_stub(
                connection,
                "training_periods",
                **provider_led,
                schedule_id=schedules[2025],
                expression_of_interest_id=alps[2025],
            ),
        }


def a_statement(ids: dict[str, int], year: int, month: int, **overrides: Any) -> Statement:
    contract_year = overrides.pop("contract_year", 2025)
    values: dict[str, Any] = {
        "contract_id": ids[f"contract_{contract_year}"],
        "active_lead_provider_id": ids[f"alp_{contract_year}"],
        "month": month,
        "year": year,
        "deadline_date": date(year, month, 1) - timedelta(days=1),
        "payment_date": date(year, month, 25),
        "created_at": NOW,
    }
    return Statement(**(values | overrides))


def added(uow: SqlAlchemyUnitOfWork, *statements: Statement) -> list[int]:
    with uow:
        for statement in statements:
            uow.statements.add(statement)
        uow.commit()
    return [statement.id for statement in statements]


def test_the_next_output_statement_has_the_earliest_deadline_on_or_after_today(
    uow: SqlAlchemyUnitOfWork, providers: dict[str, int]
) -> None:
    january, _december, april = added(
        uow,
        a_statement(providers, 2027, 1),
        a_statement(providers, 2026, 12, fee_type="service"),
        a_statement(providers, 2027, 4),
    )
    alp = providers["alp_2025"]
    with uow:
        on_the_deadline = uow.statements.next_output(alp, date(2026, 12, 31))
        the_day_after = uow.statements.next_output(alp, date(2027, 1, 1))
        none_left = uow.statements.next_output(alp, date(2027, 4, 1))
    assert on_the_deadline is not None
    assert on_the_deadline.id == january
    assert the_day_after is not None
    assert the_day_after.id == april
    assert none_left is None


def test_a_training_period_pays_through_its_lead_provider_in_its_schedules_contract_period(
    uow: SqlAlchemyUnitOfWork, providers: dict[str, int]
) -> None:
    of_2025, of_2026 = added(
        uow,
        a_statement(providers, 2027, 1),
        a_statement(providers, 2027, 1, contract_year=2026),
    )
    today = date(2026, 12, 1)
    with uow:
        by_partnership = uow.statements.next_output_for_training(providers["by_partnership"], today)
        by_interest = uow.statements.next_output_for_training(providers["by_interest"], today)
    assert by_partnership is not None
    assert by_partnership.id == of_2026
    assert by_interest is not None
    assert by_interest.id == of_2025


def test_open_output_statements_past_their_deadline_are_found_and_nothing_else(
    uow: SqlAlchemyUnitOfWork, providers: dict[str, int]
) -> None:
    due, _service, _not_yet = added(
        uow,
        a_statement(providers, 2026, 11),
        a_statement(providers, 2026, 10, fee_type="service"),
        a_statement(providers, 2027, 1),
    )
    with uow:
        found = uow.statements.open_output_past_deadline(date(2026, 11, 1))
    assert [statement.id for statement in found] == [due]


def test_declarations_are_found_by_statement_and_status_and_by_training_period(
    uow: SqlAlchemyUnitOfWork, providers: dict[str, int]
) -> None:
    (statement,) = added(uow, a_statement(providers, 2026, 11))
    made = [
        Declaration(
            training_period_id=providers["by_interest"],
            declaration_type=kind,
            declaration_date=NOW,
            created_at=NOW,
        )
        for kind in ("started", "retained-1")
    ]
    made[0].mark_as_eligible(statement)
    with uow:
        for declaration in made:
            uow.declarations.add(declaration)
        uow.commit()
    with uow:
        eligible = uow.declarations.on_payment_statement(statement, "eligible")
        waiting = uow.declarations.without_payment([providers["by_interest"]])
        clawed = uow.declarations.on_clawback_statement(statement, "awaiting_clawback")
    assert [each.id for each in eligible] == [made[0].id]
    assert [each.id for each in waiting] == [made[1].id]
    assert clawed == []
