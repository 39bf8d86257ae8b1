"""The teachers a lead provider sees, with their enrolments (lead-provider-api-v3 §2.1): a
page of teachers and their enrolments in one query, whatever the page size."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

import attrs
from sqlalchemy import (
    ColumnElement,
    Date,
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
from ecf2.adapters.db.queries.api.participant_enrolment_rows import (
    enrolments_of,
    latest_periods,
)
from ecf2.adapters.db.queries.api.participant_enrolments import EnrolmentView
from ecf2.adapters.db.queries.listing import (
    Page,
    ReadModel,
    Sort,
    ordered,
)

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
SP = SchoolPartnershipRow
TP = TrainingPeriodRow
LEAD_PROVIDER = bindparam("lead_provider_id")
# Teachers carry no creation time: their ids are given in the order they were created.
SORTABLE = {"created_at": TeacherRow.id, "updated_at": TeacherRow.api_updated_at}


@attrs.frozen
class ParticipantView:
    api_id: uuid.UUID
    full_name: str
    trn: str | None
    updated_at: datetime | None
    enrolments: list[EnrolmentView]


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


def _with_provider(training: Any, lead_provider_id: ColumnElement[int]) -> ColumnElement[bool]:
    """The training period is on a partnership of this lead provider. Asked as an EXISTS
    of its own, it lets PostgreSQL merge teachers with their periods in id order and stop
    once a page is full: a quarter faster than joining the partnership chain to each one."""
    partnership, lpdp, alp = aliased(SP), aliased(LPDP), aliased(ALP)
    return exists(
        select(partnership.id)
        .join(lpdp, lpdp.id == partnership.lead_provider_delivery_partnership_id)
        .join(alp, alp.id == lpdp.active_lead_provider_id)
        .where(
            partnership.id == training.school_partnership_id,
            alp.lead_provider_id == lead_provider_id,
        )
    )


def latest_training(lead_provider_id: int) -> Subquery:
    """Each teacher's latest training period per role with this lead provider."""
    rank = (
        func.row_number()
        .over(
            partition_by=(TP.teacher_id, TP.role),
            order_by=(TP.started_on.desc(), TP.id.desc()),
        )
        .label("rank")
    )
    ranked = _of_provider(TP, lead_provider_id).add_columns(TP.teacher_id, TP.role, rank)
    latest = ranked.subquery("ranked")
    return (
        select(latest.c.id.label("training_period_id"), latest.c.teacher_id, latest.c.role)
        .where(latest.c.rank == 1)
        .subquery("latest")
    )


def _later_than(training: Any, lead_provider_id: ColumnElement[int]) -> ColumnElement[bool]:
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


def _visible(by_cohort: bool, statuses: Collection[str] | None) -> ColumnElement[bool]:
    """The teacher has a training period with the lead provider; with a cohort (the bound
    `cohorts`) or training status filter, the latest one in a role must match it (§2.1).
    Tested teacher by teacher, so a page walks teachers in order and stops once full."""
    training = aliased(TP)
    if not by_cohort and statuses is None:
        return exists(
            select(training.id).where(
                training.teacher_id == TeacherRow.id, _with_provider(training, LEAD_PROVIDER)
            )
        )
    candidates = _of_provider(training, LEAD_PROVIDER).where(training.teacher_id == TeacherRow.id)
    year = candidates.selected_columns.year
    return exists(
        candidates.where(
            year.in_(bindparam("cohorts", expanding=True)) if by_cohort else true(),
            _status_matches(training, statuses),
            ~_later_than(training, LEAD_PROVIDER),
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


STATUSES = frozenset(("withdrawn", "deferred", "active"))


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
        teacher_full_name().label("full_name"),
        TeacherRow.trn,
        TeacherRow.api_updated_at,
    ).where(visible)


def _with_enrolments(teachers: Select[Any], sort: Sort) -> Select[Any]:
    """The page of teachers, each on one row per enrolment (or one row with none), in the
    page's order, ECT first: the whole page in one query."""
    page = teachers.cte("page")
    latest = latest_periods(LEAD_PROVIDER, select(page.c.id))
    enrolment = enrolments_of(latest, bindparam("today", type_=Date)).subquery("enrolment")
    statement = (
        select(page, *(column for column in enrolment.c if column.key != "teacher_id"))
        .select_from(page)
        .outerjoin(enrolment, enrolment.c.teacher_id == page.c.id)
    )
    sortable = {"created_at": page.c.id, "updated_at": page.c.api_updated_at}
    return ordered(statement, sort, sortable, page.c.id).order_by(enrolment.c.role)


@lru_cache(maxsize=128)
def _page_statement(
    sort: Sort,
    by_cohort: bool,
    statuses: tuple[str, ...] | None,
    since: bool,
    by_former_id: bool,
) -> Select[Any]:
    """Built once for each shape of request, every value a bound parameter: building the
    statement takes longer than running it."""
    teachers = _teachers(_visible(by_cohort, statuses)).where(
        TeacherRow.api_updated_at >= bindparam("updated_since") if since else true(),
        # No teacher id has changed yet: there is no table of id changes (§2.1).
        TeacherRow.api_id.in_(bindparam("former_ids", expanding=True)) if by_former_id else true(),
    )
    ordering = ordered(teachers, sort, SORTABLE, TeacherRow.id)
    return _with_enrolments(ordering.limit(bindparam("size")).offset(bindparam("offset")), sort)


@cache
def _one_statement() -> Select[Any]:
    teacher = (
        _teachers(_visible(False, None)).where(TeacherRow.api_id == bindparam("api_id")).limit(1)
    )
    return _with_enrolments(teacher, ())


def _known_statuses(statuses: Collection[str] | None) -> tuple[str, ...] | None:
    return None if statuses is None else tuple(sorted(set(statuses) & STATUSES))


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
        statement = _page_statement(
            tuple(key for key in sort if key.name in SORTABLE),
            filters.cohorts is not None,
            _known_statuses(filters.training_statuses),
            filters.updated_since is not None,
            filters.from_participant_ids is not None,
        )
        params = {
            "lead_provider_id": lead_provider_id,
            "cohorts": list(filters.cohorts or ()),
            "updated_since": filters.updated_since,
            "former_ids": [],
            "size": page.size,
            "offset": page.offset,
            "today": today,
        }
        return self._views(statement, params)

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> ParticipantView | None:
        params = {"lead_provider_id": lead_provider_id, "api_id": api_id, "today": today}
        views = self._views(_one_statement(), params)
        return views[0] if views else None

    def _views(self, statement: Select[Any], params: dict[str, Any]) -> list[ParticipantView]:
        views: list[ParticipantView] = []
        last_teacher = None
        for row in self._rows(statement, params):
            if row.id != last_teacher:
                last_teacher = row.id
                views.append(
                    ParticipantView(row.api_id, row.full_name, row.trn, row.api_updated_at, [])
                )
            if row.role is not None:
                views[-1].enrolments.append(EnrolmentView.of_row(row, params["today"]))
        return views
