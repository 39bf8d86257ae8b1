"""Declarations in the finance console: the rows of a statement's declarations CSV, in one
query (finance-and-payments §8.1), and the declaration finance are about to void (§4.3)."""

from __future__ import annotations

import calendar
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs
from sqlalchemy import Row, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderRow,
    ScheduleRow,
)
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.payments_rows import DeclarationRow, StatementRow
from ecf2.adapters.db.queries.api.participant_statuses import (
    eligible_for_funding,
    training_status,
)
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.payments.declarations import (
    BILLABLE,
    REFUNDABLE,
    ClawbackStatus,
    Declaration,
    PaymentStatus,
)
from ecf2.domain.payments.statement_declarations import DeclarationSelection
from ecf2.domain.shared.declaration_types import DeclarationType

CSV_COLUMNS = (
    "Participant ID",
    "Participant Name",
    "TRN",
    "Type",
    "Mentor Profile ID",
    "Schedule",
    "Eligible For Funding",
    "Eligible For Funding Reason",
    "Sparsity Uplift",
    "Pupil Premium Uplift",
    "Sparsity And Pp",
    "Lead Provider Name",
    "Delivery Partner Name",
    "School URN",
    "School Name",
    "Training Status",
    "Training Status Reason",
    "Declaration ID",
    "Declaration Status",
    "Declaration Type",
    "Declaration Date",
    "Declaration Created At",
    "Evidence Held",
    "Statement Name",
    "Statement ID",
    "Uplift Payable",
)

_mentor = aliased(TeacherRow)
_mentor_placement = aliased(MentorAtSchoolPeriodRow)


def _on_statement(statement_id: int) -> Any:
    declaration = DeclarationRow
    return or_(
        and_(
            declaration.payment_statement_id == statement_id,
            declaration.payment_status.in_(
                [status.value for status in (*BILLABLE, PaymentStatus.VOIDED)]
            ),
        ),
        and_(
            declaration.clawback_statement_id == statement_id,
            declaration.clawback_status.in_([status.value for status in REFUNDABLE]),
        ),
    )


def _csv_query(statement_id: int) -> Select[Any]:
    declaration, training, teacher = DeclarationRow, TrainingPeriodRow, TeacherRow
    ect, mentor = ECTAtSchoolPeriodRow, MentorAtSchoolPeriodRow
    return (
        select(
            declaration.id,
            declaration.api_id,
            declaration.declaration_type,
            declaration.declaration_date,
            declaration.created_at,
            declaration.payment_status,
            declaration.clawback_status,
            declaration.payment_statement_id,
            declaration.clawback_statement_id,
            declaration.pupil_premium_uplift,
            declaration.sparsity_uplift,
            declaration.evidence_type,
            declaration.training_period_id,
            training.role,
            training.withdrawn_at,
            training.withdrawal_reason,
            training.deferred_at,
            training.deferral_reason,
            teacher.api_id.label("teacher_api_id"),
            teacher.trn,
            teacher.corrected_name,
            teacher.trs_first_name,
            teacher.trs_last_name,
            teacher.ect_first_became_eligible_for_training_at,
            teacher.ect_became_ineligible_for_funding_on,
            teacher.mentor_first_became_eligible_for_training_at,
            teacher.mentor_became_ineligible_for_funding_on,
            _mentor.api_id.label("mentor_api_id"),
            ScheduleRow.identifier,
            DeliveryPartnerRow.name.label("delivery_partner"),
            SchoolRow.urn,
            GiasSchoolRow.name.label("school_name"),
        )
        .join(training, training.id == declaration.training_period_id)
        .join(teacher, teacher.id == training.teacher_id)
        .outerjoin(ect, ect.id == training.ect_at_school_period_id)
        .outerjoin(mentor, mentor.id == training.mentor_at_school_period_id)
        .outerjoin(SchoolRow, SchoolRow.id == func.coalesce(ect.school_id, mentor.school_id))
        .outerjoin(GiasSchoolRow, GiasSchoolRow.urn == SchoolRow.urn)
        .outerjoin(ScheduleRow, ScheduleRow.id == training.schedule_id)
        .outerjoin(
            DeliveryPartnerRow,
            DeliveryPartnerRow.id == declaration.delivery_partner_when_created_id,
        )
        .outerjoin(MentorshipPeriodRow, MentorshipPeriodRow.id == declaration.mentorship_period_id)
        .outerjoin(
            _mentor_placement,
            _mentor_placement.id == MentorshipPeriodRow.mentor_at_school_period_id,
        )
        .outerjoin(_mentor, _mentor.id == _mentor_placement.teacher_id)
        .where(_on_statement(statement_id))
        # The order §8.1 takes the first N of each type in.
        .order_by(declaration.declaration_date, declaration.created_at, declaration.id)
    )


def _model(row: Any) -> Declaration:
    return Declaration(
        training_period_id=row.training_period_id,
        declaration_type=row.declaration_type,
        declaration_date=row.declaration_date,
        created_at=row.created_at,
        payment_status=row.payment_status,
        clawback_status=row.clawback_status,
        payment_statement_id=row.payment_statement_id,
        clawback_statement_id=row.clawback_statement_id,
        pupil_premium_uplift=row.pupil_premium_uplift,
        sparsity_uplift=row.sparsity_uplift,
    )


def _set_on(row: Any, statement_id: int) -> str:
    if row.clawback_statement_id == statement_id and row.clawback_status in REFUNDABLE:
        return "refundable"
    return "voided" if row.payment_status == PaymentStatus.VOIDED else "billable"


def _selected(
    rows: list[Row[Any]], statement_id: int, selection: DeclarationSelection
) -> Iterator[Row[Any]]:
    """The first N billable and M refundable of each banded type; voided and flat-rate
    (mentors on `ittecf_ectp`) declarations all."""
    taken: Counter[tuple[str, DeclarationType]] = Counter()
    for row in rows:
        kind = _set_on(row, statement_id)
        banded = selection.mentors_banded or _text_of(row.role) == "ect"
        if kind == "voided" or not banded:
            yield row
            continue
        key = (kind, DeclarationType(row.declaration_type))
        limit = getattr(selection.limits[key[1]], kind)
        if taken[key] < limit:
            taken[key] += 1
            yield row


def _text_of(value: Any) -> str:
    """An enum column's stored text, whichever form the driver returned it in."""
    return str(getattr(value, "value", value))


def _name(teacher: Any) -> str:
    if teacher.corrected_name:
        return teacher.corrected_name
    return " ".join(part for part in (teacher.trs_first_name, teacher.trs_last_name) if part)


def _eligible(teacher: Any, role: str) -> bool:
    if role == "ect":
        found = eligible_for_funding(
            teacher.ect_first_became_eligible_for_training_at,
            teacher.ect_became_ineligible_for_funding_on,
        )
    else:
        found = eligible_for_funding(
            teacher.mentor_first_became_eligible_for_training_at,
            teacher.mentor_became_ineligible_for_funding_on,
        )
    return bool(found)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _training_reason(training: Any, status: str) -> str:
    reason = {"withdrawn": training.withdrawal_reason, "deferred": training.deferral_reason}
    found = reason.get(status)
    return "" if found is None else _text_of(found)


def _csv_row(
    row: Row[Any], lead_provider: str, statement_name: str, statement_api_id: uuid.UUID
) -> list[str]:
    role = _text_of(row.role)
    model = _model(row)
    status = training_status(row.withdrawn_at, row.deferred_at)
    flags = (row.sparsity_uplift, row.pupil_premium_uplift)
    return [
        str(row.teacher_api_id),
        _name(row),
        row.trn or "",
        role,
        "" if row.mentor_api_id is None else str(row.mentor_api_id),
        "" if row.identifier is None else _text_of(row.identifier),
        str(_eligible(row, role)).lower(),
        "",
        str(flags[0]).lower(),
        str(flags[1]).lower(),
        str(all(flags)).lower(),
        lead_provider,
        row.delivery_partner or "",
        row.urn or "",
        row.school_name or "",
        status,
        _training_reason(row, status),
        str(row.api_id),
        model.api_state,
        _text_of(row.declaration_type),
        _iso(row.declaration_date),
        _iso(row.created_at),
        "" if row.evidence_type is None else _text_of(row.evidence_type),
        statement_name,
        str(statement_api_id),
        str(model.uplift_paid).lower(),
    ]


@attrs.frozen(kw_only=True)
class DeclarationToVoid:
    """A declaration as the void confirmation page shows it."""

    id: int
    api_id: uuid.UUID
    participant_name: str
    trn: str | None
    role: str
    declaration_type: str
    declaration_date: datetime
    payment_status: PaymentStatus
    clawback_status: ClawbackStatus
    payment_statement_api_id: uuid.UUID | None
    payment_statement_name: str | None
    lead_provider: str | None

    @property
    def paid(self) -> bool:
        return self.payment_status is PaymentStatus.PAID

    @property
    def voidable(self) -> bool:
        # Billable or changeable (§1.11): the service checks again when asked.
        return (
            self.payment_status is not PaymentStatus.VOIDED
            and self.clawback_status is ClawbackStatus.NO_CLAWBACK
        )


class SqlFinanceDeclarationReads(ReadModel):
    def csv_rows(
        self,
        statement_id: int,
        statement_api_id: uuid.UUID,
        statement_name: str,
        lead_provider: str,
        selection: DeclarationSelection,
    ) -> Iterator[list[str]]:
        with self._session_factory() as session:
            rows = session.execute(_csv_query(statement_id)).all()
        for row in _selected(rows, statement_id, selection):
            yield _csv_row(row, lead_provider, statement_name, statement_api_id)

    def declaration(self, api_id: uuid.UUID) -> DeclarationToVoid | None:
        declaration, training, teacher = DeclarationRow, TrainingPeriodRow, TeacherRow
        query = (
            select(declaration, training.role, teacher, StatementRow, LeadProviderRow.name)
            .join(training, training.id == declaration.training_period_id)
            .join(teacher, teacher.id == training.teacher_id)
            .outerjoin(StatementRow, StatementRow.id == declaration.payment_statement_id)
            .outerjoin(
                ActiveLeadProviderRow,
                ActiveLeadProviderRow.id == StatementRow.active_lead_provider_id,
            )
            .outerjoin(
                LeadProviderRow, LeadProviderRow.id == ActiveLeadProviderRow.lead_provider_id
            )
            .where(declaration.api_id == api_id)
        )
        with self._session_factory() as session:
            found = session.execute(query).first()
        if found is None:
            return None
        row, role, person, statement, provider = found
        return DeclarationToVoid(
            id=row.id,
            api_id=row.api_id,
            participant_name=_name(person),
            trn=person.trn,
            role=str(role.value if hasattr(role, "value") else role),
            declaration_type=str(row.declaration_type.value),
            declaration_date=row.declaration_date,
            payment_status=PaymentStatus(row.payment_status),
            clawback_status=ClawbackStatus(row.clawback_status),
            payment_statement_api_id=None if statement is None else statement.api_id,
            payment_statement_name=None
            if statement is None
            else f"{calendar.month_name[statement.month]} {statement.year}",
            lead_provider=provider,
        )
