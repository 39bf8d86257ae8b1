"""Who the benchmark data holds: schools of about a hundred teachers, two thirds ECTs and a
third mentors, each school trained by one lead provider in one cohort, the two providers in
turn; and, first, one large school (the one the first school persona signs in to) for the
school home lists."""

from __future__ import annotations

import attrs

from ecf2.entrypoints.demo.personas import PERSONAS, PersonaKind

TEACHERS_PER_SCHOOL = 100
ECTS_PER_SCHOOL = 67
FIRST_URN = 200_000


@attrs.frozen
class SchoolPlan:
    urn: str
    name: str
    provider: int  # index into the lead providers
    year: int
    ects: int
    mentors: int


@attrs.frozen
class Person:
    """One teacher: `number` counts every teacher; `rank` counts those of the role at the school."""

    number: int
    school: int  # index into the plans
    role: str
    rank: int


def large_school_urn() -> str:
    return next(
        each.school_urn
        for each in PERSONAS
        if each.kind is PersonaKind.SCHOOL_USER and each.school_urn
    )


def school_plans(teachers: int, large_school_ects: int) -> list[SchoolPlan]:
    plans = []
    if large_school_ects:
        mentors = max(1, large_school_ects // 2)
        plans.append(
            SchoolPlan(
                large_school_urn(), "Bench Large School", 0, 2025, large_school_ects, mentors
            )
        )
        teachers -= large_school_ects + mentors
    index = 0
    while teachers > 0:
        size = min(TEACHERS_PER_SCHOOL, teachers)
        ects = max(1, size * ECTS_PER_SCHOOL // TEACHERS_PER_SCHOOL)
        year = 2024 if index % 4 == 0 else 2025
        plans.append(
            SchoolPlan(
                str(FIRST_URN + index),
                f"Bench School {index}",
                (index + 1) % 2,
                year,
                ects,
                size - ects,
            )
        )
        teachers -= size
        index += 1
    return plans


def people_of(plans: list[SchoolPlan]) -> list[Person]:
    people: list[Person] = []
    for school, plan in enumerate(plans):
        for role, count in (("ect", plan.ects), ("mentor", plan.mentors)):
            people += [Person(len(people) + rank, school, role, rank) for rank in range(count)]
    return people
