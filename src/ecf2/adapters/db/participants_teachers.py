"""Mappers and the repository of the Teacher aggregate."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import attrs
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.repository import (
    SqlRepository,
    bump_version,
    copy_fields,
    field_values,
)
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorshipPeriod,
)
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound
from ecf2.domain.shared.identifiers import Trn

_NOT_COLUMNS = {"trn", "ect_at_school_periods", "mentor_at_school_periods", "id", "pending_events"}
_TEACHER_FIELDS = tuple(a.name for a in attrs.fields(Teacher) if a.name not in _NOT_COLUMNS)
_PERIOD_FIELDS = ("started_on", "finished_on")
_PLACEMENT_FIELDS = (
    *_PERIOD_FIELDS,
    "school_id",
    "email",
    "reported_leaving_by_school_id",
    "ecf_start_induction_record_id",
    "ecf_end_induction_record_id",
)
_ECT_PLACEMENT_FIELDS = (
    *_PLACEMENT_FIELDS,
    "working_pattern",
    "school_reported_appropriate_body_id",
)
_TRAINING_FIELDS = (
    *_PERIOD_FIELDS,
    "role",
    "training_programme",
    "school_partnership_id",
    "expression_of_interest_id",
    "schedule_id",
    "withdrawn_at",
    "withdrawal_reason",
    "deferred_at",
    "deferral_reason",
)


def _training_from_row(row: TrainingPeriodRow) -> TrainingPeriod:
    return TrainingPeriod(id=row.id, **field_values(row, _TRAINING_FIELDS))


def _mentorship_from_row(row: MentorshipPeriodRow) -> MentorshipPeriod:
    return MentorshipPeriod(
        id=row.id,
        mentor_at_school_period_id=row.mentor_at_school_period_id,
        **field_values(row, _PERIOD_FIELDS),
    )


def _ect_placement_from_row(row: ECTAtSchoolPeriodRow) -> ECTAtSchoolPeriod:
    return ECTAtSchoolPeriod(
        id=row.id,
        training_periods=[_training_from_row(tp) for tp in row.training_periods],
        mentorship_periods=[_mentorship_from_row(m) for m in row.mentorship_periods],
        **field_values(row, _ECT_PLACEMENT_FIELDS),
    )


def _mentor_placement_from_row(row: MentorAtSchoolPeriodRow) -> MentorAtSchoolPeriod:
    return MentorAtSchoolPeriod(
        id=row.id,
        training_periods=[_training_from_row(tp) for tp in row.training_periods],
        **field_values(row, _PLACEMENT_FIELDS),
    )


def _teacher_from_row(row: TeacherRow) -> Teacher:
    return Teacher(
        id=row.id,
        trn=None if row.trn is None else Trn(row.trn),
        ect_at_school_periods=[_ect_placement_from_row(p) for p in row.ect_at_school_periods],
        mentor_at_school_periods=[
            _mentor_placement_from_row(p) for p in row.mentor_at_school_periods
        ],
        **field_values(row, _TEACHER_FIELDS),
    )


def _apply_teacher(teacher: Teacher, row: TeacherRow) -> None:
    row.trn = None if teacher.trn is None else teacher.trn.value
    copy_fields(teacher, row, (name for name in _TEACHER_FIELDS if name != "version"))


def _teacher_query() -> Select[tuple[TeacherRow]]:
    ect = selectinload(TeacherRow.ect_at_school_periods)
    mentor = selectinload(TeacherRow.mentor_at_school_periods)
    return select(TeacherRow).options(
        ect.selectinload(ECTAtSchoolPeriodRow.training_periods),
        ect.selectinload(ECTAtSchoolPeriodRow.mentorship_periods),
        mentor.selectinload(MentorAtSchoolPeriodRow.training_periods),
    )


class SqlTeacherRepository(SqlRepository):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        # Mentorships whose mentor placement gets its id only when the session flushes.
        self._pending_mentor_links: list[tuple[MentorshipPeriod, MentorshipPeriodRow]] = []

    def get(self, teacher_id: int) -> Teacher:
        return self._one(_teacher_query().where(TeacherRow.id == teacher_id), teacher_id)

    def get_by_trn(self, trn: Trn) -> Teacher:
        return self._one(_teacher_query().where(TeacherRow.trn == trn.value), trn)

    def find_by_trn(self, trn: Trn) -> Teacher | None:
        row = self._session.scalars(_teacher_query().where(TeacherRow.trn == trn.value)).first()
        return None if row is None else self._loaded(row)

    def get_by_api_id(self, api_id: uuid.UUID) -> Teacher:
        return self._one(_teacher_query().where(TeacherRow.api_id == api_id), api_id)

    def get_by_mentor_placement(self, mentor_at_school_period_id: int) -> Teacher:
        mentor = select(MentorAtSchoolPeriodRow.teacher_id).where(
            MentorAtSchoolPeriodRow.id == mentor_at_school_period_id
        )
        query = _teacher_query().where(TeacherRow.id.in_(mentor))
        return self._one(query, mentor_at_school_period_id)

    def mentored_through(self, mentor_at_school_period_id: int) -> list[Teacher]:
        """The ECTs with a mentorship under this mentor placement, each loaded whole."""
        mentees = (
            select(ECTAtSchoolPeriodRow.teacher_id)
            .join(
                MentorshipPeriodRow,
                MentorshipPeriodRow.ect_at_school_period_id == ECTAtSchoolPeriodRow.id,
            )
            .where(MentorshipPeriodRow.mentor_at_school_period_id == mentor_at_school_period_id)
        )
        rows = self._session.scalars(_teacher_query().where(TeacherRow.id.in_(mentees)))
        return [self._loaded(row) for row in rows.unique()]

    def add(self, teacher: Teacher) -> Teacher:
        row = TeacherRow()
        _apply_teacher(teacher, row)
        self._session.add(row)
        self._sync_children(teacher, row)
        self._pair(teacher, row)
        return self._seen(teacher)

    def save(self, teacher: Teacher) -> Teacher:
        row = self._session.scalars(_teacher_query().where(TeacherRow.id == teacher.id)).first()
        if row is None:
            raise NotFound(f"There is no teacher {teacher.id}")
        if row.version != teacher.version:
            raise ConcurrentUpdate("This teacher was changed by someone else; try again")
        _apply_teacher(teacher, row)
        self._sync_children(teacher, row)
        bump_version(row)
        self._pair(teacher, row)
        return self._seen(teacher)

    def write_back_ids(self) -> None:
        super().write_back_ids()
        # The flush may have stamped the API update time (participants_api_stamps).
        for entity, row in self._pairs:
            if isinstance(row, TeacherRow):
                entity.api_updated_at = row.api_updated_at
        for mentorship, row in self._pending_mentor_links:
            mentorship.mentor_at_school_period_id = row.mentor_at_school_period_id
            mentorship.mentor_placement = None
        self._pending_mentor_links.clear()

    def _one(self, query: Select[tuple[TeacherRow]], key: object) -> Teacher:
        row = self._session.scalars(query).first()
        if row is None:
            raise NotFound(f"There is no teacher {key}", field="teacher")
        return self._loaded(row)

    def _loaded(self, row: TeacherRow) -> Teacher:
        teacher = _teacher_from_row(row)
        self._pair(teacher, row)
        for placement, placement_row in zip(
            teacher.ect_at_school_periods, row.ect_at_school_periods, strict=True
        ):
            self._pair_placement(placement, placement_row)
        for placement, placement_row in zip(
            teacher.mentor_at_school_periods, row.mentor_at_school_periods, strict=True
        ):
            self._pair_placement(placement, placement_row)
        return self._seen(teacher)

    def _pair_placement(self, placement: Any, row: Any) -> None:
        self._pair(placement, row)
        children = [*placement.training_periods, *getattr(placement, "mentorship_periods", [])]
        child_rows = [*row.training_periods, *getattr(row, "mentorship_periods", [])]
        for child, child_row in zip(children, child_rows, strict=True):
            self._pair(child, child_row)

    # Saving: child rows are matched to entities by id; rows left over are deleted.

    def _sync_children(self, teacher: Teacher, row: TeacherRow) -> None:
        ect_rows = _by_id(row.ect_at_school_periods if row.id else [])
        row.ect_at_school_periods = [
            self._sync_ect_placement(
                placement, _row_for(placement, ect_rows, ECTAtSchoolPeriodRow), row
            )
            for placement in teacher.ect_at_school_periods
        ]
        mentor_rows = _by_id(row.mentor_at_school_periods if row.id else [])
        row.mentor_at_school_periods = [
            self._sync_mentor_placement(
                placement, _row_for(placement, mentor_rows, MentorAtSchoolPeriodRow), row
            )
            for placement in teacher.mentor_at_school_periods
        ]

    def _sync_ect_placement(
        self, placement: ECTAtSchoolPeriod, row: ECTAtSchoolPeriodRow, teacher_row: TeacherRow
    ) -> ECTAtSchoolPeriodRow:
        copy_fields(placement, row, _ECT_PLACEMENT_FIELDS)
        row.training_periods = self._sync_training(
            placement.training_periods, row.training_periods if row.id else [], teacher_row
        )
        known = _by_id(row.mentorship_periods if row.id else [])
        self._delete_removed(placement.mentorship_periods, known)
        row.mentorship_periods = [
            self._sync_mentorship(m, _row_for(m, known, MentorshipPeriodRow))
            for m in placement.mentorship_periods
        ]
        return self._pair(placement, row)

    def _delete_removed(self, entities: Iterable[Any], known: dict[int, Any]) -> None:
        """Removed mentorships and training go first: the ORM inserts before it deletes,
        and a new one may start on the day a removed one did (§3.3 AssignMentor, §3.6)."""
        kept = {entity.id for entity in entities if entity.id is not None}
        removed = [row for row_id, row in known.items() if row_id not in kept]
        if not removed:
            return
        for row in removed:
            del known[row.id]
            self._session.delete(row)
        self._session.flush()

    def _sync_mentor_placement(
        self, placement: MentorAtSchoolPeriod, row: MentorAtSchoolPeriodRow, teacher_row: TeacherRow
    ) -> MentorAtSchoolPeriodRow:
        copy_fields(placement, row, _PLACEMENT_FIELDS)
        row.training_periods = self._sync_training(
            placement.training_periods, row.training_periods if row.id else [], teacher_row
        )
        return self._pair(placement, row)

    def _sync_training(
        self,
        trainings: list[TrainingPeriod],
        rows: list[TrainingPeriodRow],
        teacher_row: TeacherRow,
    ) -> list[TrainingPeriodRow]:
        known = _by_id(rows)
        self._delete_removed(trainings, known)
        synced = []
        for training in trainings:
            row = _row_for(training, known, TrainingPeriodRow)
            if row.id is None:
                row.teacher = teacher_row
            copy_fields(training, row, _TRAINING_FIELDS)
            synced.append(self._pair(training, row))
        return synced

    def _sync_mentorship(
        self, mentorship: MentorshipPeriod, row: MentorshipPeriodRow
    ) -> MentorshipPeriodRow:
        copy_fields(mentorship, row, _PERIOD_FIELDS)
        if mentorship.mentor_at_school_period_id is not None:
            row.mentor_at_school_period_id = mentorship.mentor_at_school_period_id
        else:
            row.mentor_at_school_period = self._row_of(mentorship.mentor_placement)
            self._pending_mentor_links.append((mentorship, row))
        return self._pair(mentorship, row)

    def _row_of(self, entity: object) -> Any:
        row = self._paired_row(entity)
        if row is None:
            raise ValueError("Add or save the mentor before the mentorship that names them")
        return row


def _by_id(rows: Iterable[Any]) -> dict[int, Any]:
    return {row.id: row for row in rows}


def _row_for(entity: Any, rows: dict[int, Any], row_class: type) -> Any:
    if entity.id is None:
        return row_class()
    if entity.id not in rows:
        raise ConcurrentUpdate("Part of this teacher's record was removed by someone else")
    return rows[entity.id]
