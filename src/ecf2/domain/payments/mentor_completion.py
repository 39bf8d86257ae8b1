"""A completed declaration made, voided or clawed back may end or restore a mentor's funded
training (lead-provider-api-v3 §3.6); the participants context decides, through a port."""

from __future__ import annotations

from datetime import datetime

from ecf2.domain.payments.declarations import Declaration
from ecf2.domain.payments.ports import MentorCompletion, PaymentsUnitOfWork
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.declaration_types import DeclarationType


def completed_declaration_changed(
    completion: MentorCompletion | None,
    uow: PaymentsUnitOfWork,
    declaration: Declaration,
    at: datetime,
    by: Actor,
) -> None:
    if completion is None or declaration.declaration_type is not DeclarationType.COMPLETED:
        return
    completion.completed_declaration_changed(uow, declaration.training_period_id, at, by)
