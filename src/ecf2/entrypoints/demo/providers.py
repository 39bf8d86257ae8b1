"""Lead providers (real public names) with their bands in every contract period, invented
delivery partners paired with them year by year, and one API token per lead provider
whose plain text is its hyphenated lower-case name."""

from __future__ import annotations

from datetime import date
from typing import Any

from ecf2.domain.contracts import (
    ActiveLeadProvider,
    ApiToken,
    Band,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    token_digest,
)
from ecf2.entrypoints.demo.contract_periods import MENTOR_FUNDING_FROM, YEARS
from ecf2.entrypoints.demo.reference import at, demo_uuid, slug
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.summary import Tally, tally

LEAD_PROVIDERS = (
    "Ambition Institute",
    "Best Practice Network",
    "Education Development Trust",
    "Teach First",
    "UCL Early Career Teacher Education",
)
DELIVERY_PARTNERS = (
    "Aire Valley Teaching Partnership",
    "Blackwater Learning Alliance",
    "Cotswold Schools Collaborative",
    "Dales and Moors Teaching Alliance",
    "Estuary Learning Partnership",
    "Fenland Teaching Collaborative",
    "Greenway Schools Alliance",
    "High Weald Teaching Partnership",
    "Ironbridge Learning Trust",
    "Jurassic Coast Teaching Alliance",
    "Kennet Valley Schools Partnership",
    "Lakeland Teaching Collaborative",
)
DEMO_TOKENS = {name: slug(name) for name in LEAD_PROVIDERS}
# Band D (priced 100% output) was dropped with the 2025 contracts (finance §2).
BAND_CAPACITIES = (2000, 1000, 1000, 1000)
CREATED_ON = date(2021, 6, 1)


def delivery_partners_of(lead_provider: str, year: int) -> tuple[str, ...]:
    """Three delivery partners each, shared with the neighbours; a fourth from 2025."""
    first = 2 * LEAD_PROVIDERS.index(lead_provider)
    count = 4 if year >= MENTOR_FUNDING_FROM else 3
    size = len(DELIVERY_PARTNERS)
    return tuple(DELIVERY_PARTNERS[(first + k) % size] for k in range(count))


def band_capacities(year: int) -> tuple[int, ...]:
    return BAND_CAPACITIES if year < MENTOR_FUNDING_FROM else BAND_CAPACITIES[:3]


def seed_organisations(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    with uow_factory() as uow:
        known = {each.name: each for each in uow.lead_providers.list_all()}
        new_lead_providers = 0
        for name in LEAD_PROVIDERS:
            lead_provider = known.get(name)
            if lead_provider is None:
                lead_provider = LeadProvider(name=name, api_id=demo_uuid("lead-provider", name))
                uow.lead_providers.add(lead_provider)
                new_lead_providers += 1
            known[name] = lead_provider
        partners = {name: _delivery_partner(uow, name) for name in DELIVERY_PARTNERS}
        uow.commit()
    refs.lead_providers.update({name: id_of(known[name]) for name in LEAD_PROVIDERS})
    refs.delivery_partners.update({name: id_of(dp) for name, (dp, _) in partners.items()})
    return [
        tally("lead providers", len(LEAD_PROVIDERS), new_lead_providers),
        tally("delivery partners", len(partners), sum(new for _, new in partners.values())),
    ]


def _delivery_partner(uow: Any, name: str) -> tuple[DeliveryPartner, bool]:
    found = uow.delivery_partners.by_name(name)
    if found is not None:
        return found, False
    partner = DeliveryPartner(
        name=name, created_at=at(CREATED_ON), api_id=demo_uuid("delivery-partner", name)
    )
    uow.delivery_partners.add(partner)
    return partner, True


def seed_contracted_years(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    """Each lead provider active in every contract period, with its bands; API tokens."""
    created = tokens = 0
    with uow_factory() as uow:
        for year in YEARS:
            alps = uow.active_lead_providers.in_contract_period(year)
            active = {alp.lead_provider_id: alp for alp in alps}
            for name in LEAD_PROVIDERS:
                alp = active.get(refs.lead_providers[name])
                if alp is None:
                    alp = _active_lead_provider(refs.lead_providers[name], name, year)
                    uow.active_lead_providers.add(alp)
                    created += 1
                refs.active_lead_providers[name, year] = alp
        for name in LEAD_PROVIDERS:
            tokens += _api_token(uow, refs.lead_providers[name], DEMO_TOKENS[name])
        uow.commit()
    return [
        tally("active lead providers", len(YEARS) * len(LEAD_PROVIDERS), created),
        tally("API tokens", len(LEAD_PROVIDERS), tokens),
    ]


def _active_lead_provider(lead_provider_id: int, name: str, year: int) -> ActiveLeadProvider:
    bands = [
        Band(allocation_order=order, capacity=capacity)
        for order, capacity in enumerate(band_capacities(year), start=1)
    ]
    return ActiveLeadProvider(
        lead_provider_id=lead_provider_id,
        contract_period_year=year,
        bands=bands,
        api_id=demo_uuid("active-lead-provider", name, year),
    )


def _api_token(uow: Any, lead_provider_id: int, token: str) -> int:
    digest = token_digest(token)
    if uow.api_tokens.get_by_digest(digest) is not None:
        return 0
    record = ApiToken(
        lead_provider_id=lead_provider_id,
        token_digest=digest,
        description="Demo token",
        created_at=at(CREATED_ON),
    )
    uow.api_tokens.add(record)
    return 1


def seed_delivery_partnerships(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    made: dict[tuple[str, str, int], LeadProviderDeliveryPartnership] = {}
    created = 0
    with uow_factory() as uow:
        for (name, year), alp in refs.active_lead_providers.items():
            repository = uow.lead_provider_delivery_partnerships
            known = {
                each.delivery_partner_id: each
                for each in repository.for_active_lead_provider(id_of(alp))
            }
            for partner in delivery_partners_of(name, year):
                found = known.get(refs.delivery_partners[partner])
                if found is None:
                    partner_id = refs.delivery_partners[partner]
                    found = _partnership(id_of(alp), partner_id, (name, partner, year))
                    repository.add(found)
                    created += 1
                made[name, partner, year] = found
        uow.commit()
    refs.lead_provider_delivery_partnerships.update(
        {key: id_of(lpdp) for key, lpdp in made.items()}
    )
    return [tally("lead provider and delivery partner partnerships", len(made), created)]


def _partnership(
    alp_id: int, partner_id: int, key: tuple[str, str, int]
) -> LeadProviderDeliveryPartnership:
    return LeadProviderDeliveryPartnership(
        active_lead_provider_id=alp_id,
        delivery_partner_id=partner_id,
        api_id=demo_uuid("lead-provider-delivery-partnership", *key),
    )
