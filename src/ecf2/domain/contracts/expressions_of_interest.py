"""Training a school registered with a lead provider before any partnership existed: an
expression of interest in that lead provider for a contract period (participants-and-schools
§3.10). When the lead provider confirms a partnership with the school for that period,
the training joins it; the expression of interest is kept."""

from __future__ import annotations

from datetime import datetime

import attrs

from ecf2.domain.contracts.partnerships import SchoolPartnership
from ecf2.domain.shared.errors import RuleBroken


@attrs.define(kw_only=True)
class InterestedTraining:
    """A training period under an expression of interest, as the contracts context sees it."""

    training_period_id: int
    teacher_id: int
    active_lead_provider_id: int
    school_partnership: SchoolPartnership | None = None
    joined_at: datetime | None = None

    @property
    def awaiting_partnership(self) -> bool:
        return self.school_partnership is None

    def join(self, partnership: SchoolPartnership, *, now: datetime) -> None:
        if not self.awaiting_partnership:
            raise RuleBroken(
                "This training is already part of a partnership",
                field="school_partnership",
                rule="training_already_partnered",
            )
        self.school_partnership = partnership
        self.joined_at = now


def joining(
    interested: list[InterestedTraining], active_lead_provider_id: int
) -> list[InterestedTraining]:
    """Only training with no partnership, interested in this lead provider and year."""
    return [
        training
        for training in interested
        if training.awaiting_partnership
        and training.active_lead_provider_id == active_lead_provider_id
    ]
