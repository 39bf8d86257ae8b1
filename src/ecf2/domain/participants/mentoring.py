"""Who may mentor an ECT, and when (participants-and-schools §1.4)."""

from __future__ import annotations

from collections.abc import Sequence

from ecf2.domain.participants.invariants import refuse_outside, refuse_overlap
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    MentorshipPeriod,
)
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.period import Period


def check_mentor(
    ect_teacher_id: int | None,
    ect_as_mentor: Sequence[MentorAtSchoolPeriod],
    placement: ECTAtSchoolPeriod,
    mentor: MentorPlacement,
) -> None:
    """The mentor is another teacher, at the ECT's school."""
    own = any(mentor.placement is p for p in ect_as_mentor)
    if own or (mentor.teacher_id is not None and mentor.teacher_id == ect_teacher_id):
        raise RuleBroken(
            "A teacher cannot mentor themself",
            field="mentor_at_school_period_id",
            rule="mentor_is_not_the_ect",
        )
    if mentor.school_id != placement.school_id:
        raise RuleBroken(
            "The mentor must be at the same school as the ECT",
            field="mentor_at_school_period_id",
            rule="mentor_at_same_school",
        )


def check_mentorship(
    placement: ECTAtSchoolPeriod,
    mentorship: MentorshipPeriod,
    period: Period,
    mentor: MentorPlacement | None,
) -> None:
    """Inside both placements, and one mentor at a time for the ECT."""
    refuse_outside(
        period,
        placement.period,
        subject="A mentorship",
        within="the ECT's time at the school",
        rule="mentorship_within_ect_placement",
    )
    if mentor is not None:
        refuse_outside(
            period,
            mentor.period,
            subject="A mentorship",
            within="the mentor's time at the school",
            rule="mentorship_within_mentor_placement",
        )
    siblings = [m.period for m in placement.mentorship_periods if m is not mentorship]
    refuse_overlap(
        period, siblings, subject="An ECT's mentorship", rule="mentorships_do_not_overlap"
    )
