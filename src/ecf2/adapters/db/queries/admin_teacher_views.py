"""What the DfE staff console shows of teachers: search results, a teacher's record and
their audit timeline (inductions-trs-sign-in-admin (d.1), (d.3)); view records only."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from ecf2.domain.inductions.model import InductionOutcome, InductionProgramme
from ecf2.domain.participants.values import (
    DeferralReason,
    TrainingProgramme,
    TrainingRole,
    TrsInductionStatus,
    WithdrawalReason,
)
from ecf2.domain.shared.actors import AuthorType


@attrs.frozen
class SchoolRole:
    """A teacher placed at a school as an ECT or a mentor."""

    role: TrainingRole
    school: str
    urn: str
    started_on: date
    finished_on: date | None


@attrs.frozen
class TeacherFound:
    api_id: uuid.UUID
    name: str
    trn: str | None
    schools: tuple[SchoolRole, ...]


@attrs.frozen
class TeacherSearchPage:
    """One page of teachers; `total` counts every match (0 on a page past the end)."""

    teachers: tuple[TeacherFound, ...]
    total: int


@attrs.frozen
class TrainingHistory:
    programme: TrainingProgramme
    lead_provider: str | None
    delivery_partner: str | None
    contract_period: int | None
    started_on: date
    finished_on: date | None
    withdrawn_at: datetime | None
    withdrawal_reason: WithdrawalReason | None
    deferred_at: datetime | None
    deferral_reason: DeferralReason | None


@attrs.frozen
class Placement:
    at: SchoolRole
    training: tuple[TrainingHistory, ...]


@attrs.frozen
class InductionHistory:
    appropriate_body: str
    started_on: date
    finished_on: date | None
    induction_programme: InductionProgramme
    training_programme: TrainingProgramme | None
    number_of_terms: Decimal | None
    outcome: InductionOutcome | None


@attrs.frozen
class TeacherRecord:
    api_id: uuid.UUID
    name: str
    trn: str | None
    trs_induction_status: TrsInductionStatus | None
    trs_qts_awarded_on: date | None
    placements: tuple[Placement, ...]
    inductions: tuple[InductionHistory, ...]


@attrs.frozen
class Author:
    type: AuthorType
    name: str | None
    email: str | None


@attrs.frozen
class TimelineEvent:
    heading: str
    happened_at: datetime
    author: Author
    body: str | None
    modifications: tuple[str, ...]
    metadata: dict[str, Any]
    zendesk_ticket_id: str | None


@attrs.frozen
class Timeline:
    """One page of the events about a teacher, newest first; `total` counts them all (0 on
    a page past the end)."""

    api_id: uuid.UUID
    name: str
    trn: str | None
    events: tuple[TimelineEvent, ...]
    total: int
