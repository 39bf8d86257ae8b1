"""The benchmark's declarations: a started declaration for nine teachers in ten (paid),
and a retained-1 for a third of the ECTs (eligible on the next open statement). The tenth
teacher has none, so a benchmark can declare for them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection

from ecf2.entrypoints.benchmark_data.bulk import insert_rows
from ecf2.entrypoints.benchmark_data.people import partner_index, started_on
from ecf2.entrypoints.benchmark_data.plan import Person, SchoolPlan
from ecf2.entrypoints.benchmark_data.reference import Contracts

EVIDENCE = "training-event-attended"
STARTED_AFTER = timedelta(days=30)
RETAINED_AFTER = timedelta(days=150)


def without_declarations(person: Person) -> bool:
    return person.number % 10 == 0


def started_declaration_date(plan: SchoolPlan) -> datetime:
    return datetime.combine(started_on(plan) + STARTED_AFTER, time(10), UTC)


def seed_declarations(
    connection: Connection,
    plans: list[SchoolPlan],
    people: list[Person],
    training_periods: list[int],
    contracts: Contracts,
) -> int:
    rows = []
    for person, training in zip(people, training_periods, strict=True):
        if without_declarations(person):
            continue
        plan = plans[person.school]
        paid, open_ = contracts.cohorts[plan.year].statements[plan.provider]
        # Made with the delivery partner of the school's partnership (§2.3).
        made = {
            "training_period_id": training,
            "delivery_partner_when_created_id": contracts.delivery_partners[plan.provider][
                partner_index(person.school, contracts, plan)
            ],
        }
        rows.append(
            _declaration(plan, made, "started", started_declaration_date(plan), paid, "paid")
        )
        if person.role == "ect" and person.number % 3 == 0:
            on = started_declaration_date(plan) - STARTED_AFTER + RETAINED_AFTER
            rows.append(_declaration(plan, made, "retained-1", on, open_, "eligible"))
    insert_rows(connection, "declarations", rows)
    return len(rows)


def _declaration(
    plan: SchoolPlan, made: dict[str, int], kind: str, on: datetime, statement: int, status: str
) -> dict[str, Any]:
    return made | {
        "api_id": uuid.uuid4(),
        "declaration_type": kind,
        "declaration_date": on,
        "payment_status": status,
        "clawback_status": "no_clawback",
        "payment_statement_id": statement,
        "pupil_premium_uplift": False,
        "sparsity_uplift": False,
        "evidence_type": EVIDENCE if plan.year >= 2025 else None,
        "created_at": on,
        "api_updated_at": on,
    }
