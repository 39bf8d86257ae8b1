"""Who mentors whom: each ECT placement gets a mentor at the same school whose own
placement covers it (some 2026 starters are still waiting for one), and teachers are
seeded mentors first, so a mentorship always names a mentor already saved."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date

from ecf2.entrypoints.demo.careers import MentorshipPlan, PlacementPlan, TeacherPlan

NOT_YET_MENTORED_FROM = date(2026, 9, 1)


def _covers(mentor: PlacementPlan, ect: PlacementPlan) -> bool:
    if mentor.started_on > ect.started_on:
        return False
    if mentor.finished_on is None:
        return True
    return ect.finished_on is not None and ect.finished_on <= mentor.finished_on


def assign_mentorships(plans: list[TeacherPlan], rng: random.Random) -> None:
    mentors: dict[str, list[tuple[str, PlacementPlan]]] = defaultdict(list)
    for plan in plans:
        for placement in plan.mentor_placements:
            mentors[placement.school.urn].append((plan.trn, placement))
    for plan in plans:
        for placement in plan.ect_placements:
            recent = placement.started_on >= NOT_YET_MENTORED_FROM
            if recent and rng.random() < 0.25:
                continue
            candidates = [
                trn
                for trn, theirs in mentors[placement.school.urn]
                if trn != plan.trn and _covers(theirs, placement)
            ]
            if candidates:
                placement.mentorships.append(
                    MentorshipPlan(
                        rng.choice(candidates), placement.started_on, placement.finished_on
                    )
                )


def in_dependency_order(plans: list[TeacherPlan]) -> list[TeacherPlan]:
    """Every mentor before the ECTs they mentor (the order is otherwise kept)."""
    by_trn = {plan.trn: plan for plan in plans}
    ordered: list[TeacherPlan] = []
    placed: set[str] = set()

    def place(plan: TeacherPlan) -> None:
        if plan.trn in placed:
            return
        placed.add(plan.trn)
        for mentor in sorted(plan.mentor_trns):
            place(by_trn[mentor])
        ordered.append(plan)

    for plan in plans:
        place(plan)
    return ordered
