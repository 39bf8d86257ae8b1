"""Tables of the contracts context, with the constraints the specifications name
(finance-and-payments §1.1-§1.3, participants-and-schools §1.9-§1.11); contracts and
their fee structures are in contracts_fee_rows."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
    func,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecf2.adapters.db.base import PERIOD_CHECK, Base, enum_column, no_overlap, version_column
from ecf2.adapters.db.constraints import explain
from ecf2.domain.contracts.partnership_rules import (
    ALREADY_CONFIRMED,
    ONE_CONFIRMED_PER_LEAD_PROVIDER,
    ONE_PER_DELIVERY_PARTNER,
)
from ecf2.domain.contracts.schedules import ScheduleIdentifier
from ecf2.domain.shared.declaration_types import DeclarationType


def _flag(default: bool) -> Mapped[bool]:
    return mapped_column(default=default, server_default=true() if default else false())


class ContractPeriodRow(Base):
    __tablename__ = "contract_periods"
    __table_args__ = (
        CheckConstraint(PERIOD_CHECK, name="period_in_order"),
        CheckConstraint("year >= 2020", name="year_from_2020"),
        no_overlap("contract_periods_no_overlap"),
    )

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    started_on: Mapped[date]
    finished_on: Mapped[date]
    enabled: Mapped[bool] = _flag(False)
    payments_frozen_at: Mapped[datetime | None]
    mentor_funding_enabled: Mapped[bool] = _flag(False)
    detailed_evidence_types_enabled: Mapped[bool] = _flag(False)
    uplift_fees_enabled: Mapped[bool] = _flag(True)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class LeadProviderRow(Base):
    __tablename__ = "lead_providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    vat_registered: Mapped[bool] = _flag(True)
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class BandRow(Base):
    __tablename__ = "active_lead_provider_bands"
    __table_args__ = (
        UniqueConstraint(
            "active_lead_provider_id", "allocation_order", name="uq_bands_allocation_order"
        ),
        CheckConstraint("allocation_order > 0", name="allocation_order_above_zero"),
        CheckConstraint("capacity > 0", name="capacity_above_zero"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    active_lead_provider_id: Mapped[int] = mapped_column(
        ForeignKey("active_lead_providers.id", ondelete="CASCADE")
    )
    allocation_order: Mapped[int]
    capacity: Mapped[int]


class ActiveLeadProviderRow(Base):
    __tablename__ = "active_lead_providers"
    __table_args__ = (
        UniqueConstraint(
            "lead_provider_id", "contract_period_year", name="uq_active_lead_providers_pair"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_provider_id: Mapped[int] = mapped_column(ForeignKey("lead_providers.id"))
    contract_period_year: Mapped[int] = mapped_column(
        ForeignKey("contract_periods.year"), index=True
    )
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    bands: Mapped[list[BandRow]] = relationship(
        cascade="all, delete-orphan", order_by=BandRow.allocation_order
    )
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class DeliveryPartnerRow(Base):
    __tablename__ = "delivery_partners"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    created_at: Mapped[datetime]
    api_updated_at: Mapped[datetime]
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


Index("uq_delivery_partners_lower_name", func.lower(DeliveryPartnerRow.name), unique=True)


class LeadProviderDeliveryPartnershipRow(Base):
    __tablename__ = "lead_provider_delivery_partnerships"
    __table_args__ = (
        UniqueConstraint("active_lead_provider_id", "delivery_partner_id", name="uq_lpdp_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    active_lead_provider_id: Mapped[int] = mapped_column(ForeignKey("active_lead_providers.id"))
    delivery_partner_id: Mapped[int] = mapped_column(ForeignKey("delivery_partners.id"), index=True)
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class SchoolPartnershipRow(Base):
    __tablename__ = "school_partnerships"
    __table_args__ = (
        UniqueConstraint(
            "school_id", "lead_provider_delivery_partnership_id", name=ONE_PER_DELIVERY_PARTNER
        ),
        # Two lead provider requests racing for the same school and cohort: one wins (§5.1).
        UniqueConstraint(
            "school_id",
            "confirmed_by_id",
            name=ONE_CONFIRMED_PER_LEAD_PROVIDER,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    lead_provider_delivery_partnership_id: Mapped[int] = mapped_column(
        ForeignKey("lead_provider_delivery_partnerships.id"), index=True
    )
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    created_at: Mapped[datetime]
    api_updated_at: Mapped[datetime] = mapped_column(index=True)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("active_lead_providers.id"))
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class MilestoneRow(Base):
    __tablename__ = "milestones"
    __table_args__ = (
        UniqueConstraint("schedule_id", "declaration_type", name="uq_milestones_type"),
        CheckConstraint(
            "milestone_date IS NULL OR milestone_date > start_date", name="date_after_start"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedules.id", ondelete="CASCADE"))
    declaration_type: Mapped[DeclarationType] = mapped_column(
        enum_column(DeclarationType, "declaration_type")
    )
    start_date: Mapped[date]
    milestone_date: Mapped[date | None]


class ScheduleRow(Base):
    __tablename__ = "schedules"
    __table_args__ = (
        UniqueConstraint("contract_period_year", "identifier", name="uq_schedules_identifier"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_period_year: Mapped[int] = mapped_column(ForeignKey("contract_periods.year"))
    identifier: Mapped[ScheduleIdentifier] = mapped_column(
        enum_column(ScheduleIdentifier, "identifier")
    )
    milestones: Mapped[list[MilestoneRow]] = relationship(
        cascade="all, delete-orphan", order_by=MilestoneRow.id
    )
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_provider_id: Mapped[int] = mapped_column(ForeignKey("lead_providers.id"), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


explain(
    "contract_periods_no_overlap",
    "started_on",
    "A contract period cannot overlap another contract period",
)
explain(
    "ck_contract_periods_year_from_2020", "year", "A contract period's year must be 2020 or later"
)
explain("uq_lead_providers_name", "name", "A lead provider with this name already exists")
explain(
    "uq_active_lead_providers_pair",
    "contract_period_year",
    "This lead provider is already active in this contract period",
)
explain("uq_bands_allocation_order", "allocation_order", "This band already exists")
explain(
    "ck_active_lead_provider_bands_capacity_above_zero",
    "capacity",
    "A band's capacity must be more than 0",
)
explain(
    "uq_delivery_partners_lower_name", "name", "A delivery partner with this name already exists"
)
explain(
    "uq_lpdp_pair",
    "delivery_partner_id",
    "This lead provider already works with this delivery partner in this contract period",
)
explain(
    ONE_PER_DELIVERY_PARTNER,
    "delivery_partner_id",
    "This school is already in partnership with this lead provider and delivery partner",
)
explain(ONE_CONFIRMED_PER_LEAD_PROVIDER, *ALREADY_CONFIRMED)
explain("uq_schedules_identifier", "identifier", "This contract period already has this schedule")
explain("uq_milestones_type", "declaration_type", "This schedule already has this milestone")
explain(
    "ck_milestones_date_after_start",
    "milestone_date",
    "A milestone date must be after its start date",
)
explain("uq_api_tokens_token_digest", "token", "This API token already exists")
