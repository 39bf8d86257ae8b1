"""A mentor joining and leaving schools, and an ECT being given a mentor: the Teacher
aggregate's parts for registering a mentor (participants-and-schools §3.2 step 8), for
finishing a mentor's time at a school (§2.9) and for assigning a mentor (§3.3)."""

from __future__ import annotations

from datetime import date

import attrs

from ecf2.domain.participants.career import TeacherCareer
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    MentorshipPeriod,
)
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.period import ONE_DAY


@attrs.frozen
class MentorLeaving:
    """What finishing a mentor's placement on `on` changed on the mentor's side; the
    mentees' mentorships are theirs, finished by `end_mentorships_with`."""

    placement: MentorAtSchoolPeriod
    on: date
    finished_training: tuple[TrainingPeriod, ...] = ()
    removed_training: tuple[TrainingPeriod, ...] = ()


@attrs.frozen
class MentorChange:
    """What assigning a mentor changed on the ECT's side (§3.3 AssignMentor)."""

    mentorship: MentorshipPeriod
    finished: MentorshipPeriod | None = None
    removed: MentorshipPeriod | None = None


class MentorMoves(TeacherCareer):
    __slots__ = ()

    def register_as_mentor(
        self,
        placement: MentorAtSchoolPeriod,
        training: TrainingPeriod | None,
        *,
        only_this_school: bool,
    ) -> list[MentorLeaving]:
        """Place the mentor at a school, with provider-led training when they get it.
        Mentoring at this school only finishes their placements at other schools that
        contain the day before the new start, on that day (§3.2 step 8, §3.8)."""
        if any(p.unfinished and p.school_id == placement.school_id for p in self._mentors()):
            raise RuleBroken(
                "This mentor is already registered at your school",
                field="trn",
                rule="mentor_already_active_at_school",
            )
        day_before = placement.started_on - ONE_DAY
        leavings = []
        if only_this_school:
            leavings = [
                self.leave_school_as_mentor(elsewhere, day_before)
                for elsewhere in self._mentors()
                if elsewhere.school_id != placement.school_id
                and elsewhere.period.includes(day_before)
            ]
        self.add_mentor_placement(placement)
        if training is not None:
            self.add_training_period(placement, training)
        return leavings

    def leave_school_as_mentor(
        self, placement: MentorAtSchoolPeriod, on: date, reported_by_school_id: int | None = None
    ) -> MentorLeaving:
        """§2.9: training starting on or after `on` is removed, training going on at `on`
        finishes then, and so does the placement (unless it already ends earlier)."""
        removed = [tp for tp in placement.training_periods if tp.started_on >= on]
        for training in removed:
            self.remove_training_period(training)
        finished = [tp for tp in placement.training_periods if _runs_past(tp, on)]
        for training in finished:
            self.finish_training_period(training, on)
        if _runs_past(placement, on):
            self.finish_mentor_placement(placement, on)
        if reported_by_school_id is not None:
            placement.reported_leaving_by_school_id = reported_by_school_id
        return MentorLeaving(placement, on, tuple(finished), tuple(removed))

    def end_mentorships_with(
        self, mentor_placement_id: int, on: date
    ) -> tuple[list[MentorshipPeriod], list[MentorshipPeriod]]:
        """The ECT's side of a mentor leaving on `on` (§2.9): mentorships with that mentor
        starting on or after it are removed, those going on then finish on it. Returns
        (finished, removed)."""
        mine = [
            m
            for placement in self.ect_at_school_periods
            for m in placement.mentorship_periods
            if m.mentor_at_school_period_id == mentor_placement_id
        ]
        removed = [m for m in mine if m.started_on >= on]
        for mentorship in removed:
            self.remove_mentorship(mentorship)
        finished = [m for m in mine if m.started_on < on and _runs_past(m, on)]
        for mentorship in finished:
            self.finish_mentorship(mentorship, on)
        return finished, removed

    def assign_mentor(
        self, placement: ECTAtSchoolPeriod, mentor: MentorPlacement, starts_on: date
    ) -> MentorChange:
        """§3.3 AssignMentor: the ECT's current or next mentorship finishes the day before
        the new one starts, or is removed if it had not started before then; the new one
        runs to the earlier end of the two placements (§2.6)."""
        current = _current_or_next(placement, starts_on)
        finished = removed = None
        if current is not None and current.started_on < starts_on:
            self.finish_mentorship(current, starts_on - ONE_DAY)
            finished = current
        elif current is not None:
            self.remove_mentorship(current)
            removed = current
        ends = [day for day in (placement.finished_on, mentor.period.finished_on) if day]
        mentorship = self.start_mentorship(
            placement, mentor, starts_on, min(ends) if ends else None
        )
        return MentorChange(mentorship, finished, removed)

    def _mentors(self) -> list[MentorAtSchoolPeriod]:
        return list(self.mentor_at_school_periods)


def _current_or_next(placement: ECTAtSchoolPeriod, on: date) -> MentorshipPeriod | None:
    going = [
        m for m in placement.mentorship_periods if m.finished_on is None or m.finished_on >= on
    ]
    return min(going, key=lambda m: m.started_on) if going else None


def _runs_past(item: TrainingPeriod | MentorshipPeriod | MentorAtSchoolPeriod, on: date) -> bool:
    return item.finished_on is None or item.finished_on > on
