"""What happens to some ECTs after they start: moving school (one placement finishes,
the next starts the day after), leaving teaching, switching to school-led training,
deferring (and sometimes coming back), and training part-time on an extended schedule."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from ecf2.domain.contracts import ScheduleIdentifier, ScheduleType, schedule_month_for
from ecf2.domain.inductions import InductionProgramme
from ecf2.domain.participants import DeferralReason, TrainingRole, WithdrawalReason
from ecf2.entrypoints.demo.careers import InductionPlan, PlacementPlan, TeacherPlan, TrainingPlan
from ecf2.entrypoints.demo.reference import DEMO_TODAY, ONE_DAY, at
from ecf2.entrypoints.demo.school_plan import SchoolPlan, YearChoice

TERM_ENDS = ((12, 31), (3, 31), (7, 31))
DAYS_PER_TERM = Decimal("121.75")
EXTENSION_TERMS = Decimal(2)
DEFERRAL_REASONS = (
    DeferralReason.PARENTAL_LEAVE,
    DeferralReason.LONG_TERM_SICKNESS,
    DeferralReason.CAREER_BREAK,
)
Event = Callable[[TeacherPlan, date, list[SchoolPlan], random.Random], None]


def apply_life_events(
    plans: list[TeacherPlan], schools: list[SchoolPlan], rng: random.Random
) -> None:
    for plan in plans:
        closed_on = plan.ect_placements[-1].school.closed_on
        if closed_on is not None:
            move_school(plan, closed_on, schools, rng)
    candidates = [plan for plan in plans if _may_change(plan)]
    rng.shuffle(candidates)
    events: list[tuple[Event, int]] = [
        (move_school, 5), (leave_teaching, 2), (switch_to_school_led, 2), (defer, 3),
    ]  # fmt: skip
    for event, count in events:
        for plan in _take(candidates, count, rng):
            event(plan, rng.choice(_event_days(plan)), schools, rng)
    for plan in [plan for plan in candidates if _current_training(plan).cohort == 2024][:2]:
        train_part_time(plan)
    extend_inductions(candidates)


def _may_change(plan: TeacherPlan) -> bool:
    training = _current_training(plan)
    return (
        len(plan.ect_placements) == 1
        and training.declarable
        and 2023 <= training.cohort <= 2025
        and training.started_on < DEMO_TODAY - timedelta(days=150)
    )


def _take(candidates: list[TeacherPlan], count: int, rng: random.Random) -> list[TeacherPlan]:
    taken = [plan for plan in candidates if _event_days(plan)][:count]
    for plan in taken:
        candidates.remove(plan)
    return taken


def _event_days(plan: TeacherPlan) -> list[date]:
    started_on = _current_training(plan).started_on
    ends = [date(started_on.year + n, m, d) for n in range(3) for m, d in TERM_ENDS]
    late_enough, latest = started_on + timedelta(days=90), DEMO_TODAY - timedelta(days=30)
    return sorted(day for day in ends if late_enough < day <= latest)


def _current_training(plan: TeacherPlan) -> TrainingPlan:
    return plan.ect_placements[-1].training[-1]


def terms_between(started_on: date, finished_on: date) -> Decimal:
    terms = Decimal((finished_on - started_on).days) / DAYS_PER_TERM
    return min(terms, Decimal(16)).quantize(Decimal("0.1"))


def _finish_training(training: TrainingPlan, on: date) -> None:
    if training.finished_on is None or training.finished_on > on:
        training.finished_on = on


def _withdraw(training: TrainingPlan, on: date, reason: WithdrawalReason) -> None:
    _finish_training(training, on)
    if training.declarable:
        training.withdrawn, training.acted_at = reason, at(on + 3 * ONE_DAY, 10)


def _finish_induction(plan: TeacherPlan, on: date) -> None:
    current = plan.inductions[-1]
    current.finished_on = on
    current.number_of_terms = terms_between(current.started_on, on)


def move_school(plan: TeacherPlan, on: date, schools: list[SchoolPlan], rng: random.Random) -> None:
    """Leaves on `on`; the next school has them from the day after."""
    old = plan.ect_placements[-1]
    to = rng.choice([school for school in schools if school is not old.school])
    training = old.training[-1]
    old.finished_on = on
    choice = to.choice(training.cohort)
    if choice.lead_provider != training.choice.lead_provider:
        _withdraw(training, on, WithdrawalReason.MOVED_SCHOOL)
    _finish_training(training, on)
    starts = on + ONE_DAY
    schedule = training.schedule or ScheduleIdentifier.of(
        ScheduleType.STANDARD, schedule_month_for(starts)
    )
    new = PlacementPlan(to, starts)
    new.training.append(
        TrainingPlan(TrainingRole.ECT, starts, training.cohort, choice,
                     schedule if choice.provider_led else None)
    )  # fmt: skip
    plan.ect_placements.append(new)
    if plan.inductions and plan.inductions[-1].appropriate_body != to.appropriate_body:
        _finish_induction(plan, on)
        programme = InductionProgramme.FIP if choice.provider_led else InductionProgramme.CIP
        body = to.appropriate_body or plan.inductions[-1].appropriate_body
        plan.inductions.append(
            InductionPlan(body, starts, programme, provider_led=choice.provider_led)
        )


def leave_teaching(plan: TeacherPlan, on: date, *_: object) -> None:
    placement = plan.ect_placements[-1]
    placement.finished_on = on
    _withdraw(placement.training[-1], on, WithdrawalReason.LEFT_TEACHING_PROFESSION)
    _finish_induction(plan, on)


def switch_to_school_led(plan: TeacherPlan, on: date, *_: object) -> None:
    placement = plan.ect_placements[-1]
    training = placement.training[-1]
    _withdraw(training, on, WithdrawalReason.SWITCHED_TO_SCHOOL_LED)
    placement.training.append(
        TrainingPlan(TrainingRole.ECT, on + ONE_DAY, training.cohort, YearChoice())
    )


def defer(plan: TeacherPlan, on: date, _schools: object, rng: random.Random) -> None:
    """Deferred by the lead provider; some come back half a year later on new training."""
    placement = plan.ect_placements[-1]
    training = placement.training[-1]
    _finish_training(training, on)
    training.deferred, training.acted_at = rng.choice(DEFERRAL_REASONS), at(on + 2 * ONE_DAY, 10)
    back = on + timedelta(days=190)
    if back <= DEMO_TODAY - timedelta(days=30) and rng.random() < 0.5:
        placement.training.append(
            TrainingPlan(TrainingRole.ECT, back, training.cohort, training.choice,
                         training.schedule)
        )  # fmt: skip


def stop_a_mentor(plans: list[TeacherPlan], on: date) -> None:
    """One mentor stops mentoring: their lead provider withdraws them and they leave the
    school's mentors (a reason only mentor training can have)."""
    for plan in [plan for plan in plans if plan.mentor_placements]:
        placement = plan.mentor_placements[-1]
        training = placement.training[-1] if placement.training else None
        ongoing = placement.finished_on is None and training and training.finished_on is None
        if ongoing and training.declarable and training.started_on < on:
            placement.finished_on = on
            _withdraw(training, on, WithdrawalReason.MENTOR_NO_LONGER_BEING_MENTOR)
            return


def extend_inductions(plans: list[TeacherPlan]) -> None:
    """One ECT in induction with each appropriate body has had it extended for not yet
    meeting the Teachers' Standards, the extensions appropriate bodies record (a.8)."""
    extended: set[str] = set()
    for plan in plans:
        ongoing = plan.inductions[-1] if plan.inductions else None
        if ongoing is None or ongoing.finished_on or ongoing.appropriate_body in extended:
            continue
        extended.add(ongoing.appropriate_body)
        plan.induction_extensions.append(EXTENSION_TERMS)


def train_part_time(plan: TeacherPlan) -> None:
    placement = plan.ect_placements[-1]
    training = placement.training[-1]
    placement.part_time = True
    month = schedule_month_for(training.started_on)
    training.schedule = ScheduleIdentifier.of(ScheduleType.EXTENDED, month)
