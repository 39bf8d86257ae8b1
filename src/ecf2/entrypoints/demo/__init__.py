"""The demo data: a deterministic, repeatable picture of the service on 23 November 2026.

`seed_demo` builds everything through the domain classes and repositories, one unit of
work per step; records already there (found by their natural keys) are left alone, so a
second run creates nothing."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.demo import (
    appropriate_bodies,
    contract_periods,
    declarations,
    finance,
    inductions,
    partnerships,
    providers,
    schedules,
    schools,
    staff,
    teachers,
)
from ecf2.entrypoints.demo.declaration_plan import plan_declarations
from ecf2.entrypoints.demo.reference import DEMO_TODAY
from ecf2.entrypoints.demo.refs import Refs, UowFactory
from ecf2.entrypoints.demo.school_plan import plan_schools
from ecf2.entrypoints.demo.summary import DemoSummary, Progress, Tally
from ecf2.entrypoints.demo.teacher_plan import plan_teachers

__all__ = ["DEMO_TODAY", "DemoSummary", "Progress", "Tally", "seed_demo"]

Step = tuple[str, Callable[[], list[Tally]]]


def _steps(uow_factory: UowFactory, refs: Refs) -> list[Step]:
    school_plans = plan_schools()
    teacher_plans = plan_teachers(school_plans)
    declaration_plans = plan_declarations(teacher_plans)
    uows = uow_factory
    return [
        ("Contract periods", partial(contract_periods.seed, uows, refs)),
        ("Schedules and milestones", partial(schedules.seed, uows, refs)),
        ("Lead providers and delivery partners", partial(providers.seed_organisations, uows, refs)),
        (
            "Contracted years, bands and API tokens",
            partial(providers.seed_contracted_years, uows, refs),
        ),
        ("Delivery partnerships", partial(providers.seed_delivery_partnerships, uows, refs)),
        ("Appropriate bodies", partial(appropriate_bodies.seed, uows, refs)),
        ("Schools", partial(schools.seed, uows, school_plans, refs)),
        ("School partnerships", partial(partnerships.seed, uows, school_plans, refs)),
        ("Teachers", partial(teachers.seed, uows, teacher_plans, refs)),
        ("Induction periods", partial(inductions.seed, uows, teacher_plans, refs)),
        ("Contracts", partial(finance.seed_contracts, uows, refs)),
        ("Statements", partial(finance.seed_statements, uows, refs)),
        ("Declarations", partial(declarations.seed, uows, declaration_plans, refs)),
        ("DfE staff users", partial(staff.seed, uows)),
    ]


def seed_demo(
    uow_factory: UowFactory, clock: Clock, progress: Progress | None = None
) -> DemoSummary:
    """Seed the demo data for 23 November 2026 (fixed, whatever `clock` says; the clock
    only stamps when the run happened) and report what the demo holds."""
    started = time.perf_counter()
    report = progress or (lambda *_: None)
    steps = _steps(uow_factory, Refs())
    tallies: list[Tally] = []
    for done, (description, step) in enumerate(steps):
        report(description, done, len(steps))
        tallies += step()
    report("Demo data ready", len(steps), len(steps))
    return DemoSummary.of(tallies, DEMO_TODAY, clock.now(), time.perf_counter() - started)
