"""The payments context's MentorCompletion port, served by the participants context in the
same unit of work (lead-provider-api-v3 §3.6): which mentor the declaration's training
belongs to, and the date of their billable completed declaration, are read in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, text

from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.adapters.db.payments_rows import BILLABLE_OR_CHANGEABLE_SQL, DeclarationRow
from ecf2.domain.participants.mentor_completion import settle_mentor_completion
from ecf2.domain.participants.values import TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import london_day
from ecf2.domain.shared.declaration_types import DeclarationType

TP = TrainingPeriodRow


class SqlMentorCompletion:
    def completed_declaration_changed(
        self, uow: Any, training_period_id: int, at: datetime, by: Actor
    ) -> None:
        session = uow.session
        session.flush()
        teacher_id, role = session.execute(
            select(TP.teacher_id, TP.role).where(TP.id == training_period_id)
        ).one()
        if role != TrainingRole.MENTOR:
            return
        declared_at = session.scalar(
            select(DeclarationRow.declaration_date)
            .join(TP, TP.id == DeclarationRow.training_period_id)
            .where(
                TP.teacher_id == teacher_id,
                TP.role == TrainingRole.MENTOR,
                DeclarationRow.declaration_type == DeclarationType.COMPLETED,
                text(BILLABLE_OR_CHANGEABLE_SQL),
            )
            .order_by(DeclarationRow.declaration_date)
            .limit(1)
        )
        completed_on = None if declared_at is None else london_day(declared_at)
        settle_mentor_completion(uow, teacher_id, completed_on, at, london_day(at), by)
