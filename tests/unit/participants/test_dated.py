from datetime import date

from ecf2.domain.participants import current_or_next
from tests.unit.participants.builders import SCHOOL_A, SCHOOL_B, an_ect_placement

TODAY = date(2026, 8, 21)
YESTERDAY, TOMORROW = date(2026, 8, 20), date(2026, 8, 22)


def test_a_period_finishing_today_still_contains_today():
    assert an_ect_placement(date(2025, 9, 1), TODAY).contains(TODAY)
    assert not an_ect_placement(date(2025, 9, 1), YESTERDAY).contains(TODAY)


def test_a_period_starting_tomorrow_does_not_contain_today_but_is_to_come():
    upcoming = an_ect_placement(TOMORROW)
    assert not upcoming.contains(TODAY)
    assert upcoming.starting_after(TODAY)
    assert upcoming.current_or_future(TODAY)


def test_a_period_with_a_future_leaving_date_is_finished():
    leaving = an_ect_placement(date(2025, 9, 1), TOMORROW)
    assert leaving.finished
    assert not leaving.unfinished
    assert leaving.leaving_today_or_in_future(TODAY)
    assert not an_ect_placement(date(2025, 9, 1), YESTERDAY).leaving_today_or_in_future(TODAY)


def test_leaving_is_reported_for_the_school_that_reported_it():
    leaving = an_ect_placement(date(2025, 9, 1), TODAY, reported_leaving_by_school_id=SCHOOL_A)
    assert leaving.leaving_reported_for(SCHOOL_A, TODAY)
    assert not leaving.leaving_reported_for(SCHOOL_B, TODAY)
    assert not leaving.leaving_reported_for(SCHOOL_A, TOMORROW)


def test_the_current_or_next_is_the_earliest_current_or_future_one():
    past = an_ect_placement(date(2024, 9, 1), date(2025, 8, 31))
    current = an_ect_placement(date(2025, 9, 1), TODAY)
    following = an_ect_placement(TOMORROW)
    assert current_or_next([following, current, past], TODAY) is current
    assert current_or_next([following, past], TODAY) is following
    assert current_or_next([past], TODAY) is None
