"""How long one lead provider's statement takes to compute end to end (its three aggregate
queries and the calculation) when the provider has 100,000 declarations over 36 statements.
Run: .venv/bin/python benchmarks/finance_statement.py

Seeds PostgreSQL directly with bulk INSERTs (ECF2_BENCH_POSTGRES_URL, default the database
`ecf2_bench` on 127.0.0.1, created if missing, emptied and reseeded on every run), then
times the last statement (the one with the longest history) and a middle one.

Goal (finance issue): one statement in 200 ms.
"""

from __future__ import annotations

import os
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.adapters.db.queries.statements import SqlStatementCalculationReads
from ecf2.domain.participants.rules import GIAS_ESTABLISHMENT_TYPES
from ecf2.domain.payments.services import StatementCalculationService
from ecf2.domain.shared.declaration_types import DeclarationType

URL = os.environ.get(
    "ECF2_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/ecf2_bench"
)
GOAL_MS = 200.0
RUNS = 40
STATEMENTS = 36
ECTS, MENTORS = 10_000, 5_000  # 10,000 x 9 types + 5,000 x 2 types = 100,000 declarations
YEAR = 2025
NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
ONE_DAY = timedelta(days=1)


def ensure_database(url: str) -> None:
    target = make_url(url)
    server = make_engine(str(target.set(database="postgres")))
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    server.dispose()


def empty(engine: Engine) -> None:
    names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


def one(connection: Any, table: str, **values: Any) -> int:
    return connection.execute(insert(metadata.tables[table]).values(**values)).inserted_primary_key[
        0
    ]


def many(connection: Any, table: str, rows: list[dict[str, Any]]) -> None:
    connection.execute(insert(metadata.tables[table]), rows)


def first_enum(table: str, column: str) -> str:
    return metadata.tables[table].c[column].type.enums[0]


def seed_contract(connection: Any) -> tuple[int, int, int]:
    one(
        connection,
        "contract_periods",
        year=YEAR,
        started_on=date(YEAR, 6, 1),
        finished_on=date(YEAR + 1, 5, 31),
        mentor_funding_enabled=True,
    )
    lead_provider = one(connection, "lead_providers", name="Bench Provider", api_id=uuid.uuid4())
    alp = one(
        connection,
        "active_lead_providers",
        lead_provider_id=lead_provider,
        contract_period_year=YEAR,
        api_id=uuid.uuid4(),
    )
    contract = one(
        connection,
        "contracts",
        active_lead_provider_id=alp,
        contract_type="ittecf_ectp",
        vat_rate=Decimal("0.20"),
    )
    structure = one(
        connection,
        "contract_banded_fee_structures",
        contract_id=contract,
        recruitment_target=20_000,
        uplift_fee_per_declaration=Decimal(100),
        setup_fee=Decimal(0),
    )
    for order, (capacity, price) in enumerate(((4000, 1400), (3000, 1300), (3000, 1200)), 1):
        band = one(
            connection,
            "active_lead_provider_bands",
            active_lead_provider_id=alp,
            allocation_order=order,
            capacity=capacity,
        )
        one(
            connection,
            "contract_banded_fee_structure_band_terms",
            banded_fee_structure_id=structure,
            band_id=band,
            fee_per_declaration=Decimal(price),
            output_fee_ratio=Decimal("0.60"),
            service_fee_ratio=Decimal("0.40"),
        )
    one(
        connection,
        "contract_flat_rate_fee_structures",
        contract_id=contract,
        recruitment_target=5000,
        fee_per_declaration=Decimal(1000),
    )
    return lead_provider, alp, contract


def statement_rows(alp: int, contract: int) -> Iterator[dict[str, Any]]:
    # Monthly from November 2024; all output, so every statement holds declarations.
    for index in range(STATEMENTS):
        year, month = divmod(2024 * 12 + 10 + index, 12)
        month += 1
        yield {
            "api_id": uuid.uuid4(),
            "contract_id": contract,
            "active_lead_provider_id": alp,
            "month": month,
            "year": year,
            "deadline_date": date(year, month, 1) - ONE_DAY,
            "payment_date": date(year, month, 25),
            "fee_type": "output",
            "status": "paid" if index < 30 else "payable" if index < 34 else "open",
            "api_updated_at": NOW,
            "created_at": NOW,
        }


def seed_people(connection: Any, alp: int) -> list[tuple[int, str]]:
    """One school; a teacher, a placement and a training period for each participant."""
    urn = "100001"
    one(
        connection,
        "gias_schools",
        urn=urn,
        name="Bench School",
        type_name=sorted(GIAS_ESTABLISHMENT_TYPES)[0],
        status=first_enum("gias_schools", "status"),
        local_authority_code=1,
        section_41_approved=False,
        in_england=True,
    )
    school = one(connection, "schools", urn=urn, api_id=uuid.uuid4())
    schedule = one(
        connection,
        "schedules",
        contract_period_year=YEAR,
        identifier=first_enum("schedules", "identifier"),
    )
    people = [("ect", n) for n in range(ECTS)] + [("mentor", n) for n in range(MENTORS)]
    many(
        connection,
        "teachers",
        [
            {
                "trn": str(2_000_000 + n),
                "trnless": False,
                "api_id": uuid.uuid4(),
                "api_ect_training_record_id": uuid.uuid4(),
                "api_mentor_training_record_id": uuid.uuid4(),
            }
            for n in range(len(people))
        ],
    )
    teachers = connection.execute(text("SELECT id FROM teachers ORDER BY id")).scalars().all()
    for role in ("ect", "mentor"):
        mine = [teacher for teacher, (who, _) in zip(teachers, people, strict=True) if who == role]
        many(
            connection,
            f"{role}_at_school_periods",
            [
                {"teacher_id": teacher, "school_id": school, "started_on": date(YEAR, 9, 1)}
                for teacher in mine
            ],
        )
        placements = connection.execute(
            text(f"SELECT id, teacher_id FROM {role}_at_school_periods ORDER BY id")
        ).all()
        many(
            connection,
            "training_periods",
            [
                {
                    "teacher_id": teacher,
                    "role": role,
                    f"{role}_at_school_period_id": placement,
                    "training_programme": "provider_led",
                    "started_on": date(YEAR, 9, 1),
                    "schedule_id": schedule,
                    "expression_of_interest_id": alp,
                }
                for placement, teacher in placements
            ],
        )
    return connection.execute(text("SELECT id, role FROM training_periods ORDER BY id")).all()


def declaration_rows(
    trainings: list[tuple[int, str]], statements: list[int]
) -> list[dict[str, Any]]:
    rows, number = [], 0
    mentor_types = (DeclarationType.STARTED, DeclarationType.COMPLETED)
    for training, role in trainings:
        for kind in DeclarationType if role == "ect" else mentor_types:
            rows.append(declaration(training, kind, number, statements))
            number += 1
    return rows


def declaration(
    training: int, kind: DeclarationType, number: int, statements: list[int]
) -> dict[str, Any]:
    index = number % STATEMENTS
    status = "paid" if index < 30 else "payable" if index < 34 else "eligible"
    row: dict[str, Any] = {
        "api_id": uuid.uuid4(),
        "training_period_id": training,
        "declaration_type": kind.value,
        "declaration_date": NOW,
        "created_at": NOW,
        "api_updated_at": NOW,
        "payment_status": status,
        "payment_statement_id": statements[index],
        "clawback_status": "no_clawback",
        "clawback_statement_id": None,
        "pupil_premium_uplift": kind is DeclarationType.STARTED and number % 10 == 0,
        "sparsity_uplift": False,
    }
    if number % 50 == 7:
        row["payment_status"] = "voided"
    elif status == "paid" and number % 40 == 3:
        # Clawed back on a later statement: clawed back if that one is paid too.
        later = min(index + 4, STATEMENTS - 1)
        row["clawback_statement_id"] = statements[later]
        row["clawback_status"] = "clawed_back" if later < 30 else "awaiting_clawback"
    return row


def seed(engine: Engine) -> list[uuid.UUID]:
    empty(engine)
    with engine.begin() as connection:
        _, alp, contract = seed_contract(connection)
        statement_list = list(statement_rows(alp, contract))
        many(connection, "statements", statement_list)
        ids = (
            connection.execute(text("SELECT id FROM statements ORDER BY payment_date"))
            .scalars()
            .all()
        )
        trainings = seed_people(connection, alp)
        many(connection, "declarations", declaration_rows(trainings, ids))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    return [row["api_id"] for row in statement_list]


def timings(service: StatementCalculationService, api_id: uuid.UUID) -> list[float]:
    for _ in range(3):
        service.calculate(api_id)
    spent = []
    for _ in range(RUNS):
        started = time.perf_counter()
        service.calculate(api_id)
        spent.append((time.perf_counter() - started) * 1000)
    return spent


def report(label: str, spent: list[float]) -> None:
    p50 = statistics.median(spent)
    p95 = statistics.quantiles(spent, n=20)[18]
    print(
        f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(spent)} runs; "
        f"p95 / goal = {p95 / GOAL_MS:.2f} (goal {GOAL_MS:.0f} ms)"
    )


def main() -> None:
    ensure_database(URL)
    upgrade_to_head(URL)
    engine = make_engine(URL)
    started = time.perf_counter()
    api_ids = seed(engine)
    with engine.connect() as connection:
        count = connection.scalar(text("SELECT count(*) FROM declarations"))
    print(
        f"Seeded {count:,} declarations over {len(api_ids)} statements "
        f"in {time.perf_counter() - started:.1f} s"
    )
    service = StatementCalculationService(
        SqlStatementCalculationReads(make_session_factory(engine))
    )
    total = service.calculate(api_ids[-1]).total
    print(f"Last statement's total with VAT: £{total:,.2f}")
    report("last statement (35 earlier statements)", timings(service, api_ids[-1]))
    report("middle statement (17 earlier statements)", timings(service, api_ids[17]))
    engine.dispose()


if __name__ == "__main__":
    main()
