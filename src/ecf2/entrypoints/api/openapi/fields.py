"""What the attribute classes' plain `str` fields hold, by the field's name: the formats,
the values and a sentence for the reader. One vocabulary for every resource, as the API
uses one word for one thing (lead-provider-api-v3 §1.3, §3)."""

from __future__ import annotations

from typing import Any

from ecf2.domain.contracts.schedules import ScheduleIdentifier
from ecf2.domain.participants.values import (
    DeferralReason,
    MentorIneligibilityReason,
    TrainingStatus,
    WithdrawalReason,
    WorkingPattern,
)
from ecf2.domain.payments.declarations import ClawbackStatus, EvidenceType, PaymentStatus
from ecf2.domain.shared.declaration_types import DeclarationType

YEAR = {"pattern": r"^\d{4}$", "example": "2025"}
UUID = {"format": "uuid"}
DATE = {"format": "date"}
DATE_TIME = {"format": "date-time"}


def _dashed(values: Any) -> list[str]:
    return list(dict.fromkeys(str(value).replace("_", "-") for value in values))


def _declaration_states() -> list[str]:
    """`no_payment` is shown as `submitted` (§3.4)."""
    shown = [*PaymentStatus, *ClawbackStatus]
    return [
        "submitted" if value is PaymentStatus.NO_PAYMENT else str(value).replace("_", "-")
        for value in shown
        if value is not ClawbackStatus.NO_CLAWBACK
    ]


# By field name; a name that ends in _id is a UUID, _at a date-time and _date a date.
FIELDS: dict[str, dict[str, Any]] = {
    "cohort": YEAR | {"description": "The contract period (cohort) year."},
    "year": YEAR,
    "urn": {"pattern": r"^\d+$", "description": "The school's unique reference number."},
    "school_urn": {"pattern": r"^\d+$"},
    "month": {"example": "May", "description": "The month the statement is paid in."},
    "declaration_date": DATE_TIME
    | {"description": "When the participant reached the milestone (RFC 3339)."},
    "participant_type": {"enum": ["ect", "mentor"]},
    "course_identifier": {"enum": ["ecf-induction", "ecf-mentor"]},
    "training_status": {"enum": [str(value) for value in TrainingStatus]},
    "participant_status": {"enum": ["active", "joining", "leaving", "left"]},
    "schedule_identifier": {"enum": [str(value) for value in ScheduleIdentifier]},
    "declaration_type": {"enum": [str(value) for value in DeclarationType]},
    "evidence_held": {"enum": [str(value) for value in EvidenceType]},
    "state": {"enum": _declaration_states()},
    "working_pattern": {"enum": [str(value) for value in WorkingPattern]},
    "mentor_ineligible_for_funding_reason": {
        "enum": [str(value) for value in MentorIneligibilityReason]
    },
    "induction_programme_choice": {"enum": ["provider_led", "school_led", "not_yet_known"]},
    "email": {"format": "email"},
    "induction_tutor_email": {"format": "email"},
    "updated_at": {"description": "When anything lead providers see last changed."},
}

# Where one name means different things in different resources: "Class.field".
QUALIFIED: dict[str, dict[str, Any]] = {
    "WithdrawalAttributes.reason": {"enum": _dashed(WithdrawalReason)},
    "DeferralAttributes.reason": {"enum": _dashed(DeferralReason)},
    "ReasonAttributes.reason": {"enum": _dashed([*WithdrawalReason, *DeferralReason])},
    "ReasonAttributes.date": DATE_TIME,
    "EndAttributes.date": DATE,
    "TransferAttributes.transfer_type": {"enum": ["new_school", "new_provider", "unknown"]},
    "TransferAttributes.status": {"enum": ["incomplete", "complete"]},
    # The reference gives a transfer's created_at as a date.
    "TransferAttributes.created_at": DATE,
}


def string_field(owner: str, name: str) -> dict[str, Any]:
    """The schema of a string field `name` of the class called `owner`."""
    qualified = QUALIFIED.get(f"{owner}.{name}", {})
    return {"type": "string", **_by_suffix(name), **FIELDS.get(name, {}), **qualified}


def _by_suffix(name: str) -> dict[str, Any]:
    if name == "id" or name.endswith("_id"):
        return UUID
    if name.endswith("_at"):
        return DATE_TIME
    if name.endswith("_date"):
        return DATE
    return {}
