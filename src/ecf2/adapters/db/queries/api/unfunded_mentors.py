"""Mentors of a lead provider's ECTs whom that lead provider does not train
(lead-provider-api-v3 §2.8): one query per page."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from typing import Any

import attrs
from sqlalchemy import Row, Select, func, literal, or_, select

from ecf2.adapters.db.base import UtcDateTime
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_teacher_rows import (
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.api.participants import latest_training, teacher_full_name
from ecf2.adapters.db.queries.listing import Page, ReadModel, Sort, at_or_after, ordered, paged

MENTOR, MS, TP = (
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TrainingPeriodRow,
)
UPDATED_AT = func.coalesce(TeacherRow.api_unfunded_mentor_updated_at, TeacherRow.api_updated_at)
# A mentor never stamped sorts as the oldest, on SQLite and PostgreSQL alike.
NEVER = literal(datetime(1970, 1, 1, tzinfo=UTC), UtcDateTime())
SORTABLE = {"created_at": TeacherRow.id, "updated_at": func.coalesce(UPDATED_AT, NEVER)}


@attrs.frozen
class UnfundedMentorView:
    api_id: uuid.UUID
    full_name: str
    email: str | None
    trn: str | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class UnfundedMentorFilters:
    updated_since: datetime | None = None


def _mentor_placements(lead_provider_id: int, today: date) -> Select[Any]:
    """The mentor school period of each ECT's mentor now, else the next one, at the school
    of the ECT's latest training with this lead provider (§2.8): one mentor per ECT, the
    one the participant's `mentor_id` names."""
    latest = latest_training(lead_provider_id)
    placements = (
        select(TP.ect_at_school_period_id)
        .join(latest, latest.c.training_period_id == TP.id)
        .where(latest.c.role == "ect")
    )
    # An ECT's mentorships never overlap: the earliest not yet finished is now or next.
    rank = func.row_number().over(partition_by=MS.ect_at_school_period_id, order_by=MS.started_on)
    ranked = (
        select(MS.mentor_at_school_period_id, rank.label("rank"))
        .where(
            MS.ect_at_school_period_id.in_(placements),
            or_(MS.finished_on.is_(None), MS.finished_on >= today),
        )
        .subquery("ranked")
    )
    return select(ranked.c.mentor_at_school_period_id).where(ranked.c.rank == 1)


def _trained_by(lead_provider_id: int) -> Select[Any]:
    return (
        select(TP.teacher_id)
        .join(SchoolPartnershipRow, SchoolPartnershipRow.id == TP.school_partnership_id)
        .join(
            LeadProviderDeliveryPartnershipRow,
            LeadProviderDeliveryPartnershipRow.id
            == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .join(
            ActiveLeadProviderRow,
            ActiveLeadProviderRow.id == LeadProviderDeliveryPartnershipRow.active_lead_provider_id,
        )
        .where(ActiveLeadProviderRow.lead_provider_id == lead_provider_id)
    )


def _of_teacher(column: Any, relevant: Select[Any]) -> Select[Any]:
    return select(column).where(MENTOR.teacher_id == TeacherRow.id, MENTOR.id.in_(relevant))


def _mentors(lead_provider_id: int, today: date) -> Select[Any]:
    relevant = _mentor_placements(lead_provider_id, today)
    # The email of the most recently started relevant school period (§2.8).
    email = _of_teacher(MENTOR.email, relevant).order_by(MENTOR.started_on.desc()).limit(1)
    first_started = _of_teacher(func.min(MENTOR.started_on), relevant)
    return select(
        TeacherRow.api_id,
        teacher_full_name(),
        email.scalar_subquery(),
        TeacherRow.trn,
        first_started.scalar_subquery(),
        UPDATED_AT,
    ).where(
        TeacherRow.id.in_(select(MENTOR.teacher_id).where(MENTOR.id.in_(relevant))),
        TeacherRow.id.not_in(_trained_by(lead_provider_id)),
    )


def _view(row: Row[Any]) -> UnfundedMentorView:
    api_id, name, email, trn, first_started, updated_at = row
    created_at = datetime.combine(first_started, time(), tzinfo=UTC)
    return UnfundedMentorView(api_id, name, email, trn, created_at, updated_at or created_at)


class SqlUnfundedMentorReads(ReadModel):
    def page(
        self,
        lead_provider_id: int,
        filters: UnfundedMentorFilters,
        sort: Sort,
        page: Page,
        *,
        today: date,
    ) -> list[UnfundedMentorView]:
        statement = _mentors(lead_provider_id, today).where(
            at_or_after(UPDATED_AT, filters.updated_since)
        )
        rows = self._rows(paged(ordered(statement, sort, SORTABLE, TeacherRow.id), page))
        return [_view(row) for row in rows]

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> UnfundedMentorView | None:
        row = self._row(_mentors(lead_provider_id, today).where(TeacherRow.api_id == api_id))
        return None if row is None else _view(row)
