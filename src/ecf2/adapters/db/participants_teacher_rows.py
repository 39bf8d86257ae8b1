"""Tables of the Teacher aggregate: teachers, their placements, training and mentorships
(participants-and-schools §1.1-§1.5)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecf2.adapters.db.base import PERIOD_CHECK, Base, enum_column, no_overlap, version_column
from ecf2.domain.participants.values import (
    AnonymisationReason,
    DeferralReason,
    MentorIneligibilityReason,
    MigrationMode,
    TrainingProgramme,
    TrainingRole,
    TrsInductionStatus,
    TrsResponse,
    WithdrawalReason,
    WorkingPattern,
)

OPEN = "finished_on IS NULL"
# Teachers in order of the name shown, as long lists read them (inductions-trs (a.12)):
# indexed, so that a page of a long list reads its names in order instead of sorting all.
NAME_ORDER = "lower(coalesce(corrected_name, trs_first_name || ' ' || trs_last_name, ''))"


def both_or_neither(first: str, second: str) -> str:
    return f"({first} IS NULL) = ({second} IS NULL)"


def one_open(name: str, *columns: str, where: str = OPEN) -> Index:
    """At most one unfinished period per key: a partial unique index on both databases."""
    return Index(
        name, *columns, unique=True, postgresql_where=text(where), sqlite_where=text(where)
    )


def _uuid_column() -> Mapped[uuid.UUID]:
    return mapped_column(Uuid, unique=True)


class TeacherRow(Base):
    __tablename__ = "teachers"
    __table_args__ = (
        CheckConstraint(
            "(trnless AND trn IS NULL) OR (NOT trnless AND trn IS NOT NULL)",
            name="trn_or_trnless",
        ),
        CheckConstraint(
            both_or_neither(
                "mentor_became_ineligible_for_funding_on",
                "mentor_became_ineligible_for_funding_reason",
            ),
            name="mentor_ineligibility_has_date_and_reason",
        ),
        CheckConstraint(
            both_or_neither("anonymised_at", "anonymisation_reason"),
            name="anonymisation_has_date_and_reason",
        ),
        Index("ix_teachers_name_order", text(NAME_ORDER), "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trn: Mapped[str | None] = mapped_column(String(7), unique=True)
    trnless: Mapped[bool] = mapped_column(default=False)
    trs_first_name: Mapped[str | None] = mapped_column(String(80))
    trs_last_name: Mapped[str | None] = mapped_column(String(80))
    corrected_name: Mapped[str | None] = mapped_column(String(255))
    trs_induction_status: Mapped[TrsInductionStatus | None] = mapped_column(
        enum_column(TrsInductionStatus, "trs_induction_status")
    )
    trs_induction_start_date: Mapped[date | None]
    trs_induction_completed_date: Mapped[date | None]
    trs_qts_awarded_on: Mapped[date | None]
    trs_qts_status_description: Mapped[str | None] = mapped_column(String(255))
    trs_initial_teacher_training_provider_name: Mapped[str | None] = mapped_column(String(255))
    trs_initial_teacher_training_end_date: Mapped[date | None]
    trs_data_last_refreshed_at: Mapped[datetime | None]
    trs_response: Mapped[TrsResponse | None] = mapped_column(
        enum_column(TrsResponse, "trs_response")
    )
    trs_redirected_to: Mapped[str | None] = mapped_column(String(255))
    ect_first_became_eligible_for_training_at: Mapped[datetime | None]
    ect_became_ineligible_for_funding_on: Mapped[date | None]
    ect_payments_frozen_year: Mapped[int | None]
    mentor_first_became_eligible_for_training_at: Mapped[datetime | None]
    mentor_became_ineligible_for_funding_on: Mapped[date | None]
    mentor_became_ineligible_for_funding_reason: Mapped[MentorIneligibilityReason | None] = (
        mapped_column(enum_column(MentorIneligibilityReason, "mentor_ineligibility_reason"))
    )
    mentor_payments_frozen_year: Mapped[int | None]
    api_id: Mapped[uuid.UUID] = _uuid_column()
    api_ect_training_record_id: Mapped[uuid.UUID] = _uuid_column()
    api_mentor_training_record_id: Mapped[uuid.UUID] = _uuid_column()
    api_updated_at: Mapped[datetime | None]
    api_unfunded_mentor_updated_at: Mapped[datetime | None]
    migration_mode: Mapped[MigrationMode] = mapped_column(
        enum_column(MigrationMode, "migration_mode"), default=MigrationMode.NOT_MIGRATED
    )
    anonymised_at: Mapped[datetime | None]
    anonymisation_reason: Mapped[AnonymisationReason | None] = mapped_column(
        enum_column(AnonymisationReason, "anonymisation_reason")
    )
    version: Mapped[int] = version_column()

    ect_at_school_periods: Mapped[list[ECTAtSchoolPeriodRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="(ECTAtSchoolPeriodRow.started_on, ECTAtSchoolPeriodRow.id)",
        lazy="raise",
    )
    mentor_at_school_periods: Mapped[list[MentorAtSchoolPeriodRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="(MentorAtSchoolPeriodRow.started_on, MentorAtSchoolPeriodRow.id)",
        lazy="raise",
    )

    __mapper_args__ = {"version_id_col": version}


class ECTAtSchoolPeriodRow(Base):
    __tablename__ = "ect_at_school_periods"
    __table_args__ = (
        CheckConstraint(PERIOD_CHECK, name="period_in_order"),
        UniqueConstraint("teacher_id", "started_on"),
        UniqueConstraint("school_id", "teacher_id", "started_on"),
        one_open("uq_ect_at_school_periods_one_open_per_teacher", "teacher_id"),
        no_overlap("ect_at_school_periods_no_overlap", "teacher_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    started_on: Mapped[date]
    finished_on: Mapped[date | None]
    email: Mapped[str | None] = mapped_column(String(320))
    working_pattern: Mapped[WorkingPattern | None] = mapped_column(
        enum_column(WorkingPattern, "working_pattern")
    )
    school_reported_appropriate_body_id: Mapped[int | None] = mapped_column(
        ForeignKey("appropriate_bodies.id"), index=True
    )
    reported_leaving_by_school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    ecf_start_induction_record_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    ecf_end_induction_record_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    training_periods: Mapped[list[TrainingPeriodRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="(TrainingPeriodRow.started_on, TrainingPeriodRow.id)",
        foreign_keys="TrainingPeriodRow.ect_at_school_period_id",
        lazy="raise",
    )
    mentorship_periods: Mapped[list[MentorshipPeriodRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="(MentorshipPeriodRow.started_on, MentorshipPeriodRow.id)",
        foreign_keys="MentorshipPeriodRow.ect_at_school_period_id",
        lazy="raise",
    )


class MentorAtSchoolPeriodRow(Base):
    __tablename__ = "mentor_at_school_periods"
    __table_args__ = (
        CheckConstraint(PERIOD_CHECK, name="period_in_order"),
        UniqueConstraint("school_id", "teacher_id", "started_on"),
        one_open("uq_mentor_at_school_periods_one_open_per_school", "school_id", "teacher_id"),
        no_overlap("mentor_at_school_periods_no_overlap", "teacher_id", "school_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    started_on: Mapped[date]
    finished_on: Mapped[date | None]
    email: Mapped[str | None] = mapped_column(String(320))
    reported_leaving_by_school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    ecf_start_induction_record_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    ecf_end_induction_record_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    training_periods: Mapped[list[TrainingPeriodRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="(TrainingPeriodRow.started_on, TrainingPeriodRow.id)",
        foreign_keys="TrainingPeriodRow.mentor_at_school_period_id",
        lazy="raise",
    )


class MentorshipPeriodRow(Base):
    __tablename__ = "mentorship_periods"
    __table_args__ = (
        CheckConstraint(PERIOD_CHECK, name="period_in_order"),
        UniqueConstraint("ect_at_school_period_id", "started_on"),
        UniqueConstraint(
            "mentor_at_school_period_id",
            "ect_at_school_period_id",
            "started_on",
            name="uq_mentorship_periods_mentor_ect_started_on",
        ),
        one_open("uq_mentorship_periods_one_open_per_ect", "ect_at_school_period_id"),
        no_overlap("mentorship_periods_no_overlap", "ect_at_school_period_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ect_at_school_period_id: Mapped[int] = mapped_column(
        ForeignKey("ect_at_school_periods.id"), index=True
    )
    mentor_at_school_period_id: Mapped[int] = mapped_column(
        ForeignKey("mentor_at_school_periods.id", name="fk_mentorship_periods_mentor_placement"),
        index=True,
    )
    started_on: Mapped[date]
    finished_on: Mapped[date | None]

    # Set only to link a mentor placement saved in the same unit of work.
    mentor_at_school_period: Mapped[MentorAtSchoolPeriodRow] = relationship(lazy="raise")


_PROVIDER_LED = "training_programme = 'provider_led'"
_NO_LEAD_PROVIDER = (
    "schedule_id IS NULL AND school_partnership_id IS NULL AND expression_of_interest_id IS NULL"
)


class TrainingPeriodRow(Base):
    __tablename__ = "training_periods"
    __table_args__ = (
        CheckConstraint(PERIOD_CHECK, name="period_in_order"),
        CheckConstraint(
            "(ect_at_school_period_id IS NULL) <> (mentor_at_school_period_id IS NULL)",
            name="exactly_one_placement",
        ),
        CheckConstraint(
            "(role = 'ect' AND ect_at_school_period_id IS NOT NULL) "
            "OR (role = 'mentor' AND mentor_at_school_period_id IS NOT NULL)",
            name="role_matches_placement",
        ),
        CheckConstraint(f"{_PROVIDER_LED} OR ({_NO_LEAD_PROVIDER})", name="school_led_has_none"),
        CheckConstraint(
            f"NOT {_PROVIDER_LED} OR (schedule_id IS NOT NULL AND "
            "(school_partnership_id IS NOT NULL OR expression_of_interest_id IS NOT NULL))",
            name="provider_led_has_lead_provider",
        ),
        CheckConstraint(f"role = 'ect' OR {_PROVIDER_LED}", name="mentor_training_provider_led"),
        CheckConstraint(
            both_or_neither("withdrawn_at", "withdrawal_reason"), name="withdrawal_pair"
        ),
        CheckConstraint(both_or_neither("deferred_at", "deferral_reason"), name="deferral_pair"),
        CheckConstraint(
            "finished_on IS NOT NULL OR (withdrawn_at IS NULL AND deferred_at IS NULL)",
            name="withdrawn_or_deferred_finished",
        ),
        one_open(
            "uq_training_periods_one_open_per_ect_placement",
            "ect_at_school_period_id",
            where=f"{OPEN} AND ect_at_school_period_id IS NOT NULL",
        ),
        one_open(
            "uq_training_periods_one_open_per_mentor_placement",
            "mentor_at_school_period_id",
            where=f"{OPEN} AND mentor_at_school_period_id IS NOT NULL",
        ),
        no_overlap("training_periods_no_overlap", "teacher_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    role: Mapped[TrainingRole] = mapped_column(enum_column(TrainingRole, "training_role"))
    ect_at_school_period_id: Mapped[int | None] = mapped_column(
        ForeignKey("ect_at_school_periods.id"), index=True
    )
    mentor_at_school_period_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentor_at_school_periods.id"), index=True
    )
    training_programme: Mapped[TrainingProgramme] = mapped_column(
        enum_column(TrainingProgramme, "training_programme")
    )
    started_on: Mapped[date]
    finished_on: Mapped[date | None]
    school_partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("school_partnerships.id"), index=True
    )
    expression_of_interest_id: Mapped[int | None] = mapped_column(
        ForeignKey("active_lead_providers.id"), index=True
    )
    schedule_id: Mapped[int | None] = mapped_column(ForeignKey("schedules.id"), index=True)
    withdrawn_at: Mapped[datetime | None]
    withdrawal_reason: Mapped[WithdrawalReason | None] = mapped_column(
        enum_column(WithdrawalReason, "withdrawal_reason")
    )
    deferred_at: Mapped[datetime | None]
    deferral_reason: Mapped[DeferralReason | None] = mapped_column(
        enum_column(DeferralReason, "deferral_reason")
    )
    # When the period was recorded or its dates last changed: the transfers a lead provider
    # reads are "updated" then (lead-provider-api-v3 §2.2). The unit of work stamps it.
    api_transfer_updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), index=True)

    # Set only to link a training period to a teacher saved in the same unit of work.
    teacher: Mapped[TeacherRow] = relationship(lazy="raise")
