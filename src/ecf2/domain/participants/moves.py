"""An ECT joining and leaving schools: the Teacher aggregate's part that registers a new
placement, finishing the one elsewhere first (participants-and-schools §2.9, §3.1 step 12,
§3.8), and the finishing cascade a school's report of leaving uses too (§3.7)."""

from __future__ import annotations

from datetime import date

import attrs

from ecf2.domain.participants.career import TeacherCareer
from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorshipPeriod
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.period import ONE_DAY


@attrs.frozen
class EctLeaving:
    """What finishing an ECT's placement on `on` changed, for the audit trail."""

    placement: ECTAtSchoolPeriod
    on: date
    finished_training: tuple[TrainingPeriod, ...] = ()
    removed_training: tuple[TrainingPeriod, ...] = ()
    finished_mentorships: tuple[MentorshipPeriod, ...] = ()
    removed_mentorships: tuple[MentorshipPeriod, ...] = ()


class EctMoves(TeacherCareer):
    """The Teacher aggregate's moves between schools, made of TeacherCareer's checked
    changes."""

    __slots__ = ()

    def register_as_ect(
        self, placement: ECTAtSchoolPeriod, training: TrainingPeriod
    ) -> list[EctLeaving]:
        """Place the ECT at a school with their first training there. A placement at
        another school that is still going on at the new start finishes the day before it
        (§3.8); one starting later elsewhere makes the new one overlap and be refused."""
        if any(p.unfinished and p.school_id == placement.school_id for p in self._ects()):
            raise RuleBroken(
                "This ECT is already registered at your school",
                field="trn",
                rule="ect_already_active_at_school",
            )
        day_before = placement.started_on - ONE_DAY
        leavings = [
            self.leave_school_as_ect(elsewhere, day_before)
            for elsewhere in self._ects()
            if elsewhere.school_id != placement.school_id
            and elsewhere.started_on <= placement.started_on
            and (elsewhere.finished_on is None or elsewhere.finished_on >= placement.started_on)
        ]
        self.add_ect_placement(placement)
        self.add_training_period(placement, training)
        return leavings

    def leave_school_as_ect(
        self, placement: ECTAtSchoolPeriod, on: date, reported_by_school_id: int | None = None
    ) -> EctLeaving:
        """§2.9: training and mentorships starting on or after `on` are removed, those
        going on at `on` finish then, and so does the placement (unless it already ends
        earlier). `on` is the last day at the school."""
        removed_training = [tp for tp in placement.training_periods if tp.started_on >= on]
        removed_mentorships = [m for m in placement.mentorship_periods if m.started_on >= on]
        for training in removed_training:
            self.remove_training_period(training)
        for mentorship in removed_mentorships:
            self.remove_mentorship(mentorship)
        finished_training = [tp for tp in placement.training_periods if _runs_past(tp, on)]
        for training in finished_training:
            self.finish_training_period(training, on)
        finished_mentorships = [m for m in placement.mentorship_periods if _runs_past(m, on)]
        for mentorship in finished_mentorships:
            self.finish_mentorship(mentorship, on)
        if _runs_past(placement, on):
            self.finish_ect_placement(placement, on)
        if reported_by_school_id is not None:
            placement.reported_leaving_by_school_id = reported_by_school_id
        return EctLeaving(
            placement,
            on,
            tuple(finished_training),
            tuple(removed_training),
            tuple(finished_mentorships),
            tuple(removed_mentorships),
        )

    def _ects(self) -> list[ECTAtSchoolPeriod]:
        return list(self.ect_at_school_periods)


def _runs_past(item: TrainingPeriod | MentorshipPeriod | ECTAtSchoolPeriod, on: date) -> bool:
    return item.finished_on is None or item.finished_on > on
