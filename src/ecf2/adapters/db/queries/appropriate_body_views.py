"""The view records of what an appropriate body sees (inductions-trs-sign-in-admin (a.12))."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import attrs

from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.inductions.model import InductionOutcome, TrainingProgramme


@attrs.frozen
class EctInInduction:
    api_id: uuid.UUID
    name: str
    trn: str | None
    school: str | None
    induction_started_on: date | None
    training_programme: TrainingProgramme | None
    trs_induction_status: str | None


@attrs.frozen
class EctsInInduction:
    """One page of the list, and how many ECTs match in all."""

    ects: tuple[EctInInduction, ...]
    total: int
    page: Page

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page.size))


@attrs.frozen
class InductionPeriodHere:
    started_on: date
    finished_on: date | None
    number_of_terms: Decimal | None
    training_programme: TrainingProgramme | None
    outcome: InductionOutcome | None


@attrs.frozen
class TeacherInInduction:
    api_id: uuid.UUID
    name: str
    trn: str | None
    trs_induction_status: str | None
    periods: tuple[InductionPeriodHere, ...]
    extensions: tuple[Decimal, ...]

    @property
    def has_ongoing_period(self) -> bool:
        return any(period.finished_on is None for period in self.periods)
