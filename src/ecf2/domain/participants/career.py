"""The Teacher aggregate's placements, training and mentorships, and the rules of time
that bind them (participants-and-schools §1.2-§1.5, §2.1, §2.2)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from ecf2.domain.participants.invariants import describe, refuse_outside, refuse_overlap
from ecf2.domain.participants.mentoring import check_mentor, check_mentorship
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    MentorshipPeriod,
)
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingRole
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.period import Period

Placement = ECTAtSchoolPeriod | MentorAtSchoolPeriod
_WHOSE = {TrainingRole.ECT: "An ECT's", TrainingRole.MENTOR: "A mentor's"}
T = TypeVar("T")


def _others(items: Iterable[T], item: T) -> list[T]:
    return [other for other in items if other is not item]


def _drop(items: list[T], item: T) -> None:
    # By identity: two children may hold equal values and still be different rows.
    items[:] = _others(items, item)


class TeacherCareer:
    """Placements, training and mentorships of one teacher: the Teacher aggregate's part
    that keeps them from overlapping and keeps each inside what contains it."""

    __slots__ = ()
    id: int | None
    ect_at_school_periods: list[ECTAtSchoolPeriod]
    mentor_at_school_periods: list[MentorAtSchoolPeriod]

    # ECT placements: one school at a time (§1.2).

    def add_ect_placement(self, placement: ECTAtSchoolPeriod) -> ECTAtSchoolPeriod:
        _refuse_children(placement)
        self._check_ect_placement(placement, placement.period)
        self.ect_at_school_periods.append(placement)
        return placement

    def set_ect_placement_dates(
        self, placement: ECTAtSchoolPeriod, started_on: date, finished_on: date | None
    ) -> None:
        period = Period(started_on, finished_on)
        self._check_ect_placement(self._own_ect(placement), period)
        _refuse_uncontained(placement, period)
        placement.started_on, placement.finished_on = started_on, finished_on

    def finish_ect_placement(self, placement: ECTAtSchoolPeriod, finished_on: date) -> None:
        self.set_ect_placement_dates(placement, placement.started_on, finished_on)

    def remove_ect_placement(self, placement: ECTAtSchoolPeriod) -> None:
        _drop(self.ect_at_school_periods, self._own_ect(placement))

    def _check_ect_placement(self, placement: ECTAtSchoolPeriod, period: Period) -> None:
        others = [p.period for p in _others(self.ect_at_school_periods, placement)]
        if period.ongoing and any(other.ongoing for other in others):
            raise RuleBroken(
                "This teacher is already an ECT at a school with no leaving date",
                field="finished_on",
                rule="one_open_ect_placement",
            )
        refuse_overlap(
            period,
            others,
            subject="An ECT's time at a school",
            rule="ect_placements_do_not_overlap",
        )

    # Mentor placements: may run at several schools at once, one at a time per school (§1.3).

    def add_mentor_placement(self, placement: MentorAtSchoolPeriod) -> MentorAtSchoolPeriod:
        _refuse_children(placement)
        self._check_mentor_placement(placement, placement.period)
        self.mentor_at_school_periods.append(placement)
        return placement

    def set_mentor_placement_dates(
        self, placement: MentorAtSchoolPeriod, started_on: date, finished_on: date | None
    ) -> None:
        period = Period(started_on, finished_on)
        self._check_mentor_placement(self._own_mentor(placement), period)
        _refuse_uncontained(placement, period)
        placement.started_on, placement.finished_on = started_on, finished_on

    def finish_mentor_placement(self, placement: MentorAtSchoolPeriod, finished_on: date) -> None:
        self.set_mentor_placement_dates(placement, placement.started_on, finished_on)

    def remove_mentor_placement(self, placement: MentorAtSchoolPeriod) -> None:
        _drop(self.mentor_at_school_periods, self._own_mentor(placement))

    def _check_mentor_placement(self, placement: MentorAtSchoolPeriod, period: Period) -> None:
        same_school = [
            other.period
            for other in self.mentor_at_school_periods
            if other is not placement and other.school_id == placement.school_id
        ]
        if period.ongoing and any(other.ongoing for other in same_school):
            raise RuleBroken(
                "This teacher is already a mentor at this school with no leaving date",
                field="finished_on",
                rule="one_open_mentor_placement_per_school",
            )
        refuse_overlap(
            period,
            same_school,
            subject="A mentor's time at a school",
            rule="mentor_placements_at_a_school_do_not_overlap",
        )

    # Training periods: inside their placement, never two at once in the same role (§1.5).

    def training_periods(self, role: TrainingRole | None = None) -> list[TrainingPeriod]:
        placements: list[Placement] = [*self.ect_at_school_periods, *self.mentor_at_school_periods]
        return [
            tp
            for placement in placements
            for tp in placement.training_periods
            if role is None or tp.role is role
        ]

    def add_training_period(self, placement: Placement, training: TrainingPeriod) -> TrainingPeriod:
        self._own(placement)
        if training.role is not _role_of(placement):
            raise InvalidValue(
                f"{_WHOSE[training.role]} training cannot belong to "
                f"{_WHOSE[_role_of(placement)].lower()} time at a school",
                field="role",
                rule="training_role_matches_placement",
            )
        self._check_training(placement, training, training.period)
        placement.training_periods.append(training)
        return training

    def set_training_period_dates(
        self, training: TrainingPeriod, started_on: date, finished_on: date | None
    ) -> None:
        period = Period(started_on, finished_on)
        self._check_training(self._placement_of(training), training, period)
        training.started_on, training.finished_on = started_on, finished_on

    def finish_training_period(self, training: TrainingPeriod, finished_on: date) -> None:
        self.set_training_period_dates(training, training.started_on, finished_on)

    def remove_training_period(self, training: TrainingPeriod) -> None:
        _drop(self._placement_of(training).training_periods, training)

    def _check_training(
        self, placement: Placement, training: TrainingPeriod, period: Period
    ) -> None:
        refuse_outside(
            period,
            placement.period,
            subject="Training",
            within="the teacher's time at the school",
            rule="training_within_placement",
        )
        if period.ongoing and any(
            tp.finished_on is None for tp in _others(placement.training_periods, training)
        ):
            raise RuleBroken(
                "This placement already has training with no finish date",
                field="finished_on",
                rule="one_open_training_per_placement",
            )
        siblings = _others(self.training_periods(training.role), training)
        refuse_overlap(
            period,
            (tp.period for tp in siblings),
            subject=f"{_WHOSE[training.role]} training",
            rule="training_periods_do_not_overlap",
        )

    # Mentorships: the ECT has one mentor at a time, never themself (§1.4).

    def start_mentorship(
        self,
        placement: ECTAtSchoolPeriod,
        mentor: MentorPlacement,
        started_on: date,
        finished_on: date | None = None,
    ) -> MentorshipPeriod:
        mentorship = MentorshipPeriod(
            started_on=started_on,
            finished_on=finished_on,
            mentor_at_school_period_id=mentor.id,
            mentor_placement=mentor.placement if mentor.id is None else None,
        )
        check_mentor(self.id, self.mentor_at_school_periods, self._own_ect(placement), mentor)
        check_mentorship(placement, mentorship, mentorship.period, mentor)
        placement.mentorship_periods.append(mentorship)
        return mentorship

    def set_mentorship_dates(
        self,
        mentorship: MentorshipPeriod,
        started_on: date,
        finished_on: date | None,
        mentor: MentorPlacement | None = None,
    ) -> None:
        """`mentor` is needed to check the mentor's placement still contains the mentorship
        when the change moves it outside its old dates."""
        period = Period(started_on, finished_on)
        placement = self._placement_of_mentorship(mentorship)
        check_mentorship(placement, mentorship, period, mentor)
        if mentor is None and not mentorship.period.contains(period):
            raise ValueError("Widening a mentorship needs the mentor's placement to check")
        mentorship.started_on, mentorship.finished_on = started_on, finished_on

    def finish_mentorship(self, mentorship: MentorshipPeriod, finished_on: date) -> None:
        self.set_mentorship_dates(mentorship, mentorship.started_on, finished_on)

    def remove_mentorship(self, mentorship: MentorshipPeriod) -> None:
        _drop(self._placement_of_mentorship(mentorship).mentorship_periods, mentorship)

    # Membership: every child changed through the aggregate must be one of its own.

    def _own(self, placement: Placement) -> Placement:
        if isinstance(placement, ECTAtSchoolPeriod):
            return self._own_ect(placement)
        return self._own_mentor(placement)

    def _own_ect(self, placement: ECTAtSchoolPeriod) -> ECTAtSchoolPeriod:
        if not any(placement is p for p in self.ect_at_school_periods):
            raise ValueError("That ECT placement is not this teacher's")
        return placement

    def _own_mentor(self, placement: MentorAtSchoolPeriod) -> MentorAtSchoolPeriod:
        if not any(placement is p for p in self.mentor_at_school_periods):
            raise ValueError("That mentor placement is not this teacher's")
        return placement

    def _placement_of(self, training: TrainingPeriod) -> Placement:
        placements: list[Placement] = [*self.ect_at_school_periods, *self.mentor_at_school_periods]
        for placement in placements:
            if any(training is tp for tp in placement.training_periods):
                return placement
        raise ValueError("That training period is not this teacher's")

    def _placement_of_mentorship(self, mentorship: MentorshipPeriod) -> ECTAtSchoolPeriod:
        for placement in self.ect_at_school_periods:
            if any(mentorship is m for m in placement.mentorship_periods):
                return placement
        raise ValueError("That mentorship is not this teacher's")


def _role_of(placement: Placement) -> TrainingRole:
    return TrainingRole.ECT if isinstance(placement, ECTAtSchoolPeriod) else TrainingRole.MENTOR


def _refuse_children(placement: Placement) -> None:
    if placement.training_periods or getattr(placement, "mentorship_periods", None):
        raise ValueError("Add training and mentorships after the placement itself")


def _refuse_uncontained(placement: Placement, period: Period) -> None:
    children = [*placement.training_periods, *getattr(placement, "mentorship_periods", [])]
    for child in children:
        if not period.contains(child.period):
            raise RuleBroken(
                "Change or remove the training and mentorships outside these dates first "
                f"({describe(child.period)})",
                field="started_on" if child.started_on < period.started_on else "finished_on",
                rule="placement_contains_its_training_and_mentorships",
            )
