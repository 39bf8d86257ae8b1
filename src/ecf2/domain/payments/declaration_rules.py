"""The checks a lead provider's declaration must pass, in the order the API runs them
(lead-provider-api-v3 §4). Each returns a (field, message) problem or None."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from ecf2.domain.payments.declaration_facts import LiveDeclaration, Participant, Training
from ecf2.domain.payments.declarations import EvidenceType as E
from ecf2.domain.shared.declaration_types import DeclarationType as T

Problem = tuple[str, str]
LONDON = ZoneInfo("Europe/London")
COURSES = {"ecf-induction": "ect", "ecf-mentor": "mentor"}
# §4 rule 10: YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH[:MM]], the offset optional.
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$")

SIMPLE = frozenset({E.TRAINING_EVENT_ATTENDED, E.SELF_STUDY_MATERIAL_COMPLETED, E.OTHER})
OFFLINE = SIMPLE | {E.MATERIALS_ENGAGED_WITH_OFFLINE}
ENGAGEMENT = frozenset({E.ENGAGEMENT_MET_75_PERCENT, E.ENGAGEMENT_MET_75_PERCENT_REDUCED_INDUCTION})
COMPLETION = ENGAGEMENT | {E.ONE_TERM_INDUCTION}


def role_of(course_identifier: str | None) -> str | None:
    return COURSES.get(course_identifier or "")


def parsed_date(value: str | None) -> datetime | None:
    """An RFC 3339 date-time, or None (§4 rule 10); without an offset it is London time,
    as the reference reads it."""
    if not value or not _RFC3339.match(value):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LONDON)


def declaration_type_of(value: str | None) -> T | None:
    return T(value) if value in set(T) else None


def participant_id_given(value: str | None) -> Problem | None:
    if not value:
        return ("participant_id", "Enter a '#/participant_id'.")
    return None


def participant_recognised(participant: Participant | None) -> Problem | None:
    if participant is None:
        return (
            "participant_id",
            (
                "Your update cannot be made as the '#/participant_id' is not recognised. Check "
                "participant details and try again."
            ),
        )
    return None


def course_given(course_identifier: str | None) -> Problem | None:
    if role_of(course_identifier) is None:
        return ("course_identifier", "Enter a '#/course_identifier' value for this participant.")
    return None


def declaration_date_given(value: str | None) -> Problem | None:
    if not value:
        return ("declaration_date", "Enter a '#/declaration_date'.")
    return None


def course_recognised(participant: Participant) -> Problem | None:
    """Trained by this provider, but not in this role (§4 rule 5)."""
    if participant.training is None and participant.trained_in_other_role:
        return (
            "course_identifier",
            (
                "The entered '#/course_identifier' is not recognised for the given participant. "
                "Check "
                "details and try again."
            ),
        )
    return None


def declaration_type_valid(value: str | None) -> Problem | None:
    if not value:
        return ("declaration_type", "Enter a '#/declaration_type'.")
    if declaration_type_of(value) is None:
        return ("declaration_type", "Enter a valid '#/declaration_type'.")
    return None


def not_a_duplicate(existing: LiveDeclaration | None) -> Problem | None:
    """Voided and clawed back declarations do not block a new one (§4 rule 7)."""
    return None if existing is None else not_a_duplicate_problem()


def not_a_duplicate_problem() -> Problem:
    return (
        "declaration_type",
        ("A declaration has already been submitted that will be, or has been, paid for this event"),
    )


def not_in_future(on: datetime, now: datetime) -> Problem | None:
    if on > now:
        return (
            "declaration_date",
            "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
        )
    return None


def _london_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=LONDON)


def within_milestone(training: Training, kind: T, on: datetime) -> Problem | None:
    """Between the milestone's start (00:00 London) and the end of its deadline day (§4 rule 9)."""
    window = training.milestones.get(kind)
    if window is None:
        return None
    if on < _london_midnight(window.start_date):
        return (
            "declaration_date",
            "Enter a '#/declaration_date' that's on or after the milestone start.",
        )
    deadline = window.milestone_date
    if deadline is not None and on >= _london_midnight(deadline + timedelta(days=1)):
        return (
            "declaration_date",
            "Enter a '#/declaration_date' that's before the milestone end date.",
        )
    return None


def rfc3339(value: str) -> Problem | None:
    if parsed_date(value) is None:
        return ("declaration_date", "Enter a valid RCF3339 '#/declaration_date'.")
    return None


def allowed_for_mentor(training: Training, role: str, kind: T) -> Problem | None:
    """Mentors who began after June 2025 are paid on started and completed only (§4 rule 11)."""
    if (
        role == "mentor"
        and training.mentor_funding_enabled
        and kind not in (T.STARTED, T.COMPLETED)
    ):
        return (
            "declaration_type",
            (
                "You cannot send retained or extended declarations for participants who began "
                "their "
                "mentor training after June 2025."
            ),
        )
    return None


def evidence_ignored(training: Training, kind: T) -> bool:
    """Before 2025 a started declaration keeps no evidence (§4 rule 12)."""
    return kind is T.STARTED and not training.detailed_evidence_types_enabled


def allowed_evidence(training: Training, role: str, kind: T) -> frozenset[E]:
    if not training.detailed_evidence_types_enabled:
        return SIMPLE
    if role == "mentor":
        return {T.STARTED: OFFLINE, T.COMPLETED: ENGAGEMENT}.get(kind, frozenset())
    return {T.RETAINED_2: ENGAGEMENT, T.COMPLETED: COMPLETION}.get(kind, OFFLINE)


def evidence_valid(training: Training, role: str, kind: T, evidence: str | None) -> Problem | None:
    if evidence_ignored(training, kind):
        return None
    if not evidence:
        return ("evidence_held", "Enter a '#/evidence_held' value for this participant.")
    if evidence not in {str(each) for each in allowed_evidence(training, role, kind)}:
        return ("evidence_held", "Enter an available '#/evidence_held' type for this participant.")
    return None


def withdrawn(training: Training) -> bool:
    at, deferred = training.withdrawn_at, training.deferred_at
    return at is not None and (deferred is None or at >= deferred)


def before_withdrawal(training: Training, on: datetime) -> Problem | None:
    """Deferred participants are not blocked (§4 rule 13)."""
    if withdrawn(training) and training.withdrawn_at is not None and training.withdrawn_at <= on:
        when = training.withdrawn_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            "participant_id",
            (
                f"This participant withdrew from this course on {when}. "
                f"Enter a '#/declaration_date' "
                f"that's before the withdrawal date."
            ),
        )
    return None


def payments_not_frozen(participant: Participant) -> Problem | None:
    if participant.frozen_cohort is not None:
        return (
            "cohort",
            (
                f"You cannot submit declarations for the {participant.frozen_cohort} cohort. The "
                f"funding contract for this cohort has ended."
            ),
        )
    return None


def statement_available(participant: Participant, training: Training) -> Problem | None:
    """Only an eligible participant's declaration needs an open statement now (§4 rule 15)."""
    if participant.funding_eligible and training.next_open_statement_id is None:
        return (
            "cohort",
            (
                f"You cannot submit or void declarations for the {training.cohort} cohort. The "
                f"funding contract for this cohort has ended. Get in touch if you need to discuss "
                f"this with us."
            ),
        )
    return None


def in_schedule(training: Training, kind: T) -> Problem | None:
    if kind not in training.milestones:
        return (
            "declaration_type",
            (
                "The declaration type you have entered does not exist for this schedule. Check the "
                "schedule and try again."
            ),
        )
    return None


def in_sequence(
    training: Training, kind: T, on: datetime, live: tuple[LiveDeclaration, ...]
) -> Problem | None:
    """From 2025, dates follow the canonical order of types (§4 rule 17)."""
    if training.cohort < 2025:
        return None
    earlier = [d.declaration_date for d in live if d.declaration_type.position < kind.position]
    later = [d.declaration_date for d in live if d.declaration_type.position > kind.position]
    if (earlier and on < max(earlier)) or (later and on > min(later)):
        return (
            "declaration_date",
            (
                "The '#/declaration_date' is not in sequence with the participant's other "
                "declarations."
            ),
        )
    return None


def trained_by_provider(participant: Participant) -> Problem | None:
    if not participant.trained_by_provider:
        return (
            "participant_id",
            (
                "Your update cannot be made as the '#/participant_id' is not recognised. Check "
                "participant details and try again."
            ),
        )
    return None
