"""The schools and teachers of the plan, in bulk: GIAS records and schools, partnerships,
teachers, their school placements, training periods, mentorships and induction periods."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import attrs
from sqlalchemy import Connection, select, update

from ecf2.adapters.db.metadata import metadata
from ecf2.entrypoints.benchmark_data.bulk import insert_ids, insert_one, insert_rows
from ecf2.entrypoints.benchmark_data.plan import Person, SchoolPlan
from ecf2.entrypoints.benchmark_data.reference import Contracts

FIRST_NAMES = ("Amira", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hugo", "Isla", "Jon")
LAST_NAMES = ("Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fisher", "Green", "Hughes")
FIRST_TRN = 1_000_000


@attrs.frozen
class Trainings:
    """Per person, in the plan's order: the training period and the school placement."""

    training_periods: list[int]
    placements: list[int]


def started_on(plan: SchoolPlan) -> date:
    return date(plan.year, 9, 1)


def seed_schools(
    connection: Connection, plans: list[SchoolPlan], contracts: Contracts
) -> list[int]:
    insert_rows(connection, "gias_schools", [_gias(plan) for plan in plans])
    now = datetime.now(UTC)
    schools = insert_ids(
        connection,
        "schools",
        [
            {"urn": plan.urn, "api_id": uuid.uuid4(), "created_at": now, "api_updated_at": now}
            for plan in plans
        ],
    )
    insert_rows(
        connection,
        "school_funding_eligibilities",
        [_funding(plan, n) for n, plan in enumerate(plans)],
    )
    partnerships = [
        _partnership(plan, school, n, contracts, now)
        for n, (plan, school) in enumerate(zip(plans, schools, strict=True))
    ]
    insert_rows(connection, "school_partnerships", partnerships)
    return schools


def _gias(plan: SchoolPlan) -> dict[str, Any]:
    return {
        "urn": plan.urn,
        "name": plan.name,
        "type_name": "Community school",
        "status": "open",
        "local_authority_code": 100 + int(plan.urn) % 50,
        "section_41_approved": False,
        "in_england": True,
        "eligible": True,
    }


def _funding(plan: SchoolPlan, index: int) -> dict[str, Any]:
    return {
        "gias_school_urn": plan.urn,
        "contract_period_year": plan.year,
        "pupil_premium_uplift": index % 3 == 0,
        "sparsity_uplift": index % 7 == 0,
    }


def partner_index(plan_index: int, contracts: Contracts, plan: SchoolPlan) -> int:
    """Which of its lead provider's delivery partners the school's partnership is with."""
    return plan_index % len(contracts.cohorts[plan.year].partnerships[plan.provider])


def _partnership(
    plan: SchoolPlan, school: int, index: int, contracts: Contracts, now: datetime
) -> dict[str, Any]:
    partnerships = contracts.cohorts[plan.year].partnerships[plan.provider]
    return {
        "school_id": school,
        "lead_provider_delivery_partnership_id": partnerships[
            partner_index(index, contracts, plan)
        ],
        "api_id": uuid.uuid4(),
        "created_at": now,
        "api_updated_at": now,
    }


def seed_teachers(connection: Connection, people: list[Person]) -> list[int]:
    now = datetime.now(UTC)
    return insert_ids(connection, "teachers", [_teacher(person, now) for person in people])


def _teacher(person: Person, now: datetime) -> dict[str, Any]:
    n = person.number
    eligible_at = now - timedelta(days=400) if n % 20 else None
    return {
        "trn": str(FIRST_TRN + n),
        "trnless": False,
        "trs_first_name": FIRST_NAMES[n % len(FIRST_NAMES)],
        "trs_last_name": f"{LAST_NAMES[n // 10 % len(LAST_NAMES)]} {n}",
        "trs_induction_status": "InProgress" if person.role == "ect" else "Passed",
        "ect_first_became_eligible_for_training_at": eligible_at if person.role == "ect" else None,
        "mentor_first_became_eligible_for_training_at": eligible_at
        if person.role == "mentor"
        else None,
        "api_id": uuid.uuid4(),
        "api_ect_training_record_id": uuid.uuid4(),
        "api_mentor_training_record_id": uuid.uuid4(),
        "api_updated_at": now - timedelta(seconds=n),
    }


def seed_trainings(
    connection: Connection,
    plans: list[SchoolPlan],
    people: list[Person],
    teachers: list[int],
    schools: list[int],
    contracts: Contracts,
) -> Trainings:
    placements = [0] * len(people)
    for role in ("ect", "mentor"):
        mine = [n for n, person in enumerate(people) if person.role == role]
        rows = [
            _placement(plans[people[n].school], people[n], teachers[n], schools[people[n].school])
            for n in mine
        ]
        for n, placement in zip(
            mine, insert_ids(connection, f"{role}_at_school_periods", rows), strict=True
        ):
            placements[n] = placement
    partnerships = _partnership_ids(connection, schools)
    rows = [
        _training(
            plans[person.school],
            person,
            teachers[n],
            placements[n],
            partnerships[person.school],
            contracts,
        )
        for n, person in enumerate(people)
    ]
    return Trainings(insert_ids(connection, "training_periods", rows), placements)


def _partnership_ids(connection: Connection, schools: list[int]) -> list[int]:
    table = metadata.tables["school_partnerships"]
    by_school = dict(connection.execute(select(table.c.school_id, table.c.id)).all())
    return [by_school[school] for school in schools]


def _placement(plan: SchoolPlan, person: Person, teacher: int, school: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        "teacher_id": teacher,
        "school_id": school,
        "started_on": started_on(plan),
        "email": f"teacher{person.number}@bench.example.org",
    }
    if person.role == "ect":
        row["working_pattern"] = "part_time" if person.number % 9 == 0 else "full_time"
    return row


def _training(
    plan: SchoolPlan,
    person: Person,
    teacher: int,
    placement: int,
    partnership: int,
    contracts: Contracts,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "teacher_id": teacher,
        "role": person.role,
        f"{person.role}_at_school_period_id": placement,
        "training_programme": "provider_led",
        "started_on": started_on(plan),
        "school_partnership_id": partnership,
        "schedule_id": contracts.cohorts[plan.year].schedule_id,
    }
    if person.number % 50 == 1:  # a few withdrawn or deferred, which ends the period
        left = datetime.combine(started_on(plan) + timedelta(days=60), datetime.min.time(), UTC)
        kind = "withdrawn" if person.number % 100 == 1 else "deferred"
        reason = "withdrawal_reason" if kind == "withdrawn" else "deferral_reason"
        row |= {"finished_on": left.date(), f"{kind}_at": left, reason: "other"}
    return row


def seed_mentorships_and_inductions(
    connection: Connection,
    plans: list[SchoolPlan],
    people: list[Person],
    teachers: list[int],
    placements: list[int],
) -> None:
    mentors: dict[int, list[int]] = {}
    for n, person in enumerate(people):
        if person.role == "mentor":
            mentors.setdefault(person.school, []).append(placements[n])
    body = insert_one(
        connection,
        "appropriate_bodies",
        name="Bench Teaching School Hub",
        body_type="teaching_school_hub",
    )
    ects = [(n, person) for n, person in enumerate(people) if person.role == "ect"]
    insert_rows(
        connection,
        "mentorship_periods",
        [
            {
                "ect_at_school_period_id": placements[n],
                "mentor_at_school_period_id": mentors[person.school][
                    person.rank % len(mentors[person.school])
                ],
                "started_on": started_on(plans[person.school]),
            }
            for n, person in ects
            if person.school in mentors
        ],
    )
    insert_rows(
        connection,
        "induction_periods",
        [
            {
                "teacher_id": teachers[n],
                "appropriate_body_id": body,
                "started_on": started_on(plans[person.school]),
                "induction_programme": "fip",
                "training_programme": "provider_led",
            }
            for n, person in ects
        ],
    )
    placements_table = metadata.tables["ect_at_school_periods"]
    connection.execute(update(placements_table).values(school_reported_appropriate_body_id=body))
