"""A mentor's completed declaration ends their funded training; voiding or clawing it back
undoes that (lead-provider-api-v3 §3.6). Runs inside the unit of work that changed the
declaration, so both are written together."""

from __future__ import annotations

from datetime import date, datetime

from ecf2.domain.participants.ports import ParticipantsUnitOfWork
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.events import DomainEvent, describe_change


def settle_mentor_completion(
    uow: ParticipantsUnitOfWork,
    teacher_id: int,
    completed_on: date | None,
    at: datetime,
    today: date,
    by: Actor,
) -> None:
    """`completed_on` is the date of the mentor's billable completed declaration, if any."""
    teacher = uow.teachers.get(teacher_id)
    before = teacher.mentor_became_ineligible_for_funding_on
    if not teacher.settle_mentor_completion(completed_on, today):
        return
    teacher.api_updated_at = at
    uow.teachers.save(teacher)
    after = teacher.mentor_became_ineligible_for_funding_on
    uow.record(
        DomainEvent(
            event_type="mentor_completion_status_change",
            heading=f"{teacher.display_name} "
            + ("completed mentor training" if after else "no longer has completed mentor training"),
            happened_at=at,
            author=by,
            subjects={"teacher": teacher},
            modifications=(describe_change("Mentor funding end date", before, after),),
        )
    )
