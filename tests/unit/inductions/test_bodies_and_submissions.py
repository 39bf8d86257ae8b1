"""Appropriate bodies, and the drafts they fill in (inductions-trs (a.1), (a.11))."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from ecf2.domain.inductions import (
    AppropriateBody,
    AppropriateBodyType,
    BatchStatus,
    PendingInductionSubmission,
    PendingInductionSubmissionBatch,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

pytestmark = pytest.mark.inductions

NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)


def test_an_appropriate_body_is_a_teaching_school_hub_unless_told_otherwise() -> None:
    body = AppropriateBody(name="Golden Leaf Teaching School Hub")
    assert body.body_type is AppropriateBodyType.TEACHING_SCHOOL_HUB
    assert not body.national


def test_an_appropriate_body_is_active_once_linked_to_a_sign_in_organisation() -> None:
    assert not AppropriateBody(name="Hub").active
    assert AppropriateBody(name="Hub", dfe_sign_in_organisation_id=uuid.uuid4()).active


def test_istip_and_esp_are_recognised_as_national_bodies_by_name() -> None:
    assert AppropriateBody.type_for_name("Independent Schools Teacher Induction Panel (ISTIP)")
    assert AppropriateBody.type_for_name("ESP") is AppropriateBodyType.NATIONAL
    assert AppropriateBody.type_for_name("Espresso TSH") is AppropriateBodyType.TEACHING_SCHOOL_HUB
    assert AppropriateBody(name="ISTIP", body_type="national").national


def test_an_appropriate_body_needs_a_name() -> None:
    with pytest.raises(InvalidValue):
        AppropriateBody(name=" ")


def test_a_submission_keeps_the_teacher_reference_number_as_seven_digits() -> None:
    submission = PendingInductionSubmission(trn="1234567", created_at=NOW)
    assert str(submission.trn) == "1234567"
    with pytest.raises(InvalidValue):
        PendingInductionSubmission(trn="123456", created_at=NOW)


def test_a_submission_refuses_terms_over_16_and_an_end_before_the_start() -> None:
    with pytest.raises(InvalidValue):
        PendingInductionSubmission(trn="1234567", created_at=NOW, number_of_terms="17")
    with pytest.raises(InvalidValue):
        PendingInductionSubmission(
            trn="1234567",
            created_at=NOW,
            started_on=date(2025, 9, 1),
            finished_on=date(2025, 8, 31),
        )


def test_a_failed_save_keeps_the_messages_and_blanks_what_was_entered() -> None:
    submission = PendingInductionSubmission(
        trn="1234567",
        created_at=NOW,
        started_on=date(2025, 9, 1),
        finished_on=date(2026, 7, 1),
        number_of_terms="3",
        outcome="pass",
        induction_programme="fip",
        training_programme="provider_led",
    )
    submission.record_errors(["End date cannot be in the future"])
    assert submission.error_messages == ["End date cannot be in the future"]
    assert (submission.started_on, submission.number_of_terms, submission.outcome) == (
        None,
        None,
        None,
    )


def test_a_submission_expires_at_its_delete_at() -> None:
    submission = PendingInductionSubmission(trn="1234567", created_at=NOW)
    assert not submission.expired(NOW)
    submission.expire_at(NOW + timedelta(hours=24))
    assert submission.expired(NOW + timedelta(hours=24))


@pytest.mark.parametrize(
    ("status", "trs_failed"), [("Failed", True), ("FailedInWales", True), ("Passed", False)]
)
def test_failed_in_wales_counts_as_failed(status: str, trs_failed: bool) -> None:
    submission = PendingInductionSubmission(
        trn="1234567", created_at=NOW, trs_induction_status=status
    )
    assert submission.trs_failed is trs_failed


def test_a_batch_moves_from_draft_to_submitted() -> None:
    batch = PendingInductionSubmissionBatch(
        appropriate_body_id=1, batch_type="claim", created_at=NOW
    )
    tags = [batch.tag]
    while batch.batch_status is not BatchStatus.COMPLETED:
        batch.advance()
        tags.append(batch.tag)
    assert tags == ["draft", "draft", None, "submitted", "submitted"]
    with pytest.raises(RuleBroken):
        batch.advance()
    with pytest.raises(RuleBroken):
        batch.fail("too late")


def test_a_batch_that_breaks_records_why() -> None:
    batch = PendingInductionSubmissionBatch(
        appropriate_body_id=1, batch_type="action", created_at=NOW
    )
    batch.advance()
    batch.fail("TRS could not be contacted")
    assert (batch.batch_status, batch.error_message) == (
        BatchStatus.FAILED,
        "TRS could not be contacted",
    )


def test_batch_counts_cannot_be_negative() -> None:
    with pytest.raises(InvalidValue):
        PendingInductionSubmissionBatch(
            appropriate_body_id=1, batch_type="claim", created_at=NOW, errored_count=-1
        )
