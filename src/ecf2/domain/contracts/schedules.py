"""Schedules and their milestones: when each kind of declaration may be made
(participants-and-schools §1.11, lead-provider-api-v3 §3.7)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import attrs

from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue, NotFound, RuleBroken
from ecf2.domain.shared.events import DomainEvent


class ScheduleType(StrEnum):
    STANDARD = "standard"
    EXTENDED = "extended"
    REDUCED = "reduced"
    REPLACEMENT = "replacement"


class ScheduleMonth(StrEnum):
    SEPTEMBER = "september"
    JANUARY = "january"
    APRIL = "april"


class ScheduleIdentifier(StrEnum):
    ECF_STANDARD_SEPTEMBER = "ecf-standard-september"
    ECF_STANDARD_JANUARY = "ecf-standard-january"
    ECF_STANDARD_APRIL = "ecf-standard-april"
    ECF_EXTENDED_SEPTEMBER = "ecf-extended-september"
    ECF_EXTENDED_JANUARY = "ecf-extended-january"
    ECF_EXTENDED_APRIL = "ecf-extended-april"
    ECF_REDUCED_SEPTEMBER = "ecf-reduced-september"
    ECF_REDUCED_JANUARY = "ecf-reduced-january"
    ECF_REDUCED_APRIL = "ecf-reduced-april"
    ECF_REPLACEMENT_SEPTEMBER = "ecf-replacement-september"
    ECF_REPLACEMENT_JANUARY = "ecf-replacement-january"
    ECF_REPLACEMENT_APRIL = "ecf-replacement-april"

    @classmethod
    def of(cls, schedule_type: ScheduleType, month: ScheduleMonth) -> ScheduleIdentifier:
        return cls(f"ecf-{schedule_type}-{month}")

    @property
    def schedule_type(self) -> ScheduleType:
        return ScheduleType(self.value.split("-")[1])

    @property
    def month(self) -> ScheduleMonth:
        return ScheduleMonth(self.value.split("-")[2])

    @property
    def allowed_for_ects(self) -> bool:
        # lead-provider-api-v3 §3.7: ECTs cannot be on replacement schedules.
        return self.schedule_type is not ScheduleType.REPLACEMENT

    @property
    def allowed_for_mentors(self) -> bool:
        # lead-provider-api-v3 §3.7: mentors cannot be on reduced schedules.
        return self.schedule_type is not ScheduleType.REDUCED


@attrs.frozen
class ScheduleChoice:
    """Which schedule a training period goes on: an identifier within a contract period."""

    contract_period_year: int
    identifier: ScheduleIdentifier


@attrs.define(kw_only=True)
class Milestone:
    declaration_type: DeclarationType
    start_date: date
    milestone_date: date | None = None
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.milestone_date is not None and self.milestone_date <= self.start_date:
            raise InvalidValue(
                f"The {self.declaration_type} milestone date must be after its start date",
                field="milestone_date",
                rule="milestone_date_after_start_date",
            )

    def open_on(self, day: date) -> bool:
        """The declaration window: start date to milestone date, both days included."""
        return self.start_date <= day and (
            self.milestone_date is None or day <= self.milestone_date
        )


@attrs.define(kw_only=True)
class Schedule:
    """One schedule of one contract period, holding at most one milestone per
    declaration type."""

    contract_period_year: int
    identifier: ScheduleIdentifier
    milestones: list[Milestone] = attrs.field(factory=list)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        milestones, self.milestones = self.milestones, []
        for milestone in milestones:
            self._accept(milestone)

    @property
    def choice(self) -> ScheduleChoice:
        return ScheduleChoice(self.contract_period_year, self.identifier)

    @property
    def earliest_start_date(self) -> date:
        return date(self.contract_period_year, 6, 1)

    def add_milestone(
        self,
        declaration_type: DeclarationType,
        start_date: date,
        milestone_date: date | None = None,
    ) -> Milestone:
        milestone = Milestone(
            declaration_type=declaration_type, start_date=start_date, milestone_date=milestone_date
        )
        return self._accept(milestone)

    def change_milestone(
        self, declaration_type: DeclarationType, start_date: date, milestone_date: date | None
    ) -> tuple[str, ...]:
        """New dates for one milestone, under the same rules as a new one (§1.11): it
        starts on or after 1 June of the contract period's year and its milestone date, if
        any, is after its start. Returns a line per change for the audit trail."""
        milestone = self.milestone_for(declaration_type)
        if milestone is None:
            raise NotFound(f"{self.identifier} has no {declaration_type} milestone")
        changed = Milestone(
            declaration_type=declaration_type, start_date=start_date, milestone_date=milestone_date
        )
        self._check_starts_in_contract_period(changed)
        changes = tuple(
            f"{label} changed from '{_day(old)}' to '{_day(new)}'"
            for label, old, new in (
                ("Start date", milestone.start_date, start_date),
                ("Milestone date", milestone.milestone_date, milestone_date),
            )
            if old != new
        )
        milestone.start_date, milestone.milestone_date = start_date, milestone_date
        return changes

    def milestone_for(self, declaration_type: DeclarationType) -> Milestone | None:
        return next((m for m in self.milestones if m.declaration_type == declaration_type), None)

    def _accept(self, milestone: Milestone) -> Milestone:
        self._check_starts_in_contract_period(milestone)
        if self.milestone_for(milestone.declaration_type) is not None:
            raise RuleBroken(
                f"{self.identifier} already has a {milestone.declaration_type} milestone",
                field="declaration_type",
                rule="one_milestone_per_declaration_type",
            )
        self.milestones.append(milestone)
        self.milestones.sort(key=lambda m: m.declaration_type.position)
        return milestone

    def _check_starts_in_contract_period(self, milestone: Milestone) -> None:
        if milestone.start_date < self.earliest_start_date:
            raise InvalidValue(
                f"A milestone of the {self.contract_period_year} contract period cannot start "
                f"before 1 June {self.contract_period_year}",
                field="start_date",
                rule="milestone_starts_in_contract_period",
            )


def _day(day: date | None) -> str:
    return "none" if day is None else f"{day.day} {day:%B %Y}"
