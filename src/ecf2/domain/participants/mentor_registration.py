"""The rules a school's registration of a mentor applies, in the spec's words
(participants-and-schools §3.2, §2.5, §2.6, §4.3)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import attrs

from ecf2.domain.participants.ect_registration import (
    BOUNDARY_GAP,
    CLOSED_WINDOWS,
    FUTURE_LIMIT_MONTHS,
    RegistrationClosed,
    StartDateLimits,
    months_after,
)
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod
from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingRole
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.identifiers import Trn


class MentorRegistrationBlock(StrEnum):
    """Why a teacher found in TRS cannot be registered as this ECT's new mentor, in the
    order checked (§3.2 steps 1-3). No induction or QTS checks for mentors."""

    MENTORS_THEMSELF = "mentors_themself"
    ALREADY_MENTOR_AT_SCHOOL = "already_mentor_at_school"
    PROHIBITED = "prohibited"


def mentor_registration_block(
    record: TeacherRecord, mentor: Teacher | None, ect_trn: Trn | None, school_id: int, today: date
) -> MentorRegistrationBlock | None:
    if ect_trn is not None and record.trn == ect_trn:
        return MentorRegistrationBlock.MENTORS_THEMSELF
    if mentor is not None and unfinished_mentor_placement_at(mentor, school_id) is not None:
        return MentorRegistrationBlock.ALREADY_MENTOR_AT_SCHOOL
    if record.is_prohibited_on(today):
        return MentorRegistrationBlock.PROHIBITED
    return None


def unfinished_mentor_placement_at(teacher: Teacher, school_id: int) -> MentorAtSchoolPeriod | None:
    return next(
        (p for p in teacher.mentor_at_school_periods if p.unfinished and p.school_id == school_id),
        None,
    )


class MentorHistory(StrEnum):
    """Which questions the school is asked after the email (§3.2 step 6)."""

    NEVER_A_MENTOR = "never_a_mentor"
    MENTOR_ELSEWHERE = "mentor_elsewhere"
    PREVIOUSLY_A_MENTOR = "previously_a_mentor"


def mentor_history(mentor: Teacher | None, school_id: int, today: date) -> MentorHistory:
    """Currently a mentor elsewhere = a placement at another school with no end, or
    ending today or later."""
    placements = [] if mentor is None else mentor.mentor_at_school_periods
    if not placements:
        return MentorHistory.NEVER_A_MENTOR
    if any(_elsewhere_on(p, school_id, today) for p in placements):
        return MentorHistory.MENTOR_ELSEWHERE
    return MentorHistory.PREVIOUSLY_A_MENTOR


def _elsewhere_on(placement: MentorAtSchoolPeriod, school_id: int, day: date) -> bool:
    return placement.school_id != school_id and (
        placement.finished_on is None or placement.finished_on >= day
    )


def mentor_start_date_limits(
    mentor: Teacher | None, school_id: int, today: date
) -> StartDateLimits:
    """§3.2 step 7: two days after the start of their placement at another school and of
    its latest training that has begun; no more than four months ahead while they are
    still mentoring elsewhere. Mentors have no contract-period floor (§2.4)."""
    elsewhere = [
        p
        for p in ([] if mentor is None else mentor.mentor_at_school_periods)
        if p.school_id != school_id
    ]
    if not elsewhere:
        return StartDateLimits()
    latest_placement = max(elsewhere, key=lambda p: p.started_on)
    started = [tp.started_on for tp in latest_placement.training_periods if tp.started_on <= today]
    after = max([latest_placement.started_on, *started]) + BOUNDARY_GAP
    still_there = any(_elsewhere_on(p, school_id, today) for p in elsewhere)
    latest = months_after(today, FUTURE_LIMIT_MONTHS) if still_there else None
    return StartDateLimits(after_previous=after, latest=latest)


def mentor_eligible_for_funding(mentor: Teacher | None) -> bool:
    """§4.3: no recorded reason for ineligibility; a teacher not known yet is eligible."""
    return mentor is None or mentor.mentor_eligible_for_funding


def mentor_gets_training(
    lead_provider_id: int | None, eligible: bool, only_this_school: bool
) -> bool:
    """§3.2 step 8: provider-led mentor training only when a lead provider is chosen, the
    mentor is eligible for funding and they mentor at this school only."""
    return lead_provider_id is not None and eligible and only_this_school


def refuse_block(block: MentorRegistrationBlock | None) -> None:
    messages = {
        MentorRegistrationBlock.MENTORS_THEMSELF: "An ECT cannot mentor themself",
        MentorRegistrationBlock.ALREADY_MENTOR_AT_SCHOOL: (
            "This teacher is already a mentor at your school"
        ),
        MentorRegistrationBlock.PROHIBITED: (
            "This teacher is prohibited from teaching and cannot be registered as a mentor"
        ),
    }
    if block is not None:
        raise RuleBroken(messages[block], field="trn", rule=f"mentor_registration_{block}")


@attrs.frozen
class MentorshipStart:
    """§2.6: what the first day of a mentorship depends on."""

    ect_started_on: date
    mentor_started_on: date
    mentor_transferring: bool = False
    ect_never_mentored: bool = False

    def on(self, today: date) -> date:
        """The later of both placement starts and today; today is dropped (so the
        mentorship can be back-dated) only for a mentor transferring from another school
        to an ECT who has never had a mentor."""
        starts = [self.ect_started_on, self.mentor_started_on]
        if not (self.mentor_transferring and self.ect_never_mentored):
            starts.append(today)
        return max(starts)


def mentor_transferring(history: MentorHistory, only_this_school: bool) -> bool:
    """§2.6, §3.2 step 8: a mentor who has mentored before and now mentors at this school
    only is moving here; one mentoring at another school as well is not."""
    return only_this_school and history is not MentorHistory.NEVER_A_MENTOR


def ect_never_mentored(ect: Teacher) -> bool:
    return not any(p.mentorship_periods for p in ect.ect_at_school_periods)


def latest_mentor_training(
    mentor: Teacher | None,
) -> tuple[MentorAtSchoolPeriod, TrainingPeriod] | None:
    """The mentor's latest mentor training at any school, with the placement it is in
    (§3.2 step 7: the "previous training" the school is shown)."""
    trainings = [
        (placement, tp)
        for placement in ([] if mentor is None else mentor.mentor_at_school_periods)
        for tp in placement.training_periods
        if tp.role is TrainingRole.MENTOR
    ]
    return max(trainings, key=lambda pair: pair[1].started_on, default=None)


def previous_mentor_schedule_id(mentor: Teacher | None) -> int | None:
    """§2.4: the schedule of the mentor's latest training, when it was provider-led."""
    latest = latest_mentor_training(mentor)
    training = None if latest is None else latest[1]
    return training.schedule_id if training is not None and training.provider_led else None


def mentor_changes_closed(today: date) -> RegistrationClosed | None:
    """§2.8: registering, assigning and changing mentors close in the first fortnight of
    June, like registering an ECT; the school is told the day they reopen."""
    window = next((w for w in CLOSED_WINDOWS if w.includes(today)), None)
    return None if window is None else RegistrationClosed(window.day_after())
