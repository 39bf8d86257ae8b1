"""Training periods: who trains an ECT or mentor, when (participants-and-schools §1.5)."""

from __future__ import annotations

from datetime import date, datetime

import attrs

from ecf2.domain.participants.dated import Dated
from ecf2.domain.participants.invariants import require_both_or_neither
from ecf2.domain.participants.values import (
    DeferralReason,
    TrainingProgramme,
    TrainingRole,
    TrainingStatus,
    WithdrawalReason,
)
from ecf2.domain.shared.errors import InvalidValue


@attrs.define(kw_only=True)
class TrainingPeriod(Dated):
    role: TrainingRole = attrs.field(converter=TrainingRole)
    training_programme: TrainingProgramme = attrs.field(converter=TrainingProgramme)
    started_on: date
    finished_on: date | None = None
    school_partnership_id: int | None = None
    # The active lead provider a school chose, before the lead provider confirms it.
    expression_of_interest_id: int | None = None
    schedule_id: int | None = None
    withdrawn_at: datetime | None = None
    withdrawal_reason: WithdrawalReason | None = attrs.field(
        default=None, converter=attrs.converters.optional(WithdrawalReason)
    )
    deferred_at: datetime | None = None
    deferral_reason: DeferralReason | None = attrs.field(
        default=None, converter=attrs.converters.optional(DeferralReason)
    )
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        _ = self.period
        self._check_programme()
        self._check_lead_provider_actions()

    @property
    def provider_led(self) -> bool:
        return self.training_programme is TrainingProgramme.PROVIDER_LED

    @property
    def confirmed(self) -> bool:
        return self.school_partnership_id is not None

    @property
    def only_expression_of_interest(self) -> bool:
        return self.expression_of_interest_id is not None and not self.confirmed

    @property
    def status(self) -> TrainingStatus:
        """Active unless a lead provider withdrew or deferred it; the later action wins."""
        if not self.provider_led:
            return TrainingStatus.ACTIVE
        actions = [
            (at, status)
            for at, status in (
                (self.withdrawn_at, TrainingStatus.WITHDRAWN),
                (self.deferred_at, TrainingStatus.DEFERRED),
            )
            if at is not None
        ]
        return max(actions)[1] if actions else TrainingStatus.ACTIVE

    def _check_programme(self) -> None:
        if self.provider_led:
            self._check_provider_led()
        elif self.role is TrainingRole.MENTOR:
            raise InvalidValue(
                "Mentor training can only be provider-led",
                field="training_programme",
                rule="mentor_training_is_provider_led",
            )
        else:
            self._check_school_led()

    def _check_provider_led(self) -> None:
        if self.schedule_id is None:
            raise InvalidValue(
                "Provider-led training needs a schedule",
                field="schedule_id",
                rule="provider_led_training_has_schedule",
            )
        if self.school_partnership_id is None and self.expression_of_interest_id is None:
            raise InvalidValue(
                "Provider-led training needs a lead provider: a school partnership or an "
                "expression of interest",
                field="expression_of_interest_id",
                rule="provider_led_training_has_lead_provider",
            )

    def _check_school_led(self) -> None:
        for name in ("schedule_id", "school_partnership_id", "expression_of_interest_id"):
            if getattr(self, name) is not None:
                raise InvalidValue(
                    "School-led training has no lead provider, partnership or schedule",
                    field=name,
                    rule="school_led_training_has_no_lead_provider",
                )

    def _check_lead_provider_actions(self) -> None:
        require_both_or_neither(
            ("withdrawn_at", self.withdrawn_at),
            ("withdrawal_reason", self.withdrawal_reason),
            rule="withdrawal_has_date_and_reason",
            message="A withdrawal needs both a date and a reason",
        )
        require_both_or_neither(
            ("deferred_at", self.deferred_at),
            ("deferral_reason", self.deferral_reason),
            rule="deferral_has_date_and_reason",
            message="A deferral needs both a date and a reason",
        )
        self._check_actions_finish_training()
        self.check_withdrawal_reason_fits_role()

    def _check_actions_finish_training(self) -> None:
        acted = self.withdrawn_at is not None or self.deferred_at is not None
        if acted and self.finished_on is None:
            raise InvalidValue(
                "Withdrawn or deferred training must have a finish date",
                field="finished_on",
                rule="withdrawn_or_deferred_training_is_finished",
            )

    def check_withdrawal_reason_fits_role(self) -> None:
        mentor_only = self.withdrawal_reason is WithdrawalReason.MENTOR_NO_LONGER_BEING_MENTOR
        if mentor_only and self.role is not TrainingRole.MENTOR:
            raise InvalidValue(
                "Only mentor training can be withdrawn because the mentor no longer mentors",
                field="withdrawal_reason",
                rule="withdrawal_reason_fits_role",
            )
