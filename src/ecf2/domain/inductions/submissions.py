"""Drafts an appropriate body fills in before an induction changes: one teacher at a time,
or a CSV batch of them (inductions-trs (a.1), (a.11))."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from ecf2.domain.inductions import rules
from ecf2.domain.inductions.model import (
    InductionOutcome,
    InductionProgramme,
    TrainingProgramme,
    optional,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import Trn
from ecf2.domain.shared.period import Period

TRS_FAILED_STATUSES = frozenset({"Failed", "FailedInWales"})


def _trn(value: Trn | str) -> Trn:
    return value if isinstance(value, Trn) else Trn(value)


@attrs.define(kw_only=True)
class PendingInductionSubmission:
    """A short-lived draft: what the appropriate body typed, and what TRS said."""

    trn: Trn = attrs.field(converter=_trn)
    created_at: datetime
    appropriate_body_id: int | None = None
    pending_induction_submission_batch_id: int | None = None
    # What the appropriate body entered.
    date_of_birth: date | None = None
    started_on: date | None = None
    finished_on: date | None = None
    number_of_terms: Decimal | None = attrs.field(default=None, converter=rules.period_terms)
    induction_programme: InductionProgramme | None = attrs.field(
        default=None, converter=optional(InductionProgramme)
    )
    training_programme: TrainingProgramme | None = attrs.field(
        default=None, converter=optional(TrainingProgramme)
    )
    outcome: InductionOutcome | None = attrs.field(
        default=None, converter=optional(InductionOutcome)
    )
    fail_confirmation_sent_on: date | None = None
    # What TRS said about the teacher.
    trs_first_name: str | None = None
    trs_last_name: str | None = None
    trs_email_address: str | None = None
    trs_induction_status: str | None = None
    trs_induction_status_description: str | None = None
    trs_induction_start_date: date | None = None
    trs_induction_completed_date: date | None = None
    trs_qts_awarded_on: date | None = None
    trs_qts_status_description: str | None = None
    trs_initial_teacher_training_provider_name: str | None = None
    trs_initial_teacher_training_end_date: date | None = None
    trs_alerts: list[str] = attrs.field(factory=list)
    trs_prohibited_from_teaching: bool | None = None
    # Bookkeeping.
    confirmed_at: datetime | None = None
    error_messages: list[str] = attrs.field(factory=list)
    delete_at: datetime | None = None
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.started_on is not None:
            Period(self.started_on, self.finished_on)
        if self.outcome is not None and self.finished_on is None:
            raise InvalidValue(
                "Only a finished induction can have an outcome",
                field="outcome",
                rule="outcome_only_when_finished",
            )

    @property
    def trs_exempt(self) -> bool:
        return self.trs_induction_status == "Exempt"

    @property
    def trs_passed(self) -> bool:
        return self.trs_induction_status == "Passed"

    @property
    def trs_failed(self) -> bool:
        return self.trs_induction_status in TRS_FAILED_STATUSES

    def record_errors(self, messages: list[str]) -> None:
        """A failed save keeps the messages and blanks what was entered (a.1)."""
        self.error_messages = list(messages)
        self.induction_programme = self.training_programme = self.outcome = None
        self.started_on = self.finished_on = self.number_of_terms = None
        self.fail_confirmation_sent_on = None

    def confirm(self, at: datetime) -> None:
        self.confirmed_at = at

    def expire_at(self, at: datetime) -> None:
        self.delete_at = at

    def expired(self, now: datetime) -> bool:
        return self.delete_at is not None and self.delete_at <= now


class BatchType(StrEnum):
    CLAIM = "claim"
    ACTION = "action"


class BatchStatus(StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    PROCESSED = "processed"
    COMPLETING = "completing"
    COMPLETED = "completed"
    FAILED = "failed"


# pending -> processing -> processed -> completing -> completed; failed from any but the end.
_NEXT_STATUS = {
    BatchStatus.PENDING: BatchStatus.PROCESSING,
    BatchStatus.PROCESSING: BatchStatus.PROCESSED,
    BatchStatus.PROCESSED: BatchStatus.COMPLETING,
    BatchStatus.COMPLETING: BatchStatus.COMPLETED,
}
_TAGS = {
    BatchStatus.PENDING: "draft",
    BatchStatus.PROCESSING: "draft",
    BatchStatus.COMPLETING: "submitted",
    BatchStatus.COMPLETED: "submitted",
}
COUNTS = ("uploaded", "processed", "errored", "released", "failed", "passed", "claimed")


@attrs.define(kw_only=True)
class PendingInductionSubmissionBatch:
    """A CSV of claims or actions (pass, release) uploaded by an appropriate body (a.11)."""

    appropriate_body_id: int
    batch_type: BatchType = attrs.field(converter=BatchType)
    created_at: datetime
    batch_status: BatchStatus = attrs.field(default=BatchStatus.PENDING, converter=BatchStatus)
    data: list[dict[str, Any]] | None = None
    error_message: str | None = None
    file_name: str | None = None
    file_size: int | None = None
    file_type: str | None = None
    uploaded_count: int | None = None
    processed_count: int | None = None
    errored_count: int | None = None
    released_count: int | None = None
    failed_count: int | None = None
    passed_count: int | None = None
    claimed_count: int | None = None
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for name in COUNTS:
            count = getattr(self, f"{name}_count")
            if count is not None and count < 0:
                raise InvalidValue(
                    "A count cannot be negative", field=f"{name}_count", rule="count_not_negative"
                )

    @property
    def tag(self) -> str | None:
        """What the appropriate body sees: "draft" or "submitted" (a.1)."""
        return _TAGS.get(self.batch_status)

    def advance(self) -> BatchStatus:
        following = _NEXT_STATUS.get(self.batch_status)
        if following is None:
            raise RuleBroken(
                f"A {self.batch_status} batch cannot move on",
                field="batch_status",
                rule="batch_status_order",
            )
        self.batch_status = following
        return following

    def fail(self, error_message: str) -> None:
        if self.batch_status is BatchStatus.COMPLETED:
            raise RuleBroken(
                "A completed batch cannot fail", field="batch_status", rule="batch_status_order"
            )
        self.batch_status, self.error_message = BatchStatus.FAILED, error_message
