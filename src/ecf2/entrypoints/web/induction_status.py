"""The induction status badge shown for a teacher, from what TRS says and whether an
induction period is open (inductions-trs-sign-in-admin (a.12))."""

from __future__ import annotations

import attrs

from ecf2.domain.participants.values import TrsInductionStatus


@attrs.frozen
class Tag:
    """A GOV.UK tag: its words and its colour (a govuk-tag--<colour> modifier or None)."""

    text: str
    colour: str | None = None

    @property
    def classes(self) -> str:
        return f"govuk-tag--{self.colour}" if self.colour else ""


_BADGES = {
    TrsInductionStatus.REQUIRED_TO_COMPLETE: Tag("Required to complete", "blue"),
    TrsInductionStatus.EXEMPT: Tag("Exempt", "grey"),
    TrsInductionStatus.FAILED: Tag("Failed", "red"),
    TrsInductionStatus.PASSED: Tag("Passed", "green"),
    TrsInductionStatus.FAILED_IN_WALES: Tag("Failed in Wales", "red"),
    TrsInductionStatus.NONE: Tag("None", "grey"),
}
_IN_PROGRESS = Tag("In progress", "turquoise")
_PAUSED = Tag("Induction paused", "orange")
_UNKNOWN = Tag("Unknown", "grey")


def induction_status_badge(status: str | None, has_open_induction_period: bool) -> Tag:
    if status == TrsInductionStatus.IN_PROGRESS:
        return _IN_PROGRESS if has_open_induction_period else _PAUSED
    try:
        return _BADGES[TrsInductionStatus(status)]
    except (KeyError, ValueError):
        return _UNKNOWN
