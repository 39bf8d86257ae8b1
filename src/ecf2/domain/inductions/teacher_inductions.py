"""A teacher's induction: every induction period and extension, checked together."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from ecf2.domain.inductions import rules
from ecf2.domain.inductions.model import InductionExtension, InductionOutcome, InductionPeriod
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.period import first_overlap


@attrs.define
class TeacherInductions:
    """All of one teacher's induction periods and extensions: the aggregate that keeps
    periods from overlapping and allows one outcome per teacher (a.1, a.3).

    It has no row of its own; the teacher's id is its identity."""

    teacher_id: int
    periods: list[InductionPeriod] = attrs.field(factory=list)
    extensions: list[InductionExtension] = attrs.field(factory=list)
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    @property
    def ordered_periods(self) -> list[InductionPeriod]:
        return sorted(self.periods, key=lambda period: period.started_on)

    @property
    def ongoing_period(self) -> InductionPeriod | None:
        return next((period for period in self.periods if period.ongoing), None)

    @property
    def period_with_outcome(self) -> InductionPeriod | None:
        return next((period for period in self.periods if period.outcome), None)

    @property
    def latest_finish(self) -> date | None:
        finishes = [period.finished_on for period in self.periods if period.finished_on]
        return max(finishes, default=None)

    @property
    def terms_completed(self) -> Decimal:
        return rules.terms_completed(period.number_of_terms for period in self.periods)

    @property
    def terms_required(self) -> Decimal:
        return rules.terms_required(extension.number_of_terms for extension in self.extensions)

    def add_period(
        self, period: InductionPeriod, *, today: date, qts_awarded_on: date | None = None
    ) -> InductionPeriod:
        if any(period is mine for mine in self.periods):
            raise RuleBroken(
                "That induction period has already been added",
                field="induction_period",
                rule="period_added_once",
            )
        self._check_fits(period, today, qts_awarded_on)
        self.periods.append(period)
        return period

    def claim(
        self, period: InductionPeriod, *, today: date, qts_awarded_on: date | None = None
    ) -> InductionPeriod:
        """Open a period when an appropriate body claims the teacher (a.3 "when claiming")."""
        _check_claim_start(period.started_on, self.latest_finish)
        return self.add_period(period, today=today, qts_awarded_on=qts_awarded_on)

    def change_period(self, period: InductionPeriod, *, today: date, **changes: Any) -> None:
        """Edit, finish or reopen a period; nothing changes unless every rule still holds."""
        self._own(period)
        candidate = attrs.evolve(period, **changes)
        self._check_fits(candidate, today, None, replacing=period)
        for field in attrs.fields(InductionPeriod):
            setattr(period, field.name, getattr(candidate, field.name))

    def finish_period(
        self,
        period: InductionPeriod,
        *,
        finished_on: date,
        number_of_terms: Decimal | int | str,
        today: date,
        outcome: InductionOutcome | None = None,
        fail_confirmation_sent_on: date | None = None,
    ) -> None:
        changes: dict[str, Any] = {"finished_on": finished_on, "number_of_terms": number_of_terms}
        if fail_confirmation_sent_on is not None:
            changes["fail_confirmation_sent_on"] = fail_confirmation_sent_on
        self.change_period(period, today=today, outcome=outcome, **changes)

    def remove_period(self, period: InductionPeriod) -> None:
        if self._own(period).outcome is not None:
            raise RuleBroken(
                "An induction period with an outcome cannot be deleted",
                field="outcome",
                rule="period_with_outcome_kept",
            )
        self.periods.remove(period)

    def add_extension(self, number_of_terms: Decimal | int | str) -> InductionExtension:
        extension = InductionExtension(number_of_terms=number_of_terms)
        self.extensions.append(extension)
        return extension

    def change_extension(
        self, extension: InductionExtension, number_of_terms: Decimal | int | str
    ) -> None:
        self._own_extension(extension).number_of_terms = rules.extension_terms(number_of_terms)

    def remove_extension(self, extension: InductionExtension) -> None:
        self.extensions.remove(self._own_extension(extension))

    def _check_fits(
        self,
        period: InductionPeriod,
        today: date,
        qts_awarded_on: date | None,
        replacing: InductionPeriod | None = None,
    ) -> None:
        period.check_not_in_future(today)
        _check_after_qts(period.started_on, qts_awarded_on)
        siblings = [sibling for sibling in self.periods if sibling is not replacing]
        _check_no_overlap(period, siblings)
        _check_one_outcome(period, siblings)

    def _own(self, period: InductionPeriod) -> InductionPeriod:
        if not any(period is mine for mine in self.periods):
            raise RuleBroken(
                "That induction period belongs to another teacher",
                field="induction_period",
                rule="period_belongs_to_teacher",
            )
        return period

    def _own_extension(self, extension: InductionExtension) -> InductionExtension:
        if not any(extension is mine for mine in self.extensions):
            raise RuleBroken(
                "That extension belongs to another teacher",
                field="induction_extension",
                rule="extension_belongs_to_teacher",
            )
        return extension


def _check_after_qts(started_on: date, qts_awarded_on: date | None) -> None:
    if qts_awarded_on is not None and started_on < qts_awarded_on:
        raise RuleBroken(
            f"Induction cannot start before the teacher's QTS date ({qts_awarded_on:%d %B %Y})",
            field="started_on",
            rule="induction_starts_after_qts",
        )


def _check_claim_start(started_on: date, latest_finish: date | None) -> None:
    if started_on < rules.EARLIEST_CLAIM_START:
        raise RuleBroken(
            "A claimed induction cannot start before 1 September 2021",
            field="started_on",
            rule="claim_starts_from_september_2021",
        )
    if latest_finish is not None and started_on <= latest_finish:
        raise RuleBroken(
            f"Start date must be after the last induction period ended ({latest_finish:%d %B %Y})",
            field="started_on",
            rule="claim_starts_after_last_induction",
        )


def _check_no_overlap(period: InductionPeriod, siblings: list[InductionPeriod]) -> None:
    clash = first_overlap(period.period, (sibling.period for sibling in siblings))
    if clash is not None:
        raise RuleBroken(
            f"This induction period overlaps another one ({clash})",
            field="started_on",
            rule="induction_periods_do_not_overlap",
        )


def _check_one_outcome(period: InductionPeriod, siblings: list[InductionPeriod]) -> None:
    if period.outcome is not None and any(sibling.outcome for sibling in siblings):
        raise RuleBroken(
            "This teacher already has an induction outcome",
            field="outcome",
            rule="one_induction_outcome",
        )
