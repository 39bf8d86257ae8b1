"""Every stored schedule's milestones, for the published schedules and milestone dates
(lead-provider-api-v3 §3.7): one query, in cohort, schedule and declaration order."""

from __future__ import annotations

from datetime import date

import attrs
from sqlalchemy import select

from ecf2.adapters.db.contracts_rows import MilestoneRow, ScheduleRow
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.contracts.schedules import ScheduleIdentifier
from ecf2.domain.shared.declaration_types import DeclarationType


@attrs.frozen
class MilestoneDatesView:
    cohort: int
    schedule_identifier: ScheduleIdentifier
    declaration_type: DeclarationType
    start_date: date
    milestone_date: date | None


def _order(view: MilestoneDatesView) -> tuple[int, int, int]:
    schedules = list(ScheduleIdentifier)
    position = schedules.index(view.schedule_identifier)
    return view.cohort, position, view.declaration_type.position


class SqlScheduleReads(ReadModel):
    def milestone_dates(self) -> list[MilestoneDatesView]:
        statement = select(
            ScheduleRow.contract_period_year,
            ScheduleRow.identifier,
            MilestoneRow.declaration_type,
            MilestoneRow.start_date,
            MilestoneRow.milestone_date,
        ).join(MilestoneRow, MilestoneRow.schedule_id == ScheduleRow.id)
        views = [MilestoneDatesView(*row) for row in self._rows(statement)]
        return sorted(views, key=_order)
