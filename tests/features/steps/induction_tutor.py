"""Steps for confirming a school's induction tutor (participants-and-schools §3.9, §2.8),
in the register-an-ECT world (today 21 August 2026, contract period 2026)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when
from sqlalchemy import func, select, update

from ecf2.adapters.db.emails import EmailRow
from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.adapters.db.queries.induction_tutor import SqlInductionTutorReads
from ecf2.domain.participants.induction_tutor import (
    InductionTutor,
    InductionTutorService,
    induction_tutor_confirmation_due,
)
from ecf2.domain.shared.emails import EmailTemplate
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.register_ect_world import RegistrationWorld

TUTORS = {"Jane Smith": "jane.smith@hilltop.example", "Tom Brown": "tom.brown@hilltop.example"}


def _service(world: RegistrationWorld) -> InductionTutorService:
    return InductionTutorService(world.uow, world.clock)


def _set_tutor(world: RegistrationWorld, school: str, **values: object) -> None:
    with world.session_factory() as session, session.begin():
        session.execute(
            update(SchoolRow).where(SchoolRow.id == world.schools[school]).values(**values)
        )


def _school_row(world: RegistrationWorld, school: str) -> SchoolRow:
    with world.session_factory() as session:
        return session.get_one(SchoolRow, world.schools[school])


@given(parsers.parse('"{school}" last confirmed its induction tutor for {year}'))
def last_confirmed(world: RegistrationWorld, school: str, year: str) -> None:
    if year == "never":
        _set_tutor(
            world,
            school,
            induction_tutor_name=None,
            induction_tutor_email=None,
            induction_tutor_last_nominated_in=None,
        )
        return
    _set_tutor(
        world,
        school,
        induction_tutor_name="Jane Smith",
        induction_tutor_email=TUTORS["Jane Smith"],
        induction_tutor_last_nominated_in=int(year),
    )


@given(parsers.parse('"{school}" has {name} as induction tutor, last confirmed for {year:d}'))
def has_tutor(world: RegistrationWorld, school: str, name: str, year: int) -> None:
    _set_tutor(
        world,
        school,
        induction_tutor_name=name,
        induction_tutor_email=TUTORS[name],
        induction_tutor_last_nominated_in=year,
    )


@then(
    parsers.re(
        r'"(?P<school>[^"]+)" (?P<verdict>must|need not) confirm its induction tutor before '
        r"registering or changing ECTs and mentors"
    )
)
def must_confirm(world: RegistrationWorld, school: str, verdict: str) -> None:
    reads = SqlInductionTutorReads(world.session_factory)
    status = reads.status(world.schools[school], world.clock.today())
    assert status.contract_period_year == 2026
    due = induction_tutor_confirmation_due(status.last_nominated_in, status.contract_period_year)
    assert due is status.confirmation_due is (verdict == "must")


@when(
    parsers.re(
        r'"(?P<school>[^"]+)" confirms (?:\w+ \w+ is still its|its) induction tutor'
        r"(?: is unchanged)?"
    ),
    target_fixture="outcome",
)
def confirms_same(world: RegistrationWorld, school: str) -> Outcome:
    service = _service(world)
    return attempt(lambda: service.confirm_induction_tutor(world.schools[school], world.actor))


@when(
    parsers.parse('"{school}" names {name}, "{email}", as its induction tutor'),
    target_fixture="outcome",
)
def names_tutor(world: RegistrationWorld, school: str, name: str, email: str) -> Outcome:
    service = _service(world)
    return attempt(
        lambda: service.confirm_induction_tutor(
            world.schools[school], world.actor, InductionTutor.given(name, email)
        )
    )


@when(
    parsers.parse("a school gives its induction tutor as {name} with email {email}"),
    target_fixture="outcome",
)
def gives_tutor(name: str, email: str) -> Outcome:
    given_name = {"nobody": "", "a 71 character name": "A" * 71}.get(name, name)
    given_email = "" if email == "nothing" else email
    return attempt(lambda: InductionTutor.given(given_name, given_email))


@then(parsers.parse('{name} is the induction tutor of "{school}" for {year:d}'))
def is_tutor(world: RegistrationWorld, outcome: Outcome, name: str, school: str, year: int) -> None:
    assert outcome.error is None, outcome.error
    row = _school_row(world, school)
    assert (row.induction_tutor_name, row.induction_tutor_email) == (name, TUTORS[name])
    assert row.induction_tutor_last_nominated_in == year


@then(parsers.parse('"{event_type}" is recorded for "{school}"'))
def recorded_for_school(world: RegistrationWorld, event_type: str, school: str) -> None:
    with world.session_factory() as session:
        count = session.scalar(
            select(func.count())
            .select_from(EventRow)
            .where(EventRow.event_type == event_type, EventRow.school_id == world.schools[school])
        )
    assert count == 1


def _tutor_emails(world: RegistrationWorld) -> list[EmailRow]:
    with world.session_factory() as session:
        query = select(EmailRow).where(EmailRow.template == EmailTemplate.INDUCTION_TUTOR_CONFIRMED)
        return list(session.scalars(query))


@then("nobody is emailed about the induction tutor")
def nobody_emailed(world: RegistrationWorld) -> None:
    assert _tutor_emails(world) == []


@then(parsers.parse('"{email}" is emailed that they are the induction tutor of "{school}"'))
def tutor_emailed(world: RegistrationWorld, email: str, school: str) -> None:
    emails = _tutor_emails(world)
    assert [row.email_address for row in emails] == [email]
    assert emails[0].personalisation["school_name"] == school


_REFUSALS = {
    "refused as unchanged": "induction_tutor_changed",
    "refused as unknown": "induction_tutor_known",
    "refused for a missing name": "required",
    "refused for a name too long": "induction_tutor_name_length",
    "refused for a badly formed email": "email_in_notify_format",
    "refused for a missing email": "required",
}


@then(parsers.parse("the induction tutor is {verdict}"))
def tutor_verdict(outcome: Outcome, verdict: str) -> None:
    if verdict == "accepted":
        assert outcome.error is None, outcome.error
        return
    assert outcome.error is not None
    assert outcome.error.rule == _REFUSALS[verdict]
