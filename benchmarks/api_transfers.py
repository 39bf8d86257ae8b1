"""How long a page of GET /participants/transfers and of GET /unfunded-mentors takes (its
read model's queries) when 20,000 ECTs train across 50 schools, a fifth of them moved
school, and 2,000 mentors train with nobody.
Run: .venv/bin/python benchmarks/api_transfers.py

Seeds PostgreSQL directly with bulk INSERTs (ECF2_BENCH_TRANSFERS_URL, default the database
`ecf2_bench_transfers` on 127.0.0.1, created if missing, emptied and reseeded on every run).

Goal (lead provider API issue): one page of 100 in 200 ms.
"""

from __future__ import annotations

import os
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

# The finance benchmark's seeding helpers: the scripts run from benchmarks/ side by side.
from finance_statement import empty, ensure_database, first_enum, many, one
from sqlalchemy import Engine, text

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.adapters.db.queries.api.transfers import SqlTransferReads, TransferFilters
from ecf2.adapters.db.queries.api.unfunded_mentors import (
    SqlUnfundedMentorReads,
    UnfundedMentorFilters,
)
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.participants.rules import GIAS_ESTABLISHMENT_TYPES

URL = os.environ.get(
    "ECF2_BENCH_TRANSFERS_URL",
    "postgresql+psycopg://postgres@127.0.0.1:5432/ecf2_bench_transfers",
)
GOAL_MS = 200.0
RUNS = 20
SCHOOLS, ECTS, MENTORS = 50, 20_000, 2_000
YEAR = 2025
TODAY = date(2025, 11, 20)
NOW = datetime(2025, 11, 20, 9, tzinfo=UTC)
LEFT_ON, JOINED_ON, STARTED_ON = date(2025, 10, 31), date(2025, 11, 3), date(2025, 9, 1)


def seed_contracts(connection: Any) -> tuple[list[int], list[list[int]], int]:
    """Two lead providers, each partnered with every school through one delivery partner."""
    one(
        connection,
        "contract_periods",
        year=YEAR,
        started_on=date(YEAR, 6, 1),
        finished_on=date(YEAR + 1, 5, 31),
        enabled=True,
    )
    schedule = one(
        connection,
        "schedules",
        contract_period_year=YEAR,
        identifier=first_enum("schedules", "identifier"),
    )
    schools = seed_schools(connection)
    providers, partnerships = [], []
    for name in ("Provider A", "Provider B"):
        provider = one(connection, "lead_providers", name=name, api_id=uuid.uuid4())
        alp = one(
            connection,
            "active_lead_providers",
            lead_provider_id=provider,
            contract_period_year=YEAR,
            api_id=uuid.uuid4(),
        )
        partner = one(
            connection,
            "delivery_partners",
            name=f"{name} Partner",
            api_id=uuid.uuid4(),
            created_at=NOW,
            api_updated_at=NOW,
        )
        link = one(
            connection,
            "lead_provider_delivery_partnerships",
            active_lead_provider_id=alp,
            delivery_partner_id=partner,
            api_id=uuid.uuid4(),
        )
        partnerships.append(
            [
                one(
                    connection,
                    "school_partnerships",
                    school_id=school,
                    lead_provider_delivery_partnership_id=link,
                    api_id=uuid.uuid4(),
                    created_at=NOW,
                    api_updated_at=NOW,
                )
                for school in schools
            ]
        )
        providers.append(provider)
    return providers, partnerships, schedule


def seed_schools(connection: Any) -> list[int]:
    schools = []
    for number in range(SCHOOLS):
        urn = str(100_001 + number)
        one(
            connection,
            "gias_schools",
            urn=urn,
            name=f"School {number}",
            type_name=sorted(GIAS_ESTABLISHMENT_TYPES)[0],
            status=first_enum("gias_schools", "status"),
            local_authority_code=1,
            section_41_approved=False,
            in_england=True,
        )
        schools.append(one(connection, "schools", urn=urn, api_id=uuid.uuid4()))
    return schools


def seed_teachers(connection: Any, count: int) -> list[int]:
    first = connection.scalar(text("SELECT coalesce(max(id), 0) FROM teachers"))
    many(
        connection,
        "teachers",
        [
            {
                "trn": str(2_000_000 + first + n),
                "trnless": False,
                "trs_first_name": "Bench",
                "trs_last_name": str(n),
                "api_id": uuid.uuid4(),
                "api_ect_training_record_id": uuid.uuid4(),
                "api_mentor_training_record_id": uuid.uuid4(),
                "api_updated_at": NOW,
            }
            for n in range(count)
        ],
    )
    return list(
        connection.execute(text("SELECT id FROM teachers WHERE id > :f ORDER BY id"), {"f": first})
        .scalars()
        .all()
    )


def seed_ects(connection: Any, partnerships: list[list[int]], schedule: int) -> list[int]:
    """Every fifth ECT left one school at the end of October for another, alternating the
    provider it joined; the rest stay. Returns the placements of the staying ECTs."""
    teachers = seed_teachers(connection, ECTS)
    stints = []
    for n, teacher in enumerate(teachers):
        school = n % SCHOOLS
        moved = n % 5 == 0
        stints.append((teacher, school, 0, STARTED_ON, LEFT_ON if moved else None))
        if moved:
            stints.append((teacher, (school + 1) % SCHOOLS, n % 2, JOINED_ON, None))
    school_ids = connection.execute(text("SELECT id FROM schools ORDER BY id")).scalars().all()
    many(
        connection,
        "ect_at_school_periods",
        [
            {"teacher_id": t, "school_id": school_ids[s], "started_on": on, "finished_on": off}
            for t, s, _, on, off in stints
        ],
    )
    placements = connection.execute(
        text("SELECT id FROM ect_at_school_periods ORDER BY id")
    ).scalars()
    many(
        connection,
        "training_periods",
        [
            {
                "teacher_id": t,
                "role": "ect",
                "ect_at_school_period_id": placement,
                "training_programme": "provider_led",
                "started_on": on,
                "finished_on": off,
                "schedule_id": schedule,
                "school_partnership_id": partnerships[provider][s],
            }
            for placement, (t, s, provider, on, off) in zip(placements, stints, strict=True)
        ],
    )
    return list(
        connection.execute(
            text("SELECT id FROM ect_at_school_periods WHERE finished_on IS NULL ORDER BY id")
        ).scalars()
    )


def seed_unfunded_mentors(connection: Any, ect_placements: list[int]) -> None:
    teachers = seed_teachers(connection, MENTORS)
    school_ids = connection.execute(text("SELECT id FROM schools ORDER BY id")).scalars().all()
    many(
        connection,
        "mentor_at_school_periods",
        [
            {
                "teacher_id": teacher,
                "school_id": school_ids[n % SCHOOLS],
                "started_on": STARTED_ON,
                "email": f"mentor{n}@example.com",
            }
            for n, teacher in enumerate(teachers)
        ],
    )
    mentors = connection.execute(text("SELECT id FROM mentor_at_school_periods ORDER BY id"))
    many(
        connection,
        "mentorship_periods",
        [
            {
                "ect_at_school_period_id": ect,
                "mentor_at_school_period_id": mentor,
                "started_on": JOINED_ON,
            }
            for ect, mentor in zip(ect_placements, mentors.scalars(), strict=False)
        ],
    )


def seed(engine: Engine) -> int:
    empty(engine)
    with engine.begin() as connection:
        providers, partnerships, schedule = seed_contracts(connection)
        staying = seed_ects(connection, partnerships, schedule)
        seed_unfunded_mentors(connection, staying)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    return providers[0]


def timings(run: Callable[[], Any]) -> list[float]:
    for _ in range(2):
        run()
    spent = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
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
    provider = seed(engine)
    print(f"Seeded {ECTS:,} ECTs and {MENTORS:,} mentors in {time.perf_counter() - started:.1f} s")
    sessions = make_session_factory(engine)
    transfers, mentors = SqlTransferReads(sessions), SqlUnfundedMentorReads(sessions)
    first = transfers.page(provider, TransferFilters(), (), Page(1, 100), today=TODAY)
    last = transfers.page(provider, TransferFilters(), (), Page(40, 100), today=TODAY)
    print(f"Transfers: first page {len(first)}, page 40 {len(last)} participants")
    one_id = first[0].api_id
    report(
        "transfers, first page of 100",
        timings(lambda: transfers.page(provider, TransferFilters(), (), Page(1, 100), today=TODAY)),
    )
    report(
        "transfers, page 40 of 100",
        timings(
            lambda: transfers.page(provider, TransferFilters(), (), Page(40, 100), today=TODAY)
        ),
    )
    # Every period was recorded by the seeding a moment ago: the filter keeps them all.
    since = TransferFilters(updated_since=datetime.now(UTC) - timedelta(days=1))
    report(
        "transfers updated since yesterday, first page of 100",
        timings(lambda: transfers.page(provider, since, (), Page(1, 100), today=TODAY)),
    )
    report(
        "transfers of one participant",
        timings(lambda: transfers.one(provider, one_id, today=TODAY)),
    )
    listed = mentors.page(provider, UnfundedMentorFilters(), (), Page(1, 100), today=TODAY)
    print(f"Unfunded mentors: first page {len(listed)}")
    report(
        "unfunded mentors, first page of 100",
        timings(
            lambda: mentors.page(provider, UnfundedMentorFilters(), (), Page(1, 100), today=TODAY)
        ),
    )
    engine.dispose()


if __name__ == "__main__":
    main()
