"""A lead provider moves training to another schedule, perhaps in another cohort
(lead-provider-api-v3 §2.1 PUT change-schedule, §3.7): the checks in the spec's order, and
which partnership and payments-frozen bookkeeping the move brings."""

from __future__ import annotations

from datetime import date

import attrs

from ecf2.domain.participants.provider_facts import (
    CohortFact,
    DeclarationFact,
    PartnershipFact,
    ScheduleFact,
)
from ecf2.domain.participants.provider_rules import PARTICIPANT, Problem, first_per_field
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingRole, TrainingStatus

SCHEDULE = "schedule_identifier"
SCHEDULE_TYPES = ("standard", "extended", "reduced", "replacement")
SCHEDULE_MONTHS = ("september", "january", "april")
KNOWN_SCHEDULES = frozenset(
    f"ecf-{kind}-{month}" for kind in SCHEDULE_TYPES for month in SCHEDULE_MONTHS
)
SCHEDULE_NEEDED = (
    "The property '#/schedule_identifier' must be present and correspond to a valid schedule."
)


@attrs.frozen
class ScheduleChange:
    """Everything the checks need to know about one request to change a schedule."""

    requested: str | None
    role: TrainingRole
    training: TrainingPeriod
    current: ScheduleFact
    current_cohort: CohortFact
    current_partnership: PartnershipFact
    target: ScheduleFact | None
    target_cohort: CohortFact
    partnerships_in_target: tuple[PartnershipFact, ...]
    recorded_frozen_year: int | None
    declarations: tuple[DeclarationFact, ...]
    completed: bool
    participant_status: str
    later_training: bool
    today: date

    @property
    def cohort_changes(self) -> bool:
        return self.target_cohort.year != self.current.contract_period_year

    @property
    def to_reduced(self) -> bool:
        return self.target is not None and self.target.schedule_type == "reduced"

    @property
    def completed_ect_to_reduced(self) -> bool:
        # §2.1: the one move allowed once induction is complete, made in place.
        return self.completed and self.role is TrainingRole.ECT and self.to_reduced

    @property
    def in_place(self) -> bool:
        """Training that has not yet run a day, or a completed ECT moving to a reduced
        schedule, is changed where it stands; otherwise it ends yesterday and a new period
        starts today (§2.1)."""
        return self.training.started_on >= self.today or self.completed_ect_to_reduced


def schedule_problems(change: ScheduleChange) -> list[Problem]:
    """§2.1 change-schedule, steps 1 to 5."""
    return first_per_field(
        [
            _schedule_problem(change),
            _declarations_problem(change),
            *_cohort_problems(change),
            *_participant_problems(change),
        ]
    )


def _schedule_problem(change: ScheduleChange) -> Problem | None:
    requested, target = change.requested, change.target
    if not requested:
        return (SCHEDULE, SCHEDULE_NEEDED)
    if requested not in KNOWN_SCHEDULES:
        return (SCHEDULE, "Enter a valid '#/schedule_identifier' value for this participant.")
    if target is None:
        return (SCHEDULE, SCHEDULE_NEEDED)
    if target.id == change.current.id:
        return (SCHEDULE, "The participant is already on the '#/schedule_identifier' profile.")
    if change.role is TrainingRole.ECT and target.schedule_type == "replacement":
        return (SCHEDULE, "The '#/schedule_identifier' is not valid for the '#/course_identifier'.")
    if change.role is TrainingRole.MENTOR and target.schedule_type == "reduced":
        return (SCHEDULE, "Mentors cannot be moved onto a reduced '#/schedule_identifier'.")
    return None


def _declarations_problem(change: ScheduleChange) -> Problem | None:
    """Training changed in place keeps its declarations: each must still fit a milestone
    of the new schedule (§2.1 step 3)."""
    target = change.target
    if target is None or change.training.started_on < change.today:
        return None
    if all(target.allows(declaration) for declaration in change.declarations):
        return None
    return (
        SCHEDULE,
        "You cannot change the schedule on the day training starts because a declaration "
        "already made would not fit the new schedule. Contact us for help.",
    )


def _cohort_problems(change: ScheduleChange) -> list[Problem | None]:
    found: list[Problem | None] = []
    if change.cohort_changes and not change.partnerships_in_target:
        found.append(
            (
                "cohort",
                "You cannot change the '#/cohort' because you do not have a partnership with "
                "the school for the contract_period.",
            )
        )
    frozen = change.target_cohort.payments_frozen
    # §2.1 step 4: whether or not the cohort changes, as the reference checks it.
    if frozen and change.recorded_frozen_year != change.target_cohort.year:
        found.append(
            (
                "cohort",
                "You cannot move a participant into a '#/cohort' whose payments are frozen "
                "unless they were in it before.",
            )
        )
    return found


def _participant_problems(change: ScheduleChange) -> list[Problem | None]:
    found: list[Problem | None] = []
    if change.completed and not change.completed_ect_to_reduced:
        found.append(
            (
                PARTICIPANT,
                "The '#/participant_id' has completed their training, so their schedule "
                "cannot be changed.",
            )
        )
    if change.participant_status == "left":
        found.append((PARTICIPANT, "You cannot change the schedule of a participant who has left."))
    if change.training.status is TrainingStatus.WITHDRAWN:
        found.append(
            (PARTICIPANT, "You cannot change the schedule of a withdrawn '#/participant_id'.")
        )
    if change.later_training:
        found.append(
            (
                PARTICIPANT,
                "The '#/participant_id' is due to start training with another lead provider.",
            )
        )
    return found


def partnership_for(change: ScheduleChange) -> int | None:
    """The same delivery partner in the target cohort if there is one, else the lead
    provider's newest partnership with the school that year (§2.1)."""
    chosen = target_partnership(change)
    return change.training.school_partnership_id if chosen is None else chosen.id


def target_partnership(change: ScheduleChange) -> PartnershipFact | None:
    """None when the cohort stays the same: the training keeps its partnership."""
    if not change.cohort_changes:
        return None
    options = sorted(
        change.partnerships_in_target, key=lambda p: (p.created_at, p.id), reverse=True
    )
    same_partner = [
        p
        for p in options
        if p.delivery_partner_id == change.current_partnership.delivery_partner_id
    ]
    return (same_partner or options)[0]


def frozen_year_after(
    recorded: int | None, leaving: CohortFact, entering: CohortFact
) -> int | None:
    """Leaving a payments-frozen cohort remembers it; entering it again forgets (§2.1)."""
    if leaving.year == entering.year:
        return recorded
    if entering.payments_frozen and recorded == entering.year:
        return None
    if leaving.payments_frozen:
        return leaving.year
    return recorded
