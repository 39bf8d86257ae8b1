"""When a lead provider may withdraw, defer, resume or change the schedule of the training
it delivers (lead-provider-api-v3 §2.1 PUTs, §3.1, §3.2, §3.7): each check in the order
the spec gives, as (field, message) problems; every field reports its first problem."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorAtSchoolPeriod
from ecf2.domain.participants.provider_facts import COURSES
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import (
    DeferralReason,
    TrainingRole,
    TrainingStatus,
    WithdrawalReason,
)
from ecf2.domain.shared.errors import DomainError

Problem = tuple[str, str]
Placement = ECTAtSchoolPeriod | MentorAtSchoolPeriod

PARTICIPANT = "participant_id"
NOT_STARTED = (
    "The '#/participant_id' cannot be {action} as they have not been training with you "
    "for at least one day."
)
STARTED_TODAY = (
    "You cannot defer or withdraw a participant on the day their training with you starts. "
    "Try again tomorrow."
)


class ActionRefused(DomainError):
    """Every problem found with a lead provider's action, as (field, message) pairs."""

    rule = "lead_provider_action_refused"

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(message for _, message in problems), field=problems[0][0])
        self.problems = problems


def first_per_field(problems: Iterable[Problem | None]) -> list[Problem]:
    first: dict[str, Problem] = {}
    for problem in problems:
        if problem is not None:
            first.setdefault(problem[0], problem)
    return list(first.values())


def role_of(course_identifier: str | None) -> TrainingRole | None:
    role = COURSES.get(course_identifier or "")
    return None if role is None else TrainingRole(role)


def course_problem(
    course_identifier: str | None, training: TrainingPeriod | None
) -> Problem | None:
    """§2.1: a course that is neither ECT nor mentor training is missing; one the lead
    provider does not train this participant on is not recognised."""
    if role_of(course_identifier) is None:
        return ("course_identifier", "Enter a '#/course_identifier' value for this participant.")
    if training is None:
        return (
            "course_identifier",
            "The entered '#/course_identifier' is not recognised for the given participant. "
            "Check details and try again.",
        )
    return None


def reason_of(text: str | None, reasons: type[StrEnum]) -> StrEnum | None:
    """The API names reasons dasherised; they are stored underscored (§3.1)."""
    by_api_name = {reason.value.replace("_", "-"): reason for reason in reasons}
    return by_api_name.get(text or "")


def reason_problem(text: str | None, reasons: type[StrEnum]) -> Problem | None:
    if not text:
        return ("reason", "Enter a '#/reason' value for this participant.")
    if reason_of(text, reasons) is None:
        return (
            "reason",
            "The entered '#/reason' is not recognised for the given participant. "
            "Check details and try again.",
        )
    return None


def _training_days_problem(training: TrainingPeriod, action: str, today: date) -> Problem | None:
    """A lead provider acts only on training that has run for at least a day (§2.1)."""
    if training.started_on > today:
        return (PARTICIPANT, NOT_STARTED.format(action=action))
    if training.started_on == today:
        return (PARTICIPANT, STARTED_TODAY)
    return None


def withdrawal_problems(
    reason: str | None,
    course_identifier: str | None,
    training: TrainingPeriod | None,
    today: date,
) -> list[Problem]:
    found = [
        reason_problem(reason, WithdrawalReason),
        course_problem(course_identifier, training),
    ]
    if training is not None:
        if training.status is TrainingStatus.WITHDRAWN:
            found.append((PARTICIPANT, "The '#/participant_id' is already withdrawn."))
        found.append(_training_days_problem(training, "withdrawn", today))
    problems = first_per_field(found)
    mentor_only = (
        reason_of(reason, WithdrawalReason) is WithdrawalReason.MENTOR_NO_LONGER_BEING_MENTOR
    )
    if not problems and mentor_only and training is not None and training.role is TrainingRole.ECT:
        problems.append(
            (
                "reason",
                "The '#/reason' mentor-no-longer-being-mentor is only for mentors: an ECT "
                "cannot be withdrawn for it.",
            )
        )
    return problems


def deferral_problems(
    reason: str | None,
    course_identifier: str | None,
    training: TrainingPeriod | None,
    today: date,
) -> list[Problem]:
    found = [reason_problem(reason, DeferralReason), course_problem(course_identifier, training)]
    if training is not None:
        if training.status is TrainingStatus.DEFERRED:
            found.append((PARTICIPANT, "The '#/participant_id' is already deferred."))
        if training.status is TrainingStatus.WITHDRAWN:
            found.append((PARTICIPANT, "The '#/participant_id' is already withdrawn."))
        found.append(_training_days_problem(training, "deferred", today))
    return first_per_field(found)


def resumption_problems(
    course_identifier: str | None,
    training: TrainingPeriod | None,
    placement: Placement | None,
    today: date,
) -> list[Problem]:
    found = [course_problem(course_identifier, training)]
    if training is not None and placement is not None:
        others = [tp for tp in placement.training_periods if tp is not training]
        if training.status is TrainingStatus.ACTIVE:
            found.append((PARTICIPANT, "The '#/participant_id' is already active."))
        if any(other.contains(today) for other in others):
            found.append(
                (
                    PARTICIPANT,
                    "The '#/participant_id' is already training at this school, with another "
                    "lead provider or another training period.",
                )
            )
        if training.finished_on == today:
            found.append(
                (
                    PARTICIPANT,
                    "You cannot resume a participant on the day their training finished. "
                    "Try again tomorrow.",
                )
            )
        if not placement.contains(today):
            found.append(
                (
                    PARTICIPANT,
                    "The '#/participant_id' is no longer at the school, so cannot resume.",
                )
            )
    return first_per_field(found)
