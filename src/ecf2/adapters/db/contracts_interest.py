"""The contracts context's view of training in other contexts: training under an
expression of interest joining a partnership (participants-and-schools §3.10), and the
participants and declarations a partnership change shows as changed (lead-provider-api-v3
§2.6). Both work inside the unit of work's session, so they commit with the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update

from ecf2.adapters.db.contracts_rows import SchoolPartnershipRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.payments_rows import DeclarationRow
from ecf2.adapters.db.repository import SqlRepository
from ecf2.domain.contracts.expressions_of_interest import InterestedTraining
from ecf2.domain.contracts.partnerships import SchoolPartnership

TP = TrainingPeriodRow


class SqlInterestedTrainingRepository(SqlRepository):
    def at_school(self, school_id: int, active_lead_provider_id: int) -> list[InterestedTraining]:
        """ECT and mentor training at the school under an expression of interest in this
        lead provider and year, not yet in a partnership."""
        at_school = or_(
            TP.ect_at_school_period_id.in_(
                select(ECTAtSchoolPeriodRow.id).where(ECTAtSchoolPeriodRow.school_id == school_id)
            ),
            TP.mentor_at_school_period_id.in_(
                select(MentorAtSchoolPeriodRow.id).where(
                    MentorAtSchoolPeriodRow.school_id == school_id
                )
            ),
        )
        rows = self._session.execute(
            select(TP.id, TP.teacher_id, TP.expression_of_interest_id)
            .where(
                at_school,
                TP.expression_of_interest_id == active_lead_provider_id,
                TP.school_partnership_id.is_(None),
            )
            .order_by(TP.id)
        )
        return [
            InterestedTraining(
                training_period_id=period_id, teacher_id=teacher_id, active_lead_provider_id=alp_id
            )
            for period_id, teacher_id, alp_id in rows
        ]

    def save(self, training: InterestedTraining) -> None:
        """The partnership may be new in this unit of work: flushed to learn its id."""
        partnership = training.school_partnership
        if partnership is None:
            return
        self._session.execute(
            update(TP)
            .where(TP.id == training.training_period_id)
            .values(school_partnership_id=self._partnership_id(partnership))
        )
        # The teacher now shows to the lead provider (§2.6 POST): a change for them, and for
        # anyone saving the teacher at the same time.
        self._session.execute(
            update(TeacherRow)
            .where(TeacherRow.id == training.teacher_id)
            .values(api_updated_at=training.joined_at, version=TeacherRow.version + 1)
        )

    def _partnership_id(self, partnership: SchoolPartnership) -> int:
        if partnership.id is not None:
            return partnership.id
        self._session.flush()
        found = self._session.scalar(
            select(SchoolPartnershipRow.id).where(SchoolPartnershipRow.api_id == partnership.api_id)
        )
        assert found is not None
        return found


class SqlPartnershipDependants(SqlRepository):
    def touch(self, school_partnership_id: int, now: datetime) -> None:
        on_partnership = select(TP.id).where(TP.school_partnership_id == school_partnership_id)
        teachers = select(TP.teacher_id).where(TP.school_partnership_id == school_partnership_id)
        self._session.execute(
            update(DeclarationRow)
            .where(DeclarationRow.training_period_id.in_(on_partnership))
            .values(api_updated_at=now, version=DeclarationRow.version + 1)
        )
        self._session.execute(
            update(TeacherRow)
            .where(TeacherRow.id.in_(teachers))
            .values(api_updated_at=now, version=TeacherRow.version + 1)
        )
