"""Benchmark data in bulk: many teachers across many schools for the lead provider API,
and one large school for the school home (`ecf2 seed benchmark`)."""

from __future__ import annotations

from datetime import date

import attrs
from sqlalchemy import Engine, text

from ecf2.adapters.db.metadata import metadata
from ecf2.entrypoints.benchmark_data.declarations import seed_declarations
from ecf2.entrypoints.benchmark_data.people import (
    seed_mentorships_and_inductions,
    seed_schools,
    seed_teachers,
    seed_trainings,
)
from ecf2.entrypoints.benchmark_data.plan import people_of, school_plans
from ecf2.entrypoints.benchmark_data.reference import TOKENS, seed_contracts


@attrs.frozen
class BenchmarkSummary:
    schools: int
    teachers: int
    declarations: int


def empty_database(engine: Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


def seed_benchmark(
    engine: Engine, teachers: int, large_school_ects: int, today: date
) -> BenchmarkSummary:
    """Into an empty database, in one transaction."""
    plans = school_plans(teachers, large_school_ects)
    people = people_of(plans)
    with engine.begin() as connection:
        contracts = seed_contracts(connection, today)
        schools = seed_schools(connection, plans, contracts)
        teacher_ids = seed_teachers(connection, people)
        trainings = seed_trainings(connection, plans, people, teacher_ids, schools, contracts)
        seed_mentorships_and_inductions(
            connection, plans, people, teacher_ids, trainings.placements
        )
        declarations = seed_declarations(
            connection, plans, people, trainings.training_periods, contracts
        )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    return BenchmarkSummary(len(plans), len(people), declarations)


__all__ = ["TOKENS", "BenchmarkSummary", "empty_database", "seed_benchmark"]
