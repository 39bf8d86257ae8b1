"""Training periods note when they were recorded or their dates last changed: a lead
provider reading transfers since a time sees the moves whose ends changed after it
(lead-provider-api-v3 §2.2, RECT:app/models/training_period.rb touches
`api_transfer_updated_at` when `started_on` or `finished_on` change)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.domain.shared.clock import Clock

DATES = ("started_on", "finished_on")


def stamp_training_date_changes(session: Session, clock: Clock) -> None:
    """Before every flush of this session, whoever flushes it and however often."""

    def stamp(flushing: Session, _context: Any, _instances: Any) -> None:
        changed = [row for row in (*flushing.new, *flushing.dirty) if _dates_changed(row)]
        if changed:
            now = clock.now()
            for row in changed:
                row.api_transfer_updated_at = now

    event.listen(session, "before_flush", stamp)


def _dates_changed(row: object) -> bool:
    if not isinstance(row, TrainingPeriodRow):
        return False
    state = inspect(row)
    return state.key is None or any(state.attrs[name].history.has_changes() for name in DATES)
