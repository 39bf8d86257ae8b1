"""What recording a declaration needs to know about its participant, gathered from other
contexts by the DeclarationFacts port (lead-provider-api-v3 §4)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Protocol

import attrs

from ecf2.domain.payments.declarations import EvidenceType
from ecf2.domain.shared.declaration_types import DeclarationType


@attrs.frozen
class DeclarationRequest:
    """The POST body's attributes as sent: any of them may be missing or wrong."""

    participant_id: str | None = None
    declaration_type: str | None = None
    declaration_date: str | None = None
    course_identifier: str | None = None
    evidence_held: str | None = None


@attrs.frozen
class MilestoneWindow:
    start_date: date
    milestone_date: date | None = None


@attrs.frozen
class MentorshipDates:
    """One of the ECT's mentorships in the training's school placement."""

    mentorship_period_id: int
    started_on: date
    finished_on: date | None = None

    def distance_from(self, on: date) -> int:
        """Days from the date to the nearer of the mentorship's start and end. An ECT's
        mentorships never overlap, so one covering the date is always the nearest."""
        ends = (self.started_on, self.finished_on or self.started_on)
        return min(abs((end - on).days) for end in ends)


@attrs.frozen
class LiveDeclaration:
    """A billable or changeable declaration of the participant in the role (§3.4)."""

    declaration_id: int
    training_period_id: int
    declaration_type: DeclarationType
    declaration_date: datetime
    evidence_type: EvidenceType | None


@attrs.frozen
class Training:
    """The lead provider's latest training period for the role (§4), with its cohort."""

    training_period_id: int
    cohort: int
    milestones: dict[DeclarationType, MilestoneWindow]
    withdrawn_at: datetime | None = None
    deferred_at: datetime | None = None
    mentor_funding_enabled: bool = False
    detailed_evidence_types_enabled: bool = False
    uplift_fees_enabled: bool = False
    pupil_premium_uplift: bool = False
    sparsity_uplift: bool = False
    delivery_partner_id: int | None = None
    next_open_statement_id: int | None = None
    mentorships: tuple[MentorshipDates, ...] = ()

    def nearest_mentorship(self, on: date) -> int | None:
        """The mentorship closest to the date (§2.3 mentor_id)."""
        nearest = min(self.mentorships, key=lambda each: each.distance_from(on), default=None)
        return None if nearest is None else nearest.mentorship_period_id


@attrs.frozen
class Participant:
    teacher_id: int
    trained_by_provider: bool
    training: Training | None = None
    trained_in_other_role: bool = False
    funding_eligible: bool = False
    frozen_cohort: int | None = None
    live_declarations: tuple[LiveDeclaration, ...] = ()


class DeclarationFacts(Protocol):
    """Reads from the participants and contracts contexts for one declaration."""

    def participant(
        self,
        lead_provider_id: int,
        participant_id: uuid.UUID,
        role: str | None,
        today: date,
        now: datetime,
    ) -> Participant | None:
        """None when no teacher has that id; `role` is "ect" or "mentor", or None."""
        ...
