"""The statuses the API computes for an enrolment, relative to today
(lead-provider-api-v3 §3.1-§3.3); time passing changes them without touching updated_at."""

from __future__ import annotations

from datetime import date, datetime

# The statuses are the participants context's rules; the read model applies them in bulk.
from ecf2.domain.participants.statuses import participant_status, training_status

__all__ = ["eligible_for_funding", "participant_status", "training_status"]


def eligible_for_funding(
    became_eligible_at: datetime | None, became_ineligible_on: date | None
) -> bool | None:
    """§3.3: eligible unless ineligibility came after eligibility; unknown with neither."""
    if became_eligible_at is None:
        return False if became_ineligible_on is not None else None
    if became_ineligible_on is None:
        return True
    return became_eligible_at.date() <= became_ineligible_on
