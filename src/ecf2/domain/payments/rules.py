"""Payment policy rules: when a statement may be authorised for payment and when a
declaration may be voided (finance-and-payments §3.3, §4.3; inductions-trs-sign-in-admin
(d.1))."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from ecf2.domain.payments.declarations import Declaration
from ecf2.domain.payments.model import StatementStatus
from ecf2.domain.shared.errors import RuleBroken


class StatementState(Protocol):
    """What authorisation looks at: a Statement, or a read model's view of one."""

    @property
    def name(self) -> str: ...

    @property
    def output(self) -> bool: ...

    @property
    def status(self) -> StatementStatus: ...

    @property
    def marked_as_paid_at(self) -> datetime | None: ...

    def deadline_passed(self, today: date) -> bool: ...


def authorisation_refusal(
    statement: StatementState, today: date, *, has_outstanding_declarations: bool
) -> RuleBroken | None:
    """Why the statement cannot be authorised for payment, or None when it can: an output
    statement, not yet marked paid, past its deadline, payable, with payable or
    awaiting-clawback declarations (§3.3, §13: not merely "contains declarations")."""
    name = statement.name
    refusals = (
        (not statement.output, "authorise_only_output_statements", "is a service fee statement"),
        (
            statement.marked_as_paid_at is not None,
            "statement_not_already_authorised",
            "has already been authorised for payment",
        ),
        (
            not statement.deadline_passed(today),
            "statement_deadline_passed",
            "has a deadline that has not passed yet",
        ),
        (
            statement.status is not StatementStatus.PAYABLE,
            "authorise_only_payable_statements",
            f"is {statement.status}, not payable",
        ),
        (
            not has_outstanding_declarations,
            "statement_has_outstanding_declarations",
            "has no declarations to pay or claw back",
        ),
    )
    for refused, rule, reason in refusals:
        if refused:
            return RuleBroken(
                f"The {name} statement cannot be authorised for payment: it {reason}",
                field="statement",
                rule=rule,
            )
    return None


def can_authorise_payment(
    statement: StatementState, today: date, *, has_outstanding_declarations: bool
) -> bool:
    refusal = authorisation_refusal(
        statement, today, has_outstanding_declarations=has_outstanding_declarations
    )
    return refusal is None


def check_assurance_confirmed(assurance_checks_done: bool) -> None:
    if not assurance_checks_done:
        raise RuleBroken(
            "Confirm that the assurance checks have been done",
            field="assurance_checks_done",
            rule="assurance_checks_confirmed",
        )


def check_void_confirmed(confirmed: bool) -> None:
    if not confirmed:
        raise RuleBroken(
            "Confirm that you want to void this declaration",
            field="confirmed",
            rule="void_confirmed",
        )


def check_voidable_by_finance(declaration: Declaration) -> None:
    """Finance may void a declaration that will be or has been paid, and is not being
    clawed back (d.1)."""
    if not declaration.billable_or_changeable:
        raise RuleBroken(
            f"A {declaration.api_state} declaration cannot be voided",
            field="payment_status",
            rule="declaration_billable_or_changeable",
        )
