"""Round trips of the participants aggregates through the SQL unit of work, and the
database refusing what the domain would refuse, even when two writers race."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.constraints import refusal_for
from ecf2.adapters.db.participants_teacher_rows import ECTAtSchoolPeriodRow, TrainingPeriodRow
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.participants import (
    GiasSchoolLink,
    MentorPlacement,
    School,
    SchoolFundingEligibility,
    Teacher,
    TrainingRole,
    WorkingPattern,
)
from ecf2.domain.shared import ConcurrentUpdate, NotFound, RuleBroken, Trn, Urn
from ecf2.domain.shared.clock import FixedClock
from tests.integration.db.stub_rows import insert_stub
from tests.unit.participants.builders import (
    a_gias_school,
    a_mentor_placement,
    a_teacher,
    an_ect_placement,
    provider_led,
    school_led,
)

pytestmark = pytest.mark.participants

SEP_2025, AUG_2026, SEP_2026 = date(2025, 9, 1), date(2026, 8, 31), date(2026, 9, 1)
NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)


def added(uow: SqlAlchemyUnitOfWork, repository: str, *entities: Any) -> None:
    with uow:
        for entity in entities:
            getattr(uow, repository).add(entity)
        uow.commit()


def a_school_at(uow: SqlAlchemyUnitOfWork, urn: str, **gias: Any) -> School:
    added(uow, "gias_schools", a_gias_school(urn=Urn(urn), **gias))
    school = School(urn=Urn(urn))
    added(uow, "schools", school)
    return school


@pytest.fixture
def schools(uow: SqlAlchemyUnitOfWork) -> tuple[School, School]:
    return a_school_at(uow, "100001"), a_school_at(uow, "100002")


def a_contract_period(connection: Connection, year: int) -> int:
    dates = {"started_on": date(year, 6, 1), "finished_on": date(year + 1, 5, 31)}
    return insert_stub(connection, "contract_periods", year=year, **dates)


@pytest.fixture
def lead_provider_choice(engine: Engine) -> dict[str, int]:
    """A schedule and an active lead provider, for provider-led training."""
    with engine.begin() as connection:
        year = a_contract_period(connection, 2025)
        return {
            "schedule_id": insert_stub(connection, "schedules", contract_period_year=year),
            "expression_of_interest_id": insert_stub(
                connection, "active_lead_providers", contract_period_year=year
            ),
        }


def test_a_gias_school_round_trips_with_its_links(uow: SqlAlchemyUnitOfWork) -> None:
    gias = a_gias_school(
        status="proposed_to_close",
        section_41_approved=True,
        ukprn=10012345,
        opened_on=date(1990, 9, 1),
        links=[GiasSchoolLink(link_urn=Urn("654321"), link_type="Successor")],
    )
    added(uow, "gias_schools", gias)
    assert gias.links[0].id is not None
    with uow:
        assert uow.gias_schools.get(Urn("123456")) == gias


def test_a_gias_school_is_saved_with_changed_links(uow: SqlAlchemyUnitOfWork) -> None:
    added(
        uow,
        "gias_schools",
        a_gias_school(links=[GiasSchoolLink(link_urn=Urn("111111"), link_type="Predecessor")]),
    )
    with uow:
        gias = uow.gias_schools.get(Urn("123456"))
        gias.status = "closed"
        gias.closed_on = date(2026, 7, 31)
        gias.links = [GiasSchoolLink(link_urn=Urn("222222"), link_type="Successor")]
        uow.gias_schools.save(gias)
        uow.commit()
    assert gias.version == 2
    with uow:
        assert uow.gias_schools.get(Urn("123456")) == gias


def test_a_missing_gias_school_is_not_found(uow: SqlAlchemyUnitOfWork) -> None:
    with uow, pytest.raises(NotFound):
        uow.gias_schools.get(Urn("999999"))


def test_a_school_round_trips_with_what_gias_says_of_it(uow: SqlAlchemyUnitOfWork) -> None:
    school = a_school_at(uow, "100001", type_name="Other independent school", eligible=False)
    with uow:
        loaded = uow.schools.get_by_urn(Urn("100001"))
    assert loaded == school
    assert loaded.independent
    assert not loaded.eligible
    assert loaded.gias_school == a_gias_school(
        urn=Urn("100001"), type_name="Other independent school", eligible=False
    )


def test_a_school_is_saved_and_found_by_id_and_api_id(
    uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    school = a_school_at(uow, "100001")
    with engine.begin() as connection:
        a_contract_period(connection, 2026)
    with uow:
        loaded = uow.schools.get(school.id)
        loaded.nominate_induction_tutor("Grace Hopper", "grace@example.org", 2026)
        loaded.marked_as_eligible = True
        uow.schools.save(loaded)
        uow.commit()
    assert loaded.version == 2
    with uow:
        assert uow.schools.get_by_api_id(school.api_id) == loaded


def test_a_school_funding_eligibility_is_found_by_urn_and_year(
    uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    added(uow, "gias_schools", a_gias_school())
    with engine.begin() as connection:
        a_contract_period(connection, 2025)
    eligibility = SchoolFundingEligibility(
        gias_school_urn=Urn("123456"), contract_period_year=2025, sparsity_uplift=True
    )
    added(uow, "school_funding_eligibilities", eligibility)
    with uow:
        repository = uow.school_funding_eligibilities
        assert repository.for_urn_and_year(Urn("123456"), 2025) == eligibility
        assert repository.for_urn_and_year(Urn("123456"), 2026) is None


def a_career(schools: tuple[School, School], choice: dict[str, int]) -> Teacher:
    """An ECT who moved from the first school to the second, and now mentors too."""
    first, second = schools
    teacher = a_teacher(
        trs_induction_status="InProgress",
        trs_data_last_refreshed_at=NOW,
        ect_first_became_eligible_for_training_at=NOW,
    )
    earlier = teacher.add_ect_placement(
        an_ect_placement(SEP_2025, AUG_2026, school_id=first.id, email="ada@example.org")
    )
    teacher.add_training_period(earlier, provider_led(SEP_2025, AUG_2026, **choice))
    now = teacher.add_ect_placement(
        an_ect_placement(SEP_2026, school_id=second.id, working_pattern=WorkingPattern.PART_TIME)
    )
    teacher.add_training_period(now, school_led(SEP_2026))
    mentoring = teacher.add_mentor_placement(a_mentor_placement(SEP_2026, school_id=first.id))
    teacher.add_training_period(
        mentoring, provider_led(SEP_2026, role=TrainingRole.MENTOR, **choice)
    )
    return teacher


def test_a_teacher_round_trips_with_placements_and_training(
    uow: SqlAlchemyUnitOfWork, schools: tuple[School, School], lead_provider_choice: dict[str, int]
) -> None:
    teacher = a_career(schools, lead_provider_choice)
    added(uow, "teachers", teacher)
    assert all(tp.id is not None for tp in teacher.training_periods())
    with uow:
        assert uow.teachers.get(teacher.id) == teacher
        assert uow.teachers.get_by_trn(Trn("1234567")) == teacher
        assert uow.teachers.get_by_api_id(teacher.api_id) == teacher
        assert uow.teachers.find_by_trn(Trn("7654321")) is None


def test_a_teacher_without_a_trn_round_trips(uow: SqlAlchemyUnitOfWork) -> None:
    teacher = Teacher(trnless=True, corrected_name="Ada Lovelace")
    added(uow, "teachers", teacher)
    with uow:
        assert uow.teachers.get(teacher.id) == teacher


def test_training_periods_are_stored_with_their_teacher_and_role(
    uow: SqlAlchemyUnitOfWork,
    schools: tuple[School, School],
    lead_provider_choice: dict[str, int],
    session_factory: sessionmaker[Session],
) -> None:
    teacher = a_career(schools, lead_provider_choice)
    added(uow, "teachers", teacher)
    with session_factory() as session:
        stored = session.execute(select(TrainingPeriodRow.teacher_id, TrainingPeriodRow.role))
        assert sorted(stored) == [
            (teacher.id, TrainingRole.ECT),
            (teacher.id, TrainingRole.ECT),
            (teacher.id, TrainingRole.MENTOR),
        ]


def test_changes_to_placements_and_training_are_saved(
    uow: SqlAlchemyUnitOfWork, schools: tuple[School, School], lead_provider_choice: dict[str, int]
) -> None:
    teacher = a_career(schools, lead_provider_choice)
    added(uow, "teachers", teacher)
    with uow:
        loaded = uow.teachers.get(teacher.id)
        current = loaded.ect_at_school_periods[1]
        loaded.finish_training_period(current.training_periods[0], date(2026, 12, 31))
        loaded.add_training_period(current, provider_led(date(2027, 1, 1), **lead_provider_choice))
        loaded.remove_mentor_placement(loaded.mentor_at_school_periods[0])
        loaded.corrected_name = "Ada King"
        uow.teachers.save(loaded)
        uow.commit()
    assert loaded.version == 2
    with uow:
        assert uow.teachers.get(teacher.id) == loaded
        assert len(uow.teachers.get(teacher.id).training_periods()) == 3


def test_training_periods_note_when_they_were_recorded_or_their_dates_changed(
    uow: SqlAlchemyUnitOfWork,
    clock: FixedClock,
    schools: tuple[School, School],
    lead_provider_choice: dict[str, int],
    session_factory: sessionmaker[Session],
) -> None:
    recorded = clock.now()
    teacher = a_career(schools, lead_provider_choice)
    added(uow, "teachers", teacher)
    clock.advance(timedelta(days=3))
    with uow:
        loaded = uow.teachers.get(teacher.id)
        current = loaded.ect_at_school_periods[1]
        loaded.finish_training_period(current.training_periods[0], date(2026, 12, 31))
        loaded.add_training_period(current, provider_led(date(2027, 1, 1), **lead_provider_choice))
        loaded.corrected_name = "Ada King"
        uow.teachers.save(loaded)
        uow.commit()
    with session_factory() as session:
        stamps = session.execute(
            select(TrainingPeriodRow.started_on, TrainingPeriodRow.api_transfer_updated_at)
            .where(TrainingPeriodRow.role == TrainingRole.ECT)
            .order_by(TrainingPeriodRow.started_on)
        ).all()
    assert stamps == [
        (SEP_2025, recorded),
        (SEP_2026, clock.now()),
        (date(2027, 1, 1), clock.now()),
    ]


def test_a_teacher_is_updated_for_lead_providers_when_what_they_read_changes(
    uow: SqlAlchemyUnitOfWork,
    clock: FixedClock,
    schools: tuple[School, School],
    lead_provider_choice: dict[str, int],
) -> None:
    teacher = a_career(schools, lead_provider_choice)
    added(uow, "teachers", teacher)
    recorded = teacher.api_updated_at

    clock.advance(timedelta(hours=1))
    with uow:
        loaded = uow.teachers.get(teacher.id)
        loaded.trs_data_last_refreshed_at = clock.now()
        uow.teachers.save(loaded)
        uow.commit()
    assert loaded.api_updated_at == recorded

    clock.advance(timedelta(hours=1))
    with uow:
        loaded = uow.teachers.get(teacher.id)
        current = loaded.ect_at_school_periods[1]
        loaded.finish_training_period(current.training_periods[0], date(2026, 12, 31))
        uow.teachers.save(loaded)
        uow.commit()
    assert loaded.api_updated_at == clock.now()
    with uow:
        assert uow.teachers.get(teacher.id).api_updated_at == clock.now()


def test_only_children_changing_still_moves_the_version(
    uow: SqlAlchemyUnitOfWork, schools: tuple[School, School]
) -> None:
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(SEP_2025, school_id=schools[0].id))
    added(uow, "teachers", teacher)
    with uow:
        loaded = uow.teachers.get(teacher.id)
        loaded.finish_ect_placement(loaded.ect_at_school_periods[0], AUG_2026)
        uow.teachers.save(loaded)
        uow.commit()
    assert loaded.version == 2
    assert placement.id == loaded.ect_at_school_periods[0].id


def test_a_mentor_registered_in_the_same_unit_of_work_can_be_assigned(
    uow: SqlAlchemyUnitOfWork, schools: tuple[School, School]
) -> None:
    school = schools[0]
    ect = a_teacher()
    placement = ect.add_ect_placement(an_ect_placement(SEP_2025, school_id=school.id))
    added(uow, "teachers", ect)
    with uow:
        mentor = a_teacher(trn=Trn("7654321"))
        mentoring = mentor.add_mentor_placement(a_mentor_placement(SEP_2025, school_id=school.id))
        uow.teachers.add(mentor)
        loaded = uow.teachers.get(ect.id)
        mentorship = loaded.start_mentorship(
            loaded.ect_at_school_periods[0], MentorPlacement.of(None, mentoring), SEP_2026
        )
        uow.teachers.save(loaded)
        uow.commit()
    assert mentorship.mentor_at_school_period_id == mentoring.id is not None
    assert mentorship.mentor_placement is None
    with uow:
        assert uow.teachers.get(ect.id) == loaded
    assert placement.id == loaded.ect_at_school_periods[0].id


def test_a_stale_teacher_loses_to_a_fresher_save(
    uow: SqlAlchemyUnitOfWork, schools: tuple[School, School]
) -> None:
    added(uow, "teachers", a_teacher())
    with uow:
        stale = uow.teachers.get_by_trn(Trn("1234567"))
    with uow:
        fresh = uow.teachers.get_by_trn(Trn("1234567"))
        fresh.add_ect_placement(an_ect_placement(SEP_2025, school_id=schools[0].id))
        uow.teachers.save(fresh)
        uow.commit()
    stale.corrected_name = "Ada King"
    with uow, pytest.raises(ConcurrentUpdate):
        uow.teachers.save(stale)


def test_a_missing_teacher_is_not_found(uow: SqlAlchemyUnitOfWork) -> None:
    with uow, pytest.raises(NotFound):
        uow.teachers.get_by_trn(Trn("7654321"))


def test_the_database_refuses_a_teacher_with_neither_trn_nor_trnless(
    uow: SqlAlchemyUnitOfWork,
) -> None:
    teacher = a_teacher()
    teacher.trn = None  # slipping past the domain, as a bug or a hand edit might
    with uow:
        uow.teachers.add(teacher)
        with pytest.raises(RuleBroken) as refused:
            uow.commit()
    assert (refused.value.rule, refused.value.field) == ("ck_teachers_trn_or_trnless", "trn")


def test_the_database_refuses_a_second_teacher_with_the_same_trn(
    uow: SqlAlchemyUnitOfWork,
) -> None:
    added(uow, "teachers", a_teacher())
    with uow:
        uow.teachers.add(a_teacher())
        with pytest.raises(RuleBroken) as refused:
            uow.commit()
    assert refused.value.rule == "uq_teachers_trn"


def test_the_database_refuses_a_second_open_ect_placement(
    uow: SqlAlchemyUnitOfWork, schools: tuple[School, School]
) -> None:
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(SEP_2025, school_id=schools[0].id))
    added(uow, "teachers", teacher)
    with uow:
        loaded = uow.teachers.get(teacher.id)
        # Past the domain's own check, to see the database's.
        loaded.ect_at_school_periods.append(an_ect_placement(SEP_2026, school_id=schools[1].id))
        uow.teachers.save(loaded)
        with pytest.raises(RuleBroken) as refused:
            uow.commit()
    assert refused.value.rule in (
        "uq_ect_at_school_periods_one_open_per_teacher",
        "ect_at_school_periods_no_overlap",
    )


@pytest.mark.postgres
def test_two_writers_racing_cannot_both_place_an_ect_at_overlapping_dates(
    session_factory: sessionmaker[Session], clock: FixedClock, schools: tuple[School, School]
) -> None:
    uow = SqlAlchemyUnitOfWork(session_factory, clock)
    teacher = a_teacher()
    added(uow, "teachers", teacher)
    both_ready = threading.Barrier(2, timeout=10)
    outcomes: list[str] = []

    def place(school: School, started_on: date, finished_on: date) -> None:
        # Each writer inserts its own row in a session of its own, past the unit of work
        # and the teacher's version, so only the exclusion constraint stands between them.
        with session_factory() as session:
            session.add(
                ECTAtSchoolPeriodRow(
                    teacher_id=teacher.id,
                    school_id=school.id,
                    started_on=started_on,
                    finished_on=finished_on,
                )
            )
            both_ready.wait()
            try:
                session.commit()
                outcomes.append("committed")
            except IntegrityError as error:
                outcomes.append(refusal_for(error).rule)

    writers = [
        threading.Thread(target=place, args=(schools[0], SEP_2025, AUG_2026)),
        threading.Thread(target=place, args=(schools[1], date(2026, 1, 1), date(2026, 12, 31))),
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=30)
    assert sorted(outcomes) == ["committed", "ect_at_school_periods_no_overlap"]
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ECTAtSchoolPeriodRow)) == 1
