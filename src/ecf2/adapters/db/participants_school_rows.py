"""Tables of schools and of GIAS, the register they come from
(participants-and-schools §1.6-§1.8)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecf2.adapters.db.base import Base, enum_column, version_column
from ecf2.adapters.db.participants_teacher_rows import both_or_neither
from ecf2.domain.participants.rules import GIAS_ESTABLISHMENT_TYPES
from ecf2.domain.participants.values import GiasSchoolStatus, TrainingProgramme

URN = String(7)


def _stamp() -> datetime:
    return datetime.now(UTC)


def _sql_list(values: frozenset[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(values))


class GiasSchoolRow(Base):
    __tablename__ = "gias_schools"
    __table_args__ = (
        CheckConstraint(
            f"type_name IN ({_sql_list(GIAS_ESTABLISHMENT_TYPES)})",
            name="known_establishment_type",
        ),
    )

    urn: Mapped[str] = mapped_column(URN, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    type_name: Mapped[str] = mapped_column(String(60))
    status: Mapped[GiasSchoolStatus] = mapped_column(
        enum_column(GiasSchoolStatus, "gias_school_status")
    )
    local_authority_code: Mapped[int]
    local_authority_name: Mapped[str | None] = mapped_column(String(255))
    administrative_district_name: Mapped[str | None] = mapped_column(String(255))
    establishment_number: Mapped[int | None]
    phase_name: Mapped[str | None] = mapped_column(String(100))
    address_line1: Mapped[str | None] = mapped_column(String(255))
    address_line2: Mapped[str | None] = mapped_column(String(255))
    address_line3: Mapped[str | None] = mapped_column(String(255))
    postcode: Mapped[str | None] = mapped_column(String(10))
    opened_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    section_41_approved: Mapped[bool]
    in_england: Mapped[bool]
    eligible: Mapped[bool] = mapped_column(default=False)
    ukprn: Mapped[int | None] = mapped_column(unique=True)
    primary_contact_email: Mapped[str | None] = mapped_column(String(320))
    secondary_contact_email: Mapped[str | None] = mapped_column(String(320))
    website: Mapped[str | None] = mapped_column(String(255))
    version: Mapped[int] = version_column()

    links: Mapped[list[GiasSchoolLinkRow]] = relationship(
        cascade="all, delete-orphan", order_by="GiasSchoolLinkRow.id", lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}


class GiasSchoolLinkRow(Base):
    __tablename__ = "gias_school_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    urn: Mapped[str] = mapped_column(ForeignKey("gias_schools.urn"), index=True)
    link_urn: Mapped[str] = mapped_column(URN)
    link_type: Mapped[str] = mapped_column(String(100))
    link_date: Mapped[date | None]


class SchoolRow(Base):
    __tablename__ = "schools"
    __table_args__ = (
        CheckConstraint(
            both_or_neither("induction_tutor_name", "induction_tutor_email"),
            name="induction_tutor_has_name_and_email",
        ),
        CheckConstraint(
            "induction_tutor_last_nominated_in IS NULL OR induction_tutor_email IS NOT NULL",
            name="induction_tutor_nominated_with_name_and_email",
        ),
        CheckConstraint(
            "(COALESCE(last_chosen_training_programme, '') = 'provider_led') "
            "= (last_chosen_lead_provider_id IS NOT NULL)",
            name="last_lead_provider_only_with_provider_led",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    urn: Mapped[str] = mapped_column(ForeignKey("gias_schools.urn"), unique=True)
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    marked_as_eligible: Mapped[bool] = mapped_column(default=False)
    induction_tutor_name: Mapped[str | None] = mapped_column(String(255))
    induction_tutor_email: Mapped[str | None] = mapped_column(String(320))
    induction_tutor_last_nominated_in: Mapped[int | None] = mapped_column(
        ForeignKey("contract_periods.year")
    )
    last_chosen_appropriate_body_id: Mapped[int | None] = mapped_column(
        ForeignKey("appropriate_bodies.id"), index=True
    )
    last_chosen_training_programme: Mapped[TrainingProgramme | None] = mapped_column(
        enum_column(TrainingProgramme, "training_programme")
    )
    last_chosen_lead_provider_id: Mapped[int | None] = mapped_column(
        ForeignKey("lead_providers.id"), index=True
    )
    opted_out_of_reminder_emails_until: Mapped[date | None]
    # Read by the lead provider API only (lead-provider-api-v3 §2.7); the School entity
    # does not carry them, so the database stamps them.
    created_at: Mapped[datetime] = mapped_column(
        default=_stamp, server_default=func.now(), index=True
    )
    api_updated_at: Mapped[datetime] = mapped_column(default=_stamp, server_default=func.now())
    version: Mapped[int] = version_column()

    gias_school: Mapped[GiasSchoolRow] = relationship(viewonly=True, lazy="raise")

    __mapper_args__ = {"version_id_col": version}


class SchoolFundingEligibilityRow(Base):
    __tablename__ = "school_funding_eligibilities"
    __table_args__ = (
        UniqueConstraint(
            "gias_school_urn",
            "contract_period_year",
            name="uq_school_funding_eligibilities_urn_year",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gias_school_urn: Mapped[str] = mapped_column(ForeignKey("gias_schools.urn"), index=True)
    contract_period_year: Mapped[int] = mapped_column(
        ForeignKey("contract_periods.year"), index=True
    )
    pupil_premium_uplift: Mapped[bool] = mapped_column(default=False)
    sparsity_uplift: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}
