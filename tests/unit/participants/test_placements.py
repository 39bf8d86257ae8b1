from datetime import date

import pytest

from ecf2.domain.shared import InvalidValue, RuleBroken
from tests.unit.participants.builders import (
    SCHOOL_B,
    a_mentor_placement,
    a_teacher,
    an_ect_placement,
    provider_led,
)

SEP_2025, AUG_2026, SEP_2026 = date(2025, 9, 1), date(2026, 8, 31), date(2026, 9, 1)


def test_a_placement_cannot_finish_before_it_starts():
    with pytest.raises(InvalidValue) as error:
        an_ect_placement(SEP_2026, AUG_2026)
    assert error.value.field == "finished_on"


def test_an_ect_placement_may_start_the_day_after_the_last_one_finished():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(SEP_2025, AUG_2026))
    teacher.add_ect_placement(an_ect_placement(SEP_2026, school_id=SCHOOL_B))
    assert len(teacher.ect_at_school_periods) == 2


def test_an_ect_placement_starting_on_the_day_the_last_one_finished_overlaps():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(SEP_2025, AUG_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.add_ect_placement(an_ect_placement(AUG_2026, school_id=SCHOOL_B))
    assert (error.value.field, error.value.rule) == ("started_on", "ect_placements_do_not_overlap")


def test_an_ect_placement_that_envelops_another_overlaps_it():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(date(2026, 1, 1), date(2026, 2, 1)))
    with pytest.raises(RuleBroken) as error:
        teacher.add_ect_placement(an_ect_placement(SEP_2025, AUG_2026, school_id=SCHOOL_B))
    assert error.value.field is None


def test_an_ect_placement_ending_inside_a_later_one_is_refused_on_its_finish():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(SEP_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.add_ect_placement(an_ect_placement(SEP_2025, SEP_2026, school_id=SCHOOL_B))
    assert error.value.field == "finished_on"


def test_an_ect_has_one_open_placement_across_all_schools():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(SEP_2025))
    with pytest.raises(RuleBroken) as error:
        teacher.add_ect_placement(an_ect_placement(SEP_2026, school_id=SCHOOL_B))
    assert error.value.rule == "one_open_ect_placement"


def test_a_mentor_may_be_at_two_schools_at_once():
    teacher = a_teacher()
    teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    teacher.add_mentor_placement(a_mentor_placement(SEP_2026, school_id=SCHOOL_B))
    assert len(teacher.mentor_at_school_periods) == 2


def test_a_mentor_has_one_open_placement_at_a_school():
    teacher = a_teacher()
    teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    with pytest.raises(RuleBroken) as error:
        teacher.add_mentor_placement(a_mentor_placement(SEP_2026))
    assert error.value.rule == "one_open_mentor_placement_per_school"


def test_mentor_placements_at_one_school_do_not_overlap():
    teacher = a_teacher()
    teacher.add_mentor_placement(a_mentor_placement(SEP_2025, AUG_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.add_mentor_placement(a_mentor_placement(AUG_2026, SEP_2026))
    assert error.value.rule == "mentor_placements_at_a_school_do_not_overlap"
    teacher.add_mentor_placement(a_mentor_placement(SEP_2026))


def test_a_teacher_can_be_an_ect_and_a_mentor_at_once():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(SEP_2025))
    teacher.add_mentor_placement(a_mentor_placement(SEP_2025))


def test_finishing_a_placement_keeps_its_training_inside_it():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    teacher.add_training_period(placement, provider_led(SEP_2025, AUG_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.finish_ect_placement(placement, date(2026, 8, 30))
    assert error.value.rule == "placement_contains_its_training_and_mentorships"
    teacher.finish_ect_placement(placement, AUG_2026)
    assert placement.finished_on == AUG_2026


def test_finishing_a_placement_cannot_make_it_overlap_a_later_one():
    teacher = a_teacher()
    first = teacher.add_ect_placement(an_ect_placement(SEP_2025, date(2026, 3, 31)))
    teacher.add_ect_placement(an_ect_placement(SEP_2026, school_id=SCHOOL_B))
    with pytest.raises(RuleBroken):
        teacher.finish_ect_placement(first, SEP_2026)
    teacher.finish_ect_placement(first, AUG_2026)


def test_a_placement_that_is_not_the_teachers_cannot_be_changed_through_them():
    with pytest.raises(ValueError, match="not this teacher's"):
        a_teacher().finish_ect_placement(an_ect_placement(SEP_2025), AUG_2026)


def test_removing_a_placement_removes_its_training():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2026))
    teacher.add_training_period(placement, provider_led(SEP_2026))
    teacher.remove_ect_placement(placement)
    assert teacher.training_periods() == []


def test_an_ect_email_must_be_in_notify_format():
    with pytest.raises(InvalidValue) as error:
        an_ect_placement(SEP_2025, email="not an email")
    assert error.value.rule == "email_in_notify_format"
    assert an_ect_placement(SEP_2025, email=" ada@example.org ").email == "ada@example.org"
