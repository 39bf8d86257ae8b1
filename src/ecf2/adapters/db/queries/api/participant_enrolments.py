"""A participant's enrolment as the API shows it (lead-provider-api-v3 §2.1), read from a
row of `participant_enrolment_rows`' query."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from typing import Any

import attrs
from sqlalchemy import Row

from ecf2.adapters.db.queries.api.participant_statuses import (
    eligible_for_funding,
    participant_status,
    training_status,
)
from ecf2.domain.participants.values import TrainingRole


@attrs.frozen
class Reason:
    reason: str
    date: datetime


@attrs.frozen
class EnrolmentView:
    training_record_id: uuid.UUID
    email: str | None
    mentor_id: uuid.UUID | None
    school_urn: str
    participant_type: str
    cohort: int
    training_status: str
    participant_status: str
    eligible_for_funding: bool | None
    pupil_premium_uplift: bool
    sparsity_uplift: bool
    schedule_identifier: str
    delivery_partner_id: uuid.UUID
    withdrawal: Reason | None
    deferral: Reason | None
    created_at: datetime
    induction_end_date: date | None
    most_recent_induction_period_end_date: date | None
    overall_induction_start_date: date | None
    mentor_funding_end_date: date | None
    mentor_ineligible_for_funding_reason: str | None
    cohort_changed_after_payments_frozen: bool
    working_pattern: str | None

    @classmethod
    def of_row(cls, row: Row[Any], today: date) -> EnrolmentView:
        return _enrolment(row._mapping, today)


def _reason(at: datetime | None, reason: Any, status: str, wanted: str) -> Reason | None:
    """Shown only while it is the training status; reasons are stored underscored (§3.1)."""
    if status != wanted or at is None or reason is None:
        return None
    return Reason(reason=str(reason).replace("_", "-"), date=at)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _enrolment(row: Any, today: date) -> EnrolmentView:
    ect = row["role"] == TrainingRole.ECT
    training = training_status(row["withdrawn_at"], row["deferred_at"])
    mentor_funding_end = None if ect else row["mentor_became_ineligible_for_funding_on"]
    mentor_reason = None if ect else row["mentor_became_ineligible_for_funding_reason"]
    induction_end = row["induction_end_date"] if ect else None
    uplifts = bool(row["uplift_fees_enabled"])
    prefix = "ect" if ect else "mentor"
    return EnrolmentView(
        training_record_id=row[f"api_{prefix}_training_record_id"],
        email=row["email"],
        mentor_id=row["mentor_api_id"] if ect else None,
        school_urn=row["urn"],
        participant_type=str(row["role"]),
        cohort=row["year"],
        training_status=training,
        participant_status=participant_status(
            training=training,
            started_on=row["started_on"],
            finished_on=row["finished_on"],
            completed_on=induction_end if ect else mentor_funding_end,
            today=today,
        ),
        eligible_for_funding=eligible_for_funding(
            row[f"{prefix}_first_became_eligible_for_training_at"],
            row[f"{prefix}_became_ineligible_for_funding_on"],
        ),
        pupil_premium_uplift=uplifts and bool(row["pupil_premium_uplift"]),
        sparsity_uplift=uplifts and bool(row["sparsity_uplift"]),
        schedule_identifier=str(row["identifier"]),
        delivery_partner_id=row["delivery_partner_api_id"],
        withdrawal=_reason(row["withdrawn_at"], row["withdrawal_reason"], training, "withdrawn"),
        deferral=_reason(row["deferred_at"], row["deferral_reason"], training, "deferred"),
        created_at=datetime.combine(row["first_started_on"], time(), tzinfo=UTC),
        induction_end_date=induction_end,
        most_recent_induction_period_end_date=row["latest_induction_end"] if ect else None,
        overall_induction_start_date=row["induction_start_date"] if ect else None,
        mentor_funding_end_date=mentor_funding_end,
        mentor_ineligible_for_funding_reason=_text(mentor_reason),
        cohort_changed_after_payments_frozen=row[f"{prefix}_payments_frozen_year"] is not None,
        working_pattern=None
        if not ect or row["working_pattern"] is None
        else str(row["working_pattern"]),
    )
