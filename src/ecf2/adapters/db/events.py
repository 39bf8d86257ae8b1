"""The events table: the audit trail, written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecf2.adapters.db.base import Base, enum_column
from ecf2.domain.shared.actors import AuthorType
from ecf2.domain.shared.events import SUBJECT_LINKS, DomainEvent


def _link(target: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(target, ondelete="SET NULL"), index=True, nullable=True)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(
            "author_type IN ('system', 'lead_provider_api') "
            "OR author_id IS NOT NULL OR author_email IS NOT NULL",
            name="author_identified",
        ),
        Index("ix_events_teacher_id_happened_at", "teacher_id", "happened_at"),
        Index("ix_events_school_id_happened_at", "school_id", "happened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_type: Mapped[str] = mapped_column(String(80))
    heading: Mapped[str] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    happened_at: Mapped[datetime]
    created_at: Mapped[datetime]
    author_type: Mapped[AuthorType] = mapped_column(enum_column(AuthorType, "author_type"))
    author_id: Mapped[str | None] = mapped_column(String(64))
    author_email: Mapped[str | None] = mapped_column(String(254))
    author_name: Mapped[str | None] = mapped_column(String(255))
    modifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    zendesk_ticket_id: Mapped[str | None] = mapped_column(String(6))

    teacher_id: Mapped[int | None] = _link("teachers.id")
    school_id: Mapped[int | None] = _link("schools.id")
    appropriate_body_id: Mapped[int | None] = _link("appropriate_bodies.id")
    induction_period_id: Mapped[int | None] = _link("induction_periods.id")
    induction_extension_id: Mapped[int | None] = _link("induction_extensions.id")
    ect_at_school_period_id: Mapped[int | None] = _link("ect_at_school_periods.id")
    mentor_at_school_period_id: Mapped[int | None] = _link("mentor_at_school_periods.id")
    mentorship_period_id: Mapped[int | None] = _link("mentorship_periods.id")
    training_period_id: Mapped[int | None] = _link("training_periods.id")
    schedule_id: Mapped[int | None] = _link("schedules.id")
    school_partnership_id: Mapped[int | None] = _link("school_partnerships.id")
    lead_provider_id: Mapped[int | None] = _link("lead_providers.id")
    delivery_partner_id: Mapped[int | None] = _link("delivery_partners.id")
    active_lead_provider_id: Mapped[int | None] = _link("active_lead_providers.id")
    lead_provider_delivery_partnership_id: Mapped[int | None] = _link(
        "lead_provider_delivery_partnerships.id"
    )
    statement_id: Mapped[int | None] = _link("statements.id")
    statement_adjustment_id: Mapped[int | None] = _link("statement_adjustments.id")
    declaration_id: Mapped[int | None] = _link("declarations.id")
    contract_id: Mapped[int | None] = _link("contracts.id")
    dfe_staff_user_id: Mapped[int | None] = _link("dfe_staff_users.id")
    api_token_id: Mapped[int | None] = _link("api_tokens.id")
    pending_induction_submission_batch_id: Mapped[int | None] = _link(
        "pending_induction_submission_batches.id"
    )
    contract_period_year: Mapped[int | None] = _link("contract_periods.year")


_LINK_COLUMNS = {link: f"{link}_id" for link in SUBJECT_LINKS} | {
    "contract_period": "contract_period_year"
}


def event_values(event: DomainEvent, created_at: datetime) -> dict[str, Any]:
    """The events row of a domain event, by column name, every link column present so that
    one INSERT can write many events."""
    author = event.author
    links = dict.fromkeys(_LINK_COLUMNS.values())
    for link, subject_id in event.subject_ids().items():
        links[_LINK_COLUMNS[link]] = subject_id
    return {
        "event_type": event.event_type,
        "heading": event.heading,
        "body": event.body,
        "happened_at": event.happened_at,
        "created_at": created_at,
        "author_type": author.type,
        "author_id": None if author.id is None else str(author.id),
        "author_email": author.email,
        "author_name": author.name,
        "modifications": list(event.modifications),
        "metadata": event.metadata or {"modifications": list(event.modifications)},
        "zendesk_ticket_id": event.zendesk_ticket_id,
        **links,
    }
