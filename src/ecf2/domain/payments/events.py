"""The payments context's events: one for every change of a declaration's or a statement's
status and for every change to an adjustment (inductions-trs-sign-in-admin (d.3))."""

from __future__ import annotations

from datetime import datetime

from ecf2.domain.payments.declarations import Declaration
from ecf2.domain.payments.model import Adjustment, AuditNote, Statement
from ecf2.domain.payments.ports import PaymentsUnitOfWork
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.money import pounds

# What each declaration event says happened, by event type.
DECLARATION_HEADINGS = {
    "teacher_declaration_eligible": "became eligible for payment on",
    "teacher_declaration_payable": "became payable on",
    "teacher_declaration_paid": "was paid on",
    "teacher_declaration_voided": "was voided on",
    "teacher_declaration_awaiting_clawback": "is awaiting clawback on",
    "teacher_declaration_clawed_back": "was clawed back on",
}


def declaration_event(
    event_type: str,
    declaration: Declaration,
    statement: Statement | None,
    *,
    at: datetime,
    by: Actor,
    was: str,
) -> DomainEvent:
    """`statement` is the one the change concerns: the payment statement, the clawback
    statement for a clawback, or none for a declaration voided before it had one."""
    kind = declaration.declaration_type.value.capitalize()
    heading = f"{kind} declaration {DECLARATION_HEADINGS[event_type]}"
    if statement is None:
        heading = heading.removesuffix(" on")
    else:
        heading = f"{heading} the {statement.name} statement"
    return DomainEvent(
        event_type=event_type,
        heading=heading,
        happened_at=at,
        author=by,
        subjects={
            "declaration": declaration,
            "statement": statement,
            "training_period": declaration.training_period_id,
        },
        modifications=(f"Status changed from '{was}' to '{declaration.overall_status}'",),
        metadata={"declaration_api_id": str(declaration.api_id), "from": was},
    )


# Each statement event's heading, and the status the statement left (§3.3).
STATEMENT_CHANGES = {
    "statement_marked_payable": ("became payable", "open"),
    "statement_authorised_for_payment": ("was authorised for payment", "payable"),
}


def statement_event(
    event_type: str, statement: Statement, *, at: datetime, by: Actor
) -> DomainEvent:
    heading, was = STATEMENT_CHANGES[event_type]
    return DomainEvent(
        event_type=event_type,
        heading=f"The {statement.name} statement {heading}",
        happened_at=at,
        author=by,
        subjects={
            "statement": statement,
            "active_lead_provider": statement.active_lead_provider_id,
            "contract": statement.contract_id,
        },
        modifications=(f"Status changed from '{was}' to '{statement.status}'",),
        metadata={"statement_api_id": str(statement.api_id), "from": was},
    )


def adjustment_event(
    event_type: str,
    statement: Statement,
    adjustment: Adjustment,
    *,
    at: datetime,
    by: Actor,
    modifications: tuple[str, ...] = (),
) -> DomainEvent:
    verb = {"added": "added to", "updated": "changed on", "deleted": "removed from"}
    action = event_type.removeprefix("statement_adjustment_")
    # A removed adjustment's row is gone by the time the event is written: name it in words.
    link = {} if action == "deleted" else {"statement_adjustment": adjustment}
    return DomainEvent(
        event_type=event_type,
        heading=f"Adjustment '{adjustment.payment_type}' of {pounds(adjustment.amount)} "
        f"{verb[action]} the {statement.name} statement",
        happened_at=at,
        author=by,
        subjects={"statement": statement, **link},
        modifications=modifications,
        metadata={"payment_type": adjustment.payment_type, "amount": str(adjustment.amount)},
    )


def audit_note_event(statement: Statement, note: AuditNote, *, by: Actor) -> DomainEvent:
    return DomainEvent(
        event_type="statement_audit_note_added",
        heading=f"Audit note added to the {statement.name} statement",
        happened_at=note.created_at,
        author=by,
        subjects={"statement": statement},
        metadata={"body": note.body},
    )


def record_declaration(
    uow: PaymentsUnitOfWork,
    declaration: Declaration,
    statement: Statement | None,
    target: str,
    was: str,
    now: datetime,
    by: Actor,
) -> None:
    """Save the declaration as changed now, with the event of its new status."""
    declaration.touch(now)
    uow.declarations.save(declaration)
    event_type = f"teacher_declaration_{target}"
    uow.record(declaration_event(event_type, declaration, statement, at=now, by=by, was=was))


def record_statement(
    uow: PaymentsUnitOfWork, statement: Statement, event_type: str, now: datetime, by: Actor
) -> None:
    """Save the statement as changed now, with the event of its new status."""
    statement.touch(now)
    uow.statements.save(statement)
    uow.record(statement_event(event_type, statement, at=now, by=by))
