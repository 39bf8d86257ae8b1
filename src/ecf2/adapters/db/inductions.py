"""Mappers and repositories for the inductions context (rows in inductions_rows)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from ecf2.adapters.db.inductions_rows import (
    AppropriateBodyRow,
    InductionExtensionRow,
    InductionPeriodRow,
    PendingInductionSubmissionBatchRow,
    PendingInductionSubmissionRow,
)
from ecf2.adapters.db.repository import SqlRepository, check_version, field_values
from ecf2.adapters.db.row_sync import PairingRepository, copy_changed_fields, copy_values
from ecf2.domain.inductions.model import AppropriateBody, InductionExtension, InductionPeriod
from ecf2.domain.inductions.submissions import (
    PendingInductionSubmission,
    PendingInductionSubmissionBatch,
)
from ecf2.domain.inductions.teacher_inductions import TeacherInductions
from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound

_BODY_FIELDS = ("name", "body_type", "dfe_sign_in_organisation_id", "dqt_id")
_PERIOD_FIELDS = (
    "appropriate_body_id",
    "started_on",
    "finished_on",
    "number_of_terms",
    "outcome",
    "induction_programme",
    "training_programme",
    "fail_confirmation_sent_on",
)
_EXTENSION_FIELDS = ("number_of_terms",)


def _columns(row_class: Any) -> tuple[str, ...]:
    skip = ("id", "version")
    return tuple(column.key for column in row_class.__table__.columns if column.key not in skip)


_BATCH_FIELDS = _columns(PendingInductionSubmissionBatchRow)
_SUBMISSION_FIELDS = _columns(PendingInductionSubmissionRow)


class _OneRowRepository(PairingRepository):
    """Aggregates stored in one row each: get, add and save by copying fields."""

    row_class: Any
    fields: tuple[str, ...]
    what: str

    def _from_row(self, row: Any) -> Any:
        raise NotImplementedError

    def _values(self, entity: Any) -> dict[str, Any]:
        # Rows get their own copies, so a change made in place to a list is still seen.
        return {name: copy.deepcopy(getattr(entity, name)) for name in self.fields}

    def get(self, entity_id: int) -> Any:
        row = self._session.get(self.row_class, entity_id)
        if row is None:
            raise NotFound(f"No {self.what} {entity_id}")
        return self._track(row)

    def add(self, entity: Any) -> None:
        row = self.row_class()
        copy_values(row, self._values(entity))
        self._session.add(self._pair(entity, row))
        self._seen(entity)

    def save(self, entity: Any) -> None:
        row = self._row_of(entity, self.row_class)
        if row is None:
            raise NotFound(f"No {self.what} {entity.id}")
        check_version(entity, row)
        copy_values(row, self._values(entity))
        self._seen(entity)

    def _track(self, row: Any) -> Any:
        entity = self._from_row(row)
        self._pair(entity, row)
        return self._seen(entity)


class SqlAppropriateBodyRepository(_OneRowRepository):
    row_class, fields, what = AppropriateBodyRow, _BODY_FIELDS, "appropriate body"

    def _from_row(self, row: AppropriateBodyRow) -> AppropriateBody:
        return AppropriateBody(id=row.id, version=row.version, **field_values(row, _BODY_FIELDS))

    def get_by_name(self, name: str) -> AppropriateBody:
        query = select(AppropriateBodyRow).where(AppropriateBodyRow.name == name)
        row = self._session.scalars(query).one_or_none()
        if row is None:
            raise NotFound(f"No appropriate body called {name!r}")
        return self._track(row)


class SqlPendingInductionSubmissionBatchRepository(_OneRowRepository):
    row_class, fields, what = PendingInductionSubmissionBatchRow, _BATCH_FIELDS, "upload"

    def _from_row(self, row: PendingInductionSubmissionBatchRow) -> PendingInductionSubmissionBatch:
        fields = field_values(row, _BATCH_FIELDS) | {"data": copy.deepcopy(row.data)}
        return PendingInductionSubmissionBatch(id=row.id, version=row.version, **fields)


class SqlPendingInductionSubmissionRepository(_OneRowRepository):
    row_class, fields, what = PendingInductionSubmissionRow, _SUBMISSION_FIELDS, "submission"

    def _from_row(self, row: PendingInductionSubmissionRow) -> PendingInductionSubmission:
        fields = field_values(row, _SUBMISSION_FIELDS) | {
            "trs_alerts": list(row.trs_alerts or []),
            "error_messages": list(row.error_messages or []),
        }
        return PendingInductionSubmission(id=row.id, version=row.version, **fields)

    def _values(self, entity: Any) -> dict[str, Any]:
        return super()._values(entity) | {"trn": str(entity.trn)}

    def remove(self, submission: PendingInductionSubmission) -> None:
        row = self._session.get(PendingInductionSubmissionRow, submission.id)
        if row is not None:
            self._session.delete(row)


def _period_from_row(row: InductionPeriodRow) -> InductionPeriod:
    return InductionPeriod(id=row.id, version=row.version, **field_values(row, _PERIOD_FIELDS))


def _extension_from_row(row: InductionExtensionRow) -> InductionExtension:
    return InductionExtension(id=row.id, version=row.version, number_of_terms=row.number_of_terms)


class SqlInductionRepository(PairingRepository):
    """A teacher's induction periods and extensions, loaded and saved together. There is
    no row for the teacher's induction itself: each period and extension row carries its
    own version, and the database refuses overlaps and a second outcome."""

    def for_teacher(self, teacher_id: int) -> TeacherInductions:
        inductions = TeacherInductions(
            teacher_id,
            periods=self._load(self._period_rows(teacher_id), _period_from_row),
            extensions=self._load(self._extension_rows(teacher_id), _extension_from_row),
        )
        return self._seen(inductions)

    def save(self, inductions: TeacherInductions) -> None:
        teacher_id = inductions.teacher_id
        periods = self._period_rows(teacher_id)
        self._sync(periods, inductions.periods, InductionPeriodRow, _PERIOD_FIELDS, teacher_id)
        extensions = self._extension_rows(teacher_id)
        self._sync(
            extensions, inductions.extensions, InductionExtensionRow, _EXTENSION_FIELDS, teacher_id
        )
        self._seen(inductions)

    def _load(self, rows: list[Any], from_row: Callable[[Any], Any]) -> list[Any]:
        entities = [from_row(row) for row in rows]
        for entity, row in zip(entities, rows, strict=True):
            self._pair(entity, row)
        return entities

    def _period_rows(self, teacher_id: int) -> list[InductionPeriodRow]:
        query = select(InductionPeriodRow).where(InductionPeriodRow.teacher_id == teacher_id)
        return list(self._session.scalars(query.order_by(InductionPeriodRow.started_on)))

    def _extension_rows(self, teacher_id: int) -> list[InductionExtensionRow]:
        query = select(InductionExtensionRow).where(InductionExtensionRow.teacher_id == teacher_id)
        return list(self._session.scalars(query.order_by(InductionExtensionRow.id)))

    def _sync(
        self,
        rows: list[Any],
        entities: list[Any],
        row_class: Any,
        fields: tuple[str, ...],
        teacher_id: int,
    ) -> None:
        by_id = {row.id: row for row in rows}
        for entity in entities:
            row = self._row_for(entity, by_id, row_class, teacher_id)
            copy_changed_fields(row, entity, fields)
            self._pair(entity, row)
        for row in by_id.values():
            self._session.delete(row)

    def _row_for(self, entity: Any, by_id: dict[int, Any], row_class: Any, teacher_id: int) -> Any:
        if entity.id is None:
            row = self._paired_row(entity)
            if row is None:
                row = row_class(teacher_id=teacher_id)
                self._session.add(row)
            return row
        row = by_id.pop(entity.id, None)
        if row is None:
            raise ConcurrentUpdate("An induction record was removed by someone else")
        check_version(entity, row)
        return row


REPOSITORIES: dict[str, type[SqlRepository]] = {
    "appropriate_bodies": SqlAppropriateBodyRepository,
    "inductions": SqlInductionRepository,
    "pending_induction_submissions": SqlPendingInductionSubmissionRepository,
    "pending_induction_submission_batches": SqlPendingInductionSubmissionBatchRepository,
}
