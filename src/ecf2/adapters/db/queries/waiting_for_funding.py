"""The WaitingForFunding port in SQL: training periods with declarations still without
payment whose teacher is now eligible for funding in the training's role (finance §4.2)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.payments_rows import DeclarationRow
from ecf2.adapters.db.queries.api.participant_statuses import eligible_for_funding
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.payments.declarations import PaymentStatus

_placement_teacher = {
    "ect": (ECTAtSchoolPeriodRow, TrainingPeriodRow.ect_at_school_period_id),
    "mentor": (MentorAtSchoolPeriodRow, TrainingPeriodRow.mentor_at_school_period_id),
}


class SqlWaitingForFunding(ReadModel):
    def training_periods(
        self, *, teacher_id: int | None = None, role: str | None = None
    ) -> list[int]:
        waiting: set[int] = set()
        for each in [role] if role else list(_placement_teacher):
            rows = self._rows(_candidates(each, teacher_id))
            waiting |= {row[0] for row in rows if eligible_for_funding(row[1], row[2])}
        return sorted(waiting)


def _candidates(role: str, teacher_id: int | None) -> Select[Any]:
    placement, placement_id = _placement_teacher[role]
    first = getattr(TeacherRow, f"{role}_first_became_eligible_for_training_at")
    until = getattr(TeacherRow, f"{role}_became_ineligible_for_funding_on")
    query = (
        select(TrainingPeriodRow.id, first, until)
        .join(placement, placement.id == placement_id)
        .join(TeacherRow, TeacherRow.id == placement.teacher_id)
        .where(
            TrainingPeriodRow.role == role,
            first.is_not(None),
            TrainingPeriodRow.id.in_(
                select(DeclarationRow.training_period_id).where(
                    DeclarationRow.payment_status == PaymentStatus.NO_PAYMENT
                )
            ),
        )
        .distinct()
    )
    if teacher_id is not None:
        query = query.where(TeacherRow.id == teacher_id)
    return query
