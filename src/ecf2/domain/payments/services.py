"""Payments use cases: one method, one unit of work, one commit, an event for every change
(finance-and-payments §1.9, §3.3, §4, §5; inductions-trs-sign-in-admin (d.1), (d.3))."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from datetime import date, datetime
from decimal import Decimal

from ecf2.domain.payments.calculator import StatementCalculation, calculate_statement
from ecf2.domain.payments.declarations import ClawbackStatus, Declaration, PaymentStatus
from ecf2.domain.payments.events import (
    adjustment_event,
    audit_note_event,
    record_declaration,
    record_statement,
)
from ecf2.domain.payments.mentor_completion import completed_declaration_changed
from ecf2.domain.payments.model import Adjustment, Statement
from ecf2.domain.payments.ports import MentorCompletion, PaymentsUnitOfWork
from ecf2.domain.payments.queries import StatementCalculationReads
from ecf2.domain.payments.rules import (
    authorisation_refusal,
    check_assurance_confirmed,
    check_void_confirmed,
    check_voidable_by_finance,
)
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import NotFound, RuleBroken
from ecf2.domain.shared.events import DomainEvent, describe_change

UowFactory = Callable[[], PaymentsUnitOfWork]


class StatementCalculationService:
    """A statement's figures, recomputed from live declaration statuses on every call:
    statements are never stored as totals (§5.2)."""

    def __init__(self, reads: StatementCalculationReads) -> None:
        self._reads = reads

    def calculate(self, statement_api_id: uuid.UUID) -> StatementCalculation:
        inputs = self._reads.to_calculate(statement_api_id)
        return calculate_statement(
            inputs.contract, inputs.counts, inputs.statements, inputs.adjustments
        )


class StatementService:
    """Statements from open to payable to paid, and their adjustments (§1.9, §3.3)."""

    def __init__(
        self, uow: UowFactory, clock: Clock, mentor_completion: MentorCompletion | None = None
    ) -> None:
        self._uow, self._clock = uow, clock
        self._mentor_completion = mentor_completion

    def mark_statements_payable(self, today: date | None = None) -> list[int]:
        """The daily task: every open output statement whose deadline has passed becomes
        payable with its eligible declarations; the system is the author. Returns the ids
        of the statements marked."""
        today = today or self._clock.today()
        now, by = self._clock.now(), Actor.system()
        with self._uow() as uow:
            statements = uow.statements.open_output_past_deadline(today)
            for statement in statements:
                eligible = uow.declarations.on_payment_statement(
                    _id(statement), PaymentStatus.ELIGIBLE
                )
                for declaration in eligible:
                    _declaration_change(uow, declaration, statement, "payable", now, by)
                statement.mark_as_payable(today)
                record_statement(uow, statement, "statement_marked_payable", now, by)
            uow.commit()
        return [_id(statement) for statement in statements]

    def authorise_payment(self, statement_id: int, assurance_checks_done: bool, by: Actor) -> None:
        """Pay the payable declarations and claw back those awaiting clawback, then mark
        the statement paid, all at once (§3.3; (d.1) "Authorise payment")."""
        check_assurance_confirmed(assurance_checks_done)
        now, today = self._clock.now(), self._clock.today()
        with self._uow() as uow:
            statement = uow.statements.get(statement_id)
            payable = uow.declarations.on_payment_statement(statement_id, PaymentStatus.PAYABLE)
            awaiting = uow.declarations.on_clawback_statement(
                statement_id, ClawbackStatus.AWAITING_CLAWBACK
            )
            refusal = authorisation_refusal(
                statement, today, has_outstanding_declarations=bool(payable or awaiting)
            )
            if refusal is not None:
                raise refusal
            for declaration in payable:
                _declaration_change(uow, declaration, statement, "paid", now, by)
            for declaration in awaiting:
                _declaration_change(uow, declaration, statement, "clawed_back", now, by)
                completed_declaration_changed(self._mentor_completion, uow, declaration, now, by)
            statement.mark_as_paid(now, today)
            record_statement(uow, statement, "statement_authorised_for_payment", now, by)
            uow.commit()

    def add_adjustment(
        self, statement_id: int, payment_type: str, amount: Decimal | str | int, by: Actor
    ) -> int:
        with self._uow() as uow:
            statement = uow.statements.get(statement_id)
            adjustment = statement.add_adjustment(payment_type, amount)
            statement.touch(self._clock.now())
            uow.statements.save(statement)
            uow.record(self._adjustment_event("added", statement, adjustment, by))
            uow.commit()
        return _id(adjustment)

    def change_adjustment(
        self,
        statement_id: int,
        adjustment_id: int,
        payment_type: str,
        amount: Decimal | str | int,
        by: Actor,
    ) -> None:
        with self._uow() as uow:
            statement = uow.statements.get(statement_id)
            adjustment = _adjustment(statement, adjustment_id)
            before = (adjustment.payment_type, adjustment.amount)
            statement.change_adjustment(adjustment, payment_type, amount)
            statement.touch(self._clock.now())
            uow.statements.save(statement)
            changes = _adjustment_changes(before, adjustment)
            uow.record(self._adjustment_event("updated", statement, adjustment, by, changes))
            uow.commit()

    def remove_adjustment(self, statement_id: int, adjustment_id: int, by: Actor) -> None:
        with self._uow() as uow:
            statement = uow.statements.get(statement_id)
            adjustment = _adjustment(statement, adjustment_id)
            statement.remove_adjustment(adjustment)
            statement.touch(self._clock.now())
            uow.statements.save(statement)
            uow.record(self._adjustment_event("deleted", statement, adjustment, by))
            uow.commit()

    def add_audit_note(self, statement_id: int, body: str, by: Actor) -> int:
        """A note explaining the statement's figures; notes are never changed (§1.10)."""
        with self._uow() as uow:
            statement = uow.statements.get(statement_id)
            note = statement.add_audit_note(body, self._clock.now())
            uow.statements.save(statement)
            uow.record(audit_note_event(statement, note, by=by))
            uow.commit()
        assert note.id is not None, "saved before use"
        return note.id

    def _adjustment_event(
        self,
        action: str,
        statement: Statement,
        adjustment: Adjustment,
        by: Actor,
        modifications: tuple[str, ...] = (),
    ) -> DomainEvent:
        return adjustment_event(
            f"statement_adjustment_{action}",
            statement,
            adjustment,
            at=self._clock.now(),
            by=by,
            modifications=modifications,
        )


class DeclarationService:
    """Declarations becoming eligible for payment, and voided or clawed back (§4.2, §4.3)."""

    def __init__(
        self, uow: UowFactory, clock: Clock, mentor_completion: MentorCompletion | None = None
    ) -> None:
        self._uow, self._clock = uow, clock
        self._mentor_completion = mentor_completion

    def void_declaration(self, declaration_id: int, by: Actor, confirmed: bool) -> str:
        """Void an unpaid declaration; a paid one awaits clawback on the next output
        statement of the same lead provider and contract period whose deadline has not
        passed, and is refused when there is none. Returns the declaration's status."""
        check_void_confirmed(confirmed)
        now, today = self._clock.now(), self._clock.today()
        with self._uow() as uow:
            declaration = uow.declarations.get(declaration_id)
            check_voidable_by_finance(declaration)
            if declaration.payment_status is PaymentStatus.PAID:
                _claw_back(uow, declaration, today, now, by)
            else:
                statement = _payment_statement(uow, declaration)
                was = declaration.overall_status
                declaration.void(now, by_user_id=_staff_user_id(by))
                record_declaration(uow, declaration, statement, "voided", was, now, by)
            completed_declaration_changed(self._mentor_completion, uow, declaration, now, by)
            uow.commit()
        return declaration.overall_status

    def mark_declarations_eligible(
        self,
        training_period_ids: Collection[int],
        today: date | None = None,
        by: Actor | None = None,
    ) -> list[int]:
        """Funding eligibility has arrived for these training periods: each of their
        declarations still without payment becomes eligible on the next output statement
        whose deadline is today or later (§4.2). One with no such statement stays as it
        is. Returns the ids of the declarations made eligible."""
        today, now, by = today or self._clock.today(), self._clock.now(), by or Actor.system()
        made: list[Declaration] = []
        with self._uow() as uow:
            next_statements: dict[int, Statement | None] = {}
            for declaration in uow.declarations.without_payment(training_period_ids):
                training_id = declaration.training_period_id
                if training_id not in next_statements:
                    next_statements[training_id] = uow.statements.next_output_for_training(
                        training_id, today
                    )
                statement = next_statements[training_id]
                if statement is None:
                    continue
                declaration.mark_as_eligible(_id(statement))
                record_declaration(uow, declaration, statement, "eligible", "no_payment", now, by)
                made.append(declaration)
            uow.commit()
        return [_id(declaration) for declaration in made]


def _id(entity: Statement | Declaration | Adjustment) -> int:
    assert entity.id is not None, "saved before use"
    return entity.id


def _staff_user_id(by: Actor) -> int | None:
    return by.id if by.type is AuthorType.DFE_STAFF_USER and isinstance(by.id, int) else None


def _adjustment(statement: Statement, adjustment_id: int) -> Adjustment:
    for adjustment in statement.adjustments:
        if adjustment.id == adjustment_id:
            return adjustment
    raise NotFound(f"There is no adjustment {adjustment_id} on the {statement.name} statement")


def _adjustment_changes(before: tuple[str, Decimal], adjustment: Adjustment) -> tuple[str, ...]:
    after = (adjustment.payment_type, adjustment.amount)
    labels = ("Payment type", "Amount")
    return tuple(
        describe_change(label, old, new)
        for label, old, new in zip(labels, before, after, strict=True)
        if old != new
    )


def _payment_statement(uow: PaymentsUnitOfWork, declaration: Declaration) -> Statement | None:
    statement_id = declaration.payment_statement_id
    return None if statement_id is None else uow.statements.get(statement_id)


def _claw_back(
    uow: PaymentsUnitOfWork, declaration: Declaration, today: date, now: datetime, by: Actor
) -> None:
    paid_on = uow.statements.get(_statement_id(declaration))
    statement = uow.statements.next_output(paid_on.active_lead_provider_id, today)
    if statement is None:
        raise RuleBroken(
            "This paid declaration cannot be clawed back: its lead provider has no output "
            "statement in the same contract period whose deadline has not passed",
            field="clawback_statement",
            rule="clawback_needs_future_output_statement",
        )
    declaration.mark_as_awaiting_clawback(_id(statement))
    # The admin void records who asked for it, on the clawback path too ((d.1) "Void").
    declaration.voided_at, declaration.voided_by_user_id = now, _staff_user_id(by)
    record_declaration(uow, declaration, statement, "awaiting_clawback", "paid", now, by)


def _statement_id(declaration: Declaration) -> int:
    assert declaration.payment_statement_id is not None, "a paid declaration has one"
    return declaration.payment_statement_id


def _declaration_change(
    uow: PaymentsUnitOfWork,
    declaration: Declaration,
    statement: Statement,
    target: str,
    now: datetime,
    by: Actor,
) -> None:
    was = declaration.overall_status
    transitions = {
        "payable": declaration.mark_as_payable,
        "paid": declaration.mark_as_paid,
        "clawed_back": declaration.mark_as_clawed_back,
    }
    transitions[target]()
    record_declaration(uow, declaration, statement, target, was, now, by)
