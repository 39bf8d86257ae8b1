"""Teachers for the participants tests, built through the domain with every detail the API
shows (emails, working patterns, withdrawals, deferrals, mentors, inductions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, update

from ecf2.adapters.db.inductions_rows import AppropriateBodyRow, InductionPeriodRow
from ecf2.adapters.db.participants_teacher_rows import (
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import Schedule, SchoolPartnership
from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    School,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.participants.values import WorkingPattern
from ecf2.domain.shared.identifiers import Trn


class Enrolments:
    """`teacher()` then `ect(...)` and/or `mentor(...)` on it, then `save()`."""

    def __init__(self, uow_factory: Callable[[], SqlAlchemyUnitOfWork]) -> None:
        self._uow_factory = uow_factory
        self._trns = iter(range(3_000_001, 4_000_000))
        self._appropriate_body_id: int | None = None

    def teacher(self, first: str = "Ada", last: str = "Lovelace", **values: Any) -> Teacher:
        trn = Trn(str(next(self._trns)))
        return Teacher(trn=trn, trs_first_name=first, trs_last_name=last, **values)

    def ect(
        self,
        teacher: Teacher,
        school: School,
        partnership: SchoolPartnership,
        schedule: Schedule,
        started_on: date,
        finished_on: date | None = None,
        **training: Any,
    ) -> ECTAtSchoolPeriod:
        placement = teacher.add_ect_placement(
            ECTAtSchoolPeriod(
                school_id=school.id,
                started_on=started_on,
                finished_on=finished_on,
                email=f"ect.{teacher.trn.value}@example.com",
                working_pattern=WorkingPattern.FULL_TIME,
            )
        )
        teacher.add_training_period(
            placement,
            _training(TrainingRole.ECT, partnership, schedule, started_on, finished_on, training),
        )
        return placement

    def mentor(
        self,
        teacher: Teacher,
        school: School,
        partnership: SchoolPartnership,
        schedule: Schedule,
        started_on: date,
        finished_on: date | None = None,
        **training: Any,
    ) -> MentorAtSchoolPeriod:
        placement = teacher.add_mentor_placement(
            MentorAtSchoolPeriod(
                school_id=school.id,
                started_on=started_on,
                email=f"mentor.{teacher.trn.value}@example.com",
            )
        )
        teacher.add_training_period(
            placement,
            _training(
                TrainingRole.MENTOR, partnership, schedule, started_on, finished_on, training
            ),
        )
        return placement

    def save(self, teacher: Teacher) -> Teacher:
        with self._uow_factory() as uow:
            uow.teachers.add(teacher)
            uow.commit()
        return teacher

    def stamp(self, teacher: Teacher, updated_at: datetime) -> None:
        self._execute(
            update(TeacherRow).where(TeacherRow.id == teacher.id).values(api_updated_at=updated_at)
        )

    def stamp_trs_induction_completed(self, teacher: Teacher, on: date) -> None:
        self._execute(
            update(TeacherRow)
            .where(TeacherRow.id == teacher.id)
            .values(trs_induction_completed_date=on)
        )

    def training_changed(
        self, teacher: Teacher, at: datetime, only: TrainingPeriod | None = None
    ) -> None:
        """As if the teacher's training periods (or `only` that one) were recorded or had
        their dates changed at `at`."""
        chosen = TrainingPeriodRow.teacher_id == teacher.id
        if only is not None:
            chosen = TrainingPeriodRow.id == only.id
        self._execute(update(TrainingPeriodRow).where(chosen).values(api_transfer_updated_at=at))

    def mentorship(
        self,
        ect: ECTAtSchoolPeriod,
        mentor: MentorAtSchoolPeriod,
        started_on: date,
        finished_on: date | None = None,
    ) -> None:
        self._execute(
            insert(MentorshipPeriodRow).values(
                ect_at_school_period_id=ect.id,
                mentor_at_school_period_id=mentor.id,
                started_on=started_on,
                finished_on=finished_on,
            )
        )

    def induction(self, teacher: Teacher, **values: Any) -> None:
        if self._appropriate_body_id is None:
            with self._uow_factory() as uow:
                self._appropriate_body_id = uow.session.execute(
                    insert(AppropriateBodyRow)
                    .values(name="Oak Teaching School Hub", body_type="teaching_school_hub")
                    .returning(AppropriateBodyRow.id)
                ).scalar_one()
                uow.commit()
        self._execute(
            insert(InductionPeriodRow).values(
                teacher_id=teacher.id,
                appropriate_body_id=self._appropriate_body_id,
                induction_programme="fip",
                **values,
            )
        )

    def _execute(self, statement: Any) -> None:
        with self._uow_factory() as uow:
            uow.session.execute(statement)
            uow.commit()


def _training(
    role: TrainingRole,
    partnership: SchoolPartnership,
    schedule: Schedule,
    started_on: date,
    finished_on: date | None,
    values: dict[str, Any],
) -> TrainingPeriod:
    return TrainingPeriod(
        role=role,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=started_on,
        finished_on=finished_on,
        school_partnership_id=partnership.id,
        schedule_id=schedule.id,
        **values,
    )
