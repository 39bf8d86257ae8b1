"""Declarations on the demo's training periods, each taken through its payment and
clawback lifecycle to where the plan says it stands (finance-and-payments §4)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ecf2.domain.participants import MentorshipPeriod, Teacher, TrainingPeriod, TrainingRole
from ecf2.domain.payments import ClawbackStatus, Declaration, PaymentStatus
from ecf2.domain.shared.errors import NotFound
from ecf2.entrypoints.demo.declaration_plan import DeclarationPlan
from ecf2.entrypoints.demo.finance import statement_api_id
from ecf2.entrypoints.demo.reference import at
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.statement_calendar import Month
from ecf2.entrypoints.demo.summary import Tally, tally

ORDER = (PaymentStatus.ELIGIBLE, PaymentStatus.PAYABLE, PaymentStatus.PAID)


def seed(uow_factory: UowFactory, plans: list[DeclarationPlan], refs: Refs) -> list[Tally]:
    by_provider: dict[tuple[str, int], list[DeclarationPlan]] = defaultdict(list)
    for plan in plans:
        by_provider[plan.lead_provider, plan.contract_year].append(plan)
    created: Counter[str] = Counter()
    with uow_factory() as uow:
        for group in by_provider.values():
            if _exists(uow, group[0]):
                continue
            for plan in group:
                teacher = refs.teacher(uow, plan.trn)
                statements = _statement_ids(uow, plan, refs)
                uow.declarations.add(declaration(plan, teacher, statements, refs))
                created[plan.state] += 1
        uow.commit()
    in_demo = Counter(plan.state for plan in plans)
    tallies = [tally("declarations", len(plans), created.total())]
    tallies += [
        tally(f"declarations {state}", in_demo[state], created[state]) for state in sorted(in_demo)
    ]
    return tallies


def declaration(
    plan: DeclarationPlan, teacher: Teacher, statements: dict[Month, int], refs: Refs
) -> Declaration:
    training = _training_period(teacher, plan)
    pupil_premium, sparsity = plan.uplifts
    made = Declaration(
        training_period_id=id_of(training),
        declaration_type=plan.declaration_type,
        declaration_date=at(plan.declared_on, 10),
        created_at=plan.created_at,
        evidence_type=plan.evidence_type,
        pupil_premium_uplift=pupil_premium,
        sparsity_uplift=sparsity,
        mentorship_period_id=_mentorship_id(teacher, training, plan),
        delivery_partner_when_created_id=refs.delivery_partners[plan.delivery_partner],
        api_id=plan.api_id,
    )
    _advance(made, plan, statements)
    return made


def _advance(made: Declaration, plan: DeclarationPlan, statements: dict[Month, int]) -> None:
    if plan.payment_statement is not None:
        made.mark_as_eligible(statements[plan.payment_statement])
        for status in ORDER[1 : ORDER.index(plan.reached) + 1]:
            (made.mark_as_payable if status is PaymentStatus.PAYABLE else made.mark_as_paid)()
    if plan.voided_at is not None:
        made.void(plan.voided_at)
        made.touch(plan.voided_at)
    if plan.clawback_statement is not None:
        made.mark_as_awaiting_clawback(statements[plan.clawback_statement])
        if plan.clawback_status is ClawbackStatus.CLAWED_BACK:
            made.mark_as_clawed_back()


def _training_period(teacher: Teacher, plan: DeclarationPlan) -> TrainingPeriod:
    return next(
        training
        for training in teacher.training_periods(TrainingRole(plan.role))
        if training.started_on == plan.training_started_on
    )


def _mentorship_id(teacher: Teacher, training: TrainingPeriod, plan: DeclarationPlan) -> int | None:
    """An ECT's declaration names the mentor they had on the declaration date."""
    if plan.role is not TrainingRole.ECT:
        return None
    mentorships: list[MentorshipPeriod] = [
        mentorship
        for placement in teacher.ect_at_school_periods
        if any(training is mine for mine in placement.training_periods)
        for mentorship in placement.mentorship_periods
        if mentorship.period.includes(plan.declared_on)
    ]
    return mentorships[0].id if mentorships else None


def _statement_ids(uow: Any, plan: DeclarationPlan, refs: Refs) -> dict[Month, int]:
    ids = {}
    for month in (plan.payment_statement, plan.clawback_statement):
        if month is None:
            continue
        key = (plan.lead_provider, plan.contract_year, *month)
        if key not in refs.statements:
            api_id = statement_api_id(plan.lead_provider, plan.contract_year, month)
            refs.statements[key] = id_of(uow.statements.get_by_api_id(api_id))
        ids[month] = refs.statements[key]
    return ids


def _exists(uow: Any, plan: DeclarationPlan) -> bool:
    try:
        uow.declarations.get_by_api_id(plan.api_id)
    except NotFound:
        return False
    return True
