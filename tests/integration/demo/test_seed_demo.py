"""The demo data: what one seeding creates, that a second creates nothing, and that what
the README promises (tokens, special TRNs, TRNs to try) holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.adapters.trs.demo_data import demo_trs_records, special_trs_records
from ecf2.domain.contracts import token_digest
from ecf2.domain.shared import Trn, Urn
from ecf2.domain.shared.clock import FixedClock
from ecf2.entrypoints.demo import seed_demo
from ecf2.entrypoints.demo.personas import DEMO_TOKENS, PERSONAS, trns_to_try
from ecf2.entrypoints.demo.school_plan import plan_schools
from ecf2.entrypoints.demo.teacher_plan import plan_teachers

README = Path(__file__).resolve().parents[3] / "README.md"
SPECIAL_TRNS = [f"{7000000 + n}" for n in range(1, 13)]
DECLARATION_STATES = {
    ("no_payment", "no_clawback"),
    ("eligible", "no_clawback"),
    ("payable", "no_clawback"),
    ("paid", "no_clawback"),
    ("voided", "no_clawback"),
    ("paid", "awaiting_clawback"),
}


def _rows_per_table(session_factory: sessionmaker[Session]) -> dict[str, int]:
    with session_factory() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in metadata.sorted_tables
        }


def _declaration_states(session_factory: sessionmaker[Session]) -> set[tuple[str, str]]:
    query = text("SELECT DISTINCT payment_status, clawback_status FROM declarations")
    with session_factory() as session:
        return {(row[0], row[1]) for row in session.execute(query)}


def _seed(session_factory: sessionmaker[Session], clock: FixedClock, progress: Any = None) -> Any:
    return seed_demo(lambda: SqlAlchemyUnitOfWork(session_factory, clock), clock, progress)


def _assert_tokens_stored(uow: SqlAlchemyUnitOfWork) -> None:
    with uow:
        for name, token in DEMO_TOKENS.items():
            stored = uow.api_tokens.get_by_digest(token_digest(token))
            assert stored is not None, name
            assert stored.lead_provider_id == uow.lead_providers.get_by_name(name).id


def _assert_personas_seeded(uow: SqlAlchemyUnitOfWork) -> None:
    with uow:
        for persona in PERSONAS:
            if persona.school_urn:
                school = uow.schools.get_by_urn(Urn(persona.school_urn))
                assert school.induction_tutor_email == persona.email
            if persona.appropriate_body:
                assert uow.appropriate_bodies.get_by_name(persona.appropriate_body).active
            if persona.staff_role:
                assert uow.dfe_staff_users.get_by_email(persona.email).role is persona.staff_role
        assert uow.teachers.find_by_trn(Trn(trns_to_try()[0])) is None


def test_seeding_twice_makes_the_demo_once(
    session_factory: sessionmaker[Session], clock: FixedClock, uow: SqlAlchemyUnitOfWork
) -> None:
    steps: list[tuple[str, int, int]] = []
    first = _seed(session_factory, clock, lambda *step: steps.append(step))
    rows = _rows_per_table(session_factory)

    assert steps[-1][1] == steps[-1][2] == len(steps) - 1
    assert first.created > 0
    assert rows["contract_periods"] == 6
    assert rows["schedules"] == 72
    assert rows["lead_providers"] >= 3
    assert rows["active_lead_providers"] == 6 * rows["lead_providers"]
    assert rows["gias_schools"] >= 50
    assert rows["schools"] >= 50
    assert 200 <= rows["teachers"] <= 400
    assert rows["dfe_staff_users"] == 4
    assert rows["statements"] == 34 * rows["active_lead_providers"]
    assert _declaration_states(session_factory) >= DECLARATION_STATES
    _assert_tokens_stored(uow)
    _assert_personas_seeded(uow)

    second = _seed(session_factory, clock)

    assert second.created == 0
    assert _rows_per_table(session_factory) == rows


def test_the_special_and_suggested_trns_are_in_trs_but_not_registered() -> None:
    records = demo_trs_records()
    registered = {plan.trn for plan in plan_teachers(plan_schools())}
    to_try = trns_to_try()

    assert sorted(special_trs_records()) == SPECIAL_TRNS
    assert set(SPECIAL_TRNS) <= set(records)
    assert to_try
    assert set(to_try) <= set(records)
    assert not registered & {*SPECIAL_TRNS, *to_try}
    assert registered <= set(records)
    readme = README.read_text()
    assert all(f"| {trn} |" in readme for trn in [*SPECIAL_TRNS, *to_try])


def test_each_demo_token_is_the_lead_providers_hyphenated_name() -> None:
    for name, token in DEMO_TOKENS.items():
        assert token == name.lower().replace(" ", "-")
