"""Days in step text, written as people write them ("1 September 2025"), for parsers:
`parsers.parse("... on {start:Day}", extra_types=DAY)`."""

from __future__ import annotations

from datetime import date

from parse import with_pattern

from tests.features.steps.common import a_day


@with_pattern(r"\d{1,2} [A-Z][a-z]+ \d{4}")
def _day(text: str) -> date:
    return a_day(text)


DAY = {"Day": _day}


def written(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
