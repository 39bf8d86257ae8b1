"""Delivery partners and the partnerships that link them to lead providers and schools
(participants-and-schools §1.10, lead-provider-api-v3 §0)."""

from __future__ import annotations

import uuid
from datetime import datetime

import attrs

from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import new_api_id


def _name(value: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise InvalidValue("Enter the delivery partner's name", field="name", rule="name_required")
    return name


def same_name(one: str, other: str) -> bool:
    """Delivery partner names are unique regardless of case (§1.10)."""
    return _name(one).casefold() == _name(other).casefold()


@attrs.define(kw_only=True)
class DeliveryPartner:
    """An organisation that delivers a lead provider's training to schools."""

    name: str = attrs.field(converter=_name)
    created_at: datetime
    api_updated_at: datetime = attrs.field(
        default=attrs.Factory(lambda self: self.created_at, takes_self=True)
    )
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def rename(self, name: str, *, now: datetime) -> None:
        self.name = _name(name)
        self.api_updated_at = now


@attrs.define(kw_only=True)
class LeadProviderDeliveryPartnership:
    """This lead provider works with this delivery partner in this contract period."""

    active_lead_provider_id: int
    delivery_partner_id: int
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)


@attrs.define(kw_only=True)
class SchoolPartnership:
    """The lead provider has confirmed it trains this school's participants with this
    delivery partner in this contract period."""

    school_id: int
    lead_provider_delivery_partnership_id: int
    created_at: datetime
    api_updated_at: datetime = attrs.field(
        default=attrs.Factory(lambda self: self.created_at, takes_self=True)
    )
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    # The active lead provider that confirmed it through the API, which allows one per
    # lead provider, school and cohort (lead-provider-api-v3 §5.1, §6); unset when it was
    # reused from a previous year at registration (participants-and-schools §1.10).
    confirmed_by_id: int | None = None
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def move_to(self, lead_provider_delivery_partnership_id: int, *, now: datetime) -> None:
        """A lead provider may change the delivery partner (lead-provider-api-v3 §5.1)."""
        self.lead_provider_delivery_partnership_id = lead_provider_delivery_partnership_id
        self.api_updated_at = now
