"""The rules a school's registration of an ECT applies, in the spec's words
(participants-and-schools §3.1, §3.8, §2.4, §2.5; inductions-trs (b.3))."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from enum import StrEnum

import attrs

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.registration_values import (
    AppropriateBodyOption,
    LeadProviderOption,
    PreviousChoices,
    ReusablePartnership,
)
from ecf2.domain.participants.rules import squish
from ecf2.domain.participants.school import School
from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.participants.values import TrainingProgramme, TrsInductionStatus
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.period import Period

MAX_NAME_LENGTH = 70
YOUNGEST_AGE, OLDEST_AGE = 18, 100
# A new start must leave the previous placement and its training at least two days (§3.1.7).
BOUNDARY_GAP = timedelta(days=2)
FUTURE_LIMIT_MONTHS = 4


class RegistrationBlock(StrEnum):
    """Why a teacher found in TRS cannot be registered as an ECT, in the order checked."""

    ALREADY_ACTIVE_AT_SCHOOL = "already_active_at_school"
    INDUCTION_PASSED = "induction_passed"
    INDUCTION_EXEMPT = "induction_exempt"
    INDUCTION_FAILED = "induction_failed"
    PROHIBITED = "prohibited"


_BLOCKING_STATUSES = {
    TrsInductionStatus.PASSED: RegistrationBlock.INDUCTION_PASSED,
    TrsInductionStatus.EXEMPT: RegistrationBlock.INDUCTION_EXEMPT,
    TrsInductionStatus.FAILED: RegistrationBlock.INDUCTION_FAILED,
}


def ect_registration_block(
    record: TeacherRecord, teacher: Teacher | None, school_id: int, today: date
) -> RegistrationBlock | None:
    """§3.1 step 3: already active here, then passed, exempt, failed, then prohibited.
    FailedInWales does not block and QTS is not needed."""
    if teacher is not None and unfinished_ect_placement_at(teacher, school_id):
        return RegistrationBlock.ALREADY_ACTIVE_AT_SCHOOL
    if record.induction_status in _BLOCKING_STATUSES:
        return _BLOCKING_STATUSES[record.induction_status]
    if record.is_prohibited_on(today):
        return RegistrationBlock.PROHIBITED
    return None


def unfinished_ect_placement_at(teacher: Teacher, school_id: int) -> bool:
    return any(p.unfinished and p.school_id == school_id for p in teacher.ect_at_school_periods)


def registered_before(teacher: Teacher | None) -> bool:
    """§3.1 step 5: any earlier ECT placement, at any school."""
    return teacher is not None and bool(teacher.ect_at_school_periods)


def check_date_of_birth(date_of_birth: date, today: date) -> date:
    """§3.1 step 1: born no more than 100 and at least 18 years ago."""
    earliest = months_after(today, -12 * OLDEST_AGE)
    latest = months_after(today, -12 * YOUNGEST_AGE)
    if not earliest <= date_of_birth <= latest:
        raise InvalidValue(
            "The teacher must be between 18 and 100 years old",
            field="date_of_birth",
            rule="ect_age_18_to_100",
        )
    return date_of_birth


def corrected_name(text: str) -> str:
    """§3.1 step 4: a correction is required, trimmed and at most 70 characters."""
    name = squish(text) or ""
    if not name:
        raise InvalidValue("Enter the correct full name", field="corrected_name", rule="name_given")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidValue(
            f"Full name must be {MAX_NAME_LENGTH} characters or fewer",
            field="corrected_name",
            rule="name_at_most_70_characters",
        )
    return name


def refuse_email_in_use(in_use_by_another_teacher: bool, for_whom: str = "ECT") -> None:
    """§3.1 step 6: an address on another teacher's unfinished placement cannot be used."""
    if in_use_by_another_teacher:
        raise RuleBroken(
            "This email address is already in use by another ECT or mentor: "
            f"you can't use it for this {for_whom}",
            field="email",
            rule="email_in_use_by_another_teacher",
        )


def months_after(day: date, months: int) -> date:
    """The same day of the month `months` later, or that month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@attrs.frozen
class StartDateLimits:
    """What a teacher's history says of a new ECT start date (§3.1 step 7)."""

    floor: date | None = None
    after_previous: date | None = None
    latest: date | None = None


def start_date_limits(teacher: Teacher | None, floor: date | None, today: date) -> StartDateLimits:
    """The contract-period floor (§2.4); two days after the previous placement's start and
    after its latest started training; within four months of today if that placement is
    still going on (§3.1 step 7, scenarios 12 and 13)."""
    previous = _previous_placement(teacher)
    if previous is None:
        return StartDateLimits(floor=floor)
    started = [tp.started_on for tp in previous.training_periods if tp.started_on <= today]
    after = max([previous.started_on, *started]) + BOUNDARY_GAP
    latest = months_after(today, FUTURE_LIMIT_MONTHS) if previous.unfinished else None
    return StartDateLimits(floor=floor, after_previous=after, latest=latest)


def _previous_placement(teacher: Teacher | None) -> ECTAtSchoolPeriod | None:
    if teacher is None or not teacher.ect_at_school_periods:
        return None
    return max(teacher.ect_at_school_periods, key=lambda p: p.started_on)


def check_start_date(start_date: date, limits: StartDateLimits) -> date:
    if limits.floor is not None and start_date < limits.floor:
        raise RuleBroken(
            f"The start date must be on or after {_day(limits.floor)}",
            field="start_date",
            rule="ect_start_date_too_early",
        )
    if limits.after_previous is not None and start_date < limits.after_previous:
        raise RuleBroken(
            f"The start date must be on or after {_day(limits.after_previous)}, two days "
            "after their previous school start date and training start",
            field="start_date",
            rule="start_date_after_previous_placement",
        )
    if limits.latest is not None and start_date > limits.latest:
        raise RuleBroken(
            f"The start date must be no later than {_day(limits.latest)}, four months from "
            "today, as they are still at another school",
            field="start_date",
            rule="start_date_within_four_months_when_transferring",
        )
    return start_date


def ect_training_start(placement_start: date, today: date, reassigned_from: date | None) -> date:
    """§2.5: training starts on the later of the school start and today; an ECT moved out
    of a frozen contract period starts from the later of the school start and that
    period's start instead."""
    return max(placement_start, reassigned_from if reassigned_from is not None else today)


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def reusable_choices(
    school: School,
    bodies: list[AppropriateBodyOption],
    lead_providers_in_period: list[LeadProviderOption],
    partnership: ReusablePartnership | None,
    has_expression_of_interest: bool,
    contract_period_year: int,
) -> PreviousChoices | None:
    """§3.1 step 9: the school's last choices, when they still hold for this ECT: its
    appropriate body is still one it may choose, and for provider-led training its lead
    provider is active in the contract period and either a partnership through a delivery
    partner still paired with it, or an expression of interest in it, can be used."""
    body = next((b for b in bodies if b.id == school.last_chosen_appropriate_body_id), None)
    if body is None or not body.allowed_for(school.independent):
        return None
    programme = school.last_chosen_training_programme
    if programme is TrainingProgramme.SCHOOL_LED:
        return PreviousChoices(body.id, str(programme))
    lead_provider_id = school.last_chosen_lead_provider_id
    active = {option.id for option in lead_providers_in_period}
    if programme is None or lead_provider_id not in active:
        return None
    if partnership is not None:
        earlier = partnership.contract_period_year != contract_period_year
        recreate = partnership.id if earlier else None
        return PreviousChoices(body.id, str(programme), lead_provider_id, recreate)
    if has_expression_of_interest:
        return PreviousChoices(body.id, str(programme), lead_provider_id)
    return None


# §2.8: registration closes while the new contract period is set up each June.
CLOSED_WINDOWS = (Period(date(2026, 6, 1), date(2026, 6, 14)),)


@attrs.frozen
class RegistrationClosed:
    """Why a school cannot start registering an ECT today: the yearly closed window (with
    the day it reopens) or, for an independent school without section 41 approval, that
    it may only see the ECTs it still has (§1.6, §2.8, scenarios 18 and 30)."""

    reopens_on: date | None = None
    school_blocked: bool = False


def registration_closed(
    today: date, school: School, has_unfinished_training: bool
) -> RegistrationClosed | None:
    if school.gias_school is not None and school.blocked_from_registering_new_ects(
        has_unfinished_training
    ):
        return RegistrationClosed(school_blocked=True)
    window = next((w for w in CLOSED_WINDOWS if w.includes(today)), None)
    if window is not None:
        return RegistrationClosed(reopens_on=window.day_after())
    return None


def previous_provider_led_schedule_id(teacher: Teacher | None) -> int | None:
    """The schedule of the latest training of the previous ECT placement, when that
    training was provider-led (§2.4)."""
    if teacher is None or not teacher.ect_at_school_periods:
        return None
    previous = max(teacher.ect_at_school_periods, key=lambda p: p.started_on)
    if not previous.training_periods:
        return None
    latest = max(previous.training_periods, key=lambda tp: tp.started_on)
    return latest.schedule_id if latest.provider_led else None


def teacher_from_record(
    record: TeacherRecord, corrected_name: str | None, now: datetime
) -> Teacher:
    """A teacher first registered: their record as TRS holds it (§3.1 step 12). The API's
    `updated_at` is never null (lead-provider-api-v3 §2.1), so it starts at registration."""
    return Teacher(
        trn=record.trn,
        trs_first_name=record.first_name,
        trs_last_name=record.last_name,
        corrected_name=corrected_name,
        trs_induction_status=TrsInductionStatus(record.induction_status),
        trs_induction_start_date=record.induction_start_date,
        trs_induction_completed_date=record.induction_completed_date,
        trs_qts_awarded_on=record.qts_awarded_on,
        trs_qts_status_description=record.qts_status_description,
        trs_initial_teacher_training_provider_name=record.initial_teacher_training_provider_name,
        trs_initial_teacher_training_end_date=record.initial_teacher_training_end_date,
        api_updated_at=now,
    )
