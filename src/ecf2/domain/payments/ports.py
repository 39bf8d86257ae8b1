"""What the payments use cases need from the outside world: repositories that find
statements and declarations by the rules of finance-and-payments §3.3 and §4."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Protocol

from ecf2.domain.payments.declarations import ClawbackStatus, Declaration, PaymentStatus
from ecf2.domain.payments.model import Statement
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.unit_of_work import UnitOfWork


class StatementRepository(Protocol):
    def get(self, statement_id: int) -> Statement: ...

    def save(self, statement: Statement) -> None: ...

    def open_output_past_deadline(self, today: date) -> list[Statement]:
        """Open output statements whose deadline is before `today`, earliest first (§3.3)."""
        ...

    def next_output(self, active_lead_provider_id: int, today: date) -> Statement | None:
        """The output statement with the earliest deadline on or after `today`, whatever
        its status (§4.2, §4.3)."""
        ...

    def next_output_for_training(self, training_period_id: int, today: date) -> Statement | None:
        """As next_output, for the lead provider of the training period in the contract
        period of its schedule (§4.2)."""
        ...


class DeclarationRepository(Protocol):
    def get(self, declaration_id: int) -> Declaration: ...

    def save(self, declaration: Declaration) -> None: ...

    def on_payment_statement(self, statement_id: int, status: PaymentStatus) -> list[Declaration]:
        """Declarations paid on the statement, in the given payment status."""
        ...

    def on_clawback_statement(self, statement_id: int, status: ClawbackStatus) -> list[Declaration]:
        """Declarations clawed back on the statement, in the given clawback status."""
        ...

    def without_payment(self, training_period_ids: Collection[int]) -> list[Declaration]:
        """The `no_payment` declarations of the training periods."""
        ...


class PaymentsUnitOfWork(UnitOfWork, Protocol):
    statements: StatementRepository
    declarations: DeclarationRepository


class MentorCompletion(Protocol):
    """What follows when a mentor's completed declaration is made, voided or clawed back
    (lead-provider-api-v3 §3.6): the participants context's part, in the same unit of work
    so the declaration and its consequence are written together."""

    def completed_declaration_changed(
        self, uow: PaymentsUnitOfWork, training_period_id: int, at: datetime, by: Actor
    ) -> None: ...
