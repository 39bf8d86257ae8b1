"""Steps for the school partnership scenarios, bound to the ProviderPartnerships service
on an in-memory world (lead-provider-api-v3 §5.1, participants-and-schools §3.10)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from ecf2.domain.contracts import ContractPeriod, SchoolPartnership
from ecf2.domain.contracts.expressions_of_interest import InterestedTraining
from ecf2.domain.contracts.partnership_facts import PartnershipRequest
from ecf2.domain.contracts.provider_partnerships import ProviderPartnerships
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import FixedClock
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.partnerships_world import (
    FakeFacts,
    FakeUnitOfWork,
    PartnershipWorld,
    SchoolInfo,
)

NAME = r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*"
REFUSALS = {
    "the contract period is not one we know": ("contract_period_year", "not a valid cohort"),
    "the contract period has not started yet": ("contract_period_year", "has not started"),
    "the contract period is closed": ("contract_period_year", "closed"),
    "the school is not eligible for funding": ("school_api_id", "not eligible"),
    "the school has only school-led participants": ("school_api_id", "only school-led"),
    "the lead provider already has a partnership with the school that year": (
        "school_api_id",
        "already have a confirmed partnership",
    ),
    "the delivery partner does not work with the lead provider in that contract period": (
        "delivery_partner_api_id",
        "not working with you",
    ),
    "the school is already in partnership with that delivery partner": (
        "delivery_partner_api_id",
        "already in a confirmed partnership",
    ),
}


def _step(text: str) -> parsers.re:
    return parsers.re(text.replace("{name}", f"(?P<name>{NAME})"))


@pytest.fixture
def partnership_world(contract_periods: dict[int, ContractPeriod]) -> PartnershipWorld:
    return PartnershipWorld(contract_periods)


def _service(world: PartnershipWorld, lead_provider: str, today: date) -> ProviderPartnerships:
    lead_providers = {world.number(lead_provider): lead_provider}
    clock = FixedClock(datetime(today.year, today.month, today.day, 10, tzinfo=UTC))
    return ProviderPartnerships(
        lambda: FakeUnitOfWork(world), FakeFacts(world, lead_providers), clock
    )


def _actor(world: PartnershipWorld, lead_provider: str) -> Actor:
    return Actor.lead_provider(world.number(lead_provider), lead_provider)


def _confirm(
    world: PartnershipWorld, today: date, lead_provider: str, school: str, partner: str, year: str
) -> Outcome:
    request = PartnershipRequest(
        cohort=year,
        school_id=str(world.api_id(school)),
        delivery_partner_id=str(world.api_id(partner)),
    )
    service = _service(world, lead_provider, today)
    return attempt(
        lambda: service.confirm_partnership(
            world.number(lead_provider), request, _actor(world, lead_provider)
        )
    )


@given(
    parsers.re(
        rf"(?P<provider>{NAME}) works with (?P<partner>{NAME}) in (?P<first>\d{{4}})"
        r"(?: and in (?P<second>\d{4}))?$"
    )
)
def works_with(
    partnership_world: PartnershipWorld, provider: str, partner: str, first: str, second: str | None
) -> None:
    for year in filter(None, (first, second)):
        key = (provider, partner, int(year))
        partnership_world.links[key] = partnership_world.number(f"{key}")
        partnership_world.api_id(partner)


@given(_step(r"{name} is eligible for funding$"))
def eligible(partnership_world: PartnershipWorld, name: str) -> None:
    _school(partnership_world, name, eligible=True)


@given(_step(r"{name} is not eligible for funding$"))
def not_eligible(partnership_world: PartnershipWorld, name: str) -> None:
    _school(partnership_world, name, eligible=False)


@given(_step(r"{name} is no longer eligible for funding$"))
def no_longer_eligible(partnership_world: PartnershipWorld, name: str) -> None:
    partnership_world.schools[name].eligible = False


def _school(world: PartnershipWorld, name: str, *, eligible: bool) -> SchoolInfo:
    world.api_id(name)
    info = SchoolInfo(world.number(name), eligible)
    return world.schools.setdefault(name, info)


@given(_step(r"{name} registered only school-led participants for (?P<year>\d{4})$"))
def school_led(partnership_world: PartnershipWorld, name: str, year: str) -> None:
    partnership_world.schools[name].school_led_years.add(int(year))


@given(
    parsers.re(
        rf"(?P<provider>{NAME}) has confirmed a partnership with (?P<school>{NAME}) "
        rf"and (?P<partner>{NAME}) for (?P<year>\d{{4}})$"
    ),
    target_fixture="confirmed",
)
def has_confirmed(
    partnership_world: PartnershipWorld,
    today: date,
    provider: str,
    school: str,
    partner: str,
    year: str,
) -> Outcome:
    outcome = _confirm(partnership_world, today, provider, school, partner, year)
    assert outcome.error is None, outcome.error
    return outcome


@given(
    parsers.re(
        rf"(?P<school>{NAME}) registered (?P<who>an ECT and a mentor|an ECT) with "
        rf"(?P<provider>{NAME}) for (?P<year>\d{{4}})$"
    )
)
def registered_with(
    partnership_world: PartnershipWorld, school: str, who: str, provider: str, year: str
) -> None:
    world = partnership_world
    for _ in who.split(" and "):
        training_period_id = len(world.interested) + 1
        world.interested.append(
            InterestedTraining(
                training_period_id=training_period_id,
                teacher_id=training_period_id,
                active_lead_provider_id=world.active_lead_provider(provider, int(year)),
            )
        )
        world.training_schools[training_period_id] = world.number(school)


@when(
    parsers.re(
        rf"(?P<provider>{NAME}) confirms a partnership with (?P<school>{NAME}) "
        rf"and (?P<partner>{NAME}) for (?P<year>\d{{4}})$"
    ),
    target_fixture="outcome",
)
def confirms(
    partnership_world: PartnershipWorld,
    today: date,
    provider: str,
    school: str,
    partner: str,
    year: str,
) -> Outcome:
    return _confirm(partnership_world, today, provider, school, partner, year)


@when(
    parsers.re(rf"(?P<provider>{NAME}) moves the partnership to (?P<partner>{NAME})$"),
    target_fixture="outcome",
)
def moves(
    partnership_world: PartnershipWorld,
    today: date,
    confirmed: Outcome,
    provider: str,
    partner: str,
) -> Outcome:
    service = _service(partnership_world, provider, today)
    return attempt(
        lambda: service.change_delivery_partner(
            partnership_world.number(provider),
            confirmed.value,
            str(partnership_world.api_id(partner)),
            _actor(partnership_world, provider),
        )
    )


@then("the partnership is confirmed")
def is_confirmed(partnership_world: PartnershipWorld, outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value in {p.api_id for p in partnership_world.partnerships}


@then(parsers.re(r"the (?:partnership|move) is refused because (?P<reason>.+)$"))
def refused(outcome: Outcome, reason: str) -> None:
    field, words = REFUSALS[reason]
    assert outcome.error is not None, f"expected a refusal, got {outcome.value}"
    problems: list[tuple[str, str]] = getattr(outcome.error, "problems", [])
    assert any(found == field and words in message for found, message in problems), problems


@then(parsers.re(r"(?P<count>\d+) participants train in the new partnership$"))
def train_in_it(partnership_world: PartnershipWorld, outcome: Outcome, count: str) -> None:
    partnership = _partnership(partnership_world, outcome.value)
    joined = [t for t in partnership_world.interested if t.school_partnership is partnership]
    assert len(joined) == int(count)


@then("each of them is recorded as having joined the partnership")
def recorded(partnership_world: PartnershipWorld) -> None:
    joined = {t.training_period_id for t in partnership_world.interested if t.school_partnership}
    kinds = [event.event_type for event in partnership_world.events]
    assert kinds.count("training_period_assigned_to_school_partnership") == len(joined)
    assert kinds.count("school_partnership_created") == 1


@then("no participant trains in a new partnership")
def nobody_joins(partnership_world: PartnershipWorld) -> None:
    assert all(t.school_partnership is None for t in partnership_world.interested)
    assert partnership_world.partnerships == []


@then(parsers.re(rf"the partnership is with (?P<partner>{NAME})$"))
def is_with(
    partnership_world: PartnershipWorld, confirmed: Outcome, outcome: Outcome, partner: str
) -> None:
    assert outcome.error is None, outcome.error
    partnership = _partnership(partnership_world, confirmed.value)
    assert (
        partnership_world.link_of(partnership.lead_provider_delivery_partnership_id)[1] == partner
    )
    assert partnership_world.touched == [partnership.id]


def _partnership(world: PartnershipWorld, api_id: Any) -> SchoolPartnership:
    return next(p for p in world.partnerships if p.api_id == api_id)
