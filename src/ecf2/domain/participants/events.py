"""The participants context's events for what lead providers do to training
(lead-provider-api-v3 §0: every mutation is recorded, authored by the lead provider)."""

from __future__ import annotations

from datetime import datetime

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.events import DomainEvent


def training_event(
    event_type: str,
    heading: str,
    teacher: Teacher,
    training: TrainingPeriod,
    at: datetime,
    by: Actor,
    *,
    modifications: tuple[str, ...] = (),
    **metadata: object,
) -> DomainEvent:
    return DomainEvent(
        event_type=event_type,
        heading=f"{teacher.display_name} {heading}",
        happened_at=at,
        author=by,
        subjects={
            "teacher": teacher,
            "training_period": training,
            "school_partnership": training.school_partnership_id,
            "schedule": training.schedule_id,
            "lead_provider": by.lead_provider_id if isinstance(by.lead_provider_id, int) else None,
        },
        modifications=modifications,
        metadata={key: value for key, value in metadata.items() if value is not None},
    )
