"""Lead providers' actions on the training they deliver (lead-provider-api-v3 §2.1): one
method per action, one unit of work, one commit, one event."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

from ecf2.domain.participants import provider_rules as rules
from ecf2.domain.participants.events import training_event
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.ports import ParticipantsUnitOfWork, ProviderTrainingFacts
from ecf2.domain.participants.provider_facts import CohortFact, PartnershipFact
from ecf2.domain.participants.schedule_change import (
    ScheduleChange,
    frozen_year_after,
    partnership_for,
    schedule_problems,
    target_partnership,
)
from ecf2.domain.participants.statuses import participant_status
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import (
    DeferralReason,
    TrainingRole,
    WithdrawalReason,
)
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.events import DomainEvent, describe_change

UowFactory = Callable[[], ParticipantsUnitOfWork]
# A cohort is a year: a longer run of digits names none.
YEAR_DIGITS = 4


class ParticipantActions:
    """Withdraw, defer, resume and change the schedule of a participant's training."""

    def __init__(self, uow: UowFactory, facts: ProviderTrainingFacts, clock: Clock) -> None:
        self._uow, self._facts, self._clock = uow, facts, clock

    def withdraw(
        self,
        lead_provider_id: int,
        participant_id: uuid.UUID,
        course_identifier: str | None,
        reason: str | None,
        by: Actor,
    ) -> None:
        now, today = self._clock.now(), self._clock.today()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(participant_id)
            training = self._training(lead_provider_id, teacher, course_identifier)
            _refuse(rules.withdrawal_problems(reason, course_identifier, training, today))
            assert training is not None
            why = WithdrawalReason(rules.reason_of(reason, WithdrawalReason))
            teacher.withdraw_training(training, why, now, today)
            uow.teachers.save(teacher)
            uow.record(
                training_event(
                    "teacher_withdraws_training_period",
                    "was withdrawn from training by their lead provider",
                    teacher,
                    training,
                    now,
                    by,
                    reason=why.value,
                )
            )
            uow.commit()

    def defer(
        self,
        lead_provider_id: int,
        participant_id: uuid.UUID,
        course_identifier: str | None,
        reason: str | None,
        by: Actor,
    ) -> None:
        now, today = self._clock.now(), self._clock.today()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(participant_id)
            training = self._training(lead_provider_id, teacher, course_identifier)
            _refuse(rules.deferral_problems(reason, course_identifier, training, today))
            assert training is not None
            why = DeferralReason(rules.reason_of(reason, DeferralReason))
            teacher.defer_training(training, why, now, today)
            uow.teachers.save(teacher)
            uow.record(
                training_event(
                    "teacher_defers_training_period",
                    "had their training deferred by their lead provider",
                    teacher,
                    training,
                    now,
                    by,
                    reason=why.value,
                )
            )
            uow.commit()

    def resume(
        self,
        lead_provider_id: int,
        participant_id: uuid.UUID,
        course_identifier: str | None,
        by: Actor,
    ) -> None:
        now, today = self._clock.now(), self._clock.today()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(participant_id)
            training = self._training(lead_provider_id, teacher, course_identifier)
            placement = None if training is None else teacher.placement_of(training)
            _refuse(rules.resumption_problems(course_identifier, training, placement, today))
            assert training is not None
            resumed = teacher.resume_training(training, now, today)
            uow.teachers.save(teacher)
            uow.record(
                training_event(
                    "teacher_resumes_training_period",
                    "had their training resumed by their lead provider",
                    teacher,
                    resumed,
                    now,
                    by,
                    resumed_from_training_period_id=training.id,
                )
            )
            uow.commit()

    def change_schedule(
        self,
        lead_provider_id: int,
        participant_id: uuid.UUID,
        course_identifier: str | None,
        schedule_identifier: str | None,
        cohort: str | None,
        by: Actor,
    ) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(participant_id)
            training = self._training(lead_provider_id, teacher, course_identifier)
            _refuse([rules.course_problem(course_identifier, training)])
            assert training is not None
            change = self._schedule_change(
                lead_provider_id, teacher, training, schedule_identifier, cohort, now
            )
            _refuse(schedule_problems(change))
            changed = self._apply(teacher, change, now)
            uow.teachers.save(teacher)
            uow.record(self._schedule_changed(teacher, change, changed, by, now))
            uow.commit()

    # What the actions share.

    def _training(
        self, lead_provider_id: int, teacher: Teacher, course_identifier: str | None
    ) -> TrainingPeriod | None:
        """The lead provider's latest training of the participant in the course's role."""
        role = rules.role_of(course_identifier)
        if role is None:
            return None
        ids = {tp.school_partnership_id for tp in teacher.training_periods(role)}
        own = self._facts.partnerships(lead_provider_id, {i for i in ids if i is not None})
        return teacher.latest_training(role, set(own))

    def _schedule_change(
        self,
        lead_provider_id: int,
        teacher: Teacher,
        training: TrainingPeriod,
        requested: str | None,
        cohort: str | None,
        now: datetime,
    ) -> ScheduleChange:
        today = self._clock.today()
        assert training.schedule_id is not None
        assert training.school_partnership_id is not None
        current = self._facts.schedule(training.schedule_id)
        current_cohort = self._cohort(current.contract_period_year, now)
        target_cohort = self._target_cohort(cohort, now) or current_cohort
        partnership = self._partnership(lead_provider_id, training.school_partnership_id)
        completed_on = self._completed_on(teacher, training.role)
        status = participant_status(
            training=training.status.value,
            started_on=training.started_on,
            finished_on=training.finished_on,
            completed_on=completed_on,
            today=today,
        )
        return ScheduleChange(
            requested=requested,
            role=training.role,
            training=training,
            current=current,
            current_cohort=current_cohort,
            current_partnership=partnership,
            target=self._facts.schedule_in(target_cohort.year, requested) if requested else None,
            target_cohort=target_cohort,
            partnerships_in_target=tuple(
                self._facts.partnerships_at(
                    lead_provider_id, partnership.school_id, target_cohort.year
                )
            ),
            recorded_frozen_year=_frozen_year(teacher, training.role),
            declarations=tuple(self._facts.declarations_of(training.id))
            if training.id is not None
            else (),
            # §2.1: an appropriate body's outcome; a completion TRS alone knows of does not
            # stop a schedule change.
            completed=self._completed(teacher, training.role),
            participant_status=status,
            later_training=teacher.starts_training_after(training),
            today=today,
        )

    def _cohort(self, year: int, now: datetime) -> CohortFact:
        return self._facts.cohort(year, now) or CohortFact(year=year, payments_frozen=False)

    def _target_cohort(self, cohort: str | None, now: datetime) -> CohortFact | None:
        # §2.1: a cohort that is not a year the service knows falls back to the current one.
        year = None if cohort is None else str(cohort).strip()
        if year is None or not year.isdigit() or len(year) > YEAR_DIGITS:
            return None
        return self._facts.cohort(int(year), now)

    def _partnership(self, lead_provider_id: int, partnership_id: int) -> PartnershipFact:
        return self._facts.partnerships(lead_provider_id, {partnership_id})[partnership_id]

    def _completed(self, teacher: Teacher, role: TrainingRole) -> bool:
        if role is TrainingRole.MENTOR:
            return teacher.mentor_became_ineligible_for_funding_on is not None
        assert teacher.id is not None
        return self._facts.induction_period_completed(teacher.id)

    def _completed_on(self, teacher: Teacher, role: TrainingRole) -> date | None:
        if role is TrainingRole.MENTOR:
            return teacher.mentor_became_ineligible_for_funding_on
        assert teacher.id is not None
        return self._facts.induction_completed_on(teacher.id)

    def _apply(self, teacher: Teacher, change: ScheduleChange, now: datetime) -> TrainingPeriod:
        assert change.target is not None
        year = frozen_year_after(
            change.recorded_frozen_year, change.current_cohort, change.target_cohort
        )
        _set_frozen_year(teacher, change.role, year)
        target = target_partnership(change)
        return teacher.change_training_schedule(
            change.training,
            change.target.id,
            partnership_for(change),
            in_place=change.in_place,
            at=now,
            today=change.today,
            interest_id=None if target is None else target.active_lead_provider_id,
        )

    def _schedule_changed(
        self,
        teacher: Teacher,
        change: ScheduleChange,
        changed: TrainingPeriod,
        by: Actor,
        now: datetime,
    ) -> DomainEvent:
        assert change.target is not None
        modifications = [
            describe_change("Schedule", change.current.identifier, change.target.identifier)
        ]
        if change.cohort_changes:
            modifications.append(
                describe_change(
                    "Cohort", change.current.contract_period_year, change.target_cohort.year
                )
            )
        return training_event(
            "teacher_schedule_changed_by_lead_provider",
            "had their training schedule changed by their lead provider",
            teacher,
            changed,
            now,
            by,
            modifications=tuple(modifications),
            previous_training_period_id=None if change.in_place else change.training.id,
        )


def _refuse(problems: list[rules.Problem | None]) -> None:
    found = [problem for problem in problems if problem is not None]
    if found:
        raise rules.ActionRefused(found)


def _frozen_year(teacher: Teacher, role: TrainingRole) -> int | None:
    if role is TrainingRole.ECT:
        return teacher.ect_payments_frozen_year
    return teacher.mentor_payments_frozen_year


def _set_frozen_year(teacher: Teacher, role: TrainingRole, year: int | None) -> None:
    if role is TrainingRole.ECT:
        teacher.ect_payments_frozen_year = year
    else:
        teacher.mentor_payments_frozen_year = year
