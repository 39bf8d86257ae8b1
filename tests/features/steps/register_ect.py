"""Steps for registering an ECT (participants-and-schools §3.1, §3.8, §2.4, §2.5), run
through the registration service on a SQLite database."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from pytest_bdd import given, parsers, when
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
    TrsInductionStatus,
)
from ecf2.domain.participants.register_ect import FoundEct, RegisterEct
from ecf2.domain.participants.report_leaving import EctLeavingService
from ecf2.domain.participants.teacher_record import TeacherAlert, TeacherRecord
from ecf2.domain.shared.clock import FixedClock
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from tests.features.steps.common import Outcome, a_day, attempt
from tests.features.steps.register_ect_world import RegistrationWorld

TODAY = date(2026, 8, 21)
MENTOR_TRN = "7000099"
DAY = r"\d{1,2} \w+ \d{4}"


@pytest.fixture
def names() -> dict[str, str]:
    """Teachers' names as the scenarios say them, to their TRNs."""
    return {}


def _record(trn: str, first: str, last: str, born: date, **changes: object) -> TeacherRecord:
    fields: dict[str, object] = {
        "trn": Trn(trn),
        "first_name": first,
        "last_name": last,
        "date_of_birth": born,
        "induction_status": TrsInductionStatus.REQUIRED_TO_COMPLETE,
        "qts_awarded_on": date(2026, 7, 10),
    }
    return TeacherRecord(**(fields | changes))  # type: ignore[arg-type]


# Givens.


@given("contract periods 2022 to 2026, with payments frozen in 2022", target_fixture="world")
def world(session_factory: sessionmaker[Session]) -> RegistrationWorld:
    made = RegistrationWorld(session_factory, FixedClock(TODAY))
    made.set_up()
    return made


@given('a state-funded school "Hilltop Primary" and an independent school "Oakfield House"')
def two_schools(world: RegistrationWorld) -> None:
    assert set(world.schools) == {"Hilltop Primary", "Oakfield House"}


@given(
    parsers.re(
        rf'TRS knows (?P<first>\w+) (?P<last>\w+), TRN "(?P<trn>\d+)", born (?P<born>{DAY}), '
        r'NINO "(?P<nino>\w+)"'
    )
)
def trs_knows(world: RegistrationWorld, names: dict[str, str], first, last, trn, born, nino):
    world.trs.add(_record(trn, first, last, a_day(born)), NationalInsuranceNumber(nino))
    names[f"{first} {last}"] = trn


@given("TRS cannot be reached")
def trs_down(world: RegistrationWorld) -> None:
    world.trs.unavailable = True


_RECORDS = {
    "induction Passed": {"induction_status": TrsInductionStatus.PASSED},
    "induction Exempt": {"induction_status": TrsInductionStatus.EXEMPT},
    "induction Failed": {"induction_status": TrsInductionStatus.FAILED},
    "induction FailedInWales": {"induction_status": TrsInductionStatus.FAILED_IN_WALES},
    "prohibited from teaching": {"alerts": (TeacherAlert(True),)},
    "prohibited from teaching until last week": {
        "alerts": (TeacherAlert(True, TODAY - timedelta(days=7)),)
    },
    "no QTS": {"qts_awarded_on": None},
}


@given(parsers.parse('TRS knows a teacher with TRN "{trn}" whose record says {record}'))
def trs_knows_record(world: RegistrationWorld, trn: str, record: str) -> None:
    world.trs.add(_record(trn, "Peter", "Lawson", date(1996, 3, 7), **_RECORDS[record]))


def _teacher(world: RegistrationWorld, names: dict[str, str], name: str) -> Teacher:
    trn = names[name]
    with world.uow() as uow:
        found = uow.teachers.find_by_trn(Trn(trn))
    if found is not None:
        return found
    first, last = name.split()
    return Teacher(trn=Trn(trn), trs_first_name=first, trs_last_name=last)


def _save(world: RegistrationWorld, teacher: Teacher) -> Teacher:
    with world.uow() as uow:
        (uow.teachers.save if teacher.id else uow.teachers.add)(teacher)
        uow.commit()
    return teacher


def _provider_led(world: RegistrationWorld, lead_provider: str, year: int, start: date, end=None):
    return TrainingPeriod(
        role=TrainingRole.ECT,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=start,
        finished_on=end,
        expression_of_interest_id=world.active_lead_provider_id(lead_provider, year),
        schedule_id=world.schedule_id(year, "ecf-standard-september"),
    )


_PLACED = re.compile(
    rf'(?P<name>\w+ \w+) (?:has been|was) an ECT at "(?P<school>[^"]+)" '
    rf"(?:since (?P<since>{DAY})|from (?P<start>{DAY}) to (?P<end>{DAY}))"
    r'(?: with email "(?P<email>[^"]+)")?'
    rf'(?:, provider-led with "(?P<lp>[^"]+)" in (?P<year>\d{{4}}))?(?P<mentored> and mentored)?$'
)


@given(parsers.re(_PLACED.pattern))
def placed_as_ect(
    world: RegistrationWorld,
    names: dict[str, str],
    name: str,
    school: str,
    since: str | None,
    start: str | None,
    end: str | None,
    email: str | None,
    lp: str | None,
    year: str | None,
    mentored: str | None,
) -> None:
    teacher = _teacher(world, names, name)
    begins = a_day(str(since or start))
    ends = a_day(end) if end else None
    placement = ECTAtSchoolPeriod(
        school_id=world.schools[school],
        started_on=begins,
        finished_on=ends,
        email=email,
    )
    teacher.add_ect_placement(placement)
    if lp:
        training = _provider_led(world, lp, int(str(year)), begins, ends)
        teacher.add_training_period(placement, training)
    if mentored:
        mentor = _a_mentor(world, placement.school_id, begins)
        teacher.start_mentorship(placement, mentor, begins)
    _save(world, teacher)


def _a_mentor(world: RegistrationWorld, school_id: int, start: date) -> MentorPlacement:
    mentor = Teacher(trn=Trn(MENTOR_TRN), trs_first_name="Maya", trs_last_name="Mentor")
    placement = MentorAtSchoolPeriod(school_id=school_id, started_on=start)
    mentor.add_mentor_placement(placement)
    _save(world, mentor)
    return MentorPlacement.of(mentor.id, placement)


@given(parsers.parse('{name} has been a mentor at "{school}" since {since} with email "{email}"'))
def placed_as_mentor(world, names, name: str, school: str, since: str, email: str) -> None:
    teacher = _teacher(world, names, name)
    teacher.add_mentor_placement(
        MentorAtSchoolPeriod(school_id=world.schools[school], started_on=a_day(since), email=email)
    )
    _save(world, teacher)


@given(parsers.parse("the 2027 contract period exists but is not open for registration"))
def contract_period_2027_closed(world: RegistrationWorld) -> None:
    world.add_contract_period(2027, enabled=False)


@given(parsers.parse("the 2027 contract period is open for registration"))
def contract_period_2027_open(world: RegistrationWorld) -> None:
    from sqlalchemy import update

    from ecf2.adapters.db.contracts_rows import ContractPeriodRow

    with world.session_factory() as session, session.begin():
        session.execute(
            update(ContractPeriodRow).where(ContractPeriodRow.year == 2027).values(enabled=True)
        )


@given(
    parsers.parse('"{school}" is in partnership with "{lead_provider}" in {year:d}'),
    target_fixture="partnership_id",
)
def in_partnership(world: RegistrationWorld, school: str, lead_provider: str, year: int) -> int:
    return world.partnership(school, lead_provider, year)


# Whens.


@when(
    parsers.re(
        rf'"(?P<school>[^"]+)" looks for TRN "(?P<trn>\d+)" born on (?P<born>{DAY})'
        r'(?: with NINO "(?P<nino>[^"]+)")?$'
    ),
    target_fixture="outcome",
)
def looks_for(world: RegistrationWorld, school: str, trn: str, born: str, nino: str | None):
    def find() -> FoundEct:
        number = NationalInsuranceNumber(nino) if nino else None
        return world.service.find_ect(world.schools[school], Trn(trn), a_day(born), number)

    return attempt(find)


@when(parsers.parse('a school types the TRN "{typed}"'), target_fixture="outcome")
def types_trn(typed: str) -> Outcome:
    return attempt(lambda: Trn.from_school_input(typed))


@when(parsers.parse('"{school}" gives {name} the email "{email}"'), target_fixture="outcome")
def gives_email(world, names, school: str, name: str, email: str) -> Outcome:
    return attempt(lambda: world.service.check_email(Trn(names[name]), email))


@when(
    parsers.parse('"{school}" gives {name} the school start date {day}'), target_fixture="outcome"
)
def gives_start_date(world, names, school: str, name: str, day: str) -> Outcome:
    return attempt(lambda: world.service.check_start_date(Trn(names[name]), a_day(day)))


def _register(world, names, school, name, start, programme, body=None, lead_provider=None):
    trn = names[name]
    record = world.trs.find(Trn(trn))
    if body is None:
        body = "ISTIP" if school == "Oakfield House" else "Ashfield Teaching School Hub"
    command = RegisterEct(
        school_id=world.schools[school],
        record=record,
        corrected_name=None,
        email=f"{trn}@school.example",
        started_on=a_day(start),
        working_pattern="full_time",
        appropriate_body_id=world.appropriate_bodies[body],
        training_programme=programme,
        lead_provider_id=world.lead_providers[lead_provider] if lead_provider else None,
    )
    return attempt(lambda: world.service.register_ect(command, world.actor))


@when(
    parsers.parse(
        '"{school}" registers {name} school-led from {start} with "{body}" as appropriate body'
    ),
    target_fixture="outcome",
)
def registers_school_led(world, names, school: str, name: str, start: str, body: str):
    return _register(world, names, school, name, start, "school_led", body=body)


@when(
    parsers.parse('"{school}" registers {name} provider-led with "{lead_provider}" from {start}'),
    target_fixture="outcome",
)
def registers_provider_led(world, names, school: str, name: str, lead_provider: str, start: str):
    return _register(world, names, school, name, start, "provider_led", lead_provider=lead_provider)


@given(
    parsers.parse('"{school}" last chose school-led training with "{body}"'),
)
def last_chose_school_led(world: RegistrationWorld, school: str, body: str) -> None:
    world.set_last_choices(school, body, "school_led", None)


@given(
    parsers.parse('"{school}" last chose provider-led training with "{lead_provider}" and "{body}"')
)
def last_chose_provider_led(world: RegistrationWorld, school: str, lead_provider: str, body: str):
    world.set_last_choices(school, body, "provider_led", lead_provider)


@given(
    parsers.parse(
        '"{school}" was in partnership with "{lead_provider}" and "{partner}" in {year:d}'
    )
)
def was_in_partnership(world, school: str, lead_provider: str, partner: str, year: int) -> None:
    world.partnership(school, lead_provider, year, partner)


@given(parsers.parse('"{lead_provider}" still works with "{partner}" in {year:d}'))
def still_paired(world: RegistrationWorld, lead_provider: str, partner: str, year: int) -> None:
    world.pair(lead_provider, partner, year)


@when(
    parsers.parse(
        '"{school}" asks whether its last choices can be used for {name} starting {start}'
    ),
    target_fixture="outcome",
)
def asks_last_choices(world, names, school: str, name: str, start: str) -> Outcome:
    return attempt(
        lambda: world.service.previous_choices(
            world.schools[school], Trn(names[name]), a_day(start)
        )
    )


@when(
    parsers.parse('"{school}" registers {name} from {start} with its last choices'),
    target_fixture="outcome",
)
def registers_with_last_choices(world, names, school: str, name: str, start: str) -> Outcome:
    trn = Trn(names[name])
    previous = world.service.previous_choices(world.schools[school], trn, a_day(start))
    assert previous is not None, "the last choices are not offered"
    command = RegisterEct(
        school_id=world.schools[school],
        record=world.trs.find(trn),
        corrected_name=None,
        email="kirsty@school.example",
        started_on=a_day(start),
        working_pattern="full_time",
        appropriate_body_id=previous.appropriate_body_id,
        training_programme=previous.training_programme,
        lead_provider_id=previous.lead_provider_id,
        recreate_partnership_id=previous.recreate_partnership_id,
    )
    return attempt(lambda: world.service.register_ect(command, world.actor))


@given(parsers.parse("the date is now {day}"))
def today_is(world: RegistrationWorld, day: str) -> None:
    world.clock.set(a_day(day))


@given(parsers.parse('"{school}" loses its section 41 approval'))
def loses_section_41(world: RegistrationWorld, school: str) -> None:
    from sqlalchemy import update

    from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow

    urn = world.row(select(SchoolRow.urn).where(SchoolRow.id == world.schools[school]))[0]
    with world.session_factory() as session, session.begin():
        session.execute(
            update(GiasSchoolRow).where(GiasSchoolRow.urn == urn).values(section_41_approved=False)
        )


@when(parsers.parse('"{school}" starts registering an ECT'), target_fixture="outcome")
def starts_registering(world: RegistrationWorld, school: str) -> Outcome:
    return attempt(lambda: world.service.registration_closed(world.schools[school]))


@when(parsers.parse('"{school}" reports {name} leaving on {day}'), target_fixture="outcome")
def reports_leaving(world: RegistrationWorld, names, school: str, name: str, day: str) -> Outcome:
    teacher = world.teacher(names[name])
    service = EctLeavingService(world.uow, world.clock)
    return attempt(
        lambda: service.report_ect_leaving(
            world.schools[school], teacher.api_id, a_day(day), world.actor
        )
    )
