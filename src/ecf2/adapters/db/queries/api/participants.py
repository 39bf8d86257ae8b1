"""The teachers a lead provider sees, with their enrolments (lead-provider-api-v3 §2.1): one
query for a page of teachers and one for that page's enrolments, whatever the page size."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, Subquery, false, func, or_, select, true

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


def latest_training(lead_provider_id: int) -> Subquery:
    """Each teacher's latest training period per role on a partnership of this lead provider
    (§0: periods under an expression of interest alone belong to no lead provider)."""
    rank = (
        func.row_number()
        .over(
            partition_by=(TP.teacher_id, TP.role),
            order_by=(TP.started_on.desc(), TP.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(
            TP.id.label("training_period_id"),
            TP.teacher_id,
            TP.role,
            ALP.contract_period_year.label("year"),
            TP.withdrawn_at,
            TP.deferred_at,
            rank,
        )
        .join(SP, SP.id == TP.school_partnership_id)
        .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .join(ALP, ALP.id == LPDP.active_lead_provider_id)
        .where(ALP.lead_provider_id == lead_provider_id)
        .subquery("ranked")
    )
    return select(ranked).where(ranked.c.rank == 1).subquery("latest")


def _status_matches(latest: Subquery, statuses: Collection[str] | None) -> ColumnElement[bool]:
    # §2.1: the presence of each timestamp, so a period deferred after its withdrawal
    # matches both; values other than the three match nothing (§1.5).
    if statuses is None:
        return true()
    matches = {
        "withdrawn": latest.c.withdrawn_at.is_not(None),
        "deferred": latest.c.deferred_at.is_not(None),
        "active": latest.c.withdrawn_at.is_(None) & latest.c.deferred_at.is_(None),
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


def _teachers(visible: Select[Any]) -> Select[Any]:
    return select(
        TeacherRow.id,
        TeacherRow.api_id,
        teacher_full_name(),
        TeacherRow.trn,
        TeacherRow.api_updated_at,
    ).where(TeacherRow.id.in_(visible))


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
        latest = latest_training(lead_provider_id)
        visible = select(latest.c.teacher_id).where(
            within(latest.c.year, filters.cohorts),
            _status_matches(latest, filters.training_statuses),
        )
        statement = _teachers(visible).where(
            at_or_after(TeacherRow.api_updated_at, filters.updated_since),
            # No teacher id has changed yet: there is no table of id changes (§2.1).
            within(TeacherRow.api_id, None if filters.from_participant_ids is None else ()),
        )
        rows = self._rows(paged(ordered(statement, sort, SORTABLE, TeacherRow.id), page))
        return self._with_enrolments(lead_provider_id, rows, today)

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> ParticipantView | None:
        latest = latest_training(lead_provider_id)
        statement = _teachers(select(latest.c.teacher_id)).where(TeacherRow.api_id == api_id)
        found = self._rows(statement.limit(1))
        views = self._with_enrolments(lead_provider_id, found, today)
        return views[0] if views else None

    def _with_enrolments(
        self, lead_provider_id: int, rows: list[Row[Any]], today: date
    ) -> list[ParticipantView]:
        if not rows:
            return []
        teacher_ids = [row[0] for row in rows]
        statement = enrolments_of(latest_training(lead_provider_id), teacher_ids, today)
        by_teacher: dict[int, list[EnrolmentView]] = {}
        for teacher_id, enrolment in EnrolmentView.from_rows(self._rows(statement), today):
            by_teacher.setdefault(teacher_id, []).append(enrolment)
        return [
            ParticipantView(api_id, name, trn, updated_at, by_teacher.get(teacher_id, []))
            for teacher_id, api_id, name, trn, updated_at in rows
        ]
