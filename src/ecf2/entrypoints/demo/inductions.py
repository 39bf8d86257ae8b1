"""Induction periods with appropriate bodies: ongoing for ECTs in induction, passed for
teachers who now mentor, ended early for those who left or moved to a school with
another appropriate body (inductions-trs (a.1)-(a.3))."""

from __future__ import annotations

from typing import Any

from ecf2.domain.inductions import InductionPeriod, TrainingProgramme
from ecf2.entrypoints.demo.careers import InductionPlan, TeacherPlan
from ecf2.entrypoints.demo.reference import DEMO_TODAY
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.summary import Tally, tally


def induction_period(plan: InductionPlan, refs: Refs) -> InductionPeriod:
    programme = None
    if plan.provider_led is not None:
        programme = (
            TrainingProgramme.PROVIDER_LED if plan.provider_led else TrainingProgramme.SCHOOL_LED
        )
    return InductionPeriod(
        appropriate_body_id=refs.appropriate_bodies[plan.appropriate_body],
        started_on=plan.started_on,
        finished_on=plan.finished_on,
        induction_programme=plan.induction_programme,
        training_programme=programme,
        number_of_terms=plan.number_of_terms,
        outcome=plan.outcome,
    )


def seed(uow_factory: UowFactory, plans: list[TeacherPlan], refs: Refs) -> list[Tally]:
    inducted = [plan for plan in plans if plan.inductions]
    wanted, created = sum(len(plan.inductions) for plan in inducted), 0
    with uow_factory() as uow:
        if _inducted(uow, inducted[-1], refs):
            return [tally("induction periods", wanted, 0)]
        for plan in inducted:
            inductions = uow.inductions.for_teacher(id_of(refs.teacher(uow, plan.trn)))
            if inductions.periods:
                continue
            qts = plan.person.qts.holds_from if plan.person.qts else None
            for each in plan.inductions:
                inductions.add_period(
                    induction_period(each, refs), today=DEMO_TODAY, qts_awarded_on=qts
                )
                created += 1
            for terms in plan.induction_extensions:
                inductions.add_extension(terms)
            uow.inductions.save(inductions)
        uow.commit()
    return [tally("induction periods", wanted, created)]


def _inducted(uow: Any, plan: TeacherPlan, refs: Refs) -> bool:
    """All are saved in one unit of work: the last teacher's periods stand for all."""
    return bool(uow.inductions.for_teacher(id_of(refs.teacher(uow, plan.trn))).periods)
