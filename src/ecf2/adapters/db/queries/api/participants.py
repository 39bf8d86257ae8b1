"""The teachers a lead provider sees, with their enrolments (lead-provider-api-v3 §2.1): one
query for a page of teachers and one for that page's enrolments, whatever the page size."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

import attrs
from sqlalchemy import (
    ColumnElement,
    Date,
    Row,
    Select,
    Subquery,
    and_,
    bindparam,
    exists,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_teacher_rows import TeacherRow, TrainingPeriodRow
from ecf2.adapters.db.queries.api.participant_enrolments import EnrolmentView, enrolments_of
from ecf2.adapters.db.queries.listing import (
    Page,
    ReadModel,
    Sort,
    at_or_after,
    ordered,
    paged,
    within,
)

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
SP = SchoolPartnershipRow
TP = TrainingPeriodRow
# Teachers carry no creation time: their ids are given in the order they were created.
SORTABLE = {"created_at": TeacherRow.id, "updated_at": TeacherRow.api_updated_at}


@attrs.frozen
class ParticipantView:
    api_id: uuid.UUID
    full_name: str
    trn: str | None
    updated_at: datetime | None
    enrolments: Sequence[EnrolmentView]


@attrs.frozen
class ParticipantFilters:
    cohorts: Collection[int] | None = None
    updated_since: datetime | None = None
    training_statuses: Collection[str] | None = None
    from_participant_ids: Collection[uuid.UUID] | None = None


def _of_provider(training: Any, lead_provider_id: ColumnElement[int] | int) -> Select[Any]:
    """The training periods on a partnership of this lead provider (§0: periods under an
    expression of interest alone belong to no lead provider), with their cohort."""
    partnership, lpdp, alp = aliased(SP), aliased(LPDP), aliased(ALP)
    return (
        select(training.id, alp.contract_period_year.label("year"))
        .join(partnership, partnership.id == training.school_partnership_id)
        .join(lpdp, lpdp.id == partnership.lead_provider_delivery_partnership_id)
        .join(alp, alp.id == lpdp.active_lead_provider_id)
        .where(alp.lead_provider_id == lead_provider_id)
    )


def latest_training(
    lead_provider_id: ColumnElement[int] | int, teacher_ids: ColumnElement[Any] | None = None
) -> Subquery:
    """Each teacher's (or each of these teachers') latest training period per role with
    this lead provider."""
    rank = (
        func.row_number()
        .over(
            partition_by=(TP.teacher_id, TP.role),
            order_by=(TP.started_on.desc(), TP.id.desc()),
        )
        .label("rank")
    )
    ranked = _of_provider(TP, lead_provider_id).add_columns(TP.teacher_id, TP.role, rank)
    if teacher_ids is not None:
        ranked = ranked.where(TP.teacher_id.in_(teacher_ids))
    latest = ranked.subquery("ranked")
    return (
        select(latest.c.id.label("training_period_id"), latest.c.teacher_id, latest.c.role)
        .where(latest.c.rank == 1)
        .subquery("latest")
    )


def _later_than(training: Any, lead_provider_id: int) -> ColumnElement[bool]:
    """Another period of the lead provider for the same teacher and role starts later."""
    later = aliased(TP)
    newer = or_(
        later.started_on > training.started_on,
        and_(later.started_on == training.started_on, later.id > training.id),
    )
    return exists(
        _of_provider(later, lead_provider_id).where(
            later.teacher_id == training.teacher_id, later.role == training.role, newer
        )
    )


def _visible(lead_provider_id: int, filters: ParticipantFilters) -> ColumnElement[bool]:
    """The teacher has a training period with the lead provider; with a cohort or training
    status filter, the latest one in a role must match it (§2.1). Tested teacher by teacher,
    so a page walks teachers in order and stops once it is full."""
    training = aliased(TP)
    candidates = _of_provider(training, lead_provider_id).where(
        training.teacher_id == TeacherRow.id
    )
    if filters.cohorts is None and filters.training_statuses is None:
        return exists(candidates)
    return exists(
        candidates.where(
            within(candidates.selected_columns.year, filters.cohorts),
            _status_matches(training, filters.training_statuses),
            ~_later_than(training, lead_provider_id),
        )
    )


def _status_matches(training: Any, statuses: Collection[str] | None) -> ColumnElement[bool]:
    # §2.1: the presence of each timestamp, so a period deferred after its withdrawal
    # matches both; values other than the three match nothing (§1.5).
    if statuses is None:
        return true()
    matches = {
        "withdrawn": training.withdrawn_at.is_not(None),
        "deferred": training.deferred_at.is_not(None),
        "active": training.withdrawn_at.is_(None) & training.deferred_at.is_(None),
    }
    chosen = [matches[status] for status in statuses if status in matches]
    return or_(*chosen) if chosen else false()


def teacher_full_name() -> ColumnElement[str]:
    trs_name = func.trim(
        func.coalesce(TeacherRow.trs_first_name, "")
        + " "
        + func.coalesce(TeacherRow.trs_last_name, "")
    )
    return func.coalesce(TeacherRow.corrected_name, func.nullif(trs_name, ""), "Unknown")


def _teachers(visible: ColumnElement[bool]) -> Select[Any]:
    return select(
        TeacherRow.id,
        TeacherRow.api_id,
        teacher_full_name(),
        TeacherRow.trn,
        TeacherRow.api_updated_at,
    ).where(visible)


@cache
def _enrolments() -> Select[Any]:
    """Built once: building it takes longer than running it for a page of 100."""
    teacher_ids = bindparam("teacher_ids", expanding=True)
    latest = latest_training(bindparam("lead_provider_id"), teacher_ids)
    return enrolments_of(latest, teacher_ids, bindparam("today", type_=Date))


class SqlParticipantReads(ReadModel):
    def page(
        self,
        lead_provider_id: int,
        filters: ParticipantFilters,
        sort: Sort,
        page: Page,
        *,
        today: date,
    ) -> list[ParticipantView]:
        statement = _teachers(_visible(lead_provider_id, filters)).where(
            at_or_after(TeacherRow.api_updated_at, filters.updated_since),
            # No teacher id has changed yet: there is no table of id changes (§2.1).
            within(TeacherRow.api_id, None if filters.from_participant_ids is None else ()),
        )
        rows = self._rows(paged(ordered(statement, sort, SORTABLE, TeacherRow.id), page))
        return self._with_enrolments(lead_provider_id, rows, today)

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> ParticipantView | None:
        visible = _visible(lead_provider_id, ParticipantFilters())
        statement = _teachers(visible).where(TeacherRow.api_id == api_id)
        found = self._rows(statement.limit(1))
        views = self._with_enrolments(lead_provider_id, found, today)
        return views[0] if views else None

    def _with_enrolments(
        self, lead_provider_id: int, rows: list[Row[Any]], today: date
    ) -> list[ParticipantView]:
        if not rows:
            return []
        teacher_ids = [row[0] for row in rows]
        params = {"lead_provider_id": lead_provider_id, "teacher_ids": teacher_ids, "today": today}
        found = self._rows(_enrolments(), params)
        by_teacher: dict[int, list[EnrolmentView]] = {}
        for teacher_id, enrolment in EnrolmentView.from_rows(found, today):
            by_teacher.setdefault(teacher_id, []).append(enrolment)
        return [
            ParticipantView(api_id, name, trn, updated_at, by_teacher.get(teacher_id, []))
            for teacher_id, api_id, name, trn, updated_at in rows
        ]
