"""Steps for lead providers' actions on training (lead-provider-api-v3 §2.1, §3.6), through
the participants service on a real database: withdraw, defer, resume, change schedule, and
a mentor's completed declaration received or voided."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from attrs import define, field
from pytest_bdd import given, parsers, then, when
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.queries.provider_training_facts import SqlProviderTrainingFacts
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import LeadProvider, Schedule, ScheduleIdentifier, SchoolPartnership
from ecf2.domain.participants import School, Teacher, TrainingPeriod
from ecf2.domain.participants.mentor_completion import settle_mentor_completion
from ecf2.domain.participants.provider_rules import ActionRefused
from ecf2.domain.participants.services import ParticipantActions
from ecf2.domain.participants.statuses import participant_status
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.participant_world import Enrolments
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.days import DAY

A, B = "Ambition Institute", "Best Practice Network"
COURSES = {"ECT": "ecf-induction", "mentor": "ecf-mentor"}
REASONS = {
    "moved school": "moved-school",
    "no longer mentor": "mentor-no-longer-being-mentor",
    "parental leave": "parental-leave",
}
SCHEDULES = {
    2022: ("ecf-standard-september", "ecf-extended-september"),
    2023: ("ecf-standard-september",),
    2024: ("ecf-standard-september",),
    2025: (
        "ecf-standard-september",
        "ecf-standard-january",
        "ecf-extended-september",
        "ecf-reduced-september",
        "ecf-replacement-january",
    ),
}


def _step(text: str) -> Any:
    return parsers.parse(text, extra_types=DAY)


@define
class ProviderWorld:
    uow: Callable[[], SqlAlchemyUnitOfWork]
    clock: FixedClock
    actions: ParticipantActions
    people: Enrolments
    school: School | None = None
    providers: dict[str, LeadProvider] = field(factory=dict)
    partnerships: dict[tuple[str, int], SchoolPartnership] = field(factory=dict)
    schedules: dict[tuple[int, str], Schedule] = field(factory=dict)
    participants: dict[str, Teacher] = field(factory=dict)

    def actor(self, provider: str) -> Actor:
        lead_provider = self.providers[provider]
        assert lead_provider.id is not None
        return Actor.lead_provider(lead_provider.id, provider)

    def teacher(self, role: str) -> Teacher:
        with self.uow() as uow:
            return uow.teachers.get(self.participants[role].id)

    def trainings(self, role: str) -> list[TrainingPeriod]:
        return sorted(self.teacher(role).training_periods(), key=lambda tp: tp.started_on)

    def latest(self, role: str) -> TrainingPeriod:
        return self.trainings(role)[-1]


@pytest.fixture
def provider_world(session_factory: sessionmaker[Session], clock: FixedClock) -> ProviderWorld:
    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(session_factory, clock)

    facts = SqlProviderTrainingFacts(session_factory)
    return ProviderWorld(uow, clock, ParticipantActions(uow, facts, clock), Enrolments(uow))


@given(
    _step(
        "{provider} works with Oak Primary in 2024 and 2025, and in 2022 whose payments are frozen"
    )
)
def partnerships(provider_world: ProviderWorld, provider: str) -> None:
    build, world = Builder(provider_world.uow), provider_world
    for year in SCHEDULES:
        frozen = {"payments_frozen_at": at(date(2025, 6, 16))} if year == 2022 else {}
        build.contract_period(year, **frozen)
    world.providers = {name: build.lead_provider(name) for name in (provider, B)}
    partner = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2022, 1, 1)))
    world.school = build.school("Oak Primary")
    for name, year in ((provider, 2022), (provider, 2024), (provider, 2025), (B, 2025)):
        link = build.works_with(build.active_lead_provider(world.providers[name], year), partner)
        world.partnerships[(name, year)] = build.partnership(
            world.school, link, at(date(year, 6, 1))
        )
    with world.uow() as uow:
        for year, identifiers in SCHEDULES.items():
            for identifier in identifiers:
                schedule = Schedule(
                    contract_period_year=year, identifier=ScheduleIdentifier(identifier)
                )
                uow.schedules.add(schedule)
                world.schedules[(year, identifier)] = schedule
        uow.commit()


def _trainee(
    world: ProviderWorld,
    role: str,
    provider: str,
    started_on: date,
    year: int = 2025,
    finished_on: date | None = None,
    **training: Any,
) -> None:
    teacher = world.people.teacher()
    assert world.school is not None
    add = world.people.ect if role == "ECT" else world.people.mentor
    schedule = world.schedules[(year, "ecf-standard-september")]
    partnership = world.partnerships[(provider, year)]
    add(teacher, world.school, partnership, schedule, started_on, finished_on, **training)
    world.participants[role] = world.people.save(teacher)


@given(_step("{participant} has trained with {provider} since {day:Day}"))
@given(_step("{participant} will train with {provider} from {day:Day}"))
def trained_since(
    provider_world: ProviderWorld, participant: str, provider: str, day: date
) -> None:
    _trainee(provider_world, participant.split()[-1], provider, day)


@given(_step("an ECT has trained with {provider} since {day:Day} in the {year:d} cohort"))
def trained_in_cohort(provider_world: ProviderWorld, provider: str, day: date, year: int) -> None:
    _trainee(provider_world, "ECT", provider, day, year)


@given(
    _step(
        "an ECT trained with {provider} from {start:Day} until they left the school on "
        "{end:Day}, withdrawn"
    )
)
def left_the_school(provider_world: ProviderWorld, provider: str, start: date, end: date) -> None:
    withdrawn_at = datetime(end.year, end.month, end.day, 9, tzinfo=UTC)
    _trainee(
        provider_world,
        "ECT",
        provider,
        start,
        finished_on=end,
        withdrawn_at=withdrawn_at,
        withdrawal_reason="moved_school",
    )


@given(_step("{provider} has withdrawn the {role:w} because they {reason}"))
def has_withdrawn(provider_world: ProviderWorld, provider: str, role: str, reason: str) -> None:
    assert withdraws(provider_world, provider, role, reason).error is None


@given(_step("{provider} has deferred the {role:w} for {reason}"))
def has_deferred(provider_world: ProviderWorld, provider: str, role: str, reason: str) -> None:
    assert defers(provider_world, provider, role, reason).error is None


@given(_step("the ECT's induction was completed on {day:Day}"))
def induction_completed(provider_world: ProviderWorld, day: date) -> None:
    ect = provider_world.participants["ECT"]
    provider_world.people.induction(
        ect, started_on=date(2024, 9, 1), finished_on=day, outcome="pass"
    )


@given(_step("TRS alone says the ECT's induction was completed on {day:Day}"))
def trs_says_induction_completed(provider_world: ProviderWorld, day: date) -> None:
    ect = provider_world.participants["ECT"]
    provider_world.people.stamp_trs_induction_completed(ect, day)


# Actions.


def _act(world: ProviderWorld, provider: str, role: str, action: str, *args: Any) -> Outcome:
    teacher = world.participants[role]
    method = getattr(world.actions, action)
    actor = world.actor(provider)
    assert actor.lead_provider_id is not None
    return attempt(lambda: method(actor.lead_provider_id, teacher.api_id, *args, actor))


@when(_step("{provider} withdraws the {role:w} because they {reason}"), target_fixture="outcome")
def withdraws(provider_world: ProviderWorld, provider: str, role: str, reason: str) -> Outcome:
    return _act(provider_world, provider, role, "withdraw", COURSES[role], REASONS[reason])


@when(
    _step("{provider} withdraws the {role:w} from mentor training because they {reason}"),
    target_fixture="outcome",
)
def withdraws_from_mentoring(
    provider_world: ProviderWorld, provider: str, role: str, reason: str
) -> Outcome:
    return _act(provider_world, provider, role, "withdraw", "ecf-mentor", REASONS[reason])


@when(_step("{provider} defers the {role:w} for {reason}"), target_fixture="outcome")
def defers(provider_world: ProviderWorld, provider: str, role: str, reason: str) -> Outcome:
    return _act(provider_world, provider, role, "defer", COURSES[role], REASONS[reason])


@when(_step("{provider} resumes the {role:w}"), target_fixture="outcome")
def resumes(provider_world: ProviderWorld, provider: str, role: str) -> Outcome:
    return _act(provider_world, provider, role, "resume", COURSES[role])


@when(_step("{provider} moves the {role:w} to the {schedule} schedule"), target_fixture="outcome")
def moves(provider_world: ProviderWorld, provider: str, role: str, schedule: str) -> Outcome:
    return _act(provider_world, provider, role, "change_schedule", COURSES[role], schedule, None)


@when(
    _step("{provider} moves the {role:w} to the {schedule} schedule of {year:d}"),
    target_fixture="outcome",
)
def moves_cohort(
    provider_world: ProviderWorld, provider: str, role: str, schedule: str, year: int
) -> Outcome:
    return _act(
        provider_world, provider, role, "change_schedule", COURSES[role], schedule, str(year)
    )


def _settle(world: ProviderWorld, completed_on: date | None) -> Outcome:
    mentor = world.participants["mentor"]
    assert mentor.id is not None

    def settle() -> None:
        with world.uow() as uow:
            settle_mentor_completion(
                uow, mentor.id, completed_on, world.clock.now(), world.clock.today(), world.actor(A)
            )
            uow.commit()

    return attempt(settle)


@when(_step("a completed declaration dated {day:Day} is received for the mentor"))
def completed_declaration(provider_world: ProviderWorld, day: date) -> None:
    assert _settle(provider_world, day).error is None


@when("the mentor's completed declaration is voided")
def completed_declaration_voided(provider_world: ProviderWorld) -> None:
    assert _settle(provider_world, None).error is None


# Outcomes.


def _refused(outcome: Outcome, field: str, words: str = "") -> None:
    assert isinstance(outcome.error, ActionRefused), outcome
    assert any(title == field and words in message for title, message in outcome.error.problems), (
        outcome.error.problems
    )


@then("the action is refused because the participant has not trained for a day yet")
def refused_not_a_day(outcome: Outcome) -> None:
    _refused(outcome, "participant_id", "at least one day")


@then("the action is refused until tomorrow")
def refused_until_tomorrow(outcome: Outcome) -> None:
    _refused(outcome, "participant_id", "Try again tomorrow")


@then(_step("the action is refused because the participant is already {status}"))
def refused_already(outcome: Outcome, status: str) -> None:
    _refused(outcome, "participant_id", f"already {status}")


@then("the action is refused because the participant is no longer at the school")
def refused_not_at_school(outcome: Outcome) -> None:
    _refused(outcome, "participant_id", "no longer at the school")


@then("the action is refused because the participant has completed their training")
def refused_completed(outcome: Outcome) -> None:
    _refused(outcome, "participant_id", "completed")


@then("the action is refused because the participant has left")
def refused_left(outcome: Outcome) -> None:
    _refused(outcome, "participant_id", "has left")


@then("the action is refused because the course is not recognised")
def refused_course(outcome: Outcome) -> None:
    _refused(outcome, "course_identifier", "not recognised")


@then(_step("the action is refused because of the {subject}"))
def refused_because_of(outcome: Outcome, subject: str) -> None:
    field = {"reason": "reason", "schedule": "schedule_identifier", "cohort": "cohort"}[subject]
    _refused(outcome, field)


@then(_step("the {role:w}'s training is withdrawn because they {reason}"))
def is_withdrawn(provider_world: ProviderWorld, outcome: Outcome, role: str, reason: str) -> None:
    assert outcome.error is None, outcome.error
    training = provider_world.latest(role)
    assert training.status == "withdrawn"
    assert training.withdrawal_reason == REASONS[reason].replace("-", "_")


@then(_step("the {role:w}'s training is deferred for {reason}"))
def is_deferred(provider_world: ProviderWorld, outcome: Outcome, role: str, reason: str) -> None:
    assert outcome.error is None, outcome.error
    training = provider_world.latest(role)
    assert training.status == "deferred"
    assert training.deferral_reason == REASONS[reason].replace("-", "_")


@then(_step("the {role:w}'s training finishes on {day:Day}"))
def finishes_on(provider_world: ProviderWorld, role: str, day: date) -> None:
    assert provider_world.latest(role).finished_on == day


@then(_step("the {role:w}'s training from {start:Day} finishes on {end:Day}"))
def training_from_finishes(
    provider_world: ProviderWorld, role: str, start: date, end: date
) -> None:
    (training,) = [tp for tp in provider_world.trainings(role) if tp.started_on == start]
    assert training.finished_on == end


@then("the ECT has left")
def has_left(provider_world: ProviderWorld) -> None:
    training = provider_world.latest("ECT")
    status = participant_status(
        training=training.status.value,
        started_on=training.started_on,
        finished_on=training.finished_on,
        completed_on=None,
        today=provider_world.clock.today(),
    )
    assert status == "left"


@then(_step("the {role:w} has new training from {day:Day} on the same partnership and schedule"))
def new_training_same(provider_world: ProviderWorld, role: str, day: date) -> None:
    *earlier, latest = provider_world.trainings(role)
    assert (latest.started_on, latest.finished_on, latest.status) == (day, None, "active")
    assert latest.school_partnership_id == earlier[-1].school_partnership_id
    assert latest.schedule_id == earlier[-1].schedule_id


@then(_step("the ECT's earlier training stays deferred, finishing on {day:Day}"))
def earlier_stays_deferred(provider_world: ProviderWorld, day: date) -> None:
    earlier = provider_world.trainings("ECT")[-2]
    assert (earlier.status, earlier.finished_on) == ("deferred", day)


@then(_step("the ECT has new training from {day:Day} on the {schedule} schedule of {year:d}"))
def new_training_on(provider_world: ProviderWorld, day: date, schedule: str, year: int) -> None:
    latest = provider_world.latest("ECT")
    assert (latest.started_on, latest.finished_on) == (day, None)
    assert latest.schedule_id == provider_world.schedules[(year, schedule)].id


@then(_step("the ECT has one training, from {day:Day} on the {schedule} schedule of {year:d}"))
def one_training_on(provider_world: ProviderWorld, day: date, schedule: str, year: int) -> None:
    (training,) = provider_world.trainings("ECT")
    assert training.started_on == day
    assert training.schedule_id == provider_world.schedules[(year, schedule)].id


@then(_step("the ECT is remembered as having left the frozen {year:d} cohort"))
def remembered(provider_world: ProviderWorld, outcome: Outcome, year: int) -> None:
    assert outcome.error is None, outcome.error
    assert provider_world.teacher("ECT").ect_payments_frozen_year == year


@then("the ECT is not remembered as having left a frozen cohort")
def not_remembered(provider_world: ProviderWorld, outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert provider_world.teacher("ECT").ect_payments_frozen_year is None


@then(
    _step(
        "the mentor is no longer funded from {day:Day} because their completed declaration "
        "was received"
    )
)
def no_longer_funded(provider_world: ProviderWorld, day: date) -> None:
    mentor = provider_world.teacher("mentor")
    assert mentor.mentor_became_ineligible_for_funding_on == day
    assert mentor.mentor_became_ineligible_for_funding_reason == "completed_declaration_received"


@then("the mentor is funded again")
def funded_again(provider_world: ProviderWorld) -> None:
    mentor = provider_world.teacher("mentor")
    assert mentor.mentor_became_ineligible_for_funding_on is None
    assert mentor.mentor_eligible_for_funding
