"""Lead providers' actions on training as pure rules and aggregate changes
(lead-provider-api-v3 §2.1, §3.6)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from ecf2.domain.participants import (
    DeferralReason,
    MentorIneligibilityReason,
    TrainingRole,
    WithdrawalReason,
)
from ecf2.domain.participants.provider_facts import (
    CohortFact,
    DeclarationFact,
    MilestoneFact,
    PartnershipFact,
    ScheduleFact,
)
from ecf2.domain.participants.provider_rules import (
    deferral_problems,
    resumption_problems,
    withdrawal_problems,
)
from ecf2.domain.participants.schedule_change import (
    ScheduleChange,
    frozen_year_after,
    partnership_for,
    schedule_problems,
)
from ecf2.domain.shared import InvalidValue
from tests.unit.participants.builders import (
    a_mentor_placement,
    a_teacher,
    an_ect_placement,
    provider_led,
)

TODAY = date(2025, 11, 20)
NOW = datetime(2025, 11, 20, 10, tzinfo=UTC)
LAST_MONTH = date(2025, 10, 20)


def ect_training(started_on=LAST_MONTH, finished_on=None, **kw):
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    training = teacher.add_training_period(
        placement, provider_led(started_on, finished_on, school_partnership_id=7, **kw)
    )
    return teacher, placement, training


def fields(problems):
    return [field for field, _ in problems]


# Withdraw and defer.


def test_withdrawal_checks_reason_and_course_together():
    _, _, training = ect_training()
    assert fields(withdrawal_problems(None, None, None, TODAY)) == ["reason", "course_identifier"]
    assert fields(withdrawal_problems("holiday", "ecf-induction", training, TODAY)) == ["reason"]
    assert withdrawal_problems("moved-school", "ecf-induction", training, TODAY) == []


def test_the_mentor_only_reason_is_checked_only_when_nothing_else_is_wrong():
    _, _, training = ect_training(started_on=TODAY)
    reason = "mentor-no-longer-being-mentor"
    assert fields(withdrawal_problems(reason, "ecf-induction", training, TODAY)) == [
        "participant_id"
    ]
    _, _, started = ect_training()
    assert fields(withdrawal_problems(reason, "ecf-induction", started, TODAY)) == ["reason"]


@pytest.mark.parametrize(
    ("started_on", "words"),
    [(TODAY + timedelta(1), "at least one day"), (TODAY, "tomorrow")],
)
def test_training_must_have_run_a_day(started_on, words):
    _, _, training = ect_training(started_on=started_on)
    (problem,) = deferral_problems("other", "ecf-induction", training, TODAY)
    assert problem[0] == "participant_id"
    assert words in problem[1]


def test_withdrawing_finishes_training_today_unless_it_finished_earlier():
    teacher, _, training = ect_training()
    teacher.withdraw_training(training, WithdrawalReason.MOVED_SCHOOL, NOW, TODAY)
    assert (training.finished_on, training.status) == (TODAY, "withdrawn")
    assert teacher.api_updated_at == NOW
    assert fields(withdrawal_problems("other", "ecf-induction", training, TODAY)) == [
        "participant_id"
    ]

    teacher, _, earlier = ect_training(finished_on=date(2025, 11, 1))
    teacher.defer_training(earlier, DeferralReason.CAREER_BREAK, NOW, TODAY)
    assert (earlier.finished_on, earlier.status) == (date(2025, 11, 1), "deferred")


def test_an_ect_cannot_be_withdrawn_for_no_longer_mentoring():
    teacher, _, training = ect_training()
    with pytest.raises(InvalidValue):
        teacher.withdraw_training(
            training, WithdrawalReason.MENTOR_NO_LONGER_BEING_MENTOR, NOW, TODAY
        )


# Resume.


def test_resuming_starts_new_training_today_until_the_placement_ends():
    teacher, placement, training = ect_training()
    teacher.defer_training(training, DeferralReason.OTHER, NOW - timedelta(2), TODAY - timedelta(2))
    assert resumption_problems("ecf-induction", training, placement, TODAY) == []
    resumed = teacher.resume_training(training, NOW, TODAY)
    assert (resumed.started_on, resumed.finished_on, resumed.status) == (TODAY, None, "active")
    assert (resumed.school_partnership_id, resumed.schedule_id) == (7, 1)
    assert training.finished_on == TODAY - timedelta(2)


def test_resuming_is_refused_the_day_training_finished_and_when_active():
    teacher, placement, training = ect_training()
    (active,) = resumption_problems("ecf-induction", training, placement, TODAY)
    assert "already active" in active[1]
    teacher.defer_training(training, DeferralReason.OTHER, NOW, TODAY)
    (same_day,) = resumption_problems("ecf-induction", training, placement, TODAY)
    assert "tomorrow" in same_day[1]


# Change schedule.

STANDARD = ScheduleFact(1, 2025, "ecf-standard-september")
JANUARY = ScheduleFact(
    2, 2025, "ecf-standard-january", (MilestoneFact("started", date(2026, 1, 1)),)
)
PARTNERSHIP = PartnershipFact(7, 2025, 3, 11, NOW)


def a_change(training, **changes):
    values = {
        "requested": "ecf-standard-january",
        "role": TrainingRole.ECT,
        "training": training,
        "current": STANDARD,
        "current_cohort": CohortFact(2025, False),
        "current_partnership": PARTNERSHIP,
        "target": JANUARY,
        "target_cohort": CohortFact(2025, False),
        "partnerships_in_target": (PARTNERSHIP,),
        "recorded_frozen_year": None,
        "declarations": (),
        "completed": False,
        "participant_status": "active",
        "later_training": False,
        "today": TODAY,
    }
    return ScheduleChange(**(values | changes))


def test_a_valid_change_has_no_problems_and_keeps_the_partnership():
    _, _, training = ect_training()
    change = a_change(training)
    assert schedule_problems(change) == []
    assert not change.in_place
    assert partnership_for(change) == 7


def test_each_field_reports_its_first_problem_in_order():
    _, _, training = ect_training()
    change = a_change(
        training,
        target=STANDARD,
        target_cohort=CohortFact(2022, True),
        partnerships_in_target=(),
        completed=True,
        participant_status="left",
    )
    problems = schedule_problems(change)
    assert fields(problems) == ["schedule_identifier", "cohort", "participant_id"]
    assert "already on" in problems[0][1]
    assert "partnership" in problems[1][1]
    assert "completed" in problems[2][1]


def test_training_changed_in_place_must_keep_its_declarations_in_the_new_schedule():
    _, _, training = ect_training(started_on=TODAY)
    early = DeclarationFact("started", date(2025, 11, 20))
    (problem,) = schedule_problems(a_change(training, declarations=(early,)))
    assert problem[0] == "schedule_identifier"
    _, _, older = ect_training()
    assert schedule_problems(a_change(older, declarations=(early,))) == []


def test_a_cohort_change_prefers_the_same_delivery_partner():
    _, _, training = ect_training()
    newer_other = PartnershipFact(9, 2024, 4, 11, NOW + timedelta(1))
    same = PartnershipFact(8, 2024, 3, 11, NOW)
    change = a_change(
        training,
        target=ScheduleFact(5, 2024, "ecf-standard-january"),
        target_cohort=CohortFact(2024, False),
        partnerships_in_target=(newer_other, same),
    )
    assert partnership_for(change) == 8
    only_other = a_change(
        training, target_cohort=CohortFact(2024, False), partnerships_in_target=(newer_other,)
    )
    assert partnership_for(only_other) == 9


def test_frozen_cohorts_are_remembered_on_leaving_and_forgotten_on_return():
    frozen, open_ = CohortFact(2022, True), CohortFact(2025, False)
    assert frozen_year_after(None, frozen, open_) == 2022
    assert frozen_year_after(2022, open_, frozen) is None
    assert frozen_year_after(2022, open_, CohortFact(2024, False)) == 2022
    assert frozen_year_after(None, open_, open_) is None


def test_a_schedule_change_ends_training_yesterday_and_starts_it_again_today():
    teacher, _, training = ect_training(finished_on=date(2026, 1, 31))
    new = teacher.change_training_schedule(training, 2, 7, in_place=False, at=NOW, today=TODAY)
    assert training.finished_on == TODAY - timedelta(1)
    assert (new.started_on, new.finished_on, new.schedule_id) == (TODAY, date(2026, 1, 31), 2)


# Mentor completion (§3.6).


def mentor_training(started_on=date(2025, 9, 1)):
    teacher = a_teacher()
    placement = teacher.add_mentor_placement(a_mentor_placement(started_on))
    training = teacher.add_training_period(
        placement, provider_led(started_on, role=TrainingRole.MENTOR, school_partnership_id=7)
    )
    return teacher, training


def test_a_completed_declaration_ends_mentor_training_and_a_void_continues_it():
    teacher, training = mentor_training()
    assert teacher.settle_mentor_completion(date(2025, 11, 3), TODAY)
    assert teacher.mentor_became_ineligible_for_funding_on == date(2025, 11, 3)
    assert (
        teacher.mentor_became_ineligible_for_funding_reason
        is MentorIneligibilityReason.COMPLETED_DECLARATION_RECEIVED
    )
    assert training.finished_on == date(2025, 11, 3)
    assert not teacher.settle_mentor_completion(date(2025, 11, 3), TODAY)

    assert teacher.settle_mentor_completion(None, TODAY)
    assert teacher.mentor_eligible_for_funding
    continued = max(teacher.training_periods(), key=lambda tp: tp.started_on)
    assert (continued.started_on, continued.finished_on) == (date(2025, 11, 4), None)


def test_a_completed_declaration_on_the_first_day_ends_training_a_day_later():
    teacher, training = mentor_training(started_on=date(2025, 11, 3))
    teacher.settle_mentor_completion(date(2025, 11, 3), TODAY)
    assert training.finished_on == date(2025, 11, 4)


def test_without_a_completed_declaration_other_ineligibility_is_left_alone():
    teacher, _ = mentor_training()
    teacher.record_mentor_ineligibility(
        date(2024, 1, 1), MentorIneligibilityReason.COMPLETED_DURING_EARLY_ROLL_OUT
    )
    assert not teacher.settle_mentor_completion(None, TODAY)
    assert teacher.mentor_became_ineligible_for_funding_on == date(2024, 1, 1)
