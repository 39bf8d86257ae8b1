"""Who the demo's teachers are, drawn from the fake TRS data set: ECTs in induction
(cohorts 2022-2025), newly registered ECTs (2025, 2026), teachers who passed and now
mentor, and mentors; a fifth of TRS's people are left unregistered to try out."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from ecf2.adapters.trs.demo_data import DEMO_PEOPLE_COUNT, demo_people
from ecf2.adapters.trs.payloads import TrsPerson
from ecf2.domain.contracts import (
    DeclarationType,
    ScheduleIdentifier,
    ScheduleType,
    schedule_month_for,
)
from ecf2.domain.inductions import InductionOutcome, InductionProgramme
from ecf2.domain.participants import TrainingRole, TrsInductionStatus
from ecf2.entrypoints.demo.appropriate_bodies import LOCAL_AUTHORITY
from ecf2.entrypoints.demo.careers import InductionPlan, PlacementPlan, TeacherPlan, TrainingPlan
from ecf2.entrypoints.demo.declaration_dates import planned_dates
from ecf2.entrypoints.demo.life_events import apply_life_events, stop_a_mentor
from ecf2.entrypoints.demo.mentorships import assign_mentorships, in_dependency_order
from ecf2.entrypoints.demo.reference import DEMO_SEED, DEMO_TODAY
from ecf2.entrypoints.demo.schedules import milestones
from ecf2.entrypoints.demo.school_plan import SchoolPlan

ECF_START = date(2021, 9, 1)
MENTORS_WITHOUT_INDUCTION = 64
NEW_ECTS = {2025: 40, 2026: 40}
FULL_INDUCTION_TERMS = Decimal(6)
TWO_WEEKS = timedelta(days=14)


def contract_year_of(day: date) -> int:
    return day.year if day.month >= 6 else day.year - 1


def plan_teachers(schools: list[SchoolPlan]) -> list[TeacherPlan]:
    rng = random.Random(f"{DEMO_SEED}:teachers")
    groups = _by_induction_status(demo_people(DEMO_PEOPLE_COUNT))
    open_schools = [s for s in schools if s.trains_teachers and s.closed_on is None]
    closed = next(s for s in schools if s.trains_teachers and s.closed_on is not None)
    required = groups[TrsInductionStatus.REQUIRED_TO_COMPLETE]
    oldest = sorted(required, key=lambda person: person.date_of_birth)
    mentors = oldest[:MENTORS_WITHOUT_INDUCTION]
    plans = plan_mentors(mentors, open_schools, closed, rng)
    plans += [plan_passed(p, rng.choice(open_schools)) for p in groups[TrsInductionStatus.PASSED]]
    in_progress = groups[TrsInductionStatus.IN_PROGRESS]
    at_closed = [p for p in in_progress if _cohort(p) in (2023, 2024)][:2]
    in_induction = [
        plan_in_progress(person, closed if person in at_closed else rng.choice(open_schools))
        for person in in_progress
    ]
    newcomers = [person for person in required if person not in mentors]
    plans += in_induction + plan_new_ects(newcomers, open_schools, rng)
    apply_life_events(in_induction, open_schools, rng)
    stop_a_mentor(plans, date(2026, 3, 31))
    assign_mentorships(plans, rng)
    return in_dependency_order(plans)


def _cohort(person: TrsPerson) -> int | None:
    started_on = person.induction.start_date
    return None if started_on is None else contract_year_of(started_on)


def _by_induction_status(people: list[TrsPerson]) -> dict[TrsInductionStatus, list[TrsPerson]]:
    groups: dict[TrsInductionStatus, list[TrsPerson]] = {each: [] for each in TrsInductionStatus}
    for person in people:
        groups[person.induction.status].append(person)
    return groups


# Mentors.


def plan_mentors(
    people: list[TrsPerson], schools: list[SchoolPlan], closed: SchoolPlan, rng: random.Random
) -> list[TeacherPlan]:
    """Every school has a mentor from the start of ECF; one mentor moved when their
    school closed; the rest started in later years."""
    plans = [TeacherPlan(person) for person in people]
    for plan, school in zip(plans, schools, strict=False):
        add_mentor_placement(plan, school, ECF_START)
    mover = plans[len(schools)]
    add_mentor_placement(mover, closed, ECF_START, closed.closed_on)
    assert closed.closed_on is not None
    add_mentor_placement(mover, schools[0], closed.closed_on + timedelta(days=1), trained=False)
    for plan in plans[len(schools) + 1 :]:
        started_on = date(rng.choice((2022, 2023, 2024, 2025, 2026)), 9, 1)
        add_mentor_placement(plan, rng.choice(schools), started_on)
    return plans


def add_mentor_placement(
    plan: TeacherPlan,
    school: SchoolPlan,
    started_on: date,
    finished_on: date | None = None,
    *,
    trained: bool = True,
) -> None:
    placement = PlacementPlan(school, started_on, finished_on)
    plan.mentor_placements.append(placement)
    cohort = contract_year_of(started_on)
    choice = school.choices.get(cohort)
    if not trained or choice is None or not choice.provider_led:
        return
    replacement = int(plan.trn) % 13 == 0
    schedule_type = ScheduleType.REPLACEMENT if replacement else ScheduleType.STANDARD
    schedule = ScheduleIdentifier.of(schedule_type, schedule_month_for(started_on))
    training = TrainingPlan(TrainingRole.MENTOR, started_on, cohort, choice, schedule)
    placement.training.append(training)
    _complete_mentor_training(plan, training, finished_on)


def _complete_mentor_training(
    plan: TeacherPlan, training: TrainingPlan, finished_on: date | None
) -> None:
    """A completed declaration ends a mentor's funded training (api §3.6); from 2025
    only about half have got there."""
    completed = _completion_day(plan.trn, training)
    finishes = training.cohort < 2025 or int(plan.trn) % 2 == 0
    in_time = completed is not None and completed <= DEMO_TODAY - TWO_WEEKS
    in_placement = finished_on is None or (completed is not None and completed <= finished_on)
    if training.declarable and finishes and in_time and in_placement:
        training.finished_on = plan.mentor_completed_on = completed
    if training.finished_on is None:
        training.finished_on = finished_on


def _completion_day(trn: str, training: TrainingPlan) -> date | None:
    assert training.schedule is not None
    dates = planned_dates(
        milestones(training.cohort, training.schedule),
        training.started_on,
        training.role,
        training.cohort,
        training_key(trn, training.role, training.cohort),
    )
    return dict(dates).get(DeclarationType.COMPLETED)


def training_key(trn: str, role: TrainingRole, cohort: int) -> str:
    return f"{trn}:{role}:{cohort}"


# ECTs.


def add_ect_placement(
    plan: TeacherPlan,
    school: SchoolPlan,
    started_on: date,
    cohort: int,
    *,
    claimed: bool = True,
    schedule_type: ScheduleType = ScheduleType.STANDARD,
) -> PlacementPlan:
    placement = PlacementPlan(school, started_on)
    choice = school.choice(cohort)
    schedule = None
    if choice.provider_led:
        schedule = ScheduleIdentifier.of(schedule_type, schedule_month_for(started_on))
    placement.training.append(TrainingPlan(TrainingRole.ECT, started_on, cohort, choice, schedule))
    plan.ect_placements.append(placement)
    if claimed:
        programme = InductionProgramme.FIP if choice.provider_led else InductionProgramme.CIP
        body = school.appropriate_body or LOCAL_AUTHORITY
        induction = InductionPlan(body, started_on, programme, provider_led=choice.provider_led)
        plan.inductions.append(induction)
    return placement


def plan_in_progress(person: TrsPerson, school: SchoolPlan) -> TeacherPlan:
    plan = TeacherPlan(person)
    started_on = person.induction.start_date
    assert started_on is not None
    add_ect_placement(plan, school, started_on, contract_year_of(started_on))
    return plan


def plan_passed(person: TrsPerson, school: SchoolPlan) -> TeacherPlan:
    """Passed induction (before ECF, or as an ECT here) and now mentors."""
    plan = TeacherPlan(person)
    started_on, passed_on = person.induction.start_date, person.induction.completed_date
    assert started_on is not None
    assert passed_on is not None
    if started_on < ECF_START:
        before = InductionProgramme.PRE_SEPTEMBER_2021
        plan.inductions.append(InductionPlan(LOCAL_AUTHORITY, started_on, before))
    else:
        placement = add_ect_placement(plan, school, started_on, contract_year_of(started_on))
        placement.finished_on = placement.training[0].finished_on = passed_on
    induction = plan.inductions[0]
    induction.finished_on, induction.number_of_terms = passed_on, FULL_INDUCTION_TERMS
    induction.outcome = InductionOutcome.PASS
    add_mentor_placement(plan, school, date(passed_on.year, 9, 1))
    return plan


def plan_new_ects(
    people: list[TrsPerson], schools: list[SchoolPlan], rng: random.Random
) -> list[TeacherPlan]:
    """Registered for 2025 (all claimed by an appropriate body) and 2026 (some not yet)."""
    plans = []
    cohort_2025 = [p for p in people if p.qts and p.qts.holds_from.year <= 2025]
    for n, person in enumerate(cohort_2025[: NEW_ECTS[2025]]):
        started_on = date(2026, 1, 5) if n % 10 == 9 else date(2025, 9, 1 + n % 14)
        reduced = ScheduleType.REDUCED if n % 20 == 3 else ScheduleType.STANDARD
        plan = TeacherPlan(person)
        add_ect_placement(plan, rng.choice(schools), started_on, 2025, schedule_type=reduced)
        plans.append(plan)
    cohort_2026 = [p for p in people if p.qts and p.qts.holds_from.year == 2026]
    for n, person in enumerate(cohort_2026[: NEW_ECTS[2026]]):
        started_on = date(2026, 11, 2) if n % 8 == 7 else date(2026, 9, 1 + n % 14)
        claimed = n % 5 not in (1, 4) and started_on.month == 9
        plan = TeacherPlan(person)
        add_ect_placement(plan, rng.choice(schools), started_on, 2026, claimed=claimed)
        plans.append(plan)
    return plans


def registered_trns(plans: list[TeacherPlan]) -> set[str]:
    return {plan.trn for plan in plans}
