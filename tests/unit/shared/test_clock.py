from datetime import UTC, date, datetime, timedelta

from ecf2.domain.shared.clock import FixedClock, TimeTravelClock


def test_today_is_the_day_in_england_not_in_utc():
    late_in_summer = FixedClock(datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    assert late_in_summer.today() == date(2026, 7, 1)


def test_a_fixed_clock_moves_only_when_told():
    clock = FixedClock(date(2026, 8, 21))
    clock.advance(timedelta(days=1))
    assert clock.today() == date(2026, 8, 22)


def test_time_travel_shifts_real_time():
    base = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    clock = TimeTravelClock(base)
    clock.travel_to(datetime(2027, 1, 1, tzinfo=UTC))
    assert clock.today() == date(2027, 1, 1)
    clock.return_to_present()
    assert clock.now() == base.now()
