"""The Teacher aggregate's changes to training that lead providers ask for, and the end of
a mentor's funded training when a completed declaration arrives (lead-provider-api-v3
§2.1, §3.6). The checks that decide whether they may are in provider_rules and
schedule_change; these keep the training periods consistent while they happen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from ecf2.domain.participants.career import Placement, TeacherCareer
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import (
    DeferralReason,
    MentorIneligibilityReason,
    TrainingRole,
    TrainingStatus,
    WithdrawalReason,
)

COMPLETED = MentorIneligibilityReason.COMPLETED_DECLARATION_RECEIVED


def _earlier(finished_on: date | None, day: date) -> date:
    return day if finished_on is None else min(finished_on, day)


class TrainingActions(TeacherCareer):
    __slots__ = ()
    api_updated_at: datetime | None
    mentor_became_ineligible_for_funding_on: date | None
    mentor_became_ineligible_for_funding_reason: MentorIneligibilityReason | None
    # The Teacher keeps the pair of mentor ineligibility fields together.
    record_mentor_ineligibility: Callable[[date | None, MentorIneligibilityReason | None], None]

    def latest_training(
        self, role: TrainingRole, partnership_ids: frozenset[int] | set[int]
    ) -> TrainingPeriod | None:
        """The latest-starting training in the role on one of these partnerships (§2.1)."""
        candidates = [
            tp for tp in self.training_periods(role) if tp.school_partnership_id in partnership_ids
        ]
        return max(candidates, key=lambda tp: (tp.started_on, tp.id or 0), default=None)

    def placement_of(self, training: TrainingPeriod) -> Placement:
        return self._placement_of(training)

    def starts_training_after(self, training: TrainingPeriod) -> bool:
        """Training in the same role, with any lead provider, due to start later (§2.1)."""
        return any(
            tp.started_on > training.started_on for tp in self.training_periods(training.role)
        )

    def withdraw_training(
        self, training: TrainingPeriod, reason: WithdrawalReason, at: datetime, today: date
    ) -> None:
        """§2.1: withdrawn now, and finished today unless it finished earlier."""
        self.finish_training_period(training, _earlier(training.finished_on, today))
        training.withdrawn_at, training.withdrawal_reason = at, WithdrawalReason(reason)
        training.check_withdrawal_reason_fits_role()
        self.api_updated_at = at

    def defer_training(
        self, training: TrainingPeriod, reason: DeferralReason, at: datetime, today: date
    ) -> None:
        self.finish_training_period(training, _earlier(training.finished_on, today))
        training.deferred_at, training.deferral_reason = at, DeferralReason(reason)
        self.api_updated_at = at

    def resume_training(
        self, training: TrainingPeriod, at: datetime, today: date
    ) -> TrainingPeriod:
        """§2.1: a new period from today to the end of the school placement, on the same
        partnership and schedule; the withdrawn or deferred one stays as it was."""
        placement = self._placement_of(training)
        resumed = self.add_training_period(
            placement, _continuation(training, today, placement.finished_on)
        )
        self.api_updated_at = at
        return resumed

    def change_training_schedule(
        self,
        training: TrainingPeriod,
        schedule_id: int,
        partnership_id: int | None,
        *,
        in_place: bool,
        at: datetime,
        today: date,
        interest_id: int | None = None,
    ) -> TrainingPeriod:
        """In place, or ended yesterday with new training from today that ends when the
        old one or the school placement would have, whichever comes first (§2.1). In place,
        an expression of interest follows the training to `interest_id`, the lead provider
        in the new cohort, as the reference moves it."""
        self.api_updated_at = at
        if in_place:
            training.schedule_id, training.school_partnership_id = schedule_id, partnership_id
            if training.expression_of_interest_id is not None and interest_id is not None:
                training.expression_of_interest_id = interest_id
            return training
        placement = self._placement_of(training)
        ends = [
            day for day in (training.finished_on, placement.finished_on) if day and day >= today
        ]
        self.finish_training_period(training, _earlier(training.finished_on, today - timedelta(1)))
        new = _continuation(training, today, min(ends, default=None))
        new.schedule_id, new.school_partnership_id = schedule_id, partnership_id
        return self.add_training_period(placement, new)

    # §3.6: a mentor's completed declaration ends their funded training.

    def settle_mentor_completion(self, completed_on: date | None, today: date) -> bool:
        """With a billable completed declaration the mentor is no longer funded and their
        latest training ends; without one any such ending is undone. Says whether anything
        changed."""
        latest = max(self.training_periods(TrainingRole.MENTOR), key=_start, default=None)
        if completed_on is not None:
            return self._mentor_completed(completed_on, latest, today)
        if self.mentor_became_ineligible_for_funding_reason is not COMPLETED:
            return False
        self.record_mentor_ineligibility(None, None)
        if latest is not None and not latest.contains(today):
            self._continue_mentor_training(latest, today)
        return True

    def _mentor_completed(
        self, completed_on: date, latest: TrainingPeriod | None, today: date
    ) -> bool:
        before = (self.mentor_became_ineligible_for_funding_on, latest and latest.finished_on)
        self.record_mentor_ineligibility(completed_on, COMPLETED)
        if latest is not None and (latest.finished_on is None or latest.finished_on > today):
            ends_on = max(completed_on, latest.started_on + timedelta(1))
            self.finish_training_period(latest, _earlier(latest.finished_on, ends_on))
        return before != (completed_on, latest and latest.finished_on)

    def _continue_mentor_training(self, latest: TrainingPeriod, today: date) -> None:
        placement = self._placement_of(latest)
        starts = latest.period.day_after()
        still_there = placement.finished_on is None or placement.finished_on >= today
        if starts is None or latest.status is not TrainingStatus.ACTIVE or not still_there:
            return
        self.add_training_period(placement, _continuation(latest, starts, placement.finished_on))


def _start(training: TrainingPeriod) -> tuple[date, int]:
    return (training.started_on, training.id or 0)


def _continuation(training: TrainingPeriod, starts: date, ends: date | None) -> TrainingPeriod:
    """Training carried on from `training` on its partnership; the school's expression of
    interest stays with the training it was made for, as in the reference."""
    return TrainingPeriod(
        role=training.role,
        training_programme=training.training_programme,
        started_on=starts,
        finished_on=ends,
        school_partnership_id=training.school_partnership_id,
        schedule_id=training.schedule_id,
    )
