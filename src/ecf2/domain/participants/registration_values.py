"""Values a registration reads from other contexts, in the participants context's own
terms (participants-and-schools §1.2, §2.4, §3.1 steps 10-12)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import attrs

from ecf2.domain.shared.errors import RuleBroken


class AppropriateBodyKind(StrEnum):
    LOCAL_AUTHORITY = "local_authority"
    NATIONAL = "national"
    TEACHING_SCHOOL_HUB = "teaching_school_hub"


@attrs.frozen
class AppropriateBodyOption:
    id: int
    name: str
    kind: AppropriateBodyKind = attrs.field(converter=AppropriateBodyKind)
    # Linked to a DfE Sign-in organisation, so it can record inductions (§1.12).
    active: bool = True

    def allowed_for(self, independent_school: bool) -> bool:
        """§1.2: an active teaching school hub; for an independent school also a national
        body such as ISTIP. Local authorities no longer are."""
        kinds = {AppropriateBodyKind.TEACHING_SCHOOL_HUB}
        if independent_school:
            kinds.add(AppropriateBodyKind.NATIONAL)
        return self.active and self.kind in kinds


def check_appropriate_body(
    chosen_id: int, options: list[AppropriateBodyOption], independent_school: bool
) -> AppropriateBodyOption:
    chosen = next((option for option in options if option.id == chosen_id), None)
    if chosen is None or not chosen.allowed_for(independent_school):
        school = "an independent school" if independent_school else "a state-funded school"
        raise RuleBroken(
            f"Choose an appropriate body that can record inductions for {school}",
            field="appropriate_body_id",
            rule="appropriate_body_allowed_for_school",
        )
    return chosen


@attrs.frozen
class LeadProviderOption:
    id: int
    name: str


@attrs.frozen
class TrainingProviders:
    """Who a provider-led training names: its lead provider, and the delivery partner
    once a partnership is confirmed."""

    lead_provider: LeadProviderOption
    delivery_partner_name: str | None = None


@attrs.frozen
class RegistrationPeriod:
    """The contract period a registration lands in (§2.4). `reassigned_from` is the start
    of the period an ECT moved out of a frozen one goes to (§2.5)."""

    year: int
    reassigned: bool = False
    reuses_previous_schedule: bool = False
    reassigned_from: date | None = None


@attrs.frozen
class ProviderLedLinks:
    """How provider-led training names its lead provider (§1.5) and its schedule."""

    schedule_id: int
    school_partnership_id: int | None = None
    expression_of_interest_id: int | None = None


@attrs.frozen
class ReusablePartnership:
    """A partnership of the school's with the lead provider, through a delivery partner
    still paired with it in the registration's contract period (§3.1 step 9)."""

    id: int
    contract_period_year: int


@attrs.frozen
class PreviousChoices:
    """What the school chose last, when it can be chosen again for this ECT (§3.1 step 9).
    `recreate_partnership_id` is an earlier year's partnership to re-create in this one."""

    appropriate_body_id: int
    training_programme: str
    lead_provider_id: int | None = None
    recreate_partnership_id: int | None = None
