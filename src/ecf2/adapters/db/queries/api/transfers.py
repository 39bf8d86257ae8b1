"""Participants who moved school, as a lead provider involved sees them (lead-provider-api-v3
§2.2, §5.2): one query for a page of teachers, one for their transfers.

A transfer is one school period (per role, in start order) that has finished, whose latest
training period has finished, and which is followed by no school period or one at another
school; a leaver with no next school period whose induction is complete is no transfer.
The lead provider sees it when it trained the leaving period or the joining one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
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
    text,
    true,
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
from ecf2.adapters.db.queries.listing import Page, ReadModel, Sort, ordered, paged

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


def _school_periods(candidates: Select[Any]) -> Subquery:
    """ECT and mentor school periods of the candidates, keyed by one integer whatever the
    role (ECT even, mentor odd), so training periods join them on a plain integer."""
    return union_all(
        *(
            select(
                (table.id * 2 + parity).label("placement_key"),
                table.teacher_id,
                literal(role).label("role"),
                table.school_id,
                table.started_on,
                table.finished_on,
            ).where(table.teacher_id.in_(candidates))
            for table, role, parity in (
                (ECTAtSchoolPeriodRow, "ect", 0),
                (MentorAtSchoolPeriodRow, "mentor", 1),
            )
        )
    ).subquery("school_periods")


def _training_periods() -> Subquery:
    """Training periods with their lead provider (none under an expression of interest
    alone, §0), keyed as their school period is."""
    key = func.coalesce(TP.ect_at_school_period_id * 2, TP.mentor_at_school_period_id * 2 + 1)
    return (
        select(
            key.label("placement_key"),
            TP.id,
            TP.started_on,
            TP.finished_on,
            TP.api_transfer_updated_at.label("changed_at"),
            LeadProviderRow.id.label("lead_provider_id"),
            LeadProviderRow.name.label("provider"),
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
        .subquery("training")
    )


def _ends(candidates: Select[Any]) -> Subquery:
    """Each school period's first and last training period (one row when they are the same
    or there is none), in the order the teacher's periods of that role follow each other."""
    period, training = _school_periods(candidates), _training_periods()
    within = {"partition_by": (period.c.placement_key,)}
    ranked = (
        select(
            period,
            training.c.id.label("training_id"),
            training.c.started_on.label("training_started_on"),
            training.c.finished_on.label("training_finished_on"),
            training.c.changed_at,
            training.c.lead_provider_id,
            training.c.provider,
            func.row_number()
            .over(**within, order_by=(training.c.started_on.desc(), training.c.id.desc()))
            .label("latest"),
            func.row_number()
            .over(**within, order_by=(training.c.started_on, training.c.id))
            .label("earliest"),
        )
        .select_from(period)
        .outerjoin(training, training.c.placement_key == period.c.placement_key)
        .subquery("ranked")
    )
    return select(ranked).where(or_(ranked.c.latest == 1, ranked.c.earliest == 1)).subquery("ends")


def _with_next(candidates: Select[Any]) -> Subquery:
    """Beside each school period's last training period, the next school period's first
    one: the row that follows it in start order."""
    ends = _ends(candidates)
    following = {
        "partition_by": (ends.c.teacher_id, ends.c.role),
        "order_by": (
            ends.c.started_on,
            ends.c.placement_key,
            ends.c.training_started_on,
            ends.c.training_id,
        ),
    }

    def next_(column: Any) -> Any:
        # Typed as the column, or SQLite hands dates back as text.
        return func.lead(column, type_=column.type).over(**following)

    return select(
        ends,
        next_(ends.c.placement_key).label("next_key"),
        next_(ends.c.school_id).label("next_school_id"),
        next_(ends.c.training_id).label("joining_id"),
        next_(ends.c.training_started_on).label("joining_on"),
        next_(ends.c.lead_provider_id).label("joining_lead_provider_id"),
        next_(ends.c.provider).label("joining_provider"),
        next_(ends.c.changed_at).label("joining_changed_at"),
    ).subquery("moves")


def _induction_complete(teacher_id: ColumnElement[int]) -> ColumnElement[bool]:
    passed_or_failed = exists().where(
        InductionPeriodRow.teacher_id == teacher_id, InductionPeriodRow.outcome.is_not(None)
    )
    recorded_by_trs = exists().where(
        TeacherRow.id == teacher_id, TeacherRow.trs_induction_completed_date.is_not(None)
    )
    return or_(passed_or_failed, recorded_by_trs)


def _candidates(lead_provider_id: int) -> Select[Any]:
    """Only teachers this lead provider trains (on either side of a move) who have left a
    school can have a transfer it sees: the ranking is done for them alone."""
    trained = (
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
    left = union_all(
        *(
            select(table.teacher_id).where(table.finished_on.is_not(None))
            for table in (ECTAtSchoolPeriodRow, MentorAtSchoolPeriodRow)
        )
    ).subquery("left_a_school")
    return trained.where(TP.teacher_id.in_(select(left.c.teacher_id)))


def _transfers(lead_provider_id: int) -> Select[Any]:
    moves = _with_next(_candidates(lead_provider_id))
    left_school, joined_school = aliased(SchoolRow), aliased(SchoolRow)
    no_next = moves.c.next_key.is_(None)
    return (
        select(
            moves.c.teacher_id,
            moves.c.role,
            left_school.urn.label("leaving_urn"),
            moves.c.provider.label("leaving_provider"),
            moves.c.lead_provider_id.label("leaving_lead_provider_id"),
            moves.c.training_started_on.label("leaving_started_on"),
            moves.c.training_finished_on.label("leaving_on"),
            moves.c.changed_at.label("leaving_changed_at"),
            moves.c.joining_id,
            joined_school.urn.label("joining_urn"),
            moves.c.joining_provider,
            moves.c.joining_lead_provider_id,
            moves.c.joining_on,
            moves.c.joining_changed_at,
        )
        .join(left_school, left_school.id == moves.c.school_id)
        .outerjoin(joined_school, joined_school.id == moves.c.next_school_id)
        .where(
            moves.c.latest == 1,
            moves.c.finished_on.is_not(None),
            moves.c.training_finished_on.is_not(None),
            or_(no_next, moves.c.next_school_id != moves.c.school_id),
            not_(and_(no_next, _induction_complete(moves.c.teacher_id))),
            or_(
                moves.c.lead_provider_id == lead_provider_id,
                moves.c.joining_lead_provider_id == lead_provider_id,
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


def _ends_changed_since(lead_provider_id: int, since: datetime | None) -> ColumnElement[bool]:
    """Since a time: the teacher has a first or last training period of a school period,
    with this lead provider, whose dates changed at or after it (§2.2)."""
    if since is None:
        return true()
    ends = _ends(_candidates(lead_provider_id))
    changed = select(ends.c.teacher_id).where(
        ends.c.lead_provider_id == lead_provider_id, ends.c.changed_at >= since
    )
    return TeacherRow.id.in_(changed)


def _involved(lead_provider_id: int) -> Subquery:
    return select(_transfers(lead_provider_id).subquery().c.teacher_id).distinct().subquery()


def _teachers(involved: Subquery) -> Select[Any]:
    return select(
        TeacherRow.id,
        TeacherRow.api_id,
        TeacherRow.api_updated_at,
        TeacherRow.api_ect_training_record_id.label("ect_record"),
        TeacherRow.api_mentor_training_record_id.label("mentor_record"),
    ).join(involved, involved.c.teacher_id == TeacherRow.id)


class SqlTransferReads(ReadModel):
    def _rows(self, statement: Select[Any]) -> list[Row[Any]]:
        with self._session_factory() as session:
            if session.get_bind().dialect.name == "postgresql":
                # The ranked school periods are estimated at a row or two when there are
                # thousands: nested loops over them cost seconds where hash joins cost
                # milliseconds.
                session.execute(text("SET LOCAL enable_nestloop = off"))
            return list(session.execute(statement))

    def page(
        self,
        lead_provider_id: int,
        filters: TransferFilters,
        sort: Sort,
        page: Page,
        *,
        today: date,
    ) -> list[ParticipantTransfersView]:
        involved = _involved(lead_provider_id)
        statement = _teachers(involved).where(
            _ends_changed_since(lead_provider_id, filters.updated_since)
        )
        # Ordered by the involved teachers' ids, not the teachers table's: walking that
        # table's key in order would test every teacher against the transfers (§1.6).
        sortable = SORTABLE | {"created_at": involved.c.teacher_id}
        ordering = ordered(statement, sort, sortable, involved.c.teacher_id)
        teachers = self._rows(paged(ordering, page))
        return self._with_transfers(lead_provider_id, teachers, today)

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> ParticipantTransfersView | None:
        involved = _involved(lead_provider_id)
        teachers = self._rows(_teachers(involved).where(TeacherRow.api_id == api_id))
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
        # A teacher whose moves were undone between the two queries is left out.
        return [
            self._view(teacher, by_teacher[teacher.id], today)
            for teacher in teachers
            if teacher.id in by_teacher
        ]

    @staticmethod
    def _view(teacher: Row[Any], rows: list[Any], today: date) -> ParticipantTransfersView:
        transfers = [_transfer(row, teacher, today) for row in rows]
        # The latest change to either end of any of the moves (§2.2).
        changes = [
            stamp
            for row in rows
            for stamp in (row.leaving_changed_at, row.joining_changed_at)
            if stamp is not None
        ]
        return ParticipantTransfersView(teacher.api_id, max(changes), transfers)
