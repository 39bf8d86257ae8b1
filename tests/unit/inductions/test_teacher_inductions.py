"""A teacher's induction as a whole: no overlaps, one outcome, claims, extensions
(inductions-trs (a.1), (a.3), (a.4), (a.10))."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from ecf2.domain.inductions import InductionPeriod, TeacherInductions
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

pytestmark = pytest.mark.inductions

TODAY = date(2026, 8, 21)


def a_period(started_on: date, finished_on: date | None = None, **more: Any) -> InductionPeriod:
    terms = None if finished_on is None else more.pop("number_of_terms", "2")
    return InductionPeriod(
        appropriate_body_id=1,
        started_on=started_on,
        finished_on=finished_on,
        number_of_terms=terms,
        induction_programme="fip",
        training_programme="provider_led",
        **more,
    )


def with_periods(*periods: InductionPeriod) -> TeacherInductions:
    inductions = TeacherInductions(teacher_id=1)
    for period in periods:
        inductions.add_period(period, today=TODAY)
    return inductions


def test_the_next_period_may_start_the_day_after_the_last_one_ends() -> None:
    inductions = with_periods(a_period(date(2024, 9, 1), date(2024, 12, 20)))
    inductions.add_period(a_period(date(2024, 12, 21)), today=TODAY)
    assert len(inductions.periods) == 2


def test_periods_sharing_a_single_day_overlap() -> None:
    inductions = with_periods(a_period(date(2024, 9, 1), date(2024, 12, 20)))
    with pytest.raises(RuleBroken) as error:
        inductions.add_period(a_period(date(2024, 12, 20)), today=TODAY)
    assert error.value.rule == "induction_periods_do_not_overlap"


def test_a_period_cannot_be_added_inside_an_ongoing_one() -> None:
    inductions = with_periods(a_period(date(2024, 9, 1)))
    with pytest.raises(RuleBroken):
        inductions.add_period(a_period(date(2023, 9, 1), date(2024, 9, 1)), today=TODAY)
    inductions.add_period(a_period(date(2023, 9, 1), date(2024, 8, 31)), today=TODAY)


def test_a_period_cannot_start_tomorrow() -> None:
    inductions = TeacherInductions(teacher_id=1)
    inductions.add_period(a_period(TODAY), today=TODAY)
    with pytest.raises(InvalidValue) as error:
        TeacherInductions(teacher_id=1).add_period(a_period(date(2026, 8, 22)), today=TODAY)
    assert error.value.rule == "started_on_not_in_future"


def test_a_period_cannot_start_before_the_teacher_had_qts() -> None:
    inductions = TeacherInductions(teacher_id=1)
    with pytest.raises(RuleBroken) as error:
        inductions.add_period(
            a_period(date(2024, 8, 31)), today=TODAY, qts_awarded_on=date(2024, 9, 1)
        )
    assert error.value.rule == "induction_starts_after_qts"
    inductions.add_period(a_period(date(2024, 9, 1)), today=TODAY, qts_awarded_on=date(2024, 9, 1))


def test_a_teacher_has_at_most_one_outcome() -> None:
    inductions = with_periods(a_period(date(2023, 9, 1), date(2024, 7, 1), outcome="fail"))
    later = inductions.add_period(a_period(date(2024, 9, 1)), today=TODAY)
    with pytest.raises(RuleBroken) as error:
        inductions.finish_period(
            later, finished_on=date(2025, 7, 1), number_of_terms="3", outcome="pass", today=TODAY
        )
    assert error.value.rule == "one_induction_outcome"
    assert later.ongoing
    assert later.outcome is None


def test_finishing_a_period_records_end_terms_and_outcome() -> None:
    inductions = with_periods(a_period(date(2024, 9, 1)))
    period = inductions.periods[0]
    inductions.finish_period(
        period,
        finished_on=date(2026, 7, 17),
        number_of_terms="6",
        outcome="fail",
        fail_confirmation_sent_on=date(2026, 7, 20),
        today=TODAY,
    )
    assert (period.finished_on, period.number_of_terms, period.failed) == (
        date(2026, 7, 17),
        Decimal(6),
        True,
    )
    assert inductions.period_with_outcome is period


def test_a_period_cannot_be_finished_in_the_future() -> None:
    inductions = with_periods(a_period(date(2024, 9, 1)))
    with pytest.raises(InvalidValue):
        inductions.finish_period(
            inductions.periods[0], finished_on=date(2026, 8, 22), number_of_terms="6", today=TODAY
        )
    assert inductions.ongoing_period is inductions.periods[0]


def test_a_period_can_be_reopened_keeping_the_fail_confirmation_date() -> None:
    failed = a_period(
        date(2024, 9, 1),
        date(2025, 7, 1),
        outcome="fail",
        fail_confirmation_sent_on=date(2025, 7, 2),
    )
    inductions = with_periods(failed)
    inductions.change_period(
        failed, today=TODAY, finished_on=None, number_of_terms=None, outcome=None
    )
    assert failed.ongoing
    assert failed.fail_confirmation_sent_on == date(2025, 7, 2)


def test_a_claim_starts_after_the_last_period_ended_and_not_before_september_2021() -> None:
    inductions = with_periods(a_period(date(2022, 9, 1), date(2023, 7, 1)))
    with pytest.raises(RuleBroken) as same_day:
        inductions.claim(a_period(date(2023, 7, 1)), today=TODAY)
    assert same_day.value.rule == "claim_starts_after_last_induction"
    inductions.claim(a_period(date(2023, 7, 2)), today=TODAY)
    with pytest.raises(RuleBroken) as too_early:
        TeacherInductions(teacher_id=2).claim(a_period(date(2021, 8, 31)), today=TODAY)
    assert too_early.value.rule == "claim_starts_from_september_2021"
    TeacherInductions(teacher_id=2).claim(a_period(date(2021, 9, 1)), today=TODAY)


def test_a_period_with_an_outcome_cannot_be_deleted() -> None:
    passed = a_period(date(2023, 9, 1), date(2024, 7, 1), outcome="pass")
    released = a_period(date(2022, 9, 1), date(2023, 7, 1))
    inductions = with_periods(passed, released)
    inductions.remove_period(released)
    with pytest.raises(RuleBroken) as error:
        inductions.remove_period(passed)
    assert error.value.rule == "period_with_outcome_kept"


def test_progress_is_terms_served_of_six_plus_extensions() -> None:
    inductions = with_periods(
        a_period(date(2023, 9, 1), date(2024, 7, 1), number_of_terms="3"),
        a_period(date(2024, 9, 1), date(2025, 7, 1), number_of_terms="2.5"),
        a_period(date(2025, 9, 1)),
    )
    inductions.add_extension("1.5")
    extension = inductions.add_extension("2")
    inductions.change_extension(extension, "0.1")
    assert (inductions.terms_completed, inductions.terms_required) == (
        Decimal("5.5"),
        Decimal("7.6"),
    )
    with pytest.raises(InvalidValue):
        inductions.change_extension(extension, "0")
    inductions.remove_extension(extension)
    assert inductions.terms_required == Decimal("7.5")
