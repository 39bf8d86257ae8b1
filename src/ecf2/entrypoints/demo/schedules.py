"""The 12 schedules of every contract period and their milestones, exactly as
lead-provider-api-v3 §3.7 gives them: 2021's own dates, the 2022-2024 pattern, non-standard
schedules without deadlines, 2025 without deadlines, and 2026 as 2025 a year on."""

from __future__ import annotations

from datetime import date

from ecf2.domain.contracts import (
    DeclarationType,
    Milestone,
    Schedule,
    ScheduleIdentifier,
    ScheduleMonth,
    ScheduleType,
)
from ecf2.domain.shared.declaration_types import STARTED_TO_COMPLETED
from ecf2.entrypoints.demo.contract_periods import YEARS
from ecf2.entrypoints.demo.refs import Refs, UowFactory
from ecf2.entrypoints.demo.summary import Tally, tally

Window = tuple[date, date | None]

# 2021 standard schedules: (started, retained-1..4, completed) windows, month by month.
_D = date
STANDARD_2021: dict[ScheduleMonth, tuple[Window, ...]] = {
    ScheduleMonth.SEPTEMBER: (
        (_D(2021, 9, 1), _D(2021, 11, 30)), (_D(2021, 9, 1), _D(2022, 1, 31)),
        (_D(2022, 2, 1), _D(2022, 4, 30)), (_D(2022, 5, 1), _D(2022, 9, 30)),
        (_D(2022, 10, 1), _D(2023, 1, 31)), (_D(2023, 2, 1), _D(2023, 4, 30)),
    ),
    ScheduleMonth.JANUARY: (
        (_D(2021, 12, 1), _D(2022, 1, 31)), (_D(2022, 2, 1), _D(2022, 4, 30)),
        (_D(2022, 5, 1), _D(2022, 9, 30)), (_D(2022, 10, 1), _D(2023, 1, 31)),
        (_D(2023, 2, 1), _D(2023, 4, 30)), (_D(2023, 5, 1), _D(2023, 9, 30)),
    ),
    ScheduleMonth.APRIL: (
        (_D(2022, 2, 1), _D(2022, 5, 31)), (_D(2022, 5, 1), _D(2022, 9, 30)),
        (_D(2022, 10, 1), _D(2023, 1, 31)), (_D(2023, 2, 1), _D(2023, 4, 30)),
        (_D(2023, 5, 1), _D(2023, 9, 30)), (_D(2023, 10, 1), _D(2024, 1, 31)),
    ),
}  # fmt: skip


def _terms_from(year: int) -> list[Window]:
    """Spring, summer and autumn windows from 1 January of `year` for three years."""
    windows: list[Window] = []
    for each in range(year, year + 3):
        windows += [
            (date(each, 1, 1), date(each, 3, 31)),
            (date(each, 4, 1), date(each, 7, 31)),
            (date(each, 8, 1), date(each, 12, 31)),
        ]
    return windows


def standard_windows(year: int, month: ScheduleMonth) -> tuple[Window, ...]:
    """Started to completed on a standard schedule with deadlines (2021-2024)."""
    if year == 2021:
        return STANDARD_2021[month]
    terms = _terms_from(year + 1)
    if month is ScheduleMonth.SEPTEMBER:
        return ((date(year, 6, 1), date(year, 12, 31)), *terms[0:5])
    offset = 0 if month is ScheduleMonth.JANUARY else 1
    return tuple(terms[offset : offset + 6])


def _first_day(year: int, identifier: ScheduleIdentifier) -> date:
    month = identifier.month
    if month is ScheduleMonth.JANUARY:
        return date(year + 1, 1, 1)
    if month is ScheduleMonth.APRIL:
        return date(year + 1, 4, 1)
    standard = identifier.schedule_type is ScheduleType.STANDARD
    return date(year, 6 if standard else 9, 1)


def milestones(year: int, identifier: ScheduleIdentifier) -> list[Milestone]:
    extended = identifier.schedule_type is ScheduleType.EXTENDED
    types = tuple(DeclarationType) if extended else STARTED_TO_COMPLETED
    standard = identifier.schedule_type is ScheduleType.STANDARD
    if standard and year <= 2024:
        windows = standard_windows(year, identifier.month)
        return [
            Milestone(declaration_type=kind, start_date=start, milestone_date=deadline)
            for kind, (start, deadline) in zip(types, windows, strict=True)
        ]
    first_day = _first_day(year, identifier)
    return [Milestone(declaration_type=kind, start_date=first_day) for kind in types]


def schedule(year: int, identifier: ScheduleIdentifier) -> Schedule:
    return Schedule(
        contract_period_year=year, identifier=identifier, milestones=milestones(year, identifier)
    )


def seed(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    created = wanted = 0
    with uow_factory() as uow:
        for year in YEARS:
            existing = {each.identifier: each for each in uow.schedules.for_year(year)}
            for identifier in ScheduleIdentifier:
                wanted += 1
                found = existing.get(identifier)
                if found is None:
                    found = schedule(year, identifier)
                    uow.schedules.add(found)
                    created += 1
                refs.schedules[year, identifier] = found
        uow.commit()
    return [tally("schedules", wanted, created)]
