"""The demo's plan of each teacher's career: placements at schools, training, mentorships
and inductions, named by natural keys (TRN, URN, lead provider name) until seeded."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import attrs

from ecf2.adapters.trs.payloads import TrsPerson
from ecf2.domain.contracts import ScheduleIdentifier
from ecf2.domain.inductions import InductionOutcome, InductionProgramme
from ecf2.domain.participants import DeferralReason, TrainingRole, WithdrawalReason
from ecf2.entrypoints.demo.school_plan import SchoolPlan, YearChoice


@attrs.define
class TrainingPlan:
    role: TrainingRole
    started_on: date
    cohort: int
    choice: YearChoice
    schedule: ScheduleIdentifier | None = None
    finished_on: date | None = None
    withdrawn: WithdrawalReason | None = None
    deferred: DeferralReason | None = None
    acted_at: datetime | None = None

    @property
    def provider_led(self) -> bool:
        return self.choice.provider_led

    @property
    def declarable(self) -> bool:
        """Only a lead provider that confirmed a partnership makes declarations."""
        return self.choice.confirmed

    def covers(self, day: date) -> bool:
        return self.started_on <= day and (self.finished_on is None or day <= self.finished_on)


@attrs.define
class MentorshipPlan:
    mentor_trn: str
    started_on: date
    finished_on: date | None = None


@attrs.define
class PlacementPlan:
    school: SchoolPlan
    started_on: date
    finished_on: date | None = None
    training: list[TrainingPlan] = attrs.Factory(list)
    mentorships: list[MentorshipPlan] = attrs.Factory(list)
    part_time: bool = False

    def covers(self, day: date) -> bool:
        return self.started_on <= day and (self.finished_on is None or day <= self.finished_on)


@attrs.define
class InductionPlan:
    appropriate_body: str
    started_on: date
    induction_programme: InductionProgramme
    provider_led: bool | None = None
    finished_on: date | None = None
    number_of_terms: Decimal | None = None
    outcome: InductionOutcome | None = None


@attrs.define
class TeacherPlan:
    person: TrsPerson
    ect_placements: list[PlacementPlan] = attrs.Factory(list)
    mentor_placements: list[PlacementPlan] = attrs.Factory(list)
    inductions: list[InductionPlan] = attrs.Factory(list)
    induction_extensions: list[Decimal] = attrs.Factory(list)
    mentor_completed_on: date | None = None

    @property
    def trn(self) -> str:
        return self.person.trn.value

    def training(self, role: TrainingRole) -> list[tuple[PlacementPlan, TrainingPlan]]:
        placements = self.ect_placements if role is TrainingRole.ECT else self.mentor_placements
        pairs = [(place, tp) for place in placements for tp in place.training]
        return sorted(pairs, key=lambda pair: pair[1].started_on)

    @property
    def mentor_trns(self) -> set[str]:
        return {m.mentor_trn for place in self.ect_placements for m in place.mentorships}

    @property
    def ect_eligible_from(self) -> date | None:
        """An appropriate body's claim makes an ECT eligible for funded training."""
        claims = [each.started_on for each in self.inductions if each.provider_led is not None]
        return min(claims, default=None)

    @property
    def mentor_eligible_from(self) -> date | None:
        starts = [tp.started_on for _, tp in self.training(TrainingRole.MENTOR)]
        return min(starts, default=None)
