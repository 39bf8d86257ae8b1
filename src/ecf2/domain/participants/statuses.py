"""A participant's statuses as lead providers see them, relative to today
(lead-provider-api-v3 §3.1, §3.2); time passing changes them without touching anything."""

from __future__ import annotations

from datetime import date, datetime


def training_status(withdrawn_at: datetime | None, deferred_at: datetime | None) -> str:
    """§3.1: whichever of withdrawal and deferral came later; neither is active."""
    if withdrawn_at is None and deferred_at is None:
        return "active"
    if deferred_at is None:
        return "withdrawn"
    if withdrawn_at is None:
        return "deferred"
    return "withdrawn" if withdrawn_at >= deferred_at else "deferred"


def _leaving_or_left(finished_on: date, today: date) -> str:
    return "leaving" if finished_on > today else "left"


def participant_status(
    *,
    training: str,
    started_on: date,
    finished_on: date | None,
    completed_on: date | None,
    today: date,
) -> str:
    """§3.2, on the lead provider's latest training period for the role. `completed_on` is
    the ECT's induction end or the mentor's funding end: training that ends with it is over
    because it is complete, not because the participant is leaving."""
    if training != "active" and finished_on is not None:
        return _leaving_or_left(finished_on, today)
    if completed_on is not None and (finished_on is None or completed_on <= finished_on):
        return "active"
    if finished_on is not None:
        return _leaving_or_left(finished_on, today)
    return "joining" if started_on > today else "active"
