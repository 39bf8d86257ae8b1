"""Participants who moved school, as a lead provider involved sees them (lead-provider-api-v3
§2.2, §5.2): one query for a page of teachers, one for their transfers.

A transfer is one school period (per role, in start order) that has finished, whose latest
training period has finished, and which is followed by no school period or one at another
school; a leaver with no next school period whose induction is complete is no transfer.
The lead provider sees it when it trained the leaving period or the joining one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

import attrs
from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    Subquery,
    and_,
    exists,
    func,
    literal,
    not_,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from ecf2.adapters.db.base import UtcDateTime
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import InductionPeriodRow
from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.listing import Page, ReadModel, Sort, at_or_after, ordered, paged

TP = TrainingPeriodRow
# A teacher never stamped sorts as the oldest, on SQLite and PostgreSQL alike.
NEVER = literal(datetime(1970, 1, 1, tzinfo=UTC), UtcDateTime())
SORTABLE = {
    "created_at": TeacherRow.id,
    "updated_at": func.coalesce(TeacherRow.api_updated_at, NEVER),
}


@attrs.frozen
class TransferEnd:
    school_urn: str
    provider: str | None
    date: date


@attrs.frozen
class TransferView:
    training_record_id: uuid.UUID
    transfer_type: str
    status: str
    created_at: date
    leaving: TransferEnd
    joining: TransferEnd | None


@attrs.frozen
class ParticipantTransfersView:
    api_id: uuid.UUID
    updated_at: datetime
    transfers: Sequence[TransferView]


@attrs.frozen
class TransferFilters:
    updated_since: datetime | None = None


def _school_periods() -> Subquery:
    """ECT and mentor school periods, each with the one after it in the same role."""
    placements = union_all(
        *(
            select(
                table.id.label("placement_id"),
                table.teacher_id,
                literal(role).label("role"),
                table.school_id,
                table.started_on,
                table.finished_on,
            )
            for table, role in ((ECTAtSchoolPeriodRow, "ect"), (MentorAtSchoolPeriodRow, "mentor"))
        )
    ).subquery("placements")
    following = {
        "partition_by": (placements.c.teacher_id, placements.c.role),
        "order_by": (placements.c.started_on, placements.c.placement_id),
    }
    return select(
        placements,
        func.lead(placements.c.placement_id).over(**following).label("next_id"),
        func.lead(placements.c.school_id).over(**following).label("next_school_id"),
    ).subquery("school_periods")


def _training_periods() -> Subquery:
    """Training periods ranked within their school period, with their lead provider (none
    for training under an expression of interest alone, §0)."""
    placement = func.coalesce(TP.ect_at_school_period_id, TP.mentor_at_school_period_id)
    within = {"partition_by": (TP.role, placement)}
    return (
        select(
            TP.id,
            TP.role,
            placement.label("placement_id"),
            TP.started_on,
            TP.finished_on,
            LeadProviderRow.id.label("lead_provider_id"),
            LeadProviderRow.name.label("provider"),
            func.row_number()
            .over(**within, order_by=(TP.started_on.desc(), TP.id.desc()))
            .label("latest"),
            func.row_number().over(**within, order_by=(TP.started_on, TP.id)).label("earliest"),
        )
        .outerjoin(SchoolPartnershipRow, SchoolPartnershipRow.id == TP.school_partnership_id)
        .outerjoin(
            LeadProviderDeliveryPartnershipRow,
            LeadProviderDeliveryPartnershipRow.id
            == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .outerjoin(
            ActiveLeadProviderRow,
            ActiveLeadProviderRow.id == LeadProviderDeliveryPartnershipRow.active_lead_provider_id,
        )
        .outerjoin(LeadProviderRow, LeadProviderRow.id == ActiveLeadProviderRow.lead_provider_id)
        .subquery("ranked_training")
    )


def _induction_complete(teacher_id: ColumnElement[int]) -> ColumnElement[bool]:
    passed_or_failed = exists().where(
        InductionPeriodRow.teacher_id == teacher_id, InductionPeriodRow.outcome.is_not(None)
    )
    recorded_by_trs = exists().where(
        TeacherRow.id == teacher_id, TeacherRow.trs_induction_completed_date.is_not(None)
    )
    return or_(passed_or_failed, recorded_by_trs)


def _transfers(lead_provider_id: int) -> Select[Any]:
    period = _school_periods()
    ranked = _training_periods()
    leaving, joining = aliased(ranked, name="leaving"), aliased(ranked, name="joining")
    left_school, joined_school = aliased(SchoolRow), aliased(SchoolRow)
    no_next = period.c.next_id.is_(None)
    return (
        select(
            period.c.teacher_id,
            period.c.role,
            left_school.urn.label("leaving_urn"),
            leaving.c.provider.label("leaving_provider"),
            leaving.c.lead_provider_id.label("leaving_lead_provider_id"),
            leaving.c.started_on.label("leaving_started_on"),
            leaving.c.finished_on.label("leaving_on"),
            joining.c.id.label("joining_id"),
            joined_school.urn.label("joining_urn"),
            joining.c.provider.label("joining_provider"),
            joining.c.lead_provider_id.label("joining_lead_provider_id"),
            joining.c.started_on.label("joining_on"),
        )
        .join(
            leaving,
            and_(
                leaving.c.role == period.c.role,
                leaving.c.placement_id == period.c.placement_id,
                leaving.c.latest == 1,
            ),
        )
        .outerjoin(
            joining,
            and_(
                joining.c.role == period.c.role,
                joining.c.placement_id == period.c.next_id,
                joining.c.earliest == 1,
            ),
        )
        .join(left_school, left_school.id == period.c.school_id)
        .outerjoin(joined_school, joined_school.id == period.c.next_school_id)
        .where(
            period.c.finished_on.is_not(None),
            leaving.c.finished_on.is_not(None),
            or_(no_next, period.c.next_school_id != period.c.school_id),
            not_(and_(no_next, _induction_complete(period.c.teacher_id))),
            or_(
                leaving.c.lead_provider_id == lead_provider_id,
                joining.c.lead_provider_id == lead_provider_id,
            ),
        )
    )


def _transfer(row: Any, teacher: Row[Any], today: date) -> TransferView:
    leaving_on = row.leaving_on
    joining = None
    if row.joining_id is not None:
        joining = TransferEnd(row.joining_urn, row.joining_provider, row.joining_on)
        # A leaving date after the joining date is brought back to it (§5.2).
        leaving_on = min(leaving_on, row.joining_on)
    if joining is None:
        kind = "unknown"
    elif row.leaving_lead_provider_id != row.joining_lead_provider_id:
        kind = "new_provider"
    else:
        kind = "new_school"
    pending = row.leaving_on > today or (joining is not None and joining.date > today)
    return TransferView(
        training_record_id=teacher.ect_record if row.role == "ect" else teacher.mentor_record,
        transfer_type=kind,
        status="incomplete" if pending else "complete",
        created_at=row.leaving_started_on,
        leaving=TransferEnd(row.leaving_urn, row.leaving_provider, leaving_on),
        joining=joining,
    )


def _teachers(lead_provider_id: int) -> Select[Any]:
    involved = select(_transfers(lead_provider_id).subquery().c.teacher_id)
    return select(
        TeacherRow.id,
        TeacherRow.api_id,
        TeacherRow.api_updated_at,
        TeacherRow.api_ect_training_record_id.label("ect_record"),
        TeacherRow.api_mentor_training_record_id.label("mentor_record"),
    ).where(TeacherRow.id.in_(involved))


class SqlTransferReads(ReadModel):
    def page(
        self,
        lead_provider_id: int,
        filters: TransferFilters,
        sort: Sort,
        page: Page,
        *,
        today: date,
    ) -> list[ParticipantTransfersView]:
        statement = _teachers(lead_provider_id).where(
            at_or_after(TeacherRow.api_updated_at, filters.updated_since)
        )
        teachers = self._rows(paged(ordered(statement, sort, SORTABLE, TeacherRow.id), page))
        return self._with_transfers(lead_provider_id, teachers, today)

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> ParticipantTransfersView | None:
        teachers = self._rows(_teachers(lead_provider_id).where(TeacherRow.api_id == api_id))
        views = self._with_transfers(lead_provider_id, teachers, today)
        return views[0] if views else None

    def _with_transfers(
        self, lead_provider_id: int, teachers: list[Row[Any]], today: date
    ) -> list[ParticipantTransfersView]:
        if not teachers:
            return []
        transfers = _transfers(lead_provider_id).subquery("transfers")
        rows = self._rows(
            select(transfers)
            .where(transfers.c.teacher_id.in_([teacher.id for teacher in teachers]))
            .order_by(transfers.c.leaving_started_on, transfers.c.role)
        )
        by_teacher: dict[int, list[Any]] = {}
        for row in rows:
            by_teacher.setdefault(row.teacher_id, []).append(row)
        return [self._view(teacher, by_teacher.get(teacher.id, []), today) for teacher in teachers]

    @staticmethod
    def _view(teacher: Row[Any], rows: list[Any], today: date) -> ParticipantTransfersView:
        transfers = [_transfer(row, teacher, today) for row in rows]
        first = min((row.leaving_started_on for row in rows), default=today)
        updated_at = teacher.api_updated_at or datetime.combine(first, time(), tzinfo=UTC)
        return ParticipantTransfersView(teacher.api_id, updated_at, transfers)
