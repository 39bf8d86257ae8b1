"""The declaration checks of lead-provider-api-v3 §4 as pure functions, and their order."""

from __future__ import annotations

from datetime import UTC, date, datetime

import attrs

from ecf2.domain.payments import declaration_rules as rules
from ecf2.domain.payments.declaration_checks import problems_with
from ecf2.domain.payments.declaration_facts import (
    DeclarationRequest,
    LiveDeclaration,
    MentorshipDates,
    MilestoneWindow,
    Participant,
    Training,
)
from ecf2.domain.payments.declarations import EvidenceType
from ecf2.domain.payments.recording import identical
from ecf2.domain.shared.declaration_types import DeclarationType as T

NOW = datetime(2025, 11, 20, 10, 30, tzinfo=UTC)
TRAINING_2024 = Training(
    training_period_id=7,
    cohort=2024,
    milestones={
        T.STARTED: MilestoneWindow(date(2024, 6, 1), date(2024, 12, 31)),
        T.RETAINED_1: MilestoneWindow(date(2025, 1, 1), date(2025, 3, 31)),
    },
)
TRAINING_2025 = attrs.evolve(
    TRAINING_2024,
    cohort=2025,
    milestones={kind: MilestoneWindow(date(2025, 6, 1)) for kind in list(T)[:6]},
    mentor_funding_enabled=True,
    detailed_evidence_types_enabled=True,
)
PARTICIPANT = Participant(teacher_id=1, trained_by_provider=True, training=TRAINING_2024)


def request(**values: str | None) -> DeclarationRequest:
    defaults = {
        "participant_id": "6b0d3c8e-0000-4000-8000-000000000000",
        "declaration_type": "started",
        "declaration_date": "2024-10-01T10:00:00Z",
        "course_identifier": "ecf-induction",
    }
    return DeclarationRequest(**(defaults | values))


def fields(found: list[rules.Problem]) -> list[str]:
    return [field for field, _ in found]


def test_a_valid_started_declaration_has_no_problems() -> None:
    assert problems_with(request(), PARTICIPANT, NOW) == []


def test_a_missing_participant_id_is_the_only_problem_reported() -> None:
    found = problems_with(request(participant_id=None, course_identifier=None), None, NOW)

    assert fields(found) == ["participant_id"]


def test_an_unknown_course_is_reported_before_the_date() -> None:
    found = problems_with(
        request(course_identifier="npq-x", declaration_date=None), PARTICIPANT, NOW
    )

    assert fields(found) == ["course_identifier"]


def test_rfc_3339_needs_the_t_and_any_offset_in_the_right_shape() -> None:
    assert rules.parsed_date("2024-11-15 10:00:00 +0000") is None
    assert rules.parsed_date("2024-11-15T10:00:00+0") is None
    assert rules.parsed_date("2024-11-15T10:00:00+01:00") == datetime(2024, 11, 15, 9, tzinfo=UTC)


def test_a_time_without_an_offset_is_london_time() -> None:
    assert rules.parsed_date("2024-07-15T10:00:00") == datetime(2024, 7, 15, 9, tzinfo=UTC)
    assert rules.parsed_date("2024-12-15T10:00:00") == datetime(2024, 12, 15, 10, tzinfo=UTC)
    assert problems_with(request(declaration_date="2024-10-01T10:00:00"), PARTICIPANT, NOW) == []


def test_a_duplicate_is_the_only_problem_even_with_a_future_or_early_date() -> None:
    live = LiveDeclaration(9, 7, T.STARTED, datetime(2024, 10, 1, 10, tzinfo=UTC), None)
    participant = attrs.evolve(PARTICIPANT, live_declarations=(live,))

    for day in ("2026-01-01T10:00:00Z", "2024-05-01T10:00:00Z"):
        found = problems_with(request(declaration_date=day), participant, NOW)
        assert fields(found) == ["declaration_type"]


def test_a_type_the_schedule_lacks_is_reported_alone_when_the_date_is_also_wrong() -> None:
    found = problems_with(
        request(declaration_type="extended-1", declaration_date="2026-01-01T10:00:00Z"),
        PARTICIPANT,
        NOW,
    )

    assert fields(found) == ["declaration_date"]


def test_an_unknown_participant_with_a_malformed_date_hears_of_both() -> None:
    found = problems_with(request(declaration_date="garbage"), None, NOW)

    assert fields(found) == ["participant_id", "declaration_date"]


def test_a_participant_never_trained_by_the_provider_hears_of_a_future_date_first() -> None:
    stranger = Participant(teacher_id=1, trained_by_provider=False)

    found = problems_with(request(declaration_date="2026-01-01T10:00:00Z"), stranger, NOW)

    assert fields(found) == ["declaration_date", "participant_id"]


def test_a_2025_mentor_retained_declaration_is_refused_for_its_type_alone() -> None:
    mentor = attrs.evolve(PARTICIPANT, training=TRAINING_2025, funding_eligible=True)
    retained = request(
        course_identifier="ecf-mentor",
        declaration_type="retained-1",
        declaration_date="2025-10-01T10:00:00Z",
        evidence_held="other",
    )

    assert fields(problems_with(retained, mentor, NOW)) == ["declaration_type"]


def test_the_withdrawal_time_is_given_in_the_api_format() -> None:
    withdrawn = attrs.evolve(
        TRAINING_2024, withdrawn_at=datetime(2025, 3, 1, 10, 0, 0, 123456, UTC)
    )

    problem = rules.before_withdrawal(withdrawn, datetime(2025, 3, 2, tzinfo=UTC))

    assert problem is not None
    assert "withdrew from this course on 2025-03-01T10:00:00Z." in problem[1]


def test_the_nearest_mentorship_is_measured_to_its_nearer_end() -> None:
    earlier = MentorshipDates(1, date(2025, 9, 1), date(2025, 9, 30))
    later = MentorshipDates(2, date(2025, 10, 20))
    training = attrs.evolve(TRAINING_2025, mentorships=(earlier, later))

    assert training.nearest_mentorship(date(2025, 10, 1)) == 1
    assert training.nearest_mentorship(date(2025, 10, 18)) == 2


def test_the_milestone_window_starts_at_midnight_in_london_and_ends_with_its_deadline_day() -> None:
    on_deadline = datetime(2024, 12, 31, 23, 0, tzinfo=UTC)
    after = datetime(2025, 1, 1, 0, 0, tzinfo=UTC)

    assert rules.within_milestone(TRAINING_2024, T.STARTED, on_deadline) is None
    assert rules.within_milestone(TRAINING_2024, T.STARTED, after) is not None


def test_evidence_from_2025_depends_on_the_type_and_the_role() -> None:
    engaged = str(EvidenceType.ENGAGEMENT_MET_75_PERCENT)

    assert rules.evidence_valid(TRAINING_2025, "ect", T.RETAINED_2, engaged) is None
    assert rules.evidence_valid(TRAINING_2025, "ect", T.RETAINED_2, "other") is not None
    assert rules.evidence_valid(TRAINING_2025, "mentor", T.STARTED, None) is not None
    assert rules.evidence_valid(TRAINING_2024, "ect", T.STARTED, None) is None


def test_a_deferred_participant_can_still_be_declared_for() -> None:
    deferred = attrs.evolve(TRAINING_2024, deferred_at=datetime(2024, 9, 1, tzinfo=UTC))

    assert rules.before_withdrawal(deferred, datetime(2024, 10, 1, tzinfo=UTC)) is None


def test_from_2025_a_later_type_cannot_be_dated_before_an_earlier_one() -> None:
    started = LiveDeclaration(
        1, 7, T.STARTED, datetime(2025, 10, 1, tzinfo=UTC), EvidenceType.OTHER
    )

    early = rules.in_sequence(
        TRAINING_2025, T.COMPLETED, datetime(2025, 9, 15, tzinfo=UTC), (started,)
    )

    assert early is not None


def test_an_exact_repeat_names_the_live_declaration_and_a_different_date_does_not() -> None:
    live = LiveDeclaration(9, 7, T.STARTED, datetime(2024, 10, 1, 10, tzinfo=UTC), None)
    participant = attrs.evolve(PARTICIPANT, live_declarations=(live,))

    assert identical(request(evidence_held="other"), participant) == 9
    # Before 2025 a started declaration's evidence is not kept, so it is not compared.
    assert identical(request(evidence_held="anything"), participant) == 9
    assert identical(request(declaration_date="2024-10-02T10:00:00Z"), participant) is None
    assert fields(problems_with(request(), participant, NOW)) == ["declaration_type"]
