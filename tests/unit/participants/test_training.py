from datetime import UTC, date, datetime

import pytest

from ecf2.domain.participants import (
    DeferralReason,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
    TrainingStatus,
    WithdrawalReason,
)
from ecf2.domain.shared import InvalidValue, RuleBroken
from tests.unit.participants.builders import (
    SCHOOL_B,
    a_mentor_placement,
    a_teacher,
    an_ect_placement,
    provider_led,
    school_led,
)

SEP_2025, AUG_2026, SEP_2026 = date(2025, 9, 1), date(2026, 8, 31), date(2026, 9, 1)
AT = datetime(2026, 5, 1, tzinfo=UTC)
LATER = datetime(2026, 6, 1, tzinfo=UTC)


def test_provider_led_training_needs_a_schedule():
    with pytest.raises(InvalidValue) as error:
        provider_led(SEP_2025, schedule_id=None)
    assert error.value.rule == "provider_led_training_has_schedule"


def test_provider_led_training_needs_an_expression_of_interest_or_a_partnership():
    with pytest.raises(InvalidValue) as error:
        provider_led(SEP_2025, expression_of_interest_id=None)
    assert error.value.rule == "provider_led_training_has_lead_provider"
    confirmed = provider_led(SEP_2025, expression_of_interest_id=None, school_partnership_id=3)
    assert confirmed.confirmed
    assert not confirmed.only_expression_of_interest


@pytest.mark.parametrize(
    "field", ["schedule_id", "school_partnership_id", "expression_of_interest_id"]
)
def test_school_led_training_has_no_lead_provider_partnership_or_schedule(field):
    with pytest.raises(InvalidValue) as error:
        school_led(SEP_2025, **{field: 1})
    assert (error.value.field, error.value.rule) == (
        field,
        "school_led_training_has_no_lead_provider",
    )


def test_mentor_training_is_only_provider_led():
    with pytest.raises(InvalidValue) as error:
        school_led(SEP_2025, role=TrainingRole.MENTOR)
    assert error.value.rule == "mentor_training_is_provider_led"


def test_a_withdrawal_needs_a_date_a_reason_and_a_finish():
    with pytest.raises(InvalidValue) as error:
        provider_led(SEP_2025, AUG_2026, withdrawn_at=AT)
    assert error.value.field == "withdrawal_reason"
    with pytest.raises(InvalidValue) as error:
        provider_led(SEP_2025, withdrawn_at=AT, withdrawal_reason=WithdrawalReason.OTHER)
    assert error.value.rule == "withdrawn_or_deferred_training_is_finished"


def test_a_deferral_needs_a_date_and_a_reason():
    with pytest.raises(InvalidValue) as error:
        provider_led(SEP_2025, AUG_2026, deferral_reason=DeferralReason.CAREER_BREAK)
    assert error.value.field == "deferred_at"


def test_only_mentor_training_is_withdrawn_because_the_mentor_stopped_mentoring():
    reason = WithdrawalReason.MENTOR_NO_LONGER_BEING_MENTOR
    with pytest.raises(InvalidValue):
        provider_led(SEP_2025, AUG_2026, withdrawn_at=AT, withdrawal_reason=reason)
    provider_led(
        SEP_2025, AUG_2026, role=TrainingRole.MENTOR, withdrawn_at=AT, withdrawal_reason=reason
    )


def test_the_status_is_the_latest_lead_provider_action():
    assert provider_led(SEP_2025).status is TrainingStatus.ACTIVE
    both = provider_led(
        SEP_2025,
        AUG_2026,
        withdrawn_at=LATER,
        withdrawal_reason="other",
        deferred_at=AT,
        deferral_reason="bereavement",
    )
    assert both.status is TrainingStatus.WITHDRAWN
    deferred = provider_led(SEP_2025, AUG_2026, deferred_at=AT, deferral_reason="other")
    assert deferred.status is TrainingStatus.DEFERRED


def test_school_led_training_is_always_active():
    assert school_led(SEP_2025).status is TrainingStatus.ACTIVE


def test_training_lies_inside_its_placement():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025, AUG_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.add_training_period(placement, provider_led(date(2025, 8, 31), AUG_2026))
    assert (error.value.field, error.value.rule) == ("started_on", "training_within_placement")
    with pytest.raises(RuleBroken) as error:
        teacher.add_training_period(placement, provider_led(SEP_2025))
    assert error.value.field == "finished_on"
    teacher.add_training_period(placement, provider_led(SEP_2025, AUG_2026))


def test_a_placement_has_one_open_training_period():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    teacher.add_training_period(placement, provider_led(SEP_2025))
    with pytest.raises(RuleBroken) as error:
        teacher.add_training_period(placement, school_led(SEP_2026))
    assert error.value.rule == "one_open_training_per_placement"


def test_training_may_follow_on_the_day_after_the_last_one_finished():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    teacher.add_training_period(placement, provider_led(SEP_2025, AUG_2026))
    teacher.add_training_period(placement, school_led(SEP_2026))
    with pytest.raises(RuleBroken) as error:
        teacher.add_training_period(placement, school_led(AUG_2026, AUG_2026))
    assert error.value.rule == "training_periods_do_not_overlap"


def test_a_mentors_training_at_two_schools_does_not_overlap():
    teacher = a_teacher()
    first = teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    second = teacher.add_mentor_placement(a_mentor_placement(SEP_2026, school_id=SCHOOL_B))
    teacher.add_training_period(first, provider_led(SEP_2025, role=TrainingRole.MENTOR))
    with pytest.raises(RuleBroken) as error:
        teacher.add_training_period(second, provider_led(SEP_2026, role=TrainingRole.MENTOR))
    assert error.value.rule == "training_periods_do_not_overlap"


def test_ect_and_mentor_training_of_one_teacher_may_run_together():
    teacher = a_teacher()
    as_ect = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    as_mentor = teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    teacher.add_training_period(as_ect, provider_led(SEP_2025))
    teacher.add_training_period(as_mentor, provider_led(SEP_2025, role=TrainingRole.MENTOR))
    assert len(teacher.training_periods(TrainingRole.MENTOR)) == 1
    assert len(teacher.training_periods()) == 2


def test_training_belongs_to_a_placement_of_its_own_role():
    teacher = a_teacher()
    as_mentor = teacher.add_mentor_placement(a_mentor_placement(SEP_2025))
    with pytest.raises(InvalidValue) as error:
        teacher.add_training_period(as_mentor, provider_led(SEP_2025))
    assert error.value.rule == "training_role_matches_placement"


def test_finishing_training_keeps_it_clear_of_the_next():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    first = teacher.add_training_period(placement, provider_led(SEP_2025, date(2026, 1, 31)))
    teacher.add_training_period(placement, school_led(date(2026, 2, 1)))
    with pytest.raises(RuleBroken):
        teacher.finish_training_period(first, date(2026, 2, 1))
    teacher.finish_training_period(first, date(2026, 1, 15))
    assert first.finished_on == date(2026, 1, 15)


def test_removing_training_takes_it_off_its_placement():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025))
    training = teacher.add_training_period(placement, provider_led(SEP_2025))
    teacher.remove_training_period(training)
    assert placement.training_periods == []


def test_the_programme_can_be_given_by_its_stored_value():
    training = TrainingPeriod(role="ect", training_programme="school_led", started_on=SEP_2025)
    assert training.training_programme is TrainingProgramme.SCHOOL_LED
