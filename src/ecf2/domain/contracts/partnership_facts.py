"""What confirming or changing a school partnership needs to know, gathered from the
contracts and participants contexts by the PartnershipFacts port (lead-provider-api-v3
§2.6, §5.1)."""

from __future__ import annotations

import uuid
from typing import Protocol

import attrs

from ecf2.domain.contracts.contract_periods import ContractPeriod


@attrs.frozen
class PartnershipRequest:
    """The POST body's attributes as sent: any of them may be missing or wrong."""

    cohort: str | None = None
    school_id: str | None = None
    delivery_partner_id: str | None = None


@attrs.frozen
class SchoolStanding:
    """A school as a lead provider asking to partner with it in one year sees it."""

    school_id: int
    eligible: bool
    school_led_only: bool = False
    partnered_with_lead_provider: bool = False


@attrs.frozen
class NewPartnershipFacts:
    contract_period: ContractPeriod | None = None
    school: SchoolStanding | None = None
    delivery_partner_known: bool = False
    active_lead_provider_id: int | None = None
    lead_provider_delivery_partnership_id: int | None = None


@attrs.frozen
class PartnershipChangeFacts:
    """A partnership of the lead provider, and the delivery partner it may move to."""

    school_partnership_id: int
    delivery_partner_known: bool = False
    lead_provider_delivery_partnership_id: int | None = None
    school_already_with_delivery_partner: bool = False


class PartnershipFacts(Protocol):
    def for_new_partnership(
        self,
        lead_provider_id: int,
        year: int | None,
        school_api_id: uuid.UUID | None,
        delivery_partner_api_id: uuid.UUID | None,
    ) -> NewPartnershipFacts: ...

    def for_change(
        self,
        lead_provider_id: int,
        partnership_api_id: uuid.UUID,
        delivery_partner_api_id: uuid.UUID | None,
    ) -> PartnershipChangeFacts | None:
        """None when the partnership is not this lead provider's (§2.6: not found)."""
        ...
