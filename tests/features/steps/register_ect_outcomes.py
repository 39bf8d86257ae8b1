"""What the register-an-ECT scenarios expect: the outcome of each question, and what the
registration wrote."""

from __future__ import annotations

from pytest_bdd import parsers, then
from sqlalchemy import func, select

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.events import EventRow
from ecf2.domain.participants import TrainingProgramme
from ecf2.domain.participants.ect_registration import RegistrationBlock, RegistrationClosed
from ecf2.domain.participants.register_ect import DateOfBirthDoesNotMatch, FoundEct
from ecf2.domain.participants.registration_values import PreviousChoices
from ecf2.domain.participants.teacher_record import TeacherNotFound, TeacherRecordUnavailable
from ecf2.domain.shared.errors import DomainError, NotFound
from ecf2.domain.shared.identifiers import Trn
from tests.features.steps.common import Outcome, a_day
from tests.features.steps.register_ect_world import RegistrationWorld


def _refused(outcome: Outcome, rule: str | None = None) -> DomainError:
    assert outcome.error is not None, f"expected a refusal, got {outcome.value!r}"
    if rule is not None:
        assert outcome.error.rule == rule, outcome.error
    return outcome.error


def _accepted(outcome: Outcome) -> object:
    assert outcome.error is None, f"refused: {outcome.error} ({outcome.error.rule})"
    return outcome.value


@then("the teacher is not found")
def not_found(outcome: Outcome) -> None:
    assert isinstance(_refused(outcome), TeacherNotFound)


@then("the National Insurance number is asked for")
def nino_asked(outcome: Outcome) -> None:
    assert isinstance(_refused(outcome), DateOfBirthDoesNotMatch)


@then(parsers.parse("{first} {last} is found"))
def found(outcome: Outcome, first: str, last: str) -> None:
    record = _found(outcome).record
    assert (record.first_name, record.last_name) == (first, last)


def _found(outcome: Outcome) -> FoundEct:
    value = _accepted(outcome)
    assert isinstance(value, FoundEct)
    return value


@then(parsers.parse('the TRN is "{stored}"'))
def trn_is(outcome: Outcome, stored: str) -> None:
    assert _accepted(outcome) == Trn(stored)


@then("the TRN is refused")
def trn_refused(outcome: Outcome) -> None:
    _refused(outcome, "trn_has_five_to_seven_digits")


@then("the date of birth is refused")
def dob_refused(outcome: Outcome) -> None:
    _refused(outcome, "ect_age_18_to_100")


@then("the school is asked to try again later")
def try_later(outcome: Outcome) -> None:
    assert isinstance(_refused(outcome), TeacherRecordUnavailable)


_BLOCKS = {
    "their induction is passed": RegistrationBlock.INDUCTION_PASSED,
    "they are exempt from induction": RegistrationBlock.INDUCTION_EXEMPT,
    "their induction is failed": RegistrationBlock.INDUCTION_FAILED,
    "they are prohibited": RegistrationBlock.PROHIBITED,
    "they are already registered at the school": RegistrationBlock.ALREADY_ACTIVE_AT_SCHOOL,
}


@then(parsers.parse("the teacher cannot be registered because {reason}"))
def blocked(outcome: Outcome, reason: str) -> None:
    assert _found(outcome).block is _BLOCKS[reason]


@then("the teacher can be registered")
def not_blocked(outcome: Outcome) -> None:
    assert _found(outcome).block is None


@then("the school is told they were registered before")
def registered_before(outcome: Outcome) -> None:
    assert _found(outcome).registered_before


@then("the email address is refused as in use")
def email_in_use(outcome: Outcome) -> None:
    _refused(outcome, "email_in_use_by_another_teacher")


@then("the email address is refused as badly formed")
def email_malformed(outcome: Outcome) -> None:
    _refused(outcome, "email_in_notify_format")


@then("the email address is accepted")
def email_accepted(outcome: Outcome) -> None:
    _accepted(outcome)


_START_DATE_RULES = {
    "refused as too early": "ect_start_date_too_early",
    "refused as not open yet": "registration_not_open_yet",
    "refused as too close to the previous one": "start_date_after_previous_placement",
    "refused as too far ahead": "start_date_within_four_months_when_transferring",
}


@then(parsers.parse("the school start date is {verdict}"))
def start_date_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "accepted":
        _accepted(outcome)
    else:
        _refused(outcome, _START_DATE_RULES[verdict])


_REGISTRATION_RULES = {
    "refused for the appropriate body": "appropriate_body_allowed_for_school",
    "refused for the lead provider": "lead_provider_active_in_contract_period",
    "refused for starting before their placement elsewhere": (
        "start_date_after_previous_placement"
    ),
}


@then(parsers.parse("the ECT's registration is {verdict}"))
def registration_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "made":
        _accepted(outcome)
    else:
        error = _refused(outcome)
        assert error.rule == _REGISTRATION_RULES[verdict], (error.rule, str(error))


def _placement_at(world: RegistrationWorld, names: dict[str, str], name: str, school: str):
    teacher = world.teacher(names[name])
    placements = [p for p in teacher.ect_at_school_periods if p.school_id == world.schools[school]]
    assert placements, f"{name} has never been at {school}"
    return max(placements, key=lambda p: p.started_on)


def _new_training(world: RegistrationWorld, names: dict[str, str]):
    teacher = world.teacher(next(iter(names.values())))
    placement = max(teacher.ect_at_school_periods, key=lambda p: p.started_on)
    (training,) = placement.training_periods
    return training


@then(parsers.parse('{name} is an ECT at "{school}" from {day}'))
def is_ect_at(world, names, outcome: Outcome, name: str, school: str, day: str) -> None:
    _accepted(outcome)
    placement = _placement_at(world, names, name, school)
    assert (placement.started_on, placement.finished_on) == (a_day(day), None)


@then(
    parsers.parse(
        'their training is provider-led from {day} on the {year:d} "{identifier}" schedule'
    )
)
def provider_led_on(world, names, outcome: Outcome, day: str, year: int, identifier: str):
    _accepted(outcome)
    training = _new_training(world, names)
    assert training.training_programme is TrainingProgramme.PROVIDER_LED
    assert training.started_on == a_day(day)
    assert training.schedule_id == world.schedule_id(year, identifier)


@then(parsers.parse('their training awaits "{lead_provider}" confirming it in {year:d}'))
def awaits_confirmation(world, names, lead_provider: str, year: int) -> None:
    training = _new_training(world, names)
    assert training.school_partnership_id is None
    assert training.expression_of_interest_id == world.active_lead_provider_id(lead_provider, year)


@then(
    parsers.parse('their training is confirmed by the school\'s partnership with "{lead_provider}"')
)
def confirmed(world, names, outcome: Outcome, partnership_id: int, lead_provider: str) -> None:
    _accepted(outcome)
    assert _new_training(world, names).school_partnership_id == partnership_id


@then(parsers.parse("their training is school-led from {day}"))
def school_led_from(world, names, day: str) -> None:
    training = _new_training(world, names)
    assert training.training_programme is TrainingProgramme.SCHOOL_LED
    assert training.started_on == a_day(day)
    assert training.schedule_id is None


@then(parsers.parse('"{school}" last chose provider-led training with "{lead_provider}"'))
def last_choices(world: RegistrationWorld, school: str, lead_provider: str) -> None:
    row = world.school(school)
    assert row.last_chosen_training_programme == TrainingProgramme.PROVIDER_LED
    assert row.last_chosen_lead_provider_id == world.lead_providers[lead_provider]


@then(parsers.parse('"{event_type}" is recorded for {name}'))
def event_recorded(world: RegistrationWorld, names, event_type: str, name: str) -> None:
    teacher = world.teacher(names[name])
    count = world.row(
        select(func.count())
        .select_from(EventRow)
        .where(EventRow.event_type == event_type, EventRow.teacher_id == teacher.id)
    )[0]
    assert count == 1


@then(
    parsers.parse(
        '{name} was an ECT at "{school}" until {day}, with their training and mentorship '
        "there ending then"
    )
)
def left_school(world, names, outcome: Outcome, name: str, school: str, day: str) -> None:
    _accepted(outcome)
    placement = _placement_at(world, names, name, school)
    last_day = a_day(day)
    assert placement.finished_on == last_day
    assert placement.reported_leaving_by_school_id is None
    assert [tp.finished_on for tp in placement.training_periods] == [last_day]
    assert [m.finished_on for m in placement.mentorship_periods] == [last_day]


@then(parsers.parse('school-led training with "{body}" is offered'))
def school_led_offered(world: RegistrationWorld, outcome: Outcome, body: str) -> None:
    offered = _accepted(outcome)
    assert offered == PreviousChoices(world.appropriate_bodies[body], "school_led")


@then("no last choices are offered")
def nothing_offered(outcome: Outcome) -> None:
    assert _accepted(outcome) is None


@then(
    parsers.parse(
        'their training is confirmed by a {year:d} partnership of "{school}" with '
        '"{lead_provider}" and "{partner}"'
    )
)
def confirmed_by_new(
    world, names, outcome: Outcome, year: int, school: str, lead_provider: str, partner: str
):
    _accepted(outcome)
    training = _new_training(world, names)
    partnership = world.row(
        select(
            SchoolPartnershipRow.school_id,
            LeadProviderDeliveryPartnershipRow.delivery_partner_id,
            ActiveLeadProviderRow.lead_provider_id,
            ActiveLeadProviderRow.contract_period_year,
        )
        .join(
            LeadProviderDeliveryPartnershipRow,
            LeadProviderDeliveryPartnershipRow.id
            == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .join(
            ActiveLeadProviderRow,
            ActiveLeadProviderRow.id == LeadProviderDeliveryPartnershipRow.active_lead_provider_id,
        )
        .where(SchoolPartnershipRow.id == training.school_partnership_id)
    )
    expected = (
        world.schools[school],
        world.delivery_partner(partner),
        world.lead_providers[lead_provider],
        year,
    )
    assert tuple(partnership) == expected
    assert training.expression_of_interest_id is None


@then(parsers.parse('"{first}" and "{second}" are recorded'))
def both_recorded(world: RegistrationWorld, first: str, second: str) -> None:
    for event_type in (first, second):
        count = world.row(
            select(func.count()).select_from(EventRow).where(EventRow.event_type == event_type)
        )[0]
        assert count == 1, event_type


@then("registration is open")
def registration_open(outcome: Outcome) -> None:
    assert _accepted(outcome) is None


@then(parsers.parse("registration is closed until {day}"))
def registration_closed_until(outcome: Outcome, day: str) -> None:
    closed = _accepted(outcome)
    assert isinstance(closed, RegistrationClosed)
    assert closed.reopens_on == a_day(day)


@then("the school cannot register new ECTs")
def school_blocked(outcome: Outcome) -> None:
    closed = _accepted(outcome)
    assert isinstance(closed, RegistrationClosed)
    assert closed.school_blocked


_LEAVING_RULES = {
    "refused as too far ahead": "leaving_within_four_months",
    "refused as too soon after starting": "leaving_after_start",
}


@then(parsers.parse("the leaving is {verdict}"))
def leaving_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "recorded":
        _accepted(outcome)
    else:
        _refused(outcome, _LEAVING_RULES[verdict])


@then(
    parsers.parse(
        '{name} is at "{school}" until {day} as the school reported, with their training '
        "and mentorship ending then"
    )
)
def left_as_reported(world, names, outcome: Outcome, name: str, school: str, day: str) -> None:
    _accepted(outcome)
    placement = _placement_at(world, names, name, school)
    last_day = a_day(day)
    assert placement.finished_on == last_day
    assert placement.reported_leaving_by_school_id == world.schools[school]
    assert [tp.finished_on for tp in placement.training_periods] == [last_day]
    assert [m.finished_on for m in placement.mentorship_periods] == [last_day]


@then("the ECT is not found at that school")
def not_at_school(outcome: Outcome) -> None:
    assert isinstance(_refused(outcome), NotFound)
