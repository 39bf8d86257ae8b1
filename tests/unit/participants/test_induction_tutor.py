"""The induction tutor's rules and its one use case, on an in-memory unit of work
(participants-and-schools §2.8, §3.9)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from ecf2.domain.participants.induction_tutor import (
    InductionTutor,
    InductionTutorService,
    check_new_induction_tutor,
    induction_tutor_confirmation_due,
)
from ecf2.domain.participants.school import School
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import FixedClock
from ecf2.domain.shared.emails import Email, EmailTemplate
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import Urn

BY = Actor(AuthorType.SCHOOL_USER, email="head@school.example", name="Head")


@pytest.mark.parametrize(
    ("last", "current", "due"),
    [(None, 2026, True), (2025, 2026, True), (2026, 2026, False), (2027, 2026, False)],
)
def test_the_tutor_is_due_when_never_or_last_confirmed_for_an_earlier_period(last, current, due):
    assert induction_tutor_confirmation_due(last, current) is due


def test_nothing_is_due_without_a_contract_period():
    assert induction_tutor_confirmation_due(None, None) is False


def test_a_tutor_name_is_squished_and_the_email_trimmed():
    tutor = InductionTutor.given("  Tom   Brown ", " tom@school.example ")
    assert tutor == InductionTutor("Tom Brown", "tom@school.example")


@pytest.mark.parametrize(
    ("name", "email", "rule"),
    [
        ("", "tom@school.example", "required"),
        ("A" * 71, "tom@school.example", "induction_tutor_name_length"),
        ("Tom", "", "required"),
        ("Tom", "tom@school", "email_in_notify_format"),
        ("Tom", f"{'t' * 250}@school.example", "induction_tutor_email_length"),
    ],
)
def test_bad_tutor_details_are_refused(name, email, rule):
    with pytest.raises(InvalidValue) as refused:
        InductionTutor.given(name, email)
    assert refused.value.rule == rule


def test_a_70_character_name_is_allowed():
    assert InductionTutor.given("A" * 70, "tom@school.example").name == "A" * 70


def _school(**tutor: Any) -> School:
    return School(urn=Urn("100001"), id=7, **tutor)


def test_a_changed_tutor_must_differ_in_name_or_email():
    school = _school(induction_tutor_name="Jane Smith", induction_tutor_email="jane@s.example")
    with pytest.raises(RuleBroken):
        check_new_induction_tutor(school, InductionTutor("Jane Smith", "JANE@s.example"))
    renamed = InductionTutor("Jane Smyth", "jane@s.example")
    assert check_new_induction_tutor(school, renamed) is renamed


class _Schools:
    def __init__(self, school: School) -> None:
        self.school, self.saved = school, 0

    def get(self, school_id: int) -> School:
        assert school_id == self.school.id
        return self.school

    def save(self, school: School) -> School:
        self.saved += 1
        return school


class _Years:
    def __init__(self, year: int | None) -> None:
        self.year = year

    def current_or_upcoming_year(self, today: date) -> int | None:
        return self.year


class _Emails:
    def __init__(self) -> None:
        self.queued: list[Email] = []

    def queue(self, email: Email) -> None:
        self.queued.append(email)


class _Uow:
    def __init__(self, school: School, year: int | None) -> None:
        self.schools, self.contract_period_years = _Schools(school), _Years(year)
        self.emails, self.committed = _Emails(), False
        self.events: list[DomainEvent] = []

    def __enter__(self) -> _Uow:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def commit(self) -> None:
        self.committed = True

    def rollback(self) -> None: ...

    def record(self, event: DomainEvent) -> None:
        self.events.append(event)


def _service(uow: _Uow) -> InductionTutorService:
    return InductionTutorService(lambda: uow, FixedClock(datetime(2026, 11, 23, 10, tzinfo=UTC)))


def _tutored(year: int | None = 2025) -> School:
    return _school(
        induction_tutor_name="Jane Smith",
        induction_tutor_email="jane@s.example",
        induction_tutor_last_nominated_in=year,
    )


def test_confirming_the_same_tutor_stamps_the_year_records_and_emails_nobody():
    uow = _Uow(_tutored(), 2026)
    confirmed = _service(uow).confirm_induction_tutor(7, BY)
    assert (confirmed.name, confirmed.contract_period_year, confirmed.changed) == (
        "Jane Smith",
        2026,
        False,
    )
    assert uow.schools.school.induction_tutor_last_nominated_in == 2026
    assert [e.event_type for e in uow.events] == ["school_induction_tutor_confirmed"]
    assert uow.emails.queued == []
    assert uow.committed


def test_a_new_tutor_is_saved_recorded_and_emailed_in_one_unit_of_work():
    uow = _Uow(_tutored(), 2026)
    _service(uow).confirm_induction_tutor(7, BY, InductionTutor("Tom Brown", "tom@s.example"))
    school = uow.schools.school
    assert (school.induction_tutor_name, school.induction_tutor_email) == (
        "Tom Brown",
        "tom@s.example",
    )
    assert school.induction_tutor_last_nominated_in == 2026
    assert uow.schools.saved == 1
    (event,) = uow.events
    assert event.event_type == "school_induction_tutor_updated"
    assert len(event.modifications) == 2
    (email,) = uow.emails.queued
    assert email.template is EmailTemplate.INDUCTION_TUTOR_CONFIRMED
    assert email.to == "tom@s.example"
    assert email.personalisation == {"name": "Tom Brown", "school_name": "URN 100001"}
    assert uow.committed


@pytest.mark.parametrize(
    ("school", "year", "new_tutor"),
    [
        (_tutored(), None, None),
        (_school(), 2026, None),
        (_tutored(), 2026, InductionTutor("Jane Smith", "jane@s.example")),
    ],
)
def test_a_refusal_changes_records_and_emails_nothing(school, year, new_tutor):
    uow = _Uow(school, year)
    with pytest.raises(RuleBroken):
        _service(uow).confirm_induction_tutor(7, BY, new_tutor)
    assert (uow.events, uow.emails.queued, uow.committed) == ([], [], False)
    assert uow.schools.saved == 0
