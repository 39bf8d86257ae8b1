"""Steps for a school switching an ECT's training programme (participants-and-schools
§3.6), run through the programme service on a SQLite database."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then, when

from ecf2.domain.participants.change_training_programme import EctProgrammeService
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from tests.features.steps.common import Outcome, a_day, attempt
from tests.features.steps.register_ect import _save, _teacher
from tests.features.steps.register_ect_world import RegistrationWorld

_PROGRAMMES = {
    "school-led": TrainingProgramme.SCHOOL_LED,
    "provider-led": TrainingProgramme.PROVIDER_LED,
}


def _placement(world: RegistrationWorld, names, name: str, school: str) -> ECTAtSchoolPeriod:
    teacher = world.teacher(names[name])
    return max(
        (p for p in teacher.ect_at_school_periods if p.school_id == world.schools[school]),
        key=lambda p: p.started_on,
    )


def _trainings(world, names, name: str, school: str, programme: str) -> list[TrainingPeriod]:
    placement = _placement(world, names, name, school)
    return [
        tp for tp in placement.training_periods if tp.training_programme is _PROGRAMMES[programme]
    ]


@given(parsers.parse('{name}\'s training is confirmed by a partnership with "{lp}" in {year:d}'))
def confirmed_training(world: RegistrationWorld, names, name: str, lp: str, year: int) -> None:
    teacher = world.teacher(names[name])
    placement = teacher.ect_at_school_periods[0]
    partnership_id = world.partnership(
        next(school for school, id_ in world.schools.items() if id_ == placement.school_id),
        lp,
        year,
    )
    (training,) = placement.training_periods
    training.school_partnership_id = partnership_id
    _save(world, teacher)


@given(
    parsers.parse(
        '{name} has been an ECT at "{school}" since {since}, provider-led with "{lp}" in '
        "{year:d} until {until} and school-led since"
    )
)
def provider_then_school_led(world, names, name, school, since, lp, year, until) -> None:
    teacher = _teacher(world, names, name)
    placement = ECTAtSchoolPeriod(school_id=world.schools[school], started_on=a_day(since))
    teacher.add_ect_placement(placement)
    ended = a_day(until)
    teacher.add_training_period(
        placement,
        TrainingPeriod(
            role=TrainingRole.ECT,
            training_programme=TrainingProgramme.PROVIDER_LED,
            started_on=a_day(since),
            finished_on=ended,
            expression_of_interest_id=world.active_lead_provider_id(lp, year),
            schedule_id=world.schedule_id(year, "ecf-standard-september"),
        ),
    )
    teacher.add_training_period(
        placement,
        TrainingPeriod(
            role=TrainingRole.ECT,
            training_programme=TrainingProgramme.SCHOOL_LED,
            started_on=date.fromordinal(ended.toordinal() + 1),
        ),
    )
    _save(world, teacher)


def _switch(world, names, school: str, name: str, programme: str, lp: str | None) -> Outcome:
    service = EctProgrammeService(world.uow, world.clock)
    api_id = world.teacher(names[name]).api_id
    lead_provider_id = None if lp is None else world.lead_providers[lp]
    return attempt(
        lambda: service.change_training_programme(
            world.schools[school], api_id, programme, lead_provider_id, world.actor
        )
    )


@when(parsers.parse('"{school}" switches {name} to school-led training'), target_fixture="outcome")
def to_school_led(world, names, school: str, name: str) -> Outcome:
    return _switch(world, names, school, name, "school_led", None)


@when(
    parsers.parse('"{school}" switches {name} to provider-led training with "{lp}"'),
    target_fixture="outcome",
)
def to_provider_led(world, names, school: str, name: str, lp: str) -> Outcome:
    return _switch(world, names, school, name, "provider_led", lp)


@when(
    parsers.parse('"{school}" switches {name} to provider-led training without a lead provider'),
    target_fixture="outcome",
)
def to_provider_led_alone(world, names, school: str, name: str) -> Outcome:
    return _switch(world, names, school, name, "provider_led", None)


@then(parsers.parse('{name}\'s training at "{school}" is only school-led from {day}'))
def only_school_led(world, names, outcome: Outcome, name: str, school: str, day: str) -> None:
    assert outcome.error is None, outcome.error
    (training,) = _placement(world, names, name, school).training_periods
    assert training.training_programme is TrainingProgramme.SCHOOL_LED
    assert (training.started_on, training.schedule_id) == (a_day(day), None)


@then(parsers.parse('{name}\'s {programme} training at "{school}" ended on {day}'))
def training_ended(world, names, outcome: Outcome, name, programme, school, day) -> None:
    assert outcome.error is None, outcome.error
    ended = [tp.finished_on for tp in _trainings(world, names, name, school, programme)]
    assert ended == [a_day(day)]


@then(parsers.parse('{name} has school-led training at "{school}" from {day}'))
def school_led_from(world, names, name: str, school: str, day: str) -> None:
    (training,) = _trainings(world, names, name, school, "school-led")
    assert (training.started_on, training.finished_on) == (a_day(day), None)


def _new_training(world, names, name: str) -> TrainingPeriod:
    placement = _placement(world, names, name, "Hilltop Primary")
    return max(placement.training_periods, key=lambda tp: tp.started_on)


@then(parsers.parse('{name} has provider-led training awaiting "{lp}" in {year:d} from {day}'))
def awaiting(world, names, outcome: Outcome, name: str, lp: str, year: int, day: str) -> None:
    assert outcome.error is None, outcome.error
    training = _new_training(world, names, name)
    assert training.provider_led
    assert training.school_partnership_id is None
    assert training.expression_of_interest_id == world.active_lead_provider_id(lp, year)
    assert training.schedule_id == world.schedule_id(year, "ecf-standard-september")
    assert (training.started_on, training.finished_on) == (a_day(day), None)


@then(parsers.parse("{name}'s new training is confirmed by the school's partnership"))
def confirmed_by_partnership(world, names, outcome: Outcome, partnership_id: int, name) -> None:
    assert outcome.error is None, outcome.error
    training = _new_training(world, names, name)
    assert training.school_partnership_id == partnership_id
    assert training.expression_of_interest_id is None


@then(parsers.parse('{name}\'s new training is in {year:d} on the "{schedule}" schedule'))
def new_training_in(world, names, outcome: Outcome, name: str, year: int, schedule: str) -> None:
    assert outcome.error is None, outcome.error
    assert _new_training(world, names, name).schedule_id == world.schedule_id(year, schedule)


@then(parsers.parse("{name}'s payments are remembered as frozen in {year:d}"))
def frozen_year(world, names, name: str, year: int) -> None:
    assert world.teacher(names[name]).ect_payments_frozen_year == year


_SWITCH_RULES = {
    "no change": "training_programme_must_change",
    "the lead provider does not train ECTs then": "lead_provider_active_in_contract_period",
    "no lead provider was chosen": "lead_provider_given",
    "registration is closed": "programme_changes_closed",
}


@then(parsers.parse("the switch is refused as {reason}"))
def switch_refused(world, names, outcome: Outcome, reason: str) -> None:
    assert outcome.error is not None
    assert outcome.error.rule == _SWITCH_RULES[reason]
