"""A teacher's record as the DfE staff console shows it: their details, every school
placement with its training periods, and their induction periods, in one SQL query
(inductions-trs-sign-in-admin (d.1) "Teachers": overview, school, training, induction).

The placements (each with its training periods) and the induction periods are two
differently shaped histories: they are stacked into one UNION ALL, each side filling the
other's columns with typed NULLs, and joined to the teacher so that a teacher with no
history still gives one row."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    cast,
    func,
    literal,
    null,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import AppropriateBodyRow, InductionPeriodRow
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.admin_teacher_views import (
    InductionHistory,
    Placement,
    SchoolRole,
    TeacherRecord,
    TrainingHistory,
)
from ecf2.domain.participants.rules import teacher_display_name
from ecf2.domain.participants.values import TrainingRole

T, TP, IP = TeacherRow, TrainingPeriodRow, InductionPeriodRow
SP, LPDP = SchoolPartnershipRow, LeadProviderDeliveryPartnershipRow
INDUCTION = "induction"

# The stacked histories' columns, each typed as the column it is read from.
_TYPES: dict[str, Any] = {
    name: column.type
    for name, column in {
        "placement_id": ECTAtSchoolPeriodRow.id,
        "school": GiasSchoolRow.name,
        "urn": SchoolRow.urn,
        "started_on": IP.started_on,
        "finished_on": IP.finished_on,
        "training_id": TP.id,
        "programme": TP.training_programme,
        "lead_provider": LeadProviderRow.name,
        "delivery_partner": DeliveryPartnerRow.name,
        "contract_period": ScheduleRow.contract_period_year,
        "training_started_on": TP.started_on,
        "training_finished_on": TP.finished_on,
        "withdrawn_at": TP.withdrawn_at,
        "withdrawal_reason": TP.withdrawal_reason,
        "deferred_at": TP.deferred_at,
        "deferral_reason": TP.deferral_reason,
        "appropriate_body": AppropriateBodyRow.name,
        "induction_programme": IP.induction_programme,
        "number_of_terms": IP.number_of_terms,
        "outcome": IP.outcome,
    }.items()
}


def _stacked(kind: str, given: dict[str, ColumnElement[Any]]) -> Select[Any]:
    columns = [
        given[name].label(name) if name in given else cast(null(), type_).label(name)
        for name, type_ in _TYPES.items()
    ]
    return select(literal(kind).label("kind"), *columns)


def _placements(role: TrainingRole, row: Any, teacher_id: Any) -> Select[Any]:
    """Each placement with each of its training periods, and who delivers that training:
    the confirmed partnership's lead provider, else the expression of interest's."""
    partnered, interest = aliased(ActiveLeadProviderRow), aliased(ActiveLeadProviderRow)
    partnered_lp, interest_lp = aliased(LeadProviderRow), aliased(LeadProviderRow)
    link = TP.ect_at_school_period_id if role is TrainingRole.ECT else TP.mentor_at_school_period_id
    given = {
        "placement_id": row.id,
        "school": GiasSchoolRow.name,
        "urn": SchoolRow.urn,
        "started_on": row.started_on,
        "finished_on": row.finished_on,
        "training_id": TP.id,
        "programme": TP.training_programme,
        "lead_provider": func.coalesce(partnered_lp.name, interest_lp.name),
        "delivery_partner": DeliveryPartnerRow.name,
        "contract_period": ScheduleRow.contract_period_year,
        "training_started_on": TP.started_on,
        "training_finished_on": TP.finished_on,
        "withdrawn_at": TP.withdrawn_at,
        "withdrawal_reason": TP.withdrawal_reason,
        "deferred_at": TP.deferred_at,
        "deferral_reason": TP.deferral_reason,
    }
    return (
        _stacked(role.value, given)
        .select_from(row)
        .join(SchoolRow, SchoolRow.id == row.school_id)
        .join(GiasSchoolRow, GiasSchoolRow.urn == SchoolRow.urn)
        .outerjoin(TP, link == row.id)
        .outerjoin(ScheduleRow, ScheduleRow.id == TP.schedule_id)
        .outerjoin(SP, SP.id == TP.school_partnership_id)
        .outerjoin(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .outerjoin(DeliveryPartnerRow, DeliveryPartnerRow.id == LPDP.delivery_partner_id)
        .outerjoin(partnered, partnered.id == LPDP.active_lead_provider_id)
        .outerjoin(partnered_lp, partnered_lp.id == partnered.lead_provider_id)
        .outerjoin(interest, interest.id == TP.expression_of_interest_id)
        .outerjoin(interest_lp, interest_lp.id == interest.lead_provider_id)
        .where(row.teacher_id == teacher_id)
    )


def _inductions(teacher_id: Any) -> Select[Any]:
    given = {
        "started_on": IP.started_on,
        "finished_on": IP.finished_on,
        "programme": IP.training_programme,
        "appropriate_body": AppropriateBodyRow.name,
        "induction_programme": IP.induction_programme,
        "number_of_terms": IP.number_of_terms,
        "outcome": IP.outcome,
    }
    return (
        _stacked(INDUCTION, given)
        .select_from(IP)
        .join(AppropriateBodyRow, AppropriateBodyRow.id == IP.appropriate_body_id)
        .where(IP.teacher_id == teacher_id)
    )


def record_statement(api_id: uuid.UUID) -> Select[Any]:
    teacher_id = select(T.id).where(T.api_id == api_id).scalar_subquery()
    history = union_all(
        _placements(TrainingRole.ECT, ECTAtSchoolPeriodRow, teacher_id),
        _placements(TrainingRole.MENTOR, MentorAtSchoolPeriodRow, teacher_id),
        _inductions(teacher_id),
    ).subquery("history")
    return (
        select(
            T.api_id,
            T.corrected_name,
            T.trs_first_name,
            T.trs_last_name,
            T.trn,
            T.trs_induction_status,
            T.trs_qts_awarded_on,
            history,
        )
        .select_from(T)
        .outerjoin(history, true())
        .where(T.api_id == api_id)
        .order_by(
            history.c.started_on,
            history.c.kind,
            history.c.placement_id,
            history.c.training_started_on,
            history.c.training_id,
        )
    )


def record_from_rows(rows: list[Row[Any]]) -> TeacherRecord | None:
    if not rows:
        return None
    first = rows[0]
    placements: dict[tuple[str, int], list[Row[Any]]] = {}
    for row in rows:
        if row.kind in (TrainingRole.ECT, TrainingRole.MENTOR):
            placements.setdefault((row.kind, row.placement_id), []).append(row)
    return TeacherRecord(
        api_id=first.api_id,
        name=teacher_display_name(first.corrected_name, first.trs_first_name, first.trs_last_name),
        trn=first.trn,
        trs_induction_status=first.trs_induction_status,
        trs_qts_awarded_on=first.trs_qts_awarded_on,
        placements=tuple(_placement(group) for group in placements.values()),
        inductions=tuple(_induction(row) for row in rows if row.kind == INDUCTION),
    )


def _placement(rows: list[Row[Any]]) -> Placement:
    first = rows[0]
    at = SchoolRole(
        TrainingRole(first.kind), first.school, first.urn, first.started_on, first.finished_on
    )
    return Placement(at, tuple(_training(row) for row in rows if row.training_id is not None))


def _training(row: Row[Any]) -> TrainingHistory:
    return TrainingHistory(
        programme=row.programme,
        lead_provider=row.lead_provider,
        delivery_partner=row.delivery_partner,
        contract_period=row.contract_period,
        started_on=row.training_started_on,
        finished_on=row.training_finished_on,
        withdrawn_at=row.withdrawn_at,
        withdrawal_reason=row.withdrawal_reason,
        deferred_at=row.deferred_at,
        deferral_reason=row.deferral_reason,
    )


def _induction(row: Row[Any]) -> InductionHistory:
    return InductionHistory(
        appropriate_body=row.appropriate_body,
        started_on=row.started_on,
        finished_on=row.finished_on,
        induction_programme=row.induction_programme,
        training_programme=row.programme,
        number_of_terms=row.number_of_terms,
        outcome=row.outcome,
    )
