"""Statements: a lead provider's monthly bill, with its adjustments and audit notes
(finance-and-payments §1.8-§1.10, §3)."""

from __future__ import annotations

import calendar
import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import attrs

from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import new_api_id
from ecf2.domain.shared.money import PENNY, ZERO, to_money

FIRST_STATEMENT_YEAR = 2020
ADJUSTMENT_LIMIT = Decimal(1_000_000)
PAYMENT_TYPE_MAX_LENGTH = 500


class FeeType(StrEnum):
    OUTPUT = "output"
    SERVICE = "service"


class StatementStatus(StrEnum):
    OPEN = "open"
    PAYABLE = "payable"
    PAID = "paid"


def _amount(value: Decimal | int | str) -> Decimal:
    return to_money(value, field="amount")


@attrs.define(kw_only=True)
class Adjustment:
    """A manual line on an output statement, positive or negative (§1.9)."""

    payment_type: str
    amount: Decimal = attrs.field(converter=_amount)
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_payment_type(self.payment_type)
        _check_adjustment_amount(self.amount)


def _check_payment_type(payment_type: str) -> None:
    if not payment_type or not payment_type.strip():
        raise InvalidValue(
            "Enter a payment type", field="payment_type", rule="payment_type_required"
        )
    if len(payment_type) > PAYMENT_TYPE_MAX_LENGTH:
        raise InvalidValue(
            f"Payment type must be {PAYMENT_TYPE_MAX_LENGTH} characters or fewer",
            field="payment_type",
            rule="payment_type_too_long",
        )


def _check_adjustment_amount(amount: Decimal) -> None:
    if amount == ZERO:
        raise InvalidValue(
            "Amount must not be zero", field="amount", rule="adjustment_amount_not_zero"
        )
    if not -ADJUSTMENT_LIMIT <= amount <= ADJUSTMENT_LIMIT:
        raise InvalidValue(
            "Amount must be between -£1,000,000 and £1,000,000",
            field="amount",
            rule="adjustment_amount_in_range",
        )
    # Stored to the penny: refuse rather than round a figure someone typed.
    if amount != amount.quantize(PENNY):
        raise InvalidValue(
            "Amount must be in pounds and pence", field="amount", rule="adjustment_amount_in_pence"
        )


@attrs.define(kw_only=True)
class AuditNote:
    """A note explaining a statement's figures, shown under its adjustments (§1.10)."""

    body: str
    created_at: datetime
    id: int | None = None


@attrs.define(kw_only=True)
class Statement:
    """A lead provider's statement for one month of one contract (§1.8).

    Unique per active lead provider, year and month, across that provider's contracts."""

    contract_id: int
    active_lead_provider_id: int
    month: int
    year: int
    deadline_date: date
    payment_date: date
    created_at: datetime
    fee_type: FeeType = attrs.field(default=FeeType.OUTPUT, converter=FeeType)
    status: StatementStatus = attrs.field(default=StatementStatus.OPEN, converter=StatementStatus)
    marked_as_paid_at: datetime | None = None
    api_updated_at: datetime = attrs.field(
        default=attrs.Factory(lambda self: self.created_at, takes_self=True)
    )
    adjustments: list[Adjustment] = attrs.field(factory=list)
    audit_notes: list[AuditNote] = attrs.field(factory=list)
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidValue("Month must be 1 to 12", field="month", rule="month_in_range")
        if self.year < FIRST_STATEMENT_YEAR:
            raise InvalidValue(
                f"Year must be {FIRST_STATEMENT_YEAR} or later", field="year", rule="year_from_2020"
            )
        if self.payment_date <= self.deadline_date:
            raise InvalidValue(
                "Payment date must be after the deadline date",
                field="payment_date",
                rule="payment_date_after_deadline",
            )

    @property
    def name(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    @property
    def output(self) -> bool:
        return self.fee_type is FeeType.OUTPUT

    @property
    def paid(self) -> bool:
        return self.status is StatementStatus.PAID

    @property
    def adjustment_editable(self) -> bool:
        return self.output and not self.paid

    def deadline_passed(self, today: date) -> bool:
        return self.deadline_date < today

    # Adjustments: only on output statements that are not yet paid (§1.9).
    def add_adjustment(self, payment_type: str, amount: Decimal | int | str) -> Adjustment:
        self._require_adjustment_editable()
        adjustment = Adjustment(payment_type=payment_type, amount=amount)
        self.adjustments.append(adjustment)
        return adjustment

    def change_adjustment(
        self, adjustment: Adjustment, payment_type: str, amount: Decimal | int | str
    ) -> None:
        self._require_adjustment_editable()
        self._own(adjustment)
        changed = Adjustment(payment_type=payment_type, amount=amount)
        adjustment.payment_type, adjustment.amount = changed.payment_type, changed.amount

    def remove_adjustment(self, adjustment: Adjustment) -> None:
        self._require_adjustment_editable()
        self.adjustments.remove(self._own(adjustment))

    def add_audit_note(self, body: str, at: datetime) -> AuditNote:
        if not body or not body.strip():
            raise InvalidValue("Enter a note", field="body", rule="audit_note_required")
        note = AuditNote(body=body, created_at=at)
        self.audit_notes.append(note)
        return note

    # Status: open -> payable -> paid (§3.3).
    def mark_as_payable(self, today: date) -> None:
        self._require_status(StatementStatus.OPEN, "payable")
        self._require_deadline_passed(today)
        self.status = StatementStatus.PAYABLE

    def mark_as_paid(self, now: datetime, today: date) -> None:
        self._require_status(StatementStatus.PAYABLE, "paid")
        self._require_deadline_passed(today)
        self.status = StatementStatus.PAID
        self.marked_as_paid_at = now

    def touch(self, now: datetime) -> None:
        self.api_updated_at = now

    def _own(self, adjustment: Adjustment) -> Adjustment:
        if not any(adjustment is mine for mine in self.adjustments):
            raise RuleBroken(
                "That adjustment is not on this statement",
                field="adjustment",
                rule="adjustment_on_statement",
            )
        return adjustment

    def _require_adjustment_editable(self) -> None:
        if not self.adjustment_editable:
            raise RuleBroken(
                f"Adjustments cannot be changed on the {self.name} statement: only output "
                "statements that have not been paid can be adjusted",
                field="adjustments",
                rule="adjustment_editable",
            )

    def _require_status(self, status: StatementStatus, target: str) -> None:
        if self.status is not status:
            raise RuleBroken(
                f"The {self.name} statement is {self.status}, so it cannot become {target}",
                field="status",
                rule=f"statement_{target}_from_{status}",
            )

    def _require_deadline_passed(self, today: date) -> None:
        if not self.deadline_passed(today):
            raise RuleBroken(
                f"The {self.name} statement's deadline has not passed yet",
                field="deadline_date",
                rule="statement_deadline_passed",
            )
