"""The declarations lead providers made for the demo's training, and where each stands
on the demo's today: on the statement it landed on when it was submitted (finance §4.2),
paid, payable or eligible as that statement is, a few voided or clawed back, and none
paid for ECTs an appropriate body has not claimed yet."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import groupby

import attrs

from ecf2.domain.contracts import DeclarationType
from ecf2.domain.participants import TrainingRole
from ecf2.domain.payments import ClawbackStatus, EvidenceType, PaymentStatus, StatementStatus
from ecf2.entrypoints.demo.careers import PlacementPlan, TeacherPlan, TrainingPlan
from ecf2.entrypoints.demo.contract_periods import PAYMENTS_FROZEN, UPLIFT_FEES_UNTIL
from ecf2.entrypoints.demo.declaration_dates import planned_dates
from ecf2.entrypoints.demo.evidence import evidence_for
from ecf2.entrypoints.demo.reference import DEMO_SEED, DEMO_TODAY, at, demo_uuid
from ecf2.entrypoints.demo.schedules import milestones
from ecf2.entrypoints.demo.statement_calendar import Month, next_output_statement, status_on
from ecf2.entrypoints.demo.teacher_plan import training_key

REACHED = {
    StatementStatus.OPEN: PaymentStatus.ELIGIBLE,
    StatementStatus.PAYABLE: PaymentStatus.PAYABLE,
    StatementStatus.PAID: PaymentStatus.PAID,
}
VOID_SHARE, CLAWBACK_SHARE = 0.04, 0.03
RECENT_CLAWBACKS = 4
NO_UPLIFTS = (False, False)


@attrs.frozen
class DeclarationPlan:
    trn: str
    role: TrainingRole
    training_started_on: date
    lead_provider: str
    delivery_partner: str
    contract_year: int
    declaration_type: DeclarationType
    declared_on: date
    created_at: datetime
    evidence_type: EvidenceType | None = None
    uplifts: tuple[bool, bool] = (False, False)
    payment_statement: Month | None = None
    reached: PaymentStatus = PaymentStatus.NO_PAYMENT
    voided_at: datetime | None = None
    clawback_statement: Month | None = None
    clawback_status: ClawbackStatus = ClawbackStatus.NO_CLAWBACK

    @property
    def api_id(self) -> uuid.UUID:
        key = (self.trn, self.role, self.declaration_type, self.training_started_on)
        return demo_uuid("declaration", *key)

    @property
    def state(self) -> str:
        if self.clawback_status is not ClawbackStatus.NO_CLAWBACK:
            return self.clawback_status.value
        return PaymentStatus.VOIDED.value if self.voided_at else self.reached.value


def plan_declarations(teachers: list[TeacherPlan]) -> list[DeclarationPlan]:
    rng = random.Random(f"{DEMO_SEED}:declarations")
    made = [
        declaration
        for plan in teachers
        for role in TrainingRole
        for declaration in _declarations(plan, role, rng)
    ]
    return _with_recent_clawbacks(made)


Training = tuple[PlacementPlan, TrainingPlan]


def _declarations(
    plan: TeacherPlan, role: TrainingRole, rng: random.Random
) -> Iterator[DeclarationPlan]:
    provider_led = [pair for pair in plan.training(role) if pair[1].provider_led]
    for cohort, courses in groupby(provider_led, key=lambda pair: pair[1].cohort):
        trainings = list(courses)
        first = trainings[0][1]
        assert first.schedule is not None
        dates = planned_dates(
            milestones(cohort, first.schedule), first.started_on, role, cohort,
            training_key(plan.trn, role, cohort),
        )  # fmt: skip
        for kind, day in dates:
            found = next(((p, t) for p, t in trainings if t.declarable and t.covers(day)), None)
            if day <= DEMO_TODAY and found is not None:
                made = _declaration(plan, role, found, kind, day, rng)
                if made is not None:
                    yield made


def _declaration(
    plan: TeacherPlan,
    role: TrainingRole,
    training: Training,
    kind: DeclarationType,
    day: date,
    rng: random.Random,
) -> DeclarationPlan | None:
    placement, course = training
    submitted_on = min(day + timedelta(days=rng.randint(0, 12)), DEMO_TODAY)
    statement = _statement_for(course.cohort, submitted_on)
    if statement is None:
        return None
    funded = _funded(plan, role, submitted_on)
    declaration = DeclarationPlan(
        trn=plan.trn,
        role=role,
        training_started_on=course.started_on,
        lead_provider=str(course.choice.lead_provider),
        delivery_partner=str(course.choice.delivery_partner),
        contract_year=course.cohort,
        declaration_type=kind,
        declared_on=day,
        created_at=at(submitted_on, rng.randint(10, 16), rng.randint(0, 59)),
        evidence_type=evidence_for(role, course.cohort, kind, rng),
        uplifts=_uplifts(placement, course.cohort, kind),
        payment_statement=statement if funded else None,
        reached=REACHED[status_on(statement)] if funded else PaymentStatus.NO_PAYMENT,
    )
    return _maybe_voided_or_clawed_back(declaration, submitted_on, rng)


def _statement_for(year: int, submitted_on: date) -> Month | None:
    """The statement a submission lands on; none when payments for the contract period
    are frozen (api §4 step 14) or the contract has no statement left."""
    frozen_at = PAYMENTS_FROZEN.get(year)
    if frozen_at is not None and submitted_on >= frozen_at.date():
        return None
    return next_output_statement(year, submitted_on)


def _funded(plan: TeacherPlan, role: TrainingRole, submitted_on: date) -> bool:
    ect = role is TrainingRole.ECT
    eligible_from = plan.ect_eligible_from if ect else plan.mentor_eligible_from
    return eligible_from is not None and eligible_from <= submitted_on


def _uplifts(placement: PlacementPlan, year: int, kind: DeclarationType) -> tuple[bool, bool]:
    """Uplifts ride on started declarations only, until 2025 (finance §1.1, §4.2)."""
    if kind is not DeclarationType.STARTED or year > UPLIFT_FEES_UNTIL:
        return NO_UPLIFTS
    return placement.school.uplifts.get(year, NO_UPLIFTS)


def _maybe_voided_or_clawed_back(
    declaration: DeclarationPlan, submitted_on: date, rng: random.Random
) -> DeclarationPlan:
    draw = rng.random()
    if declaration.reached is not PaymentStatus.PAID:
        if draw >= VOID_SHARE:
            return declaration
        voided_on = min(submitted_on + timedelta(days=2), DEMO_TODAY)
        return attrs.evolve(declaration, voided_at=at(voided_on, 15))
    if draw >= CLAWBACK_SHARE:
        return declaration
    clawback_on = min(submitted_on + timedelta(days=rng.randint(40, 400)), DEMO_TODAY)
    return clawed_back(declaration, clawback_on)


def clawed_back(declaration: DeclarationPlan, on: date) -> DeclarationPlan:
    """A paid declaration voided on `on`: it is clawed back on the next output statement,
    and stays awaiting until that statement is paid (finance §4.3)."""
    statement = next_output_statement(declaration.contract_year, on)
    if statement is None:
        return declaration
    paid = status_on(statement) is StatementStatus.PAID
    status = ClawbackStatus.CLAWED_BACK if paid else ClawbackStatus.AWAITING_CLAWBACK
    return attrs.evolve(declaration, clawback_statement=statement, clawback_status=status)


def _with_recent_clawbacks(declarations: list[DeclarationPlan]) -> list[DeclarationPlan]:
    """A few paid declarations voided last week, so finance sees clawbacks to come."""
    recent = DEMO_TODAY - timedelta(days=7)
    chosen = [
        index
        for index, each in enumerate(declarations)
        if each.reached is PaymentStatus.PAID
        and each.clawback_status is ClawbackStatus.NO_CLAWBACK
        and each.contract_year >= 2024
    ][::17][:RECENT_CLAWBACKS]
    for index in chosen:
        declarations[index] = clawed_back(declarations[index], recent)
    return declarations
