"""The lead provider API's update times, stamped whenever a unit of work flushes:

- a training period notes when it was recorded or its dates last changed, for transfers
  (lead-provider-api-v3 §2.2; RECT:app/models/training_period.rb touches
  `api_transfer_updated_at` when `started_on` or `finished_on` change);
- a teacher notes when anything a lead provider reads of them changed: their names, TRN,
  funding eligibility or frozen cohorts, or their school periods, training, mentors or
  inductions (§2.1 `updated_at`; RECT touches `api_updated_at` on these), unless the change
  itself set that time;
- a school notes when its tutor or eligibility changed, or training there was recorded,
  moved or removed (§2.7 `updated_at`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from ecf2.adapters.db.inductions_rows import InductionPeriodRow
from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.domain.shared.clock import Clock

DATES = ("started_on", "finished_on")
# What a lead provider reads of the teacher row itself (§2.1).
SHOWN = (
    "trn",
    "trs_first_name",
    "trs_last_name",
    "corrected_name",
    "trs_induction_start_date",
    "trs_induction_completed_date",
    "ect_first_became_eligible_for_training_at",
    "ect_became_ineligible_for_funding_on",
    "ect_payments_frozen_year",
    "mentor_first_became_eligible_for_training_at",
    "mentor_became_ineligible_for_funding_on",
    "mentor_became_ineligible_for_funding_reason",
    "mentor_payments_frozen_year",
)
# What a lead provider reads of the school row itself (§2.7).
SCHOOL_SHOWN = ("induction_tutor_name", "induction_tutor_email", "marked_as_eligible")
PARTS = (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TrainingPeriodRow,
    InductionPeriodRow,
)


def stamp_api_changes(session: Session, clock: Clock) -> None:
    """Before every flush of this session, whoever flushes it and however often."""

    def stamp(flushing: Session, _context: Any, _instances: Any) -> None:
        moved = [row for row in (*flushing.new, *flushing.dirty) if _dates_changed(row)]
        parts = _changed_parts(flushing)
        teachers = set(_teachers_changed(flushing, parts))
        trainings = [part for part in parts if isinstance(part, TrainingPeriodRow)]
        schools = set(_schools_changed(flushing, trainings))
        if not moved and not teachers and not schools:
            return
        now = clock.now()
        for row in moved:
            row.api_transfer_updated_at = now
        for record in (*teachers, *schools):
            if not _changed(record, ("api_updated_at",)):
                record.api_updated_at = now

    event.listen(session, "before_flush", stamp)


def _dates_changed(row: object) -> bool:
    if not isinstance(row, TrainingPeriodRow):
        return False
    return inspect(row).key is None or _changed(row, DATES)


def _changed(row: object, names: Iterable[str]) -> bool:
    attributes = inspect(row).attrs
    return any(attributes[name].history.has_changes() for name in names)


def _values_changed(row: object, names: Iterable[str]) -> bool:
    """Values set to something other than what was loaded. Unlike an attribute's history,
    this ignores a column only flagged as modified to move the row's version
    (repository.bump_version)."""
    state = inspect(row)
    before = state.committed_state
    return any(
        name in before and before[name] is not NO_VALUE and before[name] != state.dict.get(name)
        for name in names
    )


def _changed_parts(flushing: Session) -> list[Any]:
    """The rows of teachers' records this flush writes: new, changed or removed."""
    return [
        row
        for row in (*flushing.new, *flushing.dirty, *flushing.deleted)
        if isinstance(row, PARTS) and (row in flushing.deleted or flushing.is_modified(row))
    ]


def _teachers_changed(flushing: Session, parts: list[Any]) -> Iterator[TeacherRow]:
    for row in flushing.dirty:
        if isinstance(row, TeacherRow) and _values_changed(row, SHOWN):
            yield row
    if parts:
        yield from _owners(flushing, parts)


def _schools_changed(flushing: Session, trainings: list[TrainingPeriodRow]) -> Iterator[SchoolRow]:
    """Schools whose tutor or eligibility changed, and schools where training was recorded,
    moved or removed: what decides their programme choice and whether lead providers
    see the tutor (§2.7). A school's record changes for every year it shows."""
    for row in flushing.dirty:
        if isinstance(row, SchoolRow) and _values_changed(row, SCHOOL_SHOWN):
            yield row
    if not trainings:
        return
    placed_in = _placements(flushing)
    for training in trainings:
        placement = placed_in.get(id(training)) or _placement_of(flushing, training)
        school = None if placement is None else flushing.get(SchoolRow, placement.school_id)
        if school is not None:
            yield school


def _placement_of(flushing: Session, training: TrainingPeriodRow) -> Any:
    if training.ect_at_school_period_id is not None:
        return flushing.get(ECTAtSchoolPeriodRow, training.ect_at_school_period_id)
    if training.mentor_at_school_period_id is not None:
        return flushing.get(MentorAtSchoolPeriodRow, training.mentor_at_school_period_id)
    return None


def _placements(flushing: Session) -> dict[int, Any]:
    """The school period holding each loaded training period."""
    rows = [*flushing.identity_map.values(), *flushing.new]
    return {
        id(training): placement
        for placement in rows
        if isinstance(placement, ECTAtSchoolPeriodRow | MentorAtSchoolPeriodRow)
        for training in _loaded(placement, "training_periods")
    }


def _owners(flushing: Session, parts: list[Any]) -> Iterator[TeacherRow]:
    """The teachers the changed rows belong to: by their keys, or, for rows not yet
    linked by key, through the rows in the session that hold them."""
    held_by = _holders(flushing)
    for part in parts:
        owner = held_by.get(id(part))
        if owner is None and isinstance(part, MentorshipPeriodRow):
            owner = _placement(flushing, part.ect_at_school_period_id)
        teacher_id = getattr(owner if owner is not None else part, "teacher_id", None)
        if isinstance(owner, TeacherRow):
            yield owner
        elif teacher_id is not None:
            teacher = flushing.get(TeacherRow, teacher_id)
            if teacher is not None:
                yield teacher


def _placement(flushing: Session, placement_id: int | None) -> Any:
    return None if placement_id is None else flushing.get(ECTAtSchoolPeriodRow, placement_id)


def _holders(flushing: Session) -> dict[int, Any]:
    """Each loaded child row's holder: a teacher holds its school periods, a school period
    its training and mentorships (each school period then found through its teacher)."""
    held: dict[int, Any] = {}
    rows = [*flushing.identity_map.values(), *flushing.new]
    for teacher in (row for row in rows if isinstance(row, TeacherRow)):
        for name in ("ect_at_school_periods", "mentor_at_school_periods"):
            for placement in _loaded(teacher, name):
                held[id(placement)] = teacher
                for child in (
                    *_loaded(placement, "training_periods"),
                    *_loaded(placement, "mentorship_periods"),
                ):
                    held[id(child)] = teacher
    return held


def _loaded(row: Any, name: str) -> list[Any]:
    """A relationship's rows if they are loaded, without loading them."""
    return list(inspect(row).dict.get(name, ()))
