"""Steps for registering a new mentor for an ECT (participants-and-schools §3.2, §2.6),
run through the mentor registration service on a SQLite database."""

from __future__ import annotations

import re
from datetime import date

from pytest_bdd import given, parsers, then, when

from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.participants.mentor_assignment import AssignMentor, MentorAssignmentService
from ecf2.domain.participants.mentor_registration import MentorHistory, MentorRegistrationBlock
from ecf2.domain.participants.register_mentor_commands import (
    FoundMentor,
    PreviousMentorTraining,
    RegisterMentor,
)
from ecf2.domain.participants.report_mentor_leaving import MentorLeavingService
from ecf2.domain.participants.values import MentorIneligibilityReason
from ecf2.domain.shared.errors import NotFound
from ecf2.domain.shared.identifiers import Trn
from tests.features.steps.common import Outcome, a_day, attempt
from tests.features.steps.register_ect import DAY, _save, _teacher
from tests.features.steps.register_ect_world import RegistrationWorld

# Givens.


@given(
    parsers.re(
        rf'(?P<name>\w+ \w+) was a mentor at "(?P<school>[^"]+)" from (?P<start>{DAY}) '
        rf"to (?P<end>{DAY})"
        r'(?:, trained by "(?P<lp>[^"]+)" in (?P<year>\d{4}))?$'
    )
)
def was_mentor(world: RegistrationWorld, names, name, school, start, end, lp, year) -> None:
    teacher = _teacher(world, names, name)
    placement = MentorAtSchoolPeriod(
        school_id=world.schools[school], started_on=a_day(start), finished_on=a_day(end)
    )
    teacher.add_mentor_placement(placement)
    if lp:
        teacher.add_training_period(
            placement,
            TrainingPeriod(
                role=TrainingRole.MENTOR,
                training_programme=TrainingProgramme.PROVIDER_LED,
                started_on=a_day(start),
                finished_on=a_day(end),
                expression_of_interest_id=world.active_lead_provider_id(lp, int(year)),
                schedule_id=world.schedule_id(int(year), "ecf-standard-september"),
            ),
        )
    _save(world, teacher)


@given(parsers.parse("{name} completed mentor training during the early roll-out"))
def completed_early(world: RegistrationWorld, names, name: str) -> None:
    teacher = _teacher(world, names, name)
    teacher.record_mentor_ineligibility(
        date(2021, 4, 19), MentorIneligibilityReason.COMPLETED_DURING_EARLY_ROLL_OUT
    )
    _save(world, teacher)


@given(parsers.parse('{name} has been a school-led ECT at "{school}" since {since}'))
def school_led_ect(world: RegistrationWorld, names, name: str, school: str, since: str):
    teacher = _teacher(world, names, name)
    placement = ECTAtSchoolPeriod(school_id=world.schools[school], started_on=a_day(since))
    teacher.add_ect_placement(placement)
    teacher.add_training_period(
        placement,
        TrainingPeriod(
            role=TrainingRole.ECT,
            training_programme=TrainingProgramme.SCHOOL_LED,
            started_on=a_day(since),
        ),
    )
    _save(world, teacher)


@given(
    parsers.parse('{name} has been an ECT at "{school}" since {since} mentored by {mentor_name}')
)
def mentored_ect(world, names, name: str, school: str, since: str, mentor_name: str) -> None:
    mentor = world.teacher(names[mentor_name])
    mentor_placement = next(
        p for p in mentor.mentor_at_school_periods if p.school_id == world.schools[school]
    )
    teacher = _teacher(world, names, name)
    placement = ECTAtSchoolPeriod(school_id=world.schools[school], started_on=a_day(since))
    teacher.add_ect_placement(placement)
    teacher.start_mentorship(
        placement, MentorPlacement.of(mentor.id, mentor_placement), a_day(since)
    )
    _save(world, teacher)


# Whens.


@when(
    parsers.re(
        rf'"(?P<school>[^"]+)" looks for TRN "(?P<trn>\d+)" born on (?P<born>{DAY}) '
        r"to mentor (?P<ect>\w+ \w+)$"
    ),
    target_fixture="outcome",
)
def looks_for_mentor(world: RegistrationWorld, names, school: str, trn: str, born: str, ect: str):
    ect_api_id = world.teacher(names[ect]).api_id
    return attempt(
        lambda: world.mentor_service.find_mentor(
            world.schools[school], ect_api_id, Trn(trn), a_day(born)
        )
    )


@when(parsers.parse('"{school}" gives mentor {name} the email "{email}"'), target_fixture="outcome")
def gives_mentor_email(world, names, school: str, name: str, email: str) -> Outcome:
    return attempt(lambda: world.mentor_service.check_email(Trn(names[name]), email))


@when(
    parsers.parse('"{school}" gives mentor {name} the start date {day}'), target_fixture="outcome"
)
def gives_mentor_start(world, names, school: str, name: str, day: str) -> Outcome:
    return attempt(
        lambda: world.mentor_service.check_start_date(
            world.schools[school], Trn(names[name]), a_day(day)
        )
    )


_REGISTERS = re.compile(
    r'"(?P<school>[^"]+)" registers (?P<name>\w+ \w+) to mentor (?P<ect>\w+ \w+)'
    rf"(?: from (?P<start>{DAY}))?"
    r"(?:, at (?P<where>this school only|another school as well))?"
    r'(?:, trained by "(?P<lp>[^"]+)")?$'
)


@when(parsers.re(_REGISTERS.pattern), target_fixture="outcome")
def registers_mentor(world: RegistrationWorld, names, school, name, ect, start, where, lp):
    trn = Trn(names[name])
    command = RegisterMentor(
        school_id=world.schools[school],
        ect_api_id=world.teacher(names[ect]).api_id,
        record=world.trs.find(trn),
        corrected_name=None,
        email=f"{trn.value}@mentor.example",
        started_on=a_day(start) if start else None,
        only_this_school=where != "another school as well",
        lead_provider_id=world.lead_providers[lp] if lp else None,
    )
    return attempt(lambda: world.mentor_service.register_mentor(command, world.actor))


@when(
    parsers.parse('"{school}" asks about {name}\'s previous mentor training'),
    target_fixture="outcome",
)
def asks_previous_training(world: RegistrationWorld, names, school: str, name: str) -> Outcome:
    return attempt(lambda: world.mentor_service.previous_training(Trn(names[name])))


@when(
    parsers.parse('"{school}" asks which lead providers can train mentor {name} from {day}'),
    target_fixture="outcome",
)
def asks_lead_providers(world: RegistrationWorld, names, school: str, name: str, day: str):
    return attempt(
        lambda: world.mentor_service.lead_providers_for(
            world.schools[school], Trn(names[name]), a_day(day)
        )
    )


@when(parsers.parse('"{school}" starts registering a mentor'), target_fixture="outcome")
def starts_registering_mentor(world: RegistrationWorld, school: str) -> Outcome:
    return attempt(world.mentor_service.registration_closed)


# Thens.


def _found(outcome: Outcome) -> FoundMentor:
    assert outcome.error is None, f"refused: {outcome.error}"
    assert isinstance(outcome.value, FoundMentor)
    return outcome.value


_BLOCKS = {
    "they are the ECT": MentorRegistrationBlock.MENTORS_THEMSELF,
    "they already mentor at the school": MentorRegistrationBlock.ALREADY_MENTOR_AT_SCHOOL,
    "they are prohibited": MentorRegistrationBlock.PROHIBITED,
}


@then(parsers.parse("the mentor cannot be registered because {reason}"))
def mentor_blocked(outcome: Outcome, reason: str) -> None:
    assert _found(outcome).block is _BLOCKS[reason]


@then("the mentor can be registered")
def mentor_not_blocked(outcome: Outcome) -> None:
    assert _found(outcome).block is None


_HISTORIES = {
    "who has never mentored": MentorHistory.NEVER_A_MENTOR,
    "who mentors at another school": MentorHistory.MENTOR_ELSEWHERE,
    "who mentored before": MentorHistory.PREVIOUSLY_A_MENTOR,
}


@then(parsers.parse("the school is asked about a mentor {history}"))
def asked_about(outcome: Outcome, history: str) -> None:
    assert _found(outcome).history is _HISTORIES[history]


@then(parsers.parse("the mentor {verdict} had mentor training before"))
def trained_before(outcome: Outcome, verdict: str) -> None:
    assert _found(outcome).previously_trained is (verdict == "has")


@then(
    parsers.parse(
        'it was at "{school}" with "{lp}", delivery partner {partner}',
    )
)
def previous_training_was(outcome: Outcome, school: str, lp: str, partner: str) -> None:
    assert outcome.error is None, outcome.error
    previous = outcome.value
    assert isinstance(previous, PreviousMentorTraining)
    assert (previous.school_name, previous.lead_provider_name) == (school, lp)
    expected = None if partner == "not confirmed" else partner.strip('"')
    assert previous.delivery_partner_name == expected


@then(parsers.parse('"{lp}" {verdict} train them'))
def lead_provider_can_train(world: RegistrationWorld, outcome: Outcome, lp: str, verdict: str):
    assert outcome.error is None, outcome.error
    offered = world.lead_providers[lp] in {option.id for option in outcome.value}
    assert offered is (verdict == "can")


_REFUSALS = {
    "already mentoring at the school": "mentor_registration_already_mentor_at_school",
    "the lead provider is not active": "lead_provider_active_in_contract_period",
}


@then(parsers.parse("the mentor registration is refused as {reason}"))
def mentor_registration_refused(outcome: Outcome, reason: str) -> None:
    assert outcome.error is not None, f"expected a refusal, got {outcome.value!r}"
    assert outcome.error.rule == _REFUSALS[reason], outcome.error


def _mentor_placements(world, names, name: str, school: str) -> list[MentorAtSchoolPeriod]:
    teacher = world.teacher(names[name])
    return [p for p in teacher.mentor_at_school_periods if p.school_id == world.schools[school]]


def _latest(world, names, name: str, school: str) -> MentorAtSchoolPeriod:
    placements = _mentor_placements(world, names, name, school)
    assert placements, f"{name} has never mentored at {school}"
    return max(placements, key=lambda p: p.started_on)


@then(parsers.parse('{name} is a mentor at "{school}" from {day}'))
def is_mentor_at(world, names, outcome: Outcome, name: str, school: str, day: str) -> None:
    assert outcome.error is None, f"refused: {outcome.error} ({outcome.error.rule})"
    placement = _latest(world, names, name, school)
    assert (placement.started_on, placement.finished_on) == (a_day(day), None)


@then(parsers.parse('{name} is still a mentor at "{school}"'))
def still_mentor(world, names, name: str, school: str) -> None:
    assert _latest(world, names, name, school).finished_on is None


@then(parsers.parse('{name}\'s time as a mentor at "{school}" ended on {day}'))
def mentor_ended(world, names, name: str, school: str, day: str) -> None:
    assert _latest(world, names, name, school).finished_on == a_day(day)


@then(parsers.parse('{name} has provider-led mentor training with "{lp}" in {year:d} from {day}'))
def has_mentor_training(world, names, name: str, lp: str, year: int, day: str) -> None:
    placement = _latest(world, names, name, "Hilltop Primary")
    (training,) = placement.training_periods
    assert training.provider_led
    assert training.started_on == a_day(day)
    assert training.expression_of_interest_id == world.active_lead_provider_id(lp, year)


@then(parsers.parse('{name} has no mentor training at "{school}"'))
def no_mentor_training(world, names, outcome: Outcome, name: str, school: str) -> None:
    assert outcome.error is None, f"refused: {outcome.error} ({outcome.error.rule})"
    assert _latest(world, names, name, school).training_periods == []


@then(parsers.parse("{name} is eligible for funded mentor training"))
def eligible(world, names, name: str) -> None:
    assert world.teacher(names[name]).mentor_first_became_eligible_for_training_at is not None


@then(parsers.parse("{mentor} mentors {ect} from {day}"))
def mentors(world, names, outcome: Outcome, mentor: str, ect: str, day: str) -> None:
    assert outcome.error is None, f"refused: {outcome.error} ({outcome.error.rule})"
    mentor_ids = {p.id for p in world.teacher(names[mentor]).mentor_at_school_periods}
    mentorships = [
        m
        for p in world.teacher(names[ect]).ect_at_school_periods
        for m in p.mentorship_periods
        if m.mentor_at_school_period_id in mentor_ids
    ]
    assert [(m.started_on, m.finished_on) for m in mentorships] == [(a_day(day), None)]


@then(parsers.parse("{ect}'s mentorship with {mentor} ended on {day}"))
def mentorship_ended(world, names, ect: str, mentor: str, day: str) -> None:
    mentor_ids = {p.id for p in world.teacher(names[mentor]).mentor_at_school_periods}
    (mentorship,) = [
        m
        for p in world.teacher(names[ect]).ect_at_school_periods
        for m in p.mentorship_periods
        if m.mentor_at_school_period_id in mentor_ids
    ]
    assert mentorship.finished_on == a_day(day)


# Assigning a mentor (§3.3).


def _assignments(world: RegistrationWorld) -> MentorAssignmentService:
    return MentorAssignmentService(world.uow, world.clock)


@given(parsers.parse("{ect} has been mentored by {mentor_name} since {day}"))
@given(parsers.parse("{ect} is to be mentored by {mentor_name} from {day}"))
def mentored_since(world: RegistrationWorld, names, ect: str, mentor_name: str, day: str):
    mentor = world.teacher(names[mentor_name])
    teacher = world.teacher(names[ect])
    placement = teacher.ect_at_school_periods[0]
    mentor_placement = next(
        p for p in mentor.mentor_at_school_periods if p.school_id == placement.school_id
    )
    teacher.start_mentorship(placement, MentorPlacement.of(mentor.id, mentor_placement), a_day(day))
    _save(world, teacher)


@when(
    parsers.parse('"{school}" asks whether {mentor} needs funded training to mentor {ect}'),
    target_fixture="outcome",
)
def asks_eligibility(world, names, school: str, mentor: str, ect: str) -> Outcome:
    return attempt(
        lambda: _assignments(world).eligibility_step(
            world.schools[school],
            world.teacher(names[ect]).api_id,
            world.teacher(names[mentor]).api_id,
        )
    )


@when(
    parsers.re(
        r'"(?P<school>[^"]+)" assigns (?P<mentor>\w+ \w+) to mentor (?P<ect>\w+ \w+)'
        r'(?:, trained by "(?P<lp>[^"]+)")?$'
    ),
    target_fixture="outcome",
)
def assigns(world: RegistrationWorld, names, school, mentor, ect, lp) -> Outcome:
    command = AssignMentor(
        school_id=world.schools[school],
        ect_api_id=world.teacher(names[ect]).api_id,
        mentor_api_id=world.teacher(names[mentor]).api_id,
        lead_provider_id=world.lead_providers[lp] if lp else None,
    )
    return attempt(lambda: _assignments(world).assign_mentor(command, world.actor))


@then("funded training is offered first")
def training_offered(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value is not None
    assert outcome.value.provider_led


@then("funded training is not offered")
def training_not_offered(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value is None


@then(parsers.parse("{ect} has no mentorship with {mentor}"))
def no_mentorship(world, names, ect: str, mentor: str) -> None:
    mentor_ids = {p.id for p in world.teacher(names[mentor]).mentor_at_school_periods}
    assert not [
        m
        for p in world.teacher(names[ect]).ect_at_school_periods
        for m in p.mentorship_periods
        if m.mentor_at_school_period_id in mentor_ids
    ]


_ASSIGNMENT_REFUSALS = {
    "the mentor is not at the school": "mentor_at_school",
    "a teacher cannot mentor themself": "mentor_is_not_the_ect",
    "mentor changes are closed until the new contract period is set up": "mentor_changes_closed",
}


@then(parsers.parse("the assignment is refused as {reason}"))
def assignment_refused(outcome: Outcome, reason: str) -> None:
    assert outcome.error is not None, f"expected a refusal, got {outcome.value!r}"
    assert outcome.error.rule == _ASSIGNMENT_REFUSALS[reason], outcome.error


# A mentor leaving (§3.7).


@when(
    parsers.parse('"{school}" says mentor {name}\'s last day there is {day}'),
    target_fixture="outcome",
)
def reports_mentor_leaving(world: RegistrationWorld, names, school: str, name: str, day: str):
    teacher = world.teacher(names[name])
    service = MentorLeavingService(world.uow, world.clock)
    return attempt(
        lambda: service.report_leaving(
            world.schools[school], teacher.api_id, a_day(day), world.actor
        )
    )


@then("the mentor is not found at that school")
def mentor_not_at_school(outcome: Outcome) -> None:
    assert isinstance(outcome.error, NotFound), outcome
