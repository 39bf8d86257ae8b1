"""The rules of registering and assigning a mentor, and a mentor's moves between schools
(participants-and-schools §3.2, §3.3, §2.6, §2.9), on the domain alone."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.participants.mentor_registration import (
    MentorHistory,
    MentorRegistrationBlock,
    MentorshipStart,
    latest_mentor_training,
    mentor_changes_closed,
    mentor_gets_training,
    mentor_history,
    mentor_registration_block,
    mentor_start_date_limits,
    mentor_transferring,
)
from ecf2.domain.participants.teacher_record import TeacherAlert, TeacherRecord
from ecf2.domain.participants.values import MentorIneligibilityReason, TrsInductionStatus
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.identifiers import Trn

TODAY = date(2026, 8, 21)
HERE, THERE = 1, 2


def record(trn: str = "7000010", **changes: object) -> TeacherRecord:
    fields: dict[str, object] = {
        "trn": Trn(trn),
        "first_name": "Maria",
        "last_name": "Lopez",
        "date_of_birth": date(1980, 5, 10),
    }
    return TeacherRecord(**(fields | changes))  # type: ignore[arg-type]


def mentor(*placements: MentorAtSchoolPeriod, trn: str = "7000010", mid: int = 2) -> Teacher:
    teacher = Teacher(trn=Trn(trn), trs_first_name="Maria", trs_last_name="Lopez", id=mid)
    for placement in placements:
        teacher.add_mentor_placement(placement)
    return teacher


def placed(school_id: int, start: date, end: date | None = None, pid: int | None = None):
    return MentorAtSchoolPeriod(school_id=school_id, started_on=start, finished_on=end, id=pid)


# Blocks, in the order §3.2 checks them.


def test_the_ects_own_trn_is_refused_before_anything_else():
    found = record("7000006", alerts=(TeacherAlert(True),))
    block = mentor_registration_block(found, None, Trn("7000006"), HERE, TODAY)
    assert block is MentorRegistrationBlock.MENTORS_THEMSELF


def test_a_mentor_already_here_is_refused_before_a_prohibition():
    already = mentor(placed(HERE, date(2024, 9, 1)))
    block = mentor_registration_block(
        record(alerts=(TeacherAlert(True),)), already, Trn("7000006"), HERE, TODAY
    )
    assert block is MentorRegistrationBlock.ALREADY_MENTOR_AT_SCHOOL


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"alerts": (TeacherAlert(True),)}, MentorRegistrationBlock.PROHIBITED),
        ({"alerts": (TeacherAlert(True, date(2026, 8, 1)),)}, None),
        ({"induction_status": TrsInductionStatus.PASSED}, None),
        ({"qts_awarded_on": None}, None),
    ],
)
def test_only_a_current_prohibition_blocks_a_mentor(changes, expected):
    assert mentor_registration_block(record(**changes), None, None, HERE, TODAY) is expected


# History decides the questions (§3.2 step 6).


def test_history_as_a_mentor():
    assert mentor_history(None, HERE, TODAY) is MentorHistory.NEVER_A_MENTOR
    elsewhere = mentor(placed(THERE, date(2024, 9, 1), date(2026, 8, 21)))
    assert mentor_history(elsewhere, HERE, TODAY) is MentorHistory.MENTOR_ELSEWHERE
    before = mentor(placed(THERE, date(2024, 9, 1), date(2026, 8, 20)))
    assert mentor_history(before, HERE, TODAY) is MentorHistory.PREVIOUSLY_A_MENTOR


def test_start_date_limits_follow_the_placement_elsewhere():
    assert mentor_start_date_limits(None, HERE, TODAY).after_previous is None
    limits = mentor_start_date_limits(mentor(placed(THERE, date(2024, 9, 1))), HERE, TODAY)
    assert limits.after_previous == date(2024, 9, 3)
    assert limits.latest == date(2026, 12, 21)
    finished = mentor(placed(THERE, date(2024, 9, 1), date(2025, 7, 31)))
    assert mentor_start_date_limits(finished, HERE, TODAY).latest is None


def test_training_only_for_an_eligible_mentor_here_only_with_a_lead_provider():
    assert mentor_gets_training(7, eligible=True, only_this_school=True)
    assert not mentor_gets_training(None, eligible=True, only_this_school=True)
    assert not mentor_gets_training(7, eligible=False, only_this_school=True)
    assert not mentor_gets_training(7, eligible=True, only_this_school=False)


def test_mentorship_start_is_back_dated_only_for_a_transfer_to_a_never_mentored_ect():
    start = MentorshipStart(date(2025, 9, 1), date(2026, 8, 1))
    assert start.on(TODAY) == TODAY
    transfer = MentorshipStart(date(2025, 9, 1), date(2026, 8, 1), True, True)
    assert transfer.on(TODAY) == date(2026, 8, 1)
    mentored_before = MentorshipStart(date(2025, 9, 1), date(2026, 8, 1), True, False)
    assert mentored_before.on(TODAY) == TODAY


def test_a_mentor_moving_here_after_mentoring_before_is_transferring():
    assert mentor_transferring(MentorHistory.MENTOR_ELSEWHERE, only_this_school=True)
    assert mentor_transferring(MentorHistory.PREVIOUSLY_A_MENTOR, only_this_school=True)
    assert not mentor_transferring(MentorHistory.MENTOR_ELSEWHERE, only_this_school=False)
    assert not mentor_transferring(MentorHistory.NEVER_A_MENTOR, only_this_school=True)


def test_the_latest_mentor_training_is_the_one_started_last_at_any_school():
    earlier, later = (
        placed(THERE, date(2022, 9, 1), date(2024, 7, 31)),
        placed(HERE, date(2025, 9, 1)),
    )
    teacher = mentor(earlier, later)
    assert latest_mentor_training(teacher) is None
    for placement in (later, earlier):
        teacher.add_training_period(
            placement,
            TrainingPeriod(
                role=TrainingRole.MENTOR,
                training_programme=TrainingProgramme.PROVIDER_LED,
                started_on=placement.started_on,
                finished_on=placement.finished_on,
                expression_of_interest_id=1,
                schedule_id=1,
            ),
        )
    found = latest_mentor_training(teacher)
    assert found is not None
    assert (found[0], found[1].started_on) == (later, date(2025, 9, 1))
    assert latest_mentor_training(None) is None


def test_mentor_changes_close_in_the_first_fortnight_of_june():
    closed = mentor_changes_closed(date(2026, 6, 5))
    assert closed is not None
    assert closed.reopens_on == date(2026, 6, 15)
    assert mentor_changes_closed(date(2026, 6, 15)) is None


# The Teacher aggregate's mentor moves.


def test_mentoring_here_only_finishes_the_placement_elsewhere_the_day_before():
    elsewhere = placed(THERE, date(2024, 9, 1))
    teacher = mentor(elsewhere)
    training = TrainingPeriod(
        role=TrainingRole.MENTOR,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=date(2024, 9, 1),
        expression_of_interest_id=1,
        schedule_id=1,
    )
    teacher.add_training_period(elsewhere, training)
    (leaving,) = teacher.register_as_mentor(
        placed(HERE, date(2026, 9, 1)), None, only_this_school=True
    )
    assert elsewhere.finished_on == date(2026, 8, 31)
    assert training.finished_on == date(2026, 8, 31)
    assert leaving.finished_training == (training,)


def test_mentoring_at_both_keeps_the_placement_elsewhere():
    elsewhere = placed(THERE, date(2024, 9, 1))
    teacher = mentor(elsewhere)
    assert teacher.register_as_mentor(placed(HERE, TODAY), None, only_this_school=False) == []
    assert elsewhere.finished_on is None
    assert len(teacher.mentor_at_school_periods) == 2


def test_a_second_open_placement_at_the_same_school_is_refused():
    teacher = mentor(placed(HERE, date(2024, 9, 1)))
    with pytest.raises(RuleBroken) as refused:
        teacher.register_as_mentor(placed(HERE, TODAY), None, only_this_school=True)
    assert refused.value.rule == "mentor_already_active_at_school"


def _ect_with_mentorship(started: date) -> tuple[Teacher, ECTAtSchoolPeriod]:
    ect = Teacher(trn=Trn("7000006"), trs_first_name="Kirsty", trs_last_name="Mclean", id=1)
    placement = ECTAtSchoolPeriod(school_id=HERE, started_on=date(2025, 9, 1))
    ect.add_ect_placement(placement)
    old = MentorPlacement(10, 3, HERE, placed(HERE, date(2024, 9, 1)).period)
    ect.start_mentorship(placement, old, started)
    return ect, placement


def test_assigning_a_mentor_finishes_the_current_mentorship_the_day_before():
    ect, placement = _ect_with_mentorship(date(2026, 1, 1))
    new = MentorPlacement(11, 4, HERE, placed(HERE, date(2024, 9, 1)).period)
    change = ect.assign_mentor(placement, new, TODAY)
    assert change.finished is not None
    assert change.finished.finished_on == date(2026, 8, 20)
    assert change.mentorship.started_on == TODAY


def test_assigning_a_mentor_removes_a_mentorship_that_starts_that_day():
    ect, placement = _ect_with_mentorship(TODAY)
    new = MentorPlacement(11, 4, HERE, placed(HERE, date(2024, 9, 1)).period)
    change = ect.assign_mentor(placement, new, TODAY)
    assert change.removed is not None
    assert [m.mentor_at_school_period_id for m in placement.mentorship_periods] == [11]


def test_a_mentor_leaving_ends_their_mentorships_with_the_ect():
    ect, _placement = _ect_with_mentorship(date(2026, 1, 1))
    finished, removed = ect.end_mentorships_with(10, date(2026, 10, 31))
    assert [m.finished_on for m in finished] == [date(2026, 10, 31)]
    assert removed == []


def test_an_ineligible_mentor_is_recorded_with_date_and_reason():
    teacher = mentor()
    teacher.record_mentor_ineligibility(
        date(2021, 4, 19), MentorIneligibilityReason.COMPLETED_DURING_EARLY_ROLL_OUT
    )
    assert not teacher.mentor_eligible_for_funding
