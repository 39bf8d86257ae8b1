"""School partnerships: a lead provider has confirmed it trains a school's participants
with a delivery partner in a contract period (participants-and-schools §1.10)."""

from __future__ import annotations

from datetime import date

from ecf2.domain.contracts import SchoolPartnership
from ecf2.entrypoints.demo.reference import at, demo_uuid
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.school_plan import SchoolPlan
from ecf2.entrypoints.demo.summary import Tally, tally

Key = tuple[str, str, str, int]


def confirmed_partnerships(schools: list[SchoolPlan]) -> list[Key]:
    """(URN, lead provider, delivery partner, year) for every confirmed choice."""
    return [
        (plan.urn, choice.lead_provider, choice.delivery_partner, year)
        for plan in schools
        for year, choice in sorted(plan.choices.items())
        if choice.lead_provider is not None and choice.delivery_partner is not None
    ]


def seed(uow_factory: UowFactory, schools: list[SchoolPlan], refs: Refs) -> list[Tally]:
    made: dict[Key, SchoolPartnership] = {}
    created = 0
    with uow_factory() as uow:
        for key in confirmed_partnerships(schools):
            urn, lead_provider, partner, year = key
            school_id = refs.schools[urn]
            lpdp_id = refs.lead_provider_delivery_partnerships[lead_provider, partner, year]
            found = uow.school_partnerships.for_pair(school_id, lpdp_id)
            if found is None:
                found = SchoolPartnership(
                    school_id=school_id,
                    lead_provider_delivery_partnership_id=lpdp_id,
                    created_at=at(date(year, 6, 15), 10),
                    api_id=demo_uuid("school-partnership", *key),
                )
                uow.school_partnerships.add(found)
                created += 1
            made[key] = found
        uow.commit()
    refs.school_partnerships.update({key: id_of(each) for key, each in made.items()})
    return [tally("school partnerships", len(made), created)]
