"""Which school partnerships a lead provider may confirm, and which delivery partner it
may move one to (lead-provider-api-v3 §5.1). Each field reports its first problem only;
every field is checked, so all are reported at once. Fields carry their internal names,
which the API translates (`contract_period_year` is shown as `cohort`)."""

from __future__ import annotations

import re
import uuid
from datetime import date

from ecf2.domain.contracts.partnership_facts import (
    NewPartnershipFacts,
    PartnershipChangeFacts,
    PartnershipRequest,
)

Problem = tuple[str, str]
COHORT = "contract_period_year"
SCHOOL = "school_api_id"
DELIVERY_PARTNER = "delivery_partner_api_id"
_YEAR = re.compile(r"^\d+$")
# The database's guards against two requests racing past the check below (§5.1).
ONE_CONFIRMED_PER_LEAD_PROVIDER = "uq_school_partnerships_confirmed_once"
ONE_PER_DELIVERY_PARTNER = "uq_school_partnerships_pair"
ALREADY_CONFIRMED: Problem = (
    SCHOOL,
    "You already have a confirmed partnership with this school for this cohort.",
)


def given(value: str | None) -> bool:
    return value is not None and bool(value.strip())


def year_of(cohort: str | None) -> int | None:
    text = (cohort or "").strip()
    return int(text) if _YEAR.match(text) and len(text) < 6 else None


def uuid_of(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID((value or "").strip())
    except ValueError:
        return None


def _enter(field: str) -> Problem:
    return (field, f"Enter a '#/{field}'.")


def cohort_problem(
    request: PartnershipRequest, facts: NewPartnershipFacts, today: date
) -> Problem | None:
    """A cohort must exist, have started and be open (§5.1)."""
    period = facts.contract_period
    if not given(request.cohort):
        return _enter(COHORT)
    if period is None:
        return (COHORT, f"The '#/{COHORT}' you have entered is not a valid cohort.")
    if not period.started_by(today):
        return (COHORT, "You cannot partner with a school for a cohort that has not started yet.")
    if not period.enabled:
        return (COHORT, "This cohort is closed: you cannot partner with a school for it.")
    return None


def school_problems(request: PartnershipRequest, facts: NewPartnershipFacts) -> list[Problem]:
    """The school must exist and be eligible (the first of these that fails); and,
    whatever else is wrong with it, one partnership per lead provider, school and cohort,
    and none for a school training only school-led participants (§5.1, §1.7: every
    message for a field is given)."""
    school = facts.school
    found: list[Problem] = []
    if not given(request.school_id):
        found.append(_enter(SCHOOL))
    elif school is None:
        found.append((SCHOOL, f"The '#/{SCHOOL}' you have entered is not a school we know."))
    elif not school.eligible:
        found.append((SCHOOL, "This school is not eligible for DfE funding at present."))
    if school is not None and school.partnered_with_lead_provider:
        found.append(ALREADY_CONFIRMED)
    if school is not None and school.school_led_only:
        found.append(
            (SCHOOL, "This school has registered only school-led participants for this cohort.")
        )
    return found


def delivery_partner_problem(
    request: PartnershipRequest, facts: NewPartnershipFacts
) -> Problem | None:
    """The delivery partner must exist and work with the lead provider in the cohort."""
    if not given(request.delivery_partner_id):
        return _enter(DELIVERY_PARTNER)
    if not facts.delivery_partner_known:
        return (DELIVERY_PARTNER, f"The '#/{DELIVERY_PARTNER}' you have entered is not known.")
    if facts.lead_provider_delivery_partnership_id is None:
        return not_working_with_you()
    return None


def not_working_with_you() -> Problem:
    return (
        DELIVERY_PARTNER,
        "This delivery partner is not working with you in the given cohort.",
    )


def problems_with_new_partnership(
    request: PartnershipRequest, facts: NewPartnershipFacts, today: date
) -> list[Problem]:
    found = (
        cohort_problem(request, facts, today),
        *school_problems(request, facts),
        delivery_partner_problem(request, facts),
    )
    return [problem for problem in found if problem is not None]


def problems_with_partnership_change(
    delivery_partner_id: str | None, facts: PartnershipChangeFacts
) -> list[Problem]:
    """The new delivery partner must exist, work with the lead provider in the
    partnership's cohort, and not already partner the school with it (§5.1), which
    includes the partnership's own delivery partner."""
    if not given(delivery_partner_id):
        return [_enter(DELIVERY_PARTNER)]
    if not facts.delivery_partner_known:
        return [(DELIVERY_PARTNER, f"The '#/{DELIVERY_PARTNER}' you have entered is not known.")]
    if facts.lead_provider_delivery_partnership_id is None:
        return [not_working_with_you()]
    if facts.school_already_with_delivery_partner:
        return [
            (
                DELIVERY_PARTNER,
                "You are already in a confirmed partnership with this school and "
                "this delivery partner.",
            )
        ]
    return []
