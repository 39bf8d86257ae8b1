"""The payments context's tables: statements, adjustments, audit notes, declarations."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecf2.adapters.db.base import Base, enum_column, version_column
from ecf2.adapters.db.constraints import explain
from ecf2.domain.payments.declarations import (
    ClawbackStatus,
    EvidenceType,
    PaymentStatus,
)
from ecf2.domain.payments.model import (
    FeeType,
    StatementStatus,
)
from ecf2.domain.shared.declaration_types import DeclarationType

# The statuses that make a declaration "billable or changeable" (finance §1.11).
BILLABLE_OR_CHANGEABLE_SQL = (
    "payment_status IN ('no_payment', 'eligible', 'payable', 'paid') "
    "AND clawback_status = 'no_clawback'"
)
ONE_BILLABLE_OR_CHANGEABLE = explain(
    "uq_declarations_billable_or_changeable",
    "declaration_type",
    "A declaration of this type that will be or has been paid already exists for this participant",
)
explain(
    "uq_statements_active_lead_provider_id_year_month",
    "month",
    "This lead provider already has a statement for that month",
)
explain("ck_statements_month_in_range", "month", "Month must be 1 to 12")
explain("ck_statements_year_from_2020", "year", "Year must be 2020 or later")
explain(
    "ck_statements_payment_after_deadline",
    "payment_date",
    "Payment date must be after the deadline date",
)
explain("ck_statement_adjustments_amount_not_zero", "amount", "Amount must not be zero")
explain(
    "ck_statement_adjustments_amount_in_range",
    "amount",
    "Amount must be between -£1,000,000 and £1,000,000",
)
explain(
    "ck_declarations_payment_statement_required",
    "payment_statement_id",
    "An eligible, payable or paid declaration needs a payment statement",
)
explain(
    "ck_declarations_clawback_statement_required",
    "clawback_statement_id",
    "A declaration being clawed back needs a clawback statement",
)
explain(
    "ck_declarations_clawback_only_when_paid",
    "clawback_status",
    "Only a paid declaration can be clawed back",
)


class StatementRow(Base):
    __tablename__ = "statements"
    __table_args__ = (
        # Unique per active lead provider across its contracts (finance §1.8).
        UniqueConstraint("active_lead_provider_id", "year", "month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_in_range"),
        CheckConstraint("year >= 2020", name="year_from_2020"),
        CheckConstraint("payment_date > deadline_date", name="payment_after_deadline"),
        Index(
            "ix_statements_active_lead_provider_id_fee_type_payment_date",
            "active_lead_provider_id",
            "fee_type",
            "payment_date",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    active_lead_provider_id: Mapped[int] = mapped_column(ForeignKey("active_lead_providers.id"))
    month: Mapped[int]
    year: Mapped[int]
    deadline_date: Mapped[date]
    payment_date: Mapped[date]
    fee_type: Mapped[FeeType] = mapped_column(
        enum_column(FeeType, "fee_type"), server_default=FeeType.OUTPUT.value
    )
    status: Mapped[StatementStatus] = mapped_column(
        enum_column(StatementStatus, "statement_status"), server_default="open"
    )
    marked_as_paid_at: Mapped[datetime | None]
    api_updated_at: Mapped[datetime]
    created_at: Mapped[datetime]
    version: Mapped[int] = version_column()

    adjustments: Mapped[list[AdjustmentRow]] = relationship(
        cascade="all, delete-orphan", order_by="AdjustmentRow.id"
    )
    audit_notes: Mapped[list[AuditNoteRow]] = relationship(
        cascade="all, delete-orphan", order_by="(AuditNoteRow.created_at, AuditNoteRow.id)"
    )

    __mapper_args__ = {"version_id_col": version}


class AdjustmentRow(Base):
    __tablename__ = "statement_adjustments"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount_not_zero"),
        CheckConstraint("amount BETWEEN -1000000 AND 1000000", name="amount_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    payment_type: Mapped[str] = mapped_column(String(500))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))


class AuditNoteRow(Base):
    __tablename__ = "statement_audit_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class DeclarationRow(Base):
    __tablename__ = "declarations"
    __table_args__ = (
        # At most one billable-or-changeable declaration per training period and type:
        # two racing identical submissions store exactly one (api §2.3, finance §1.11).
        Index(
            ONE_BILLABLE_OR_CHANGEABLE,
            "training_period_id",
            "declaration_type",
            unique=True,
            postgresql_where=text(BILLABLE_OR_CHANGEABLE_SQL),
            sqlite_where=text(BILLABLE_OR_CHANGEABLE_SQL),
        ),
        CheckConstraint(
            "payment_status IN ('no_payment', 'voided') OR payment_statement_id IS NOT NULL",
            name="payment_statement_required",
        ),
        CheckConstraint(
            "clawback_status = 'no_clawback' OR clawback_statement_id IS NOT NULL",
            name="clawback_statement_required",
        ),
        CheckConstraint(
            "clawback_status = 'no_clawback' OR payment_status = 'paid'",
            name="clawback_only_when_paid",
        ),
        # Statement totals group a statement's declarations by type (finance §5.2).
        Index(
            "ix_declarations_payment_statement_id_declaration_type",
            "payment_statement_id",
            "declaration_type",
        ),
        Index(
            "ix_declarations_clawback_statement_id_declaration_type",
            "clawback_statement_id",
            "declaration_type",
        ),
        Index("ix_declarations_api_updated_at", "api_updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    api_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    training_period_id: Mapped[int] = mapped_column(ForeignKey("training_periods.id"), index=True)
    declaration_type: Mapped[DeclarationType] = mapped_column(
        enum_column(DeclarationType, "declaration_type")
    )
    declaration_date: Mapped[datetime]
    payment_status: Mapped[PaymentStatus] = mapped_column(
        enum_column(PaymentStatus, "payment_status"), server_default="no_payment"
    )
    clawback_status: Mapped[ClawbackStatus] = mapped_column(
        enum_column(ClawbackStatus, "clawback_status"), server_default="no_clawback"
    )
    payment_statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))
    clawback_statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))
    pupil_premium_uplift: Mapped[bool] = mapped_column(server_default=text("false"))
    sparsity_uplift: Mapped[bool] = mapped_column(server_default=text("false"))
    evidence_type: Mapped[EvidenceType | None] = mapped_column(
        enum_column(EvidenceType, "evidence_type")
    )
    voided_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("dfe_staff_users.id"))
    voided_at: Mapped[datetime | None]
    mentorship_period_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentorship_periods.id"), index=True
    )
    delivery_partner_when_created_id: Mapped[int | None] = mapped_column(
        ForeignKey("delivery_partners.id"), index=True
    )
    created_at: Mapped[datetime]
    api_updated_at: Mapped[datetime]
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}
