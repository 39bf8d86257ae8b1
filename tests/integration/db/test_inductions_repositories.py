"""Appropriate bodies, teachers' inductions and drafts through the SQL unit of work, and
the database rules behind them (inductions-trs (a.1)-(a.4), (a.11))."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.inductions import (
    AppropriateBody,
    BatchStatus,
    InductionPeriod,
    PendingInductionSubmission,
    PendingInductionSubmissionBatch,
    TeacherInductions,
)
from ecf2.domain.shared.errors import NotFound, RuleBroken
from tests.integration.db.stub_rows import insert_stub

pytestmark = pytest.mark.inductions

NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)
TODAY = date(2026, 8, 21)


@pytest.fixture
def teacher_id(engine: Engine) -> int:
    with engine.begin() as connection:
        return int(insert_stub(connection, "teachers"))


def add_body(uow: SqlAlchemyUnitOfWork, body: AppropriateBody) -> AppropriateBody:
    with uow:
        uow.appropriate_bodies.add(body)
        uow.commit()
    return body


@pytest.fixture
def body(uow: SqlAlchemyUnitOfWork) -> AppropriateBody:
    return add_body(
        uow, AppropriateBody(name="Golden Leaf TSH", dfe_sign_in_organisation_id=uuid.uuid4())
    )


def change_inductions(
    uow: SqlAlchemyUnitOfWork, teacher_id: int, change: Callable[[TeacherInductions], object]
) -> TeacherInductions:
    with uow:
        inductions = uow.inductions.for_teacher(teacher_id)
        change(inductions)
        uow.inductions.save(inductions)
        uow.commit()
    return inductions


def a_period(body: AppropriateBody, started_on: date, **more: Any) -> InductionPeriod:
    values: dict[str, Any] = {
        "appropriate_body_id": body.id,
        "started_on": started_on,
        "induction_programme": "fip",
        "training_programme": "provider_led",
    }
    return InductionPeriod(**(values | more))


def test_an_appropriate_body_comes_back_by_id_and_by_name(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody
) -> None:
    with uow:
        assert uow.appropriate_bodies.get(body.id) == body
        assert uow.appropriate_bodies.get_by_name("Golden Leaf TSH") == body
        with pytest.raises(NotFound):
            uow.appropriate_bodies.get_by_name("Nobody")


def test_appropriate_body_names_are_unique(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody
) -> None:
    with pytest.raises(RuleBroken) as error:
        add_body(uow, AppropriateBody(name="Golden Leaf TSH"))
    assert error.value.rule == "uq_appropriate_bodies_name"


def test_an_appropriate_body_is_saved_with_a_new_version(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody
) -> None:
    with uow:
        loaded = uow.appropriate_bodies.get(body.id)
        loaded.dfe_sign_in_organisation_id = None
        uow.appropriate_bodies.save(loaded)
        uow.commit()
    with uow:
        reloaded = uow.appropriate_bodies.get(body.id)
    assert not reloaded.active
    assert reloaded.version == 2


def test_a_teachers_induction_comes_back_as_it_went_in(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody, teacher_id: int
) -> None:
    with uow:
        inductions = uow.inductions.for_teacher(teacher_id)
        assert inductions.periods == []
        inductions.add_period(
            a_period(body, date(2023, 9, 1), finished_on=date(2024, 7, 19), number_of_terms="3"),
            today=TODAY,
        )
        inductions.add_period(a_period(body, date(2024, 9, 2)), today=TODAY)
        inductions.add_extension("1.5")
        uow.inductions.save(inductions)
        uow.commit()

    with uow:
        loaded = uow.inductions.for_teacher(teacher_id)
    assert loaded == inductions
    assert all(period.id for period in inductions.periods)
    assert loaded.terms_completed == Decimal(3)
    assert loaded.terms_required == Decimal("7.5")


def test_finishing_removing_and_extending_are_saved(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody, teacher_id: int
) -> None:
    with uow:
        inductions = uow.inductions.for_teacher(teacher_id)
        released = inductions.add_period(
            a_period(body, date(2023, 9, 1), finished_on=date(2024, 7, 19), number_of_terms="3"),
            today=TODAY,
        )
        inductions.add_period(a_period(body, date(2024, 9, 2)), today=TODAY)
        inductions.add_extension("1")
        uow.inductions.save(inductions)
        uow.commit()

    with uow:
        inductions = uow.inductions.for_teacher(teacher_id)
        first, ongoing = inductions.periods
        inductions.remove_period(first)
        inductions.finish_period(
            ongoing, finished_on=date(2026, 7, 17), number_of_terms="6", outcome="pass", today=TODAY
        )
        inductions.remove_extension(inductions.extensions[0])
        uow.inductions.save(inductions)
        uow.commit()

    with uow:
        loaded = uow.inductions.for_teacher(teacher_id)
    assert [period.id for period in loaded.periods] == [ongoing.id]
    assert loaded.periods[0].passed
    assert loaded.periods[0].version == 2
    assert loaded.extensions == []
    assert released.id != ongoing.id


def test_the_database_allows_one_outcome_per_teacher(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody, teacher_id: int
) -> None:
    with uow:
        inductions = uow.inductions.for_teacher(teacher_id)
        inductions.add_period(
            a_period(
                body,
                date(2023, 9, 1),
                finished_on=date(2024, 7, 19),
                number_of_terms="3",
                outcome="fail",
            ),
            today=TODAY,
        )
        uow.inductions.save(inductions)
        uow.commit()

    second_outcome = a_period(
        body, date(2024, 9, 2), finished_on=date(2025, 7, 18), number_of_terms="3", outcome="pass"
    )
    # Appended straight to the list: the write slips past the domain, as a race would.
    with pytest.raises(RuleBroken) as error:
        change_inductions(
            uow, teacher_id, lambda inductions: inductions.periods.append(second_outcome)
        )
    assert error.value.rule == "uq_induction_periods_one_outcome_per_teacher"


@pytest.mark.postgres
def test_postgres_refuses_overlapping_induction_periods(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody, teacher_id: int
) -> None:
    with uow:
        inductions = uow.inductions.for_teacher(teacher_id)
        inductions.add_period(a_period(body, date(2024, 9, 2)), today=TODAY)
        uow.inductions.save(inductions)
        uow.commit()

    overlapping = a_period(body, date(2025, 1, 6))
    with pytest.raises(RuleBroken) as error:
        change_inductions(
            uow, teacher_id, lambda inductions: inductions.periods.append(overlapping)
        )
    assert error.value.rule == "induction_periods_no_overlap"


def test_a_submission_and_its_batch_come_back_as_they_went_in(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody
) -> None:
    batch = PendingInductionSubmissionBatch(
        appropriate_body_id=body.id,
        batch_type="claim",
        created_at=NOW,
        data=[{"TRN": "1234567", "Date of birth": "1990-01-01"}],
        file_name="claims.csv",
        file_size=120,
        file_type="text/csv",
        uploaded_count=1,
    )
    with uow:
        uow.pending_induction_submission_batches.add(batch)
        uow.commit()
    submission = PendingInductionSubmission(
        trn="1234567",
        created_at=NOW,
        appropriate_body_id=body.id,
        pending_induction_submission_batch_id=batch.id,
        date_of_birth=date(1990, 1, 1),
        started_on=date(2025, 9, 1),
        induction_programme="unknown",
        training_programme="school_led",
        trs_alerts=["40794ea8-eda2-40a8-a26a-5f447aae6c99"],
        trs_prohibited_from_teaching=False,
        error_messages=["Start date is before QTS"],
    )
    with uow:
        uow.pending_induction_submissions.add(submission)
        uow.commit()

    with uow:
        assert uow.pending_induction_submission_batches.get(batch.id) == batch
        assert uow.pending_induction_submissions.get(submission.id) == submission


def test_changes_to_a_batch_and_a_submission_are_saved(
    uow: SqlAlchemyUnitOfWork, body: AppropriateBody
) -> None:
    batch = PendingInductionSubmissionBatch(
        appropriate_body_id=body.id, batch_type="action", created_at=NOW, data=[{"TRN": "1"}]
    )
    submission = PendingInductionSubmission(trn="7654321", created_at=NOW)
    with uow:
        uow.pending_induction_submission_batches.add(batch)
        uow.pending_induction_submissions.add(submission)
        uow.commit()

    with uow:
        loaded = uow.pending_induction_submission_batches.get(batch.id)
        loaded.advance()
        assert loaded.data is not None
        loaded.data.append({"TRN": "2"})
        uow.pending_induction_submission_batches.save(loaded)
        draft = uow.pending_induction_submissions.get(submission.id)
        draft.error_messages.append("TRN and date of birth do not match")
        uow.pending_induction_submissions.save(draft)
        uow.commit()

    with uow:
        reloaded = uow.pending_induction_submission_batches.get(batch.id)
        assert reloaded.batch_status is BatchStatus.PROCESSING
        assert reloaded.data == [{"TRN": "1"}, {"TRN": "2"}]
        draft = uow.pending_induction_submissions.get(submission.id)
        assert draft.error_messages == ["TRN and date of birth do not match"]
        uow.pending_induction_submissions.remove(draft)
        uow.commit()

    with uow, pytest.raises(NotFound):
        uow.pending_induction_submissions.get(submission.id)
