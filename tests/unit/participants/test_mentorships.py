from datetime import date

import pytest

from ecf2.domain.participants import MentorPlacement
from ecf2.domain.shared import RuleBroken
from ecf2.domain.shared.period import Period
from tests.unit.participants.builders import (
    SCHOOL_A,
    SCHOOL_B,
    a_mentor_placement,
    a_teacher,
    an_ect_placement,
)

SEP_2025, AUG_2026, SEP_2026 = date(2025, 9, 1), date(2026, 8, 31), date(2026, 9, 1)


def a_mentor(started_on=SEP_2025, finished_on=None, school_id=SCHOOL_A, teacher_id=99, id=7):
    return MentorPlacement(id, teacher_id, school_id, Period(started_on, finished_on))


@pytest.fixture
def ect():
    teacher = a_teacher(id=1)
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    return teacher, placement


def test_an_ect_is_mentored_by_another_teacher_at_their_school(ect):
    teacher, placement = ect
    mentorship = teacher.start_mentorship(placement, a_mentor(), SEP_2025)
    assert mentorship.mentor_at_school_period_id == 7
    assert placement.mentorship_periods == [mentorship]


def test_a_teacher_cannot_mentor_themself(ect):
    teacher, placement = ect
    with pytest.raises(RuleBroken) as error:
        teacher.start_mentorship(placement, a_mentor(teacher_id=1), SEP_2025)
    assert error.value.rule == "mentor_is_not_the_ect"


def test_a_new_teacher_cannot_mentor_themself_either():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    own = teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    with pytest.raises(RuleBroken) as error:
        teacher.start_mentorship(placement, MentorPlacement.of(None, own), SEP_2025)
    assert error.value.rule == "mentor_is_not_the_ect"


def test_the_mentor_is_at_the_ects_school(ect):
    teacher, placement = ect
    with pytest.raises(RuleBroken) as error:
        teacher.start_mentorship(placement, a_mentor(school_id=SCHOOL_B), SEP_2025)
    assert error.value.rule == "mentor_at_same_school"


def test_a_mentorship_lies_inside_the_ect_placement():
    teacher = a_teacher(id=1)
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025, AUG_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.start_mentorship(placement, a_mentor(), SEP_2025)
    assert error.value.rule == "mentorship_within_ect_placement"
    teacher.start_mentorship(placement, a_mentor(), SEP_2025, AUG_2026)


def test_a_mentorship_lies_inside_the_mentor_placement(ect):
    teacher, placement = ect
    with pytest.raises(RuleBroken) as error:
        teacher.start_mentorship(placement, a_mentor(started_on=SEP_2026), SEP_2025)
    assert (error.value.field, error.value.rule) == (
        "started_on",
        "mentorship_within_mentor_placement",
    )


def test_an_ect_has_one_mentor_at_a_time(ect):
    teacher, placement = ect
    first = teacher.start_mentorship(placement, a_mentor(), SEP_2025)
    with pytest.raises(RuleBroken) as error:
        teacher.start_mentorship(placement, a_mentor(id=8), SEP_2026)
    assert error.value.rule == "mentorships_do_not_overlap"
    teacher.finish_mentorship(first, AUG_2026)
    teacher.start_mentorship(placement, a_mentor(id=8), SEP_2026)
    assert len(placement.mentorship_periods) == 2


def test_a_mentorship_starting_the_day_the_last_one_finished_overlaps(ect):
    teacher, placement = ect
    teacher.start_mentorship(placement, a_mentor(), SEP_2025, AUG_2026)
    with pytest.raises(RuleBroken):
        teacher.start_mentorship(placement, a_mentor(id=8), AUG_2026)


def test_a_mentor_not_yet_saved_is_remembered_until_it_has_an_id(ect):
    teacher, placement = ect
    mentor_teacher = a_teacher(id=2)
    mentor = mentor_teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    mentorship = teacher.start_mentorship(placement, MentorPlacement.of(2, mentor), SEP_2025)
    assert mentorship.mentor_at_school_period_id is None
    assert mentorship.mentor_placement is mentor


def test_widening_a_mentorship_needs_the_mentor_placement(ect):
    teacher, placement = ect
    mentorship = teacher.start_mentorship(placement, a_mentor(), SEP_2025, AUG_2026)
    with pytest.raises(ValueError, match="mentor's placement"):
        teacher.set_mentorship_dates(mentorship, SEP_2025, None)
    teacher.set_mentorship_dates(mentorship, SEP_2025, None, a_mentor())
    assert mentorship.finished_on is None


def test_removing_a_mentorship_takes_it_off_the_placement(ect):
    teacher, placement = ect
    mentorship = teacher.start_mentorship(placement, a_mentor(), SEP_2025)
    teacher.remove_mentorship(mentorship)
    assert placement.mentorship_periods == []
