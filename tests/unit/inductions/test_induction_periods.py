"""One induction period on its own: dates, terms, outcome, programmes (inductions-trs
(a.1)-(a.4))."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from ecf2.domain.inductions import (
    InductionExtension,
    InductionPeriod,
    InductionProgramme,
    TrainingProgramme,
)
from ecf2.domain.shared.errors import InvalidValue

pytestmark = pytest.mark.inductions


def a_period(**overrides: Any) -> InductionPeriod:
    values: dict[str, Any] = {
        "appropriate_body_id": 1,
        "started_on": date(2024, 9, 2),
        "induction_programme": "fip",
        "training_programme": "provider_led",
    }
    return InductionPeriod(**(values | overrides))


def finished(**overrides: Any) -> InductionPeriod:
    return a_period(**({"finished_on": date(2025, 7, 18), "number_of_terms": "3"} | overrides))


def test_an_induction_can_start_on_1_september_1999_but_not_the_day_before() -> None:
    assert a_period(started_on=date(1999, 9, 1)).started_on == date(1999, 9, 1)
    with pytest.raises(InvalidValue) as error:
        a_period(started_on=date(1999, 8, 31))
    assert error.value.rule == "induction_starts_from_september_1999"


def test_a_period_may_finish_on_the_day_it_starts_but_not_before() -> None:
    assert finished(finished_on=date(2024, 9, 2)).period.finished_on == date(2024, 9, 2)
    with pytest.raises(InvalidValue) as error:
        finished(finished_on=date(2024, 9, 1))
    assert error.value.rule == "period_finishes_before_it_starts"


def test_start_and_end_cannot_be_in_the_future() -> None:
    period = finished()
    period.check_not_in_future(date(2025, 7, 18))
    with pytest.raises(InvalidValue) as end_error:
        period.check_not_in_future(date(2025, 7, 17))
    with pytest.raises(InvalidValue) as start_error:
        a_period().check_not_in_future(date(2024, 9, 1))
    assert (start_error.value.rule, end_error.value.rule) == (
        "started_on_not_in_future",
        "finished_on_not_in_future",
    )


@pytest.mark.parametrize("terms", ["0", "0.1", "1.5", "16", 16, Decimal("15.9"), 2.5])
def test_a_finished_period_has_0_to_16_terms(terms: Any) -> None:
    assert finished(number_of_terms=terms).number_of_terms == Decimal(str(terms))


@pytest.mark.parametrize(
    ("terms", "rule"),
    [
        ("1.25", "terms_one_decimal_place"),
        (1.25, "terms_one_decimal_place"),
        ("16.1", "terms_in_range"),
        ("17", "terms_in_range"),
        ("-0.1", "terms_in_range"),
        ("three", "terms_number"),
    ],
)
def test_terms_outside_0_to_16_or_finer_than_a_tenth_are_refused(terms: Any, rule: str) -> None:
    with pytest.raises(InvalidValue) as error:
        finished(number_of_terms=terms)
    assert error.value.rule == rule


def test_a_finished_period_needs_its_terms() -> None:
    with pytest.raises(InvalidValue) as error:
        finished(number_of_terms=None)
    assert error.value.rule == "number_of_terms_required_when_finished"


def test_an_ongoing_period_has_no_terms_yet() -> None:
    with pytest.raises(InvalidValue) as error:
        a_period(number_of_terms="2")
    assert error.value.rule == "number_of_terms_blank_when_ongoing"


def test_only_a_finished_period_has_an_outcome() -> None:
    assert finished(outcome="pass").passed
    assert finished(outcome="fail").failed
    assert finished().released
    with pytest.raises(InvalidValue) as error:
        a_period(outcome="pass")
    assert error.value.rule == "outcome_only_when_finished"


def test_the_teacher_is_told_of_a_fail_no_earlier_than_the_end() -> None:
    told = finished(outcome="fail", fail_confirmation_sent_on=date(2025, 7, 18))
    assert told.fail_confirmation_sent_on == date(2025, 7, 18)
    with pytest.raises(InvalidValue) as error:
        finished(outcome="fail", fail_confirmation_sent_on=date(2025, 7, 17))
    assert error.value.rule == "fail_confirmation_after_end"
    with pytest.raises(InvalidValue):
        told.check_not_in_future(date(2025, 7, 17))


def test_a_training_programme_is_needed_unless_the_legacy_programme_is_unknown() -> None:
    with pytest.raises(InvalidValue) as error:
        a_period(training_programme=None)
    assert error.value.rule == "training_programme_required"
    school_led = a_period(induction_programme="unknown", training_programme="school_led")
    legacy = a_period(induction_programme="pre_september_2021", training_programme=None)
    assert school_led.induction_programme is InductionProgramme.UNKNOWN
    assert legacy.effective_training_programme is None


def test_an_empty_training_programme_reads_as_the_mapped_legacy_value() -> None:
    period = a_period(induction_programme="cip", training_programme="school_led")
    period.training_programme = None
    assert period.effective_training_programme is TrainingProgramme.SCHOOL_LED


@pytest.mark.parametrize("terms", ["0.1", "16", "2"])
def test_an_extension_adds_a_tenth_to_16_terms(terms: str) -> None:
    assert InductionExtension(number_of_terms=terms).number_of_terms == Decimal(terms)


@pytest.mark.parametrize(
    ("terms", "rule"),
    [
        ("0", "terms_in_range"),
        ("16.1", "terms_in_range"),
        ("17", "terms_in_range"),
        ("1.25", "terms_one_decimal_place"),
        ("", "terms_required"),
        (None, "terms_required"),
    ],
)
def test_an_extension_of_0_or_over_16_terms_is_refused(terms: Any, rule: str) -> None:
    with pytest.raises(InvalidValue) as error:
        InductionExtension(number_of_terms=terms)
    assert error.value.rule == rule
