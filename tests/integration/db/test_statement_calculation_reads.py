"""The statement read model over the demo data: its grouped counts agree with counting the
declarations one by one, the calculated statement agrees with the calculator fed by hand,
and one statement costs three SQL statements (finance-and-payments §3.2, §5.1, §5.2)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.adapters.db.payments_rows import DeclarationRow, StatementRow
from ecf2.adapters.db.queries.statements import SqlStatementCalculationReads
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.payments import Statement
from ecf2.domain.payments.calculator import (
    Band,
    BandedFeeStructure,
    ContractTerms,
    DeclarationCounts,
    DeclarationSet,
    FlatRateFeeStructure,
    StatementCalculation,
    StatementCounts,
    calculate_statement,
)
from ecf2.domain.payments.declarations import BILLABLE, REFUNDABLE, PaymentStatus
from ecf2.domain.payments.services import StatementCalculationService
from ecf2.domain.shared.clock import FixedClock
from ecf2.domain.shared.errors import NotFound
from ecf2.entrypoints.demo import seed_demo
from ecf2.entrypoints.demo.finance import statement_api_id

pytestmark = pytest.mark.payments

Tally = dict[int, dict[str, dict[tuple[str, str, bool], int]]]
# Demo statements worth calculating: an `ittecf_ectp` one with an adjustment, `ecf` ones
# with uplifts and clawbacks, an open one and a service fee one.
PICKS = [
    ("Ambition Institute", 2025, (2026, 11)),
    ("Ambition Institute", 2024, (2026, 11)),
    ("Teach First", 2023, (2026, 8)),
    ("Best Practice Network", 2022, (2025, 4)),
    ("Ambition Institute", 2025, (2027, 1)),
    ("Teach First", 2025, (2026, 10)),
]


@pytest.fixture
def demo(session_factory: sessionmaker[Session], clock: FixedClock) -> None:
    seed_demo(lambda: SqlAlchemyUnitOfWork(session_factory, clock), clock)


@pytest.fixture
def reads(session_factory: sessionmaker[Session]) -> SqlStatementCalculationReads:
    return SqlStatementCalculationReads(session_factory)


def _tally_one_by_one(session_factory: sessionmaker[Session]) -> Tally:
    """Every declaration read as a row and counted in Python, per statement and role."""
    tally: Tally = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    query = select(DeclarationRow, TrainingPeriodRow.role).join(
        TrainingPeriodRow, TrainingPeriodRow.id == DeclarationRow.training_period_id
    )
    with session_factory() as session:
        for declaration, role in session.execute(query):
            uplift = declaration.pupil_premium_uplift or declaration.sparsity_uplift
            kind = declaration.declaration_type.value
            if declaration.payment_status in BILLABLE:
                tally[declaration.payment_statement_id][role.value][kind, "billable", uplift] += 1
            if declaration.payment_status is PaymentStatus.VOIDED:
                tally[declaration.payment_statement_id][role.value][kind, "voided", uplift] += 1
            if declaration.clawback_status in REFUNDABLE:
                tally[declaration.clawback_statement_id][role.value][
                    kind, "refundable", uplift
                ] += 1
    return tally


def _counts(groups: dict[tuple[str, str, bool], int], *, current: bool) -> DeclarationCounts:
    return DeclarationCounts.of(
        (kind, kind_of_set, uplift, count)
        for (kind, kind_of_set, uplift), count in groups.items()
        if current or kind_of_set != DeclarationSet.VOIDED
    )


def _statement_counts(tally: Tally, statement: Any, *, current: bool) -> StatementCounts:
    roles = tally.get(statement.id, {})
    return StatementCounts(
        payment_date=statement.payment_date,
        ects=_counts(roles.get("ect", {}), current=current),
        mentors=_counts(roles.get("mentor", {}), current=current),
    )


def _history_by_hand(tally: Tally, siblings: list[Any], this: Any) -> dict[date, StatementCounts]:
    """This statement and the provider's statements paid earlier that hold declarations."""
    history = {this.payment_date: _statement_counts(tally, this, current=True)}
    for other in siblings:
        if other.payment_date < this.payment_date:
            counts = _statement_counts(tally, other, current=False)
            if counts.everyone.by_key:
                history[other.payment_date] = counts
    return history


def _by_provider(statements: list[Any]) -> dict[int, list[Any]]:
    siblings: dict[int, list[Any]] = defaultdict(list)
    for statement in statements:
        siblings[statement.active_lead_provider_id].append(statement)
    return siblings


def _all_statements(session_factory: sessionmaker[Session]) -> list[Any]:
    with session_factory() as session:
        return list(session.execute(select(StatementRow)).scalars())


@pytest.mark.usefixtures("demo")
def test_the_grouped_counts_of_the_demo_statements_agree_with_counting_one_by_one(
    session_factory: sessionmaker[Session], reads: SqlStatementCalculationReads
) -> None:
    tally = _tally_one_by_one(session_factory)
    statements = _all_statements(session_factory)
    siblings = _by_provider(statements)
    assert sum(1 for statement in statements if statement.id in tally) > 100
    # Declarations land on output statements only; one provider's service ones stand for all.
    first_provider = statements[0].active_lead_provider_id
    for statement in statements:
        if statement.fee_type != "output" and statement.active_lead_provider_id != first_provider:
            continue
        read = reads.to_calculate(statement.api_id)
        assert read.counts == _statement_counts(tally, statement, current=True), statement.id
        by_hand = _history_by_hand(tally, siblings[statement.active_lead_provider_id], statement)
        assert {counts.payment_date: counts for counts in read.statements} == by_hand


def _terms_by_hand(uow: SqlAlchemyUnitOfWork, statement: Statement) -> ContractTerms:
    contract = uow.contracts.get(statement.contract_id)
    alp = uow.active_lead_providers.get(contract.active_lead_provider_id)
    capacities = {band.id: band.capacity for band in alp.bands}
    structure = contract.banded
    flat_rate = contract.flat_rate_fee_structure
    return ContractTerms(
        contract_type=contract.contract_type.value,
        banded=BandedFeeStructure(
            bands=[
                Band(
                    capacity=capacities[term.band_id],
                    fee_per_declaration=term.fee_per_declaration,
                    output_fee_ratio=term.output_fee_ratio,
                    service_fee_ratio=term.service_fee_ratio,
                )
                for term in structure.band_terms
            ],
            recruitment_target=structure.recruitment_target,
            setup_fee=structure.setup_fee,
            uplift_fee_per_declaration=structure.uplift_fee_per_declaration,
            monthly_service_fee=structure.monthly_service_fee,
        ),
        flat_rate=None
        if flat_rate is None
        else FlatRateFeeStructure(fee_per_declaration=flat_rate.fee_per_declaration),
        vat_rate=contract.vat_rate,
        lead_provider_vat_registered=uow.lead_providers.get(alp.lead_provider_id).vat_registered,
    )


def _by_hand(
    uow: SqlAlchemyUnitOfWork, tally: Tally, siblings: dict[int, list[Any]], api_id: Any
) -> StatementCalculation:
    with uow:
        statement = uow.statements.get_by_api_id(api_id)
        terms = _terms_by_hand(uow, statement)
    this = next(row for row in siblings[statement.active_lead_provider_id] if row.api_id == api_id)
    history = _history_by_hand(tally, siblings[statement.active_lead_provider_id], this)
    return calculate_statement(
        terms,
        history[statement.payment_date],
        history.values(),
        [adjustment.amount for adjustment in statement.adjustments],
    )


@pytest.fixture
def statements_issued(engine: Engine) -> Iterator[list[str]]:
    issued: list[str] = []

    def count(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        issued.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield issued
    event.remove(engine, "before_cursor_execute", count)


@pytest.mark.usefixtures("demo")
def test_calculated_demo_statements_match_the_calculator_fed_by_hand_in_three_sql_statements(
    session_factory: sessionmaker[Session],
    reads: SqlStatementCalculationReads,
    uow: SqlAlchemyUnitOfWork,
    statements_issued: list[str],
) -> None:
    tally = _tally_one_by_one(session_factory)
    siblings = _by_provider(_all_statements(session_factory))
    service = StatementCalculationService(reads)
    for lead_provider, year, month in PICKS:
        api_id = statement_api_id(lead_provider, year, month)
        by_hand = _by_hand(uow, tally, siblings, api_id)
        statements_issued.clear()

        calculated = service.calculate(api_id)

        assert len(statements_issued) <= 3, statements_issued
        assert calculated == by_hand, (lead_provider, year, month)
        assert calculated.total != 0


def test_an_unknown_statement_is_not_found(reads: SqlStatementCalculationReads) -> None:
    with pytest.raises(NotFound):
        reads.to_calculate(statement_api_id("Nobody", 2025, (2026, 11)))
