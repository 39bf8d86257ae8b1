"""A school's induction tutor, confirmed or changed once each contract period
(participants-and-schools §3.9, §2.8), with the email the tutor gets when named
(inductions-trs-sign-in-admin (e.2) "Induction tutor confirmed")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

import attrs

from ecf2.domain.participants.email_address import notify_email
from ecf2.domain.participants.rules import squish
from ecf2.domain.participants.school import School
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.emails import Email, EmailOutbox, EmailTemplate
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent, describe_change
from ecf2.domain.shared.unit_of_work import UnitOfWork

NAME_LIMIT = 70
EMAIL_LIMIT = 254


def induction_tutor_confirmation_due(
    last_nominated_in: int | None, current_or_upcoming_year: int | None
) -> bool:
    """§2.8: the tutor must be confirmed when never confirmed, or last confirmed for a
    contract period before the current (or, between periods, the upcoming) one."""
    if current_or_upcoming_year is None:
        return False
    return last_nominated_in is None or last_nominated_in < current_or_upcoming_year


@attrs.frozen
class InductionTutor:
    """A name and email a school gives for its induction tutor, checked as §3.9 says."""

    name: str
    email: str

    @classmethod
    def given(cls, name: str, email: str) -> InductionTutor:
        return cls(_checked_name(name), _checked_email(email))

    def same_as(self, name: str | None, email: str | None) -> bool:
        return self.name == name and self.email.lower() == (email or "").lower()


def _checked_name(name: str) -> str:
    text = squish(name) or ""
    if not text:
        raise InvalidValue("Enter the induction tutor's full name", field="name", rule="required")
    if len(text) > NAME_LIMIT:
        raise InvalidValue(
            f"The induction tutor's name must be {NAME_LIMIT} characters or fewer",
            field="name",
            rule="induction_tutor_name_length",
        )
    return text


def _checked_email(email: str) -> str:
    text = notify_email(email, field="email")
    if text is None:
        raise InvalidValue(
            "Enter the induction tutor's email address", field="email", rule="required"
        )
    if len(text) > EMAIL_LIMIT:
        raise InvalidValue(
            f"The email address must be {EMAIL_LIMIT} characters or fewer",
            field="email",
            rule="induction_tutor_email_length",
        )
    return text


def check_new_induction_tutor(school: School, tutor: InductionTutor) -> InductionTutor:
    """§3.9: a school that says its tutor has changed must give a different name or email."""
    if tutor.same_as(school.induction_tutor_name, school.induction_tutor_email):
        raise RuleBroken(
            "Change the induction tutor's name or email address, or confirm the current "
            "induction tutor",
            field="name",
            rule="induction_tutor_changed",
        )
    return tutor


class InductionTutorSchools(Protocol):
    def get(self, school_id: int) -> School: ...

    def save(self, school: School) -> School: ...


class ContractPeriodYears(Protocol):
    def current_or_upcoming_year(self, today: date) -> int | None:
        """§2.3: the contract period containing today, else the nearest one to start."""
        ...


class InductionTutorUnitOfWork(UnitOfWork, Protocol):
    schools: InductionTutorSchools
    contract_period_years: ContractPeriodYears
    emails: EmailOutbox


@attrs.frozen
class InductionTutorConfirmed:
    name: str
    email: str
    contract_period_year: int
    changed: bool


class InductionTutorService:
    """Confirms a school's induction tutor for the current contract period (§3.9)."""

    def __init__(self, uow: Callable[[], InductionTutorUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def confirm_induction_tutor(
        self, school_id: int, by: Actor, new_tutor: InductionTutor | None = None
    ) -> InductionTutorConfirmed:
        """The current tutor confirmed when `new_tutor` is None, else the tutor changed to
        `new_tutor` (who is emailed); either way stamped with the current or upcoming
        contract period, all in one unit of work."""
        now = self._clock.now()
        with self._uow() as uow:
            year = uow.contract_period_years.current_or_upcoming_year(self._clock.today())
            if year is None:
                raise RuleBroken(
                    "There is no contract period to confirm the induction tutor for",
                    rule="contract_period_exists",
                )
            school = uow.schools.get(school_id)
            before = (school.induction_tutor_name, school.induction_tutor_email)
            tutor = _tutor_to_stamp(school, new_tutor)
            school.nominate_induction_tutor(tutor.name, tutor.email, year)
            uow.schools.save(school)
            uow.record(_tutor_event(school, before, new_tutor is not None, year, by, now))
            if new_tutor is not None:
                uow.emails.queue(induction_tutor_confirmed_email(school, tutor))
            uow.commit()
        return InductionTutorConfirmed(tutor.name, tutor.email, year, new_tutor is not None)


def _tutor_to_stamp(school: School, new_tutor: InductionTutor | None) -> InductionTutor:
    if new_tutor is not None:
        return check_new_induction_tutor(school, new_tutor)
    if not school.induction_tutor_name or not school.induction_tutor_email:
        raise RuleBroken(
            "Your school has no induction tutor to confirm; tell us who it is",
            field="name",
            rule="induction_tutor_known",
        )
    return InductionTutor(school.induction_tutor_name, school.induction_tutor_email)


def school_name(school: School) -> str:
    return school.gias_school.name if school.gias_school is not None else f"URN {school.urn}"


def induction_tutor_confirmed_email(school: School, tutor: InductionTutor) -> Email:
    return Email(
        EmailTemplate.INDUCTION_TUTOR_CONFIRMED,
        tutor.email,
        {"name": tutor.name, "school_name": school_name(school)},
    )


def _tutor_event(
    school: School,
    before: tuple[str | None, str | None],
    changed: bool,
    year: int,
    by: Actor,
    now: datetime,
) -> DomainEvent:
    name = school_name(school)
    if not changed:
        return DomainEvent(
            "school_induction_tutor_confirmed",
            f"{school.induction_tutor_name} was confirmed as induction tutor at {name} for {year}",
            now,
            by,
            {"school": school},
            metadata={"contract_period_year": year},
        )
    modifications = tuple(
        describe_change(label, old, new)
        for label, old, new in (
            ("Induction tutor name", before[0], school.induction_tutor_name),
            ("Induction tutor email", before[1], school.induction_tutor_email),
        )
        if old != new
    )
    return DomainEvent(
        "school_induction_tutor_updated",
        f"{school.induction_tutor_name} was named as induction tutor at {name} for {year}",
        now,
        by,
        {"school": school},
        modifications=modifications,
        metadata={"contract_period_year": year},
    )
