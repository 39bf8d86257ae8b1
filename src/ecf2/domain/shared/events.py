"""Domain events: the audit trail of every change (participants-and-schools §5).

An event names its subjects either by id or by the entity itself; an entity created in
the same unit of work gets its id when the unit of work flushes, before the event is
written in the same transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from attrs import field, frozen

from ecf2.domain.shared.actors import Actor

# The links an event may carry, as they are named in the events table.
SUBJECT_LINKS = (
    "teacher",
    "school",
    "appropriate_body",
    "induction_period",
    "induction_extension",
    "ect_at_school_period",
    "mentor_at_school_period",
    "mentorship_period",
    "training_period",
    "schedule",
    "school_partnership",
    "lead_provider",
    "delivery_partner",
    "active_lead_provider",
    "lead_provider_delivery_partnership",
    "statement",
    "statement_adjustment",
    "declaration",
    "contract",
    "dfe_staff_user",
    "api_token",
    "pending_induction_submission_batch",
    "contract_period",
)


class HasId(Protocol):
    id: int | None


def _check_subjects(_instance: object, _attribute: object, value: dict[str, Any]) -> None:
    unknown = set(value) - set(SUBJECT_LINKS)
    if unknown:
        raise ValueError(f"Unknown event subjects: {sorted(unknown)}")


@frozen
class DomainEvent:
    event_type: str
    heading: str
    happened_at: datetime
    author: Actor
    subjects: dict[str, int | HasId | None] = field(factory=dict, validator=_check_subjects)
    modifications: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(factory=dict)
    body: str | None = None
    zendesk_ticket_id: str | None = None

    def subject_ids(self) -> dict[str, int]:
        """Resolve each subject to its id; call only after the unit of work has flushed."""
        ids: dict[str, int] = {}
        for link, subject in self.subjects.items():
            subject_id = subject if isinstance(subject, int | None) else subject.id
            if subject_id is not None:
                ids[link] = subject_id
        return ids


def describe_change(label: str, old: object, new: object) -> str:
    """One readable line for an event's modifications list."""
    return f"{label} changed from '{old}' to '{new}'"
