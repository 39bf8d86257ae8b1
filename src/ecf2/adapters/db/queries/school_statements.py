"""The SQL of a school's ECT and mentor lists (participants-and-schools §2.3: placements
that are current or still to come; training and mentor are each the current or next one),
each statement built once with bound parameters (see `school_placements`)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import CTE, ColumnElement, Select, Subquery, and_, exists, func, select
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import AppropriateBodyRow, InductionPeriodRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.school_placements import (
    LIMIT,
    OFFSET,
    SCHOOL_ID,
    TODAY,
    current_or_future,
    current_or_next,
    how_many,
    seen_placements,
    sort_name,
)

ECT, MENTOR, MENTORSHIP = ECTAtSchoolPeriodRow, MentorAtSchoolPeriodRow, MentorshipPeriodRow
TP, SP, LPDP = TrainingPeriodRow, SchoolPartnershipRow, LeadProviderDeliveryPartnershipRow


def _name(teacher: Any, prefix: str) -> list[Any]:
    return [
        teacher.corrected_name.label(f"{prefix}_corrected_name"),
        teacher.trs_first_name.label(f"{prefix}_first_name"),
        teacher.trs_last_name.label(f"{prefix}_last_name"),
    ]


def _with_training(statement: Select[Any], first: Subquery, placement: Any) -> Select[Any]:
    """Join the training period and who delivers it: through the partnership when the lead
    provider has confirmed one, else through the expression of interest."""
    partnered_alp, interest_alp = aliased(ActiveLeadProviderRow), aliased(ActiveLeadProviderRow)
    partnered_lp, interest_lp = aliased(LeadProviderRow), aliased(LeadProviderRow)
    return (
        statement.add_columns(
            TP.training_programme.label("programme"),
            func.coalesce(partnered_lp.name, interest_lp.name).label("lead_provider"),
            DeliveryPartnerRow.name.label("delivery_partner"),
            and_(
                TP.school_partnership_id.is_(None), TP.expression_of_interest_id.is_not(None)
            ).label("awaiting_confirmation"),
        )
        .outerjoin(first, first.c.placement_id == placement.id)
        .outerjoin(TP, TP.id == first.c.id)
        .outerjoin(SP, SP.id == TP.school_partnership_id)
        .outerjoin(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .outerjoin(DeliveryPartnerRow, DeliveryPartnerRow.id == LPDP.delivery_partner_id)
        .outerjoin(partnered_alp, partnered_alp.id == LPDP.active_lead_provider_id)
        .outerjoin(partnered_lp, partnered_lp.id == partnered_alp.lead_provider_id)
        .outerjoin(interest_alp, interest_alp.id == TP.expression_of_interest_id)
        .outerjoin(interest_lp, interest_lp.id == interest_alp.lead_provider_id)
    )


def _leaving(placement: Any) -> ColumnElement[bool]:
    """A finish date this school reported; every listed placement ends today or later."""
    return and_(
        placement.finished_on.is_not(None), placement.reported_leaving_by_school_id == SCHOOL_ID
    ).label("leaving")


def _ects(chosen: CTE) -> Select[Any]:
    """The chosen ECT placements of the school, in name order."""
    mentor_placement, mentor = aliased(MENTOR), aliased(TeacherRow)
    placements = select(chosen.c.id)
    mentorship = current_or_next(MENTORSHIP, "ect_at_school_period_id", placements)
    open_induction = exists(
        select(InductionPeriodRow.id).where(
            InductionPeriodRow.teacher_id == TeacherRow.id, InductionPeriodRow.finished_on.is_(None)
        )
    )
    statement = (
        select(
            TeacherRow.api_id,
            *_name(TeacherRow, "teacher"),
            TeacherRow.trn,
            ECT.email,
            ECT.working_pattern,
            ECT.started_on,
            ECT.finished_on,
            _leaving(ECT),
            mentor.api_id.label("mentor_api_id"),
            *_name(mentor, "mentor"),
            AppropriateBodyRow.name.label("appropriate_body"),
            TeacherRow.trs_induction_status,
            TeacherRow.trs_induction_start_date,
            open_induction.label("has_open_induction_period"),
        )
        .select_from(chosen)
        .join(ECT, ECT.id == chosen.c.id)
        .join(TeacherRow, TeacherRow.id == ECT.teacher_id)
        .outerjoin(mentorship, mentorship.c.placement_id == ECT.id)
        .outerjoin(MENTORSHIP, MENTORSHIP.id == mentorship.c.id)
        .outerjoin(mentor_placement, mentor_placement.id == MENTORSHIP.mentor_at_school_period_id)
        .outerjoin(mentor, mentor.id == mentor_placement.teacher_id)
        .outerjoin(
            AppropriateBodyRow, AppropriateBodyRow.id == ECT.school_reported_appropriate_body_id
        )
        .order_by(sort_name(TeacherRow), ECT.started_on, ECT.id)
    )
    training = current_or_next(TP, "ect_at_school_period_id", placements)
    return _with_training(statement, training, ECT)


def _mentors(chosen: CTE) -> Select[Any]:
    """One row per mentor and current or future mentee (or one with no mentee), for the
    chosen mentor placements of the school, in name order."""
    mentee_placement, mentee = aliased(ECT), aliased(TeacherRow)
    statement = (
        select(
            MENTOR.id.label("placement_id"),
            TeacherRow.api_id,
            *_name(TeacherRow, "teacher"),
            TeacherRow.trn,
            MENTOR.email,
            MENTOR.started_on,
            MENTOR.finished_on,
            _leaving(MENTOR),
            mentee.api_id.label("mentee_api_id"),
            *_name(mentee, "mentee"),
        )
        .select_from(chosen)
        .join(MENTOR, MENTOR.id == chosen.c.id)
        .join(TeacherRow, TeacherRow.id == MENTOR.teacher_id)
        .outerjoin(
            MENTORSHIP,
            and_(
                MENTORSHIP.mentor_at_school_period_id == MENTOR.id,
                current_or_future(MENTORSHIP, TODAY),
            ),
        )
        .outerjoin(mentee_placement, mentee_placement.id == MENTORSHIP.ect_at_school_period_id)
        .outerjoin(mentee, mentee.id == mentee_placement.teacher_id)
        .order_by(
            sort_name(TeacherRow),
            MENTOR.started_on,
            MENTOR.id,
            MENTORSHIP.started_on,
            MENTORSHIP.id,
        )
    )
    training = current_or_next(TP, "mentor_at_school_period_id", select(chosen.c.id))
    return _with_training(statement, training, MENTOR)


def _chosen(placements: Select[Any]) -> CTE:
    """The placements a query shows, chosen once however often the query names them; the
    query starts from these few rows, so PostgreSQL reads the rest by index."""
    return placements.cte("chosen_placements")


def _page(placements: Select[Any]) -> CTE:
    return _chosen(placements.limit(LIMIT).offset(OFFSET))


@cache
def ect_list() -> Select[Any]:
    """A page of the school's ECTs (LIMIT, OFFSET), each row also saying how many in all."""
    return _ects(_page(seen_placements(ECT))).add_columns(how_many(seen_placements(ECT)))


@cache
def one_ect() -> Select[Any]:
    """The ECT with TEACHER_API_ID, if the school sees them."""
    return _ects(_chosen(seen_placements(ECT, one_teacher=True))).limit(1)


@cache
def mentor_list(whole: bool) -> Select[Any]:
    """The school's mentors, all or a page, each row also saying how many in all."""
    seen = seen_placements(MENTOR)
    return _mentors(_chosen(seen) if whole else _page(seen)).add_columns(how_many(seen))


@cache
def one_mentor() -> Select[Any]:
    """The mentor with TEACHER_API_ID, if the school sees them."""
    return _mentors(_chosen(seen_placements(MENTOR, one_teacher=True)))
