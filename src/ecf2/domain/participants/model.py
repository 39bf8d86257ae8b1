"""The Teacher aggregate: one person, whatever their role (participants-and-schools §1.1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import attrs

from ecf2.domain.participants.invariants import require_both_or_neither
from ecf2.domain.participants.mentor_moves import MentorMoves
from ecf2.domain.participants.moves import EctMoves
from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorAtSchoolPeriod
from ecf2.domain.participants.rules import squish, teacher_display_name
from ecf2.domain.participants.training_actions import TrainingActions
from ecf2.domain.participants.values import (
    AnonymisationReason,
    MentorIneligibilityReason,
    MigrationMode,
    TrsInductionStatus,
    TrsResponse,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import Trn, new_api_id


def _set_once(instance: Any, attribute: attrs.Attribute[Any], new_value: Any) -> Any:
    # §1.1: the first day a teacher became eligible for funded training never moves.
    old = getattr(instance, attribute.name)
    if old is not None and new_value != old:
        raise RuleBroken(
            f"{attribute.name.replace('_', ' ').capitalize()} is already recorded",
            field=attribute.name,
            rule="first_funding_eligibility_is_immutable",
        )
    return new_value


def _optional(enum_class: type) -> Any:
    return attrs.converters.optional(enum_class)


@attrs.define(kw_only=True)
class Teacher(TrainingActions, EctMoves, MentorMoves):
    """A teacher, found by TRN, with their placements as ECT and mentor, the training in
    each and the mentorships they receive; it keeps all of those consistent in time."""

    trn: Trn | None = None
    trnless: bool = False
    trs_first_name: str | None = attrs.field(default=None, converter=squish)
    trs_last_name: str | None = attrs.field(default=None, converter=squish)
    corrected_name: str | None = attrs.field(default=None, converter=squish)

    trs_induction_status: TrsInductionStatus | None = attrs.field(
        default=None, converter=_optional(TrsInductionStatus)
    )
    trs_induction_start_date: date | None = None
    trs_induction_completed_date: date | None = None
    trs_qts_awarded_on: date | None = None
    trs_qts_status_description: str | None = None
    trs_initial_teacher_training_provider_name: str | None = None
    trs_initial_teacher_training_end_date: date | None = None
    trs_data_last_refreshed_at: datetime | None = None
    trs_response: TrsResponse | None = attrs.field(default=None, converter=_optional(TrsResponse))
    trs_redirected_to: str | None = None

    ect_first_became_eligible_for_training_at: datetime | None = attrs.field(
        default=None, on_setattr=_set_once
    )
    ect_became_ineligible_for_funding_on: date | None = None
    ect_payments_frozen_year: int | None = None
    mentor_first_became_eligible_for_training_at: datetime | None = attrs.field(
        default=None, on_setattr=_set_once
    )
    mentor_became_ineligible_for_funding_on: date | None = attrs.field(
        default=None, on_setattr=attrs.setters.frozen
    )
    mentor_became_ineligible_for_funding_reason: MentorIneligibilityReason | None = attrs.field(
        default=None,
        converter=_optional(MentorIneligibilityReason),
        on_setattr=attrs.setters.frozen,
    )
    mentor_payments_frozen_year: int | None = None

    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    api_ect_training_record_id: uuid.UUID = attrs.field(factory=new_api_id)
    api_mentor_training_record_id: uuid.UUID = attrs.field(factory=new_api_id)
    api_updated_at: datetime | None = None
    api_unfunded_mentor_updated_at: datetime | None = None
    migration_mode: MigrationMode = attrs.field(
        default=MigrationMode.NOT_MIGRATED, converter=MigrationMode
    )
    anonymised_at: datetime | None = None
    anonymisation_reason: AnonymisationReason | None = attrs.field(
        default=None, converter=_optional(AnonymisationReason)
    )

    ect_at_school_periods: list[ECTAtSchoolPeriod] = attrs.field(factory=list)
    mentor_at_school_periods: list[MentorAtSchoolPeriod] = attrs.field(factory=list)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._check_trn()
        self._check_mentor_ineligibility()
        self._check_anonymisation()

    def _check_trn(self) -> None:
        if self.trnless and self.trn is not None:
            raise InvalidValue(
                "A teacher recorded without a TRN cannot have one",
                field="trn",
                rule="trn_or_trnless",
            )
        if not self.trnless and self.trn is None:
            raise InvalidValue(
                "Enter the teacher reference number (TRN)", field="trn", rule="trn_or_trnless"
            )

    def _check_mentor_ineligibility(self) -> None:
        require_both_or_neither(
            (
                "mentor_became_ineligible_for_funding_on",
                self.mentor_became_ineligible_for_funding_on,
            ),
            (
                "mentor_became_ineligible_for_funding_reason",
                self.mentor_became_ineligible_for_funding_reason,
            ),
            rule="mentor_ineligibility_has_date_and_reason",
            message="A mentor's ineligibility for funding needs both a date and a reason",
        )

    def _check_anonymisation(self) -> None:
        require_both_or_neither(
            ("anonymised_at", self.anonymised_at),
            ("anonymisation_reason", self.anonymisation_reason),
            rule="anonymisation_has_date_and_reason",
            message="Anonymising a teacher needs both a date and a reason",
        )

    @property
    def display_name(self) -> str:
        return teacher_display_name(self.corrected_name, self.trs_first_name, self.trs_last_name)

    # Funding eligibility (§4.2, §4.3).

    def record_ect_eligibility_for_training(self, at: datetime) -> bool:
        """Set once, the first time; says whether this call set it."""
        if self.ect_first_became_eligible_for_training_at is not None:
            return False
        self.ect_first_became_eligible_for_training_at = at
        return True

    def record_mentor_eligibility_for_training(self, at: datetime) -> bool:
        if self.mentor_first_became_eligible_for_training_at is not None:
            return False
        self.mentor_first_became_eligible_for_training_at = at
        return True

    def record_mentor_ineligibility(
        self, on: date | None, reason: MentorIneligibilityReason | None
    ) -> None:
        """Set, change or (with None and None) clear why a mentor is no longer funded."""
        require_both_or_neither(
            ("mentor_became_ineligible_for_funding_on", on),
            ("mentor_became_ineligible_for_funding_reason", reason),
            rule="mentor_ineligibility_has_date_and_reason",
            message="A mentor's ineligibility for funding needs both a date and a reason",
        )
        # The pair is frozen against one-at-a-time assignment; it changes only here, together.
        object.__setattr__(self, "mentor_became_ineligible_for_funding_on", on)
        object.__setattr__(
            self,
            "mentor_became_ineligible_for_funding_reason",
            None if reason is None else MentorIneligibilityReason(reason),
        )

    @property
    def mentor_eligible_for_funding(self) -> bool:
        return self.mentor_became_ineligible_for_funding_reason is None

    @property
    def ect_eligible_for_funding(self) -> bool:
        first = self.ect_first_became_eligible_for_training_at
        until = self.ect_became_ineligible_for_funding_on
        return first is not None and (until is None or first.date() <= until)

    def anonymise(self, at: datetime, reason: AnonymisationReason) -> None:
        self.anonymised_at, self.anonymisation_reason = at, AnonymisationReason(reason)
