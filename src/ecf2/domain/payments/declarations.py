"""Declarations: a lead provider's claim that a participant reached a milestone, and its
payment and clawback lifecycle (finance-and-payments §1.11, §4; lead-provider-api-v3 §3.4)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import attrs

from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import new_api_id


class PaymentStatus(StrEnum):
    NO_PAYMENT = "no_payment"
    ELIGIBLE = "eligible"
    PAYABLE = "payable"
    PAID = "paid"
    VOIDED = "voided"


class ClawbackStatus(StrEnum):
    NO_CLAWBACK = "no_clawback"
    AWAITING_CLAWBACK = "awaiting_clawback"
    CLAWED_BACK = "clawed_back"


class EvidenceType(StrEnum):
    """Stored as the API spells them (dashed), like declaration types (api §3.5)."""

    TRAINING_EVENT_ATTENDED = "training-event-attended"
    SELF_STUDY_MATERIAL_COMPLETED = "self-study-material-completed"
    MATERIALS_ENGAGED_WITH_OFFLINE = "materials-engaged-with-offline"
    ENGAGEMENT_MET_75_PERCENT = "75-percent-engagement-met"
    ENGAGEMENT_MET_75_PERCENT_REDUCED_INDUCTION = "75-percent-engagement-met-reduced-induction"
    ONE_TERM_INDUCTION = "one-term-induction"
    OTHER = "other"


BILLABLE = frozenset({PaymentStatus.ELIGIBLE, PaymentStatus.PAYABLE, PaymentStatus.PAID})
CHANGEABLE_OR_BILLABLE = BILLABLE | {PaymentStatus.NO_PAYMENT}
VOIDABLE = frozenset({PaymentStatus.NO_PAYMENT, PaymentStatus.ELIGIBLE, PaymentStatus.PAYABLE})
REFUNDABLE = frozenset({ClawbackStatus.AWAITING_CLAWBACK, ClawbackStatus.CLAWED_BACK})
WITHOUT_PAYMENT_STATEMENT = frozenset({PaymentStatus.NO_PAYMENT, PaymentStatus.VOIDED})


def _optional_evidence(value: EvidenceType | str | None) -> EvidenceType | None:
    return None if value is None else EvidenceType(value)


def _aware(_instance: object, attribute: attrs.Attribute[datetime], value: datetime) -> None:
    if value.tzinfo is None:
        raise InvalidValue(
            f"{attribute.name} needs a timezone", field=attribute.name, rule="datetime_is_aware"
        )


@attrs.define(kw_only=True)
class Declaration:
    """One declaration on one training period; its statements say where it was paid and
    where it was clawed back."""

    training_period_id: int
    declaration_type: DeclarationType = attrs.field(converter=DeclarationType)
    declaration_date: datetime = attrs.field(validator=_aware)
    created_at: datetime = attrs.field(validator=_aware)
    payment_status: PaymentStatus = attrs.field(
        default=PaymentStatus.NO_PAYMENT, converter=PaymentStatus
    )
    clawback_status: ClawbackStatus = attrs.field(
        default=ClawbackStatus.NO_CLAWBACK, converter=ClawbackStatus
    )
    payment_statement_id: int | None = None
    clawback_statement_id: int | None = None
    pupil_premium_uplift: bool = False
    sparsity_uplift: bool = False
    evidence_type: EvidenceType | None = attrs.field(default=None, converter=_optional_evidence)
    voided_by_user_id: int | None = None
    voided_at: datetime | None = None
    mentorship_period_id: int | None = None
    delivery_partner_when_created_id: int | None = None
    api_updated_at: datetime = attrs.field(
        default=attrs.Factory(lambda self: self.created_at, takes_self=True)
    )
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_statements(self)
        _check_uplifts(self)

    # The sets the calculators and the API use (§1.11).
    @property
    def billable(self) -> bool:
        return self.payment_status in BILLABLE

    @property
    def refundable(self) -> bool:
        return self.clawback_status in REFUNDABLE

    @property
    def billable_or_changeable(self) -> bool:
        no_clawback = self.clawback_status is ClawbackStatus.NO_CLAWBACK
        return self.payment_status in CHANGEABLE_OR_BILLABLE and no_clawback

    @property
    def overall_status(self) -> str:
        if self.clawback_status is not ClawbackStatus.NO_CLAWBACK:
            return self.clawback_status.value
        return self.payment_status.value

    @property
    def api_state(self) -> str:
        """The API's `state`: `no_payment` is shown as `submitted`, dasherised (api §3.4)."""
        status = self.overall_status
        return "submitted" if status == PaymentStatus.NO_PAYMENT else status.replace("_", "-")

    @property
    def uplift_paid(self) -> bool:
        paid = self.payment_status is PaymentStatus.PAID
        return paid and (self.pupil_premium_uplift or self.sparsity_uplift)

    # payment_status: no_payment -> eligible -> payable -> paid; voided from the first three.
    def mark_as_eligible(self, payment_statement_id: int) -> None:
        self._require_payment(PaymentStatus.NO_PAYMENT, "eligible")
        self.payment_statement_id = payment_statement_id
        self.payment_status = PaymentStatus.ELIGIBLE

    def mark_as_payable(self) -> None:
        self._require_payment(PaymentStatus.ELIGIBLE, "payable")
        self.payment_status = PaymentStatus.PAYABLE

    def mark_as_paid(self) -> None:
        self._require_payment(PaymentStatus.PAYABLE, "paid")
        self.payment_status = PaymentStatus.PAID

    def void(self, at: datetime, by_user_id: int | None = None) -> None:
        """Void it; the payment statement is kept so the statement counts it (§4.3)."""
        if self.payment_status not in VOIDABLE:
            raise RuleBroken(
                f"A {self.api_state} declaration cannot be voided",
                field="payment_status",
                rule="declaration_voidable",
            )
        self.payment_status = PaymentStatus.VOIDED
        self.voided_at, self.voided_by_user_id = at, by_user_id

    # clawback_status: no_clawback -> awaiting_clawback (paid only) -> clawed_back.
    def mark_as_awaiting_clawback(self, clawback_statement_id: int) -> None:
        if self.payment_status is not PaymentStatus.PAID:
            raise RuleBroken(
                "Only a paid declaration can be clawed back",
                field="payment_status",
                rule="clawback_only_when_paid",
            )
        self._require_clawback(ClawbackStatus.NO_CLAWBACK, "awaiting_clawback")
        self.clawback_statement_id = clawback_statement_id
        self.clawback_status = ClawbackStatus.AWAITING_CLAWBACK

    def mark_as_clawed_back(self) -> None:
        self._require_clawback(ClawbackStatus.AWAITING_CLAWBACK, "clawed_back")
        self.clawback_status = ClawbackStatus.CLAWED_BACK

    def touch(self, now: datetime) -> None:
        self.api_updated_at = now

    def _require_payment(self, status: PaymentStatus, target: str) -> None:
        if self.payment_status is not status:
            raise RuleBroken(
                f"A {self.payment_status} declaration cannot become {target}",
                field="payment_status",
                rule=f"declaration_{target}_from_{status}",
            )

    def _require_clawback(self, status: ClawbackStatus, target: str) -> None:
        if self.clawback_status is not status:
            raise RuleBroken(
                f"A {self.clawback_status} declaration cannot become {target}",
                field="clawback_status",
                rule=f"declaration_{target}_from_{status}",
            )


def _check_statements(declaration: Declaration) -> None:
    payment, clawback = declaration.payment_status, declaration.clawback_status
    if payment not in WITHOUT_PAYMENT_STATEMENT and declaration.payment_statement_id is None:
        raise InvalidValue(
            f"A {payment} declaration needs a payment statement",
            field="payment_statement_id",
            rule="payment_statement_required",
        )
    if clawback is not ClawbackStatus.NO_CLAWBACK and declaration.clawback_statement_id is None:
        raise InvalidValue(
            f"A {clawback} declaration needs a clawback statement",
            field="clawback_statement_id",
            rule="clawback_statement_required",
        )
    if clawback is not ClawbackStatus.NO_CLAWBACK and payment is not PaymentStatus.PAID:
        raise InvalidValue(
            "Only a paid declaration can be clawed back",
            field="clawback_status",
            rule="clawback_only_when_paid",
        )


def _check_uplifts(declaration: Declaration) -> None:
    has_uplift = declaration.pupil_premium_uplift or declaration.sparsity_uplift
    if has_uplift and declaration.declaration_type is not DeclarationType.STARTED:
        raise InvalidValue(
            "Uplifts are only paid on started declarations",
            field="declaration_type",
            rule="uplift_only_on_started",
        )
