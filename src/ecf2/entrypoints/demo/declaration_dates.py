"""When a lead provider declares each milestone of a training: about a term apart from
the training's start, always inside the milestone's window and never out of order."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from ecf2.domain.contracts import DeclarationType, Milestone
from ecf2.domain.participants import TrainingRole
from ecf2.entrypoints.demo.contract_periods import MENTOR_FUNDING_FROM
from ecf2.entrypoints.demo.reference import DEMO_SEED

D = DeclarationType
# Days after the training starts: a declaration a term or so apart (ECTs' two years).
CADENCE = {D.STARTED: 35, D.RETAINED_1: 150, D.RETAINED_2: 270, D.RETAINED_3: 390,
           D.RETAINED_4: 510, D.COMPLETED: 630}  # fmt: skip
# From 2025 mentors are paid for started and completed only (finance §2), a year apart.
MENTOR_CADENCE = {D.STARTED: 40, D.COMPLETED: 300}


def cadence(role: TrainingRole, cohort: int) -> dict[DeclarationType, int]:
    if role is TrainingRole.MENTOR and cohort >= MENTOR_FUNDING_FROM:
        return MENTOR_CADENCE
    return CADENCE


def planned_dates(
    milestones: list[Milestone],
    started_on: date,
    role: TrainingRole,
    cohort: int,
    key: str,
) -> Iterator[tuple[DeclarationType, date]]:
    """Each declarable milestone with its date, in canonical order; a milestone whose
    window has closed before the previous declaration is missed. The same `key` (the
    teacher and training) always gives the same dates."""
    rng = random.Random(f"{DEMO_SEED}:declaration-dates:{key}")
    days = cadence(role, cohort)
    previous = started_on
    for milestone in milestones:
        offset = days.get(milestone.declaration_type)
        if offset is None:
            continue
        target = started_on + timedelta(days=offset + rng.randint(-20, 20))
        earliest = max(milestone.start_date, previous)
        latest = milestone.milestone_date
        if latest is not None and earliest > latest:
            continue
        day = max(target, earliest) if latest is None else min(max(target, earliest), latest)
        previous = day
        yield milestone.declaration_type, day
