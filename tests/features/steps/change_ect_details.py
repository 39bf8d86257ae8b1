"""Steps for a school changing an ECT's or a mentor's details (participants-and-schools
§3.4, §3.5), run through the details services on a SQLite database. A person who is an
ECT at the school has their details changed as an ECT, anyone else as a mentor."""

from __future__ import annotations

from uuid import uuid4

from pytest_bdd import given, parsers, then, when

from ecf2.domain.participants.change_ect_details import EctDetailsService, NameChange
from ecf2.domain.participants.change_lead_provider import (
    EctLeadProviderService,
    MentorLeadProviderService,
)
from ecf2.domain.participants.change_mentor_details import MentorDetailsService
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from tests.features.steps.common import Outcome, a_day, attempt
from tests.features.steps.register_ect import _save
from tests.features.steps.register_ect_world import RegistrationWorld


def _is_ect(world: RegistrationWorld, names: dict[str, str], name: str, school: str) -> bool:
    placements = world.teacher(names[name]).ect_at_school_periods
    return any(p.school_id == world.schools[school] for p in placements)


def _service(world: RegistrationWorld, names, name: str, school: str):
    kind = EctDetailsService if _is_ect(world, names, name, school) else MentorDetailsService
    return kind(world.uow, world.clock)


def _api_id(world: RegistrationWorld, names: dict[str, str], name: str):
    return world.teacher(names[name]).api_id


@given(parsers.parse('{name} has had mentor training with "{lp}" in {year:d} since {day}'))
def mentor_training(world, names, name: str, lp: str, year: int, day: str) -> None:
    teacher = world.teacher(names[name])
    placement = teacher.mentor_at_school_periods[0]
    training = TrainingPeriod(
        role=TrainingRole.MENTOR,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=a_day(day),
        expression_of_interest_id=world.active_lead_provider_id(lp, year),
        schedule_id=world.schedule_id(year, "ecf-standard-september"),
    )
    teacher.add_training_period(placement, training)
    _save(world, teacher)


@given(parsers.parse('"{lp}" also trains ECTs in {year:d}'))
def also_trains(world, lp: str, year: int) -> None:
    from ecf2.adapters.db.contracts_rows import ActiveLeadProviderRow

    world.add_rows(
        ActiveLeadProviderRow(
            lead_provider_id=world.lead_providers[lp], contract_period_year=year, api_id=uuid4()
        )
    )


@when(parsers.parse('"{school}" gives the new name "{new}" for {name}'), target_fixture="outcome")
def gives_new_name(world, names, school: str, new: str, name: str) -> Outcome:
    api_id = _api_id(world, names, name)
    return attempt(
        lambda: _service(world, names, name, school).check_name(world.schools[school], api_id, new)
    )


@when(parsers.parse('"{school}" changes {name}\'s name to "{new}"'), target_fixture="outcome")
def changes_name(world, names, school: str, name: str, new: str) -> Outcome:
    api_id = _api_id(world, names, name)
    return attempt(
        lambda: _service(world, names, name, school).change_name(
            world.schools[school], api_id, new, world.actor
        )
    )


@when(
    parsers.parse('"{school}" changes {name}\'s email address to "{email}"'),
    target_fixture="outcome",
)
def changes_email(world, names, school: str, name: str, email: str) -> Outcome:
    api_id = _api_id(world, names, name)
    return attempt(
        lambda: _service(world, names, name, school).change_email(
            world.schools[school], api_id, email, world.actor
        )
    )


@when(
    parsers.parse('"{school}" changes {name}\'s working pattern to {pattern}'),
    target_fixture="outcome",
)
def changes_working_pattern(world, names, school: str, name: str, pattern: str) -> Outcome:
    api_id = _api_id(world, names, name)
    value = pattern.replace(" ", "_")
    return attempt(
        lambda: _service(world, names, name, school).change_working_pattern(
            world.schools[school], api_id, value, world.actor
        )
    )


@when(
    parsers.parse('"{school}" changes {name}\'s appropriate body to "{body}"'),
    target_fixture="outcome",
)
def changes_appropriate_body(world, names, school: str, name: str, body: str) -> Outcome:
    api_id = _api_id(world, names, name)
    body_id = world.appropriate_bodies[body]
    return attempt(
        lambda: _service(world, names, name, school).change_appropriate_body(
            world.schools[school], api_id, body_id, world.actor
        )
    )


@then(parsers.parse("the new name is {verdict}"))
def new_name_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "refused as the same name":
        assert outcome.error is not None
        assert outcome.error.rule == "name_must_change"
        return
    assert outcome.error is None, outcome.error
    assert isinstance(outcome.value, NameChange)
    expected = verdict == "accepted once the school confirms the person"
    assert outcome.value.significant is expected


@then(parsers.parse('{name} is known as "{new}"'))
def known_as(world, names, name: str, new: str) -> None:
    assert world.teacher(names[name]).display_name == new


def _open_placement(world, names, name: str, school: str):
    teacher = world.teacher(names[name])
    (placement,) = [
        p
        for p in [*teacher.ect_at_school_periods, *teacher.mentor_at_school_periods]
        if p.school_id == world.schools[school] and p.finished_on is None
    ]
    return placement


@then(parsers.parse('{name}\'s email address at "{school}" is "{email}"'))
def email_is(world, names, outcome: Outcome, name: str, school: str, email: str) -> None:
    assert outcome.error is None, outcome.error
    assert _open_placement(world, names, name, school).email == email


@then(parsers.parse('{name} works {pattern} at "{school}"'))
def works(world, names, outcome: Outcome, name: str, pattern: str, school: str) -> None:
    assert outcome.error is None, outcome.error
    placement = _open_placement(world, names, name, school)
    assert placement.working_pattern == pattern.replace(" ", "_")


@then(parsers.parse('{name}\'s appropriate body at "{school}" is "{body}"'))
def appropriate_body_is(world, names, outcome: Outcome, name: str, school: str, body: str) -> None:
    assert outcome.error is None, outcome.error
    placement = _open_placement(world, names, name, school)
    assert placement.school_reported_appropriate_body_id == world.appropriate_bodies[body]


@then(parsers.parse("the new appropriate body is {verdict}"))
def appropriate_body_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "accepted":
        assert outcome.error is None, outcome.error
    else:
        assert outcome.error is not None
        assert outcome.error.rule == "appropriate_body_allowed_for_school"


@then("the change is refused as no change")
def refused_as_no_change(outcome: Outcome) -> None:
    assert outcome.error is not None
    assert outcome.error.rule in {
        "email_must_change",
        "working_pattern_must_change",
        "appropriate_body_must_change",
    }


@when(
    parsers.parse('"{school}" changes {name}\'s lead provider to "{provider}"'),
    target_fixture="outcome",
)
def changes_lead_provider(world, names, school: str, name: str, provider: str) -> Outcome:
    api_id = _api_id(world, names, name)
    ect = _is_ect(world, names, name, school)
    service = (EctLeadProviderService if ect else MentorLeadProviderService)(world.uow, world.clock)
    provider_id = world.lead_providers[provider]
    return attempt(
        lambda: service.change_lead_provider(
            world.schools[school], api_id, provider_id, world.actor
        )
    )


@then(
    parsers.parse(
        '{name}\'s only training at "{school}" is with "{provider}" in {year:d} from {day}'
    )
)
def only_training(world, names, outcome: Outcome, name, school, provider, year, day) -> None:
    assert outcome.error is None, outcome.error
    teacher = world.teacher(names[name])
    placement = max(
        (
            p
            for p in [*teacher.ect_at_school_periods, *teacher.mentor_at_school_periods]
            if p.school_id == world.schools[school]
        ),
        key=lambda p: p.started_on,
    )
    (training,) = placement.training_periods
    assert training.expression_of_interest_id == world.active_lead_provider_id(provider, year)
    assert training.started_on == a_day(day)
    assert training.schedule_id == world.schedule_id(year, "ecf-standard-september")


_LEAD_PROVIDER_RULES = {
    "no change": "lead_provider_must_change",
    "not training ECTs then": "lead_provider_active_in_contract_period",
    "they have no provider-led training": "lead_provider_change_needs_provider_led_training",
}


@then(parsers.parse("the change of lead provider is refused as {reason}"))
def lead_provider_refused(outcome: Outcome, reason: str) -> None:
    assert outcome.error is not None
    assert outcome.error.rule == _LEAD_PROVIDER_RULES[reason]
