"""The inductions context's tables: appropriate bodies, induction periods, extensions and
the drafts appropriate bodies fill in."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ecf2.adapters.db.base import PERIOD_CHECK, Base, enum_column, no_overlap, version_column
from ecf2.adapters.db.constraints import explain
from ecf2.domain.inductions.model import (
    AppropriateBodyType,
    InductionOutcome,
    InductionProgramme,
    TrainingProgramme,
)
from ecf2.domain.inductions.submissions import BatchStatus, BatchType

TERMS = Numeric(4, 1)
PERIOD_TERMS_CHECK = "number_of_terms IS NULL OR number_of_terms BETWEEN 0 AND 16"

explain("uq_appropriate_bodies_name", "name", "An appropriate body with this name already exists")
explain(
    "uq_appropriate_bodies_dfe_sign_in_organisation_id",
    "dfe_sign_in_organisation_id",
    "Another appropriate body already uses this DfE Sign-in organisation",
)
explain(
    "ck_induction_periods_period_in_order",
    "finished_on",
    "The end date must be on or after the start date",
)
explain(
    "ck_induction_periods_started_from_september_1999",
    "started_on",
    "An induction cannot start before 1 September 1999",
)
explain(
    "ck_induction_periods_number_of_terms_in_range",
    "number_of_terms",
    "Number of terms must be between 0 and 16",
)
explain(
    "ck_induction_periods_outcome_only_when_finished",
    "outcome",
    "Only a finished induction period can have an outcome",
)
explain(
    "ck_induction_periods_terms_only_when_finished",
    "number_of_terms",
    "Number of terms must be blank until the induction period finishes",
)
ONE_OUTCOME = explain(
    "uq_induction_periods_one_outcome_per_teacher",
    "outcome",
    "This teacher already has an induction outcome",
)
NO_OVERLAP = explain(
    "induction_periods_no_overlap",
    "started_on",
    "This induction period overlaps another of the teacher's induction periods",
)
explain(
    "ck_induction_extensions_number_of_terms_in_range",
    "number_of_terms",
    "Number of terms must be between 0.1 and 16",
)
explain(
    "ck_pending_induction_submissions_number_of_terms_in_range",
    "number_of_terms",
    "Number of terms must be between 0 and 16",
)


class AppropriateBodyRow(Base):
    __tablename__ = "appropriate_bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    body_type: Mapped[AppropriateBodyType] = mapped_column(
        enum_column(AppropriateBodyType, "appropriate_body_type"),
        server_default=AppropriateBodyType.TEACHING_SCHOOL_HUB.value,
    )
    dfe_sign_in_organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True)
    dqt_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}


class InductionPeriodRow(Base):
    __tablename__ = "induction_periods"
    __table_args__ = (
        CheckConstraint(PERIOD_CHECK, name="period_in_order"),
        CheckConstraint("started_on >= '1999-09-01'", name="started_from_september_1999"),
        CheckConstraint(PERIOD_TERMS_CHECK, name="number_of_terms_in_range"),
        CheckConstraint(
            "outcome IS NULL OR finished_on IS NOT NULL", name="outcome_only_when_finished"
        ),
        CheckConstraint(
            "number_of_terms IS NULL OR finished_on IS NOT NULL", name="terms_only_when_finished"
        ),
        # A teacher has at most one period with an outcome (inductions-trs (a.1)).
        Index(
            ONE_OUTCOME,
            "teacher_id",
            unique=True,
            postgresql_where=text("outcome IS NOT NULL"),
            sqlite_where=text("outcome IS NOT NULL"),
        ),
        Index("ix_induction_periods_teacher_id_started_on", "teacher_id", "started_on"),
        no_overlap(NO_OVERLAP, "teacher_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"))
    appropriate_body_id: Mapped[int] = mapped_column(
        ForeignKey("appropriate_bodies.id"), index=True
    )
    started_on: Mapped[date]
    finished_on: Mapped[date | None]
    number_of_terms: Mapped[Decimal | None] = mapped_column(TERMS)
    outcome: Mapped[InductionOutcome | None] = mapped_column(
        enum_column(InductionOutcome, "induction_outcome")
    )
    induction_programme: Mapped[InductionProgramme] = mapped_column(
        enum_column(InductionProgramme, "induction_programme")
    )
    training_programme: Mapped[TrainingProgramme | None] = mapped_column(
        enum_column(TrainingProgramme, "training_programme")
    )
    fail_confirmation_sent_on: Mapped[date | None]
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}


class InductionExtensionRow(Base):
    __tablename__ = "induction_extensions"
    __table_args__ = (
        CheckConstraint("number_of_terms BETWEEN 0.1 AND 16", name="number_of_terms_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    number_of_terms: Mapped[Decimal] = mapped_column(TERMS)
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}


class PendingInductionSubmissionBatchRow(Base):
    __tablename__ = "pending_induction_submission_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    appropriate_body_id: Mapped[int] = mapped_column(
        ForeignKey("appropriate_bodies.id"), index=True
    )
    batch_type: Mapped[BatchType] = mapped_column(enum_column(BatchType, "batch_type"))
    batch_status: Mapped[BatchStatus] = mapped_column(
        enum_column(BatchStatus, "batch_status"), server_default=BatchStatus.PENDING.value
    )
    data: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    error_message: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_size: Mapped[int | None]
    file_type: Mapped[str | None] = mapped_column(String(255))
    uploaded_count: Mapped[int | None]
    processed_count: Mapped[int | None]
    errored_count: Mapped[int | None]
    released_count: Mapped[int | None]
    failed_count: Mapped[int | None]
    passed_count: Mapped[int | None]
    claimed_count: Mapped[int | None]
    created_at: Mapped[datetime]
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}


class PendingInductionSubmissionRow(Base):
    __tablename__ = "pending_induction_submissions"
    __table_args__ = (
        CheckConstraint(PERIOD_TERMS_CHECK, name="number_of_terms_in_range"),
        Index("ix_pending_induction_submissions_delete_at", "delete_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    appropriate_body_id: Mapped[int | None] = mapped_column(
        ForeignKey("appropriate_bodies.id"), index=True
    )
    pending_induction_submission_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("pending_induction_submission_batches.id", ondelete="CASCADE"), index=True
    )
    trn: Mapped[str] = mapped_column(String(7), index=True)
    date_of_birth: Mapped[date | None]
    started_on: Mapped[date | None]
    finished_on: Mapped[date | None]
    number_of_terms: Mapped[Decimal | None] = mapped_column(TERMS)
    induction_programme: Mapped[InductionProgramme | None] = mapped_column(
        enum_column(InductionProgramme, "induction_programme")
    )
    training_programme: Mapped[TrainingProgramme | None] = mapped_column(
        enum_column(TrainingProgramme, "training_programme")
    )
    outcome: Mapped[InductionOutcome | None] = mapped_column(
        enum_column(InductionOutcome, "induction_outcome")
    )
    fail_confirmation_sent_on: Mapped[date | None]
    trs_first_name: Mapped[str | None] = mapped_column(String(80))
    trs_last_name: Mapped[str | None] = mapped_column(String(80))
    trs_email_address: Mapped[str | None] = mapped_column(String(254))
    trs_induction_status: Mapped[str | None] = mapped_column(String(40))
    trs_induction_status_description: Mapped[str | None] = mapped_column(String(255))
    trs_induction_start_date: Mapped[date | None]
    trs_induction_completed_date: Mapped[date | None]
    trs_qts_awarded_on: Mapped[date | None]
    trs_qts_status_description: Mapped[str | None] = mapped_column(String(255))
    trs_initial_teacher_training_provider_name: Mapped[str | None] = mapped_column(String(255))
    trs_initial_teacher_training_end_date: Mapped[date | None]
    trs_alerts: Mapped[list[str]] = mapped_column(JSON, default=list)
    trs_prohibited_from_teaching: Mapped[bool | None]
    confirmed_at: Mapped[datetime | None]
    error_messages: Mapped[list[str]] = mapped_column(JSON, default=list)
    delete_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}
