"""Appropriate bodies, induction periods and extensions (inductions-trs (a.1)-(a.4))."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from ecf2.domain.inductions import rules
from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.period import Period


class AppropriateBodyType(StrEnum):
    LOCAL_AUTHORITY = "local_authority"
    NATIONAL = "national"
    TEACHING_SCHOOL_HUB = "teaching_school_hub"


class InductionOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class InductionProgramme(StrEnum):
    """The legacy programme each period still records (a.2)."""

    FIP = "fip"
    CIP = "cip"
    DIY = "diy"
    UNKNOWN = "unknown"
    PRE_SEPTEMBER_2021 = "pre_september_2021"


class TrainingProgramme(StrEnum):
    PROVIDER_LED = "provider_led"
    SCHOOL_LED = "school_led"


# Legacy values that need no training programme, and the mapping for reading one (a.2).
NO_TRAINING_PROGRAMME_NEEDED = frozenset(
    {InductionProgramme.UNKNOWN, InductionProgramme.PRE_SEPTEMBER_2021}
)
LEGACY_TO_TRAINING_PROGRAMME = {
    InductionProgramme.FIP: TrainingProgramme.PROVIDER_LED,
    InductionProgramme.CIP: TrainingProgramme.SCHOOL_LED,
    InductionProgramme.DIY: TrainingProgramme.SCHOOL_LED,
}


def effective_training_programme(
    training_programme: TrainingProgramme | str | None,
    induction_programme: InductionProgramme | str,
) -> TrainingProgramme | None:
    """An empty training programme reads as the mapped legacy value (a.2)."""
    if training_programme is not None:
        return TrainingProgramme(training_programme)
    return LEGACY_TO_TRAINING_PROGRAMME.get(InductionProgramme(induction_programme))


def optional(enum_class: type[Any]) -> Any:
    return lambda value: None if value is None else enum_class(value)


@attrs.define(kw_only=True)
class AppropriateBody:
    """A body that records inductions: a hub, a local authority or a national body."""

    name: str
    body_type: AppropriateBodyType = attrs.field(
        default=AppropriateBodyType.TEACHING_SCHOOL_HUB, converter=AppropriateBodyType
    )
    dfe_sign_in_organisation_id: uuid.UUID | None = None
    dqt_id: uuid.UUID | None = None
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise InvalidValue("Enter a name", field="name", rule="appropriate_body_name_required")

    @property
    def active(self) -> bool:
        """Only bodies linked to a DfE Sign-in organisation can sign in and claim."""
        return self.dfe_sign_in_organisation_id is not None

    @property
    def national(self) -> bool:
        return self.body_type is AppropriateBodyType.NATIONAL

    @classmethod
    def type_for_name(cls, name: str) -> AppropriateBodyType:
        if rules.is_national_body_name(name):
            return AppropriateBodyType.NATIONAL
        return AppropriateBodyType.TEACHING_SCHOOL_HUB


@attrs.define(kw_only=True)
class InductionPeriod:
    """Time a teacher spent in induction with one appropriate body."""

    appropriate_body_id: int
    started_on: date
    induction_programme: InductionProgramme = attrs.field(converter=InductionProgramme)
    training_programme: TrainingProgramme | None = attrs.field(
        default=None, converter=optional(TrainingProgramme)
    )
    finished_on: date | None = None
    number_of_terms: Decimal | None = attrs.field(default=None, converter=rules.period_terms)
    outcome: InductionOutcome | None = attrs.field(
        default=None, converter=optional(InductionOutcome)
    )
    fail_confirmation_sent_on: date | None = None
    id: int | None = None
    version: int = 1

    def __attrs_post_init__(self) -> None:
        _check_start(self)
        _check_finish(self)
        _check_programme(self)

    @property
    def period(self) -> Period:
        return Period(self.started_on, self.finished_on)

    @property
    def ongoing(self) -> bool:
        return self.finished_on is None

    @property
    def released(self) -> bool:
        return self.finished_on is not None and self.outcome is None

    @property
    def passed(self) -> bool:
        return self.outcome is InductionOutcome.PASS

    @property
    def failed(self) -> bool:
        return self.outcome is InductionOutcome.FAIL

    @property
    def effective_training_programme(self) -> TrainingProgramme | None:
        return effective_training_programme(self.training_programme, self.induction_programme)

    def check_not_in_future(self, today: date) -> None:
        rules.check_not_in_future(self.started_on, today, "started_on", "start date")
        rules.check_not_in_future(self.finished_on, today, "finished_on", "end date")
        rules.check_not_in_future(
            self.fail_confirmation_sent_on,
            today,
            "fail_confirmation_sent_on",
            "date the teacher was told of the fail",
        )


def _check_start(period: InductionPeriod) -> None:
    if period.started_on < rules.EARLIEST_INDUCTION_START:
        raise InvalidValue(
            "An induction cannot start before 1 September 1999",
            field="started_on",
            rule="induction_starts_from_september_1999",
        )


def _check_finish(period: InductionPeriod) -> None:
    finished = period.period.finished_on is not None  # Period refuses an end before the start
    if period.outcome is not None and not finished:
        raise InvalidValue(
            "Only a finished induction period can have an outcome",
            field="outcome",
            rule="outcome_only_when_finished",
        )
    if finished and period.number_of_terms is None:
        raise InvalidValue(
            "Enter the number of terms the teacher completed",
            field="number_of_terms",
            rule="number_of_terms_required_when_finished",
        )
    if not finished and period.number_of_terms is not None:
        raise InvalidValue(
            "Number of terms must be blank until the induction period finishes",
            field="number_of_terms",
            rule="number_of_terms_blank_when_ongoing",
        )
    _check_fail_confirmation(period)


def _check_fail_confirmation(period: InductionPeriod) -> None:
    sent_on, finished_on = period.fail_confirmation_sent_on, period.finished_on
    if sent_on is not None and finished_on is not None and sent_on < finished_on:
        raise InvalidValue(
            "The teacher cannot be told of the fail before the induction period ends",
            field="fail_confirmation_sent_on",
            rule="fail_confirmation_after_end",
        )


def _check_programme(period: InductionPeriod) -> None:
    needed = period.induction_programme not in NO_TRAINING_PROGRAMME_NEEDED
    if needed and period.training_programme is None:
        raise InvalidValue(
            "Select the training programme",
            field="training_programme",
            rule="training_programme_required",
        )


@attrs.define(kw_only=True)
class InductionExtension:
    """Extra terms a teacher must serve; belongs to the teacher, not to a period (a.1)."""

    number_of_terms: Decimal = attrs.field(converter=rules.extension_terms)
    id: int | None = None
    version: int = 1
