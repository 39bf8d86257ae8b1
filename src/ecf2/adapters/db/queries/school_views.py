"""What a school's home page shows of each ECT and mentor (view records)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Generic, TypeVar

import attrs

from ecf2.domain.participants.values import TrainingProgramme, TrsInductionStatus, WorkingPattern


@attrs.frozen
class Training:
    programme: TrainingProgramme | None = None
    lead_provider: str | None = None
    delivery_partner: str | None = None
    # Provider-led training with only an expression of interest: the lead provider has not
    # yet confirmed a partnership with the school (§1.5, scenario 16).
    awaiting_confirmation: bool = False


@attrs.frozen
class PersonLink:
    api_id: uuid.UUID
    name: str


@attrs.frozen
class EctAtSchool:
    api_id: uuid.UUID
    name: str
    trn: str | None
    email: str | None
    working_pattern: WorkingPattern | None
    started_on: date
    finished_on: date | None
    leaving: bool
    training: Training
    mentor: PersonLink | None
    appropriate_body: str | None
    trs_induction_status: TrsInductionStatus | None
    trs_induction_start_date: date | None
    has_open_induction_period: bool


@attrs.frozen
class MentorAtSchool:
    api_id: uuid.UUID
    name: str
    trn: str | None
    email: str | None
    started_on: date
    finished_on: date | None
    leaving: bool
    training: Training
    mentees: tuple[PersonLink, ...]


Person = TypeVar("Person", EctAtSchool, MentorAtSchool)


@attrs.frozen
class PeopleOnPage(Generic[Person]):
    """One page of a school's list, in name order, and how many people the list holds."""

    people: list[Person]
    total: int
