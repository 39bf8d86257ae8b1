"""Schools as GIAS (Get Information about Schools) publishes them
(participants-and-schools §1.7, §1.8)."""

from __future__ import annotations

from datetime import date

import attrs

from ecf2.domain.participants.rules import gias_school_is_open, known_establishment_type
from ecf2.domain.participants.values import GiasSchoolStatus
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import Urn


@attrs.define(kw_only=True)
class GiasSchoolLink:
    """GIAS's link from one school to another (a successor, a predecessor, a merger)."""

    link_urn: Urn
    link_type: str
    link_date: date | None = None
    id: int | None = None


@attrs.define(kw_only=True)
class GiasSchool:
    """One establishment from the GIAS register, keyed by its URN."""

    urn: Urn
    name: str
    type_name: str = attrs.field(validator=lambda _i, _a, value: known_establishment_type(value))
    status: GiasSchoolStatus = attrs.field(
        default=GiasSchoolStatus.OPEN, converter=GiasSchoolStatus
    )
    local_authority_code: int
    local_authority_name: str | None = None
    administrative_district_name: str | None = None
    establishment_number: int | None = None
    phase_name: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    address_line3: str | None = None
    postcode: str | None = None
    opened_on: date | None = None
    closed_on: date | None = None
    section_41_approved: bool = False
    in_england: bool = True
    # Worked out at import by gias_school_is_eligible (§4.1) and stored.
    eligible: bool = False
    ukprn: int | None = None
    primary_contact_email: str | None = None
    secondary_contact_email: str | None = None
    website: str | None = None
    links: list[GiasSchoolLink] = attrs.field(factory=list)
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    @property
    def open(self) -> bool:
        return gias_school_is_open(self.status)


@attrs.define(kw_only=True)
class SchoolFundingEligibility:
    """Uplifts a school's declarations carry in one contract period (§1.8)."""

    gias_school_urn: Urn
    contract_period_year: int
    pupil_premium_uplift: bool = False
    sparsity_uplift: bool = False
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)
