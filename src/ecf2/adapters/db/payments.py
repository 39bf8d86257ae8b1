"""Mappers and repositories for the payments context (rows in payments_rows)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.sql import ColumnElement

from ecf2.adapters.db.payments_finders import (
    active_lead_provider_of_training,
    next_output_condition,
)
from ecf2.adapters.db.payments_rows import (
    AdjustmentRow,
    AuditNoteRow,
    DeclarationRow,
    StatementRow,
)
from ecf2.adapters.db.repository import SqlRepository, bump_version
from ecf2.adapters.db.row_sync import PairingRepository, copy_changed_fields, sync_children
from ecf2.domain.payments.declarations import ClawbackStatus, Declaration, PaymentStatus
from ecf2.domain.payments.model import Adjustment, AuditNote, FeeType, Statement, StatementStatus
from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound


def _adjustment_from_row(row: AdjustmentRow) -> Adjustment:
    return Adjustment(id=row.id, payment_type=row.payment_type, amount=row.amount)


def _audit_note_from_row(row: AuditNoteRow) -> AuditNote:
    return AuditNote(id=row.id, body=row.body, created_at=row.created_at)


_STATEMENT_FIELDS = (
    "api_id",
    "contract_id",
    "active_lead_provider_id",
    "month",
    "year",
    "deadline_date",
    "payment_date",
    "fee_type",
    "status",
    "marked_as_paid_at",
    "api_updated_at",
    "created_at",
)
_ADJUSTMENT_FIELDS = ("payment_type", "amount")
_AUDIT_NOTE_FIELDS = ("body", "created_at")


def _statement_from_row(row: StatementRow) -> Statement:
    return Statement(
        id=row.id,
        version=row.version,
        adjustments=[_adjustment_from_row(child) for child in row.adjustments],
        audit_notes=[_audit_note_from_row(child) for child in row.audit_notes],
        **{name: getattr(row, name) for name in _STATEMENT_FIELDS},
    )


class SqlStatementRepository(PairingRepository):
    """Statements with their adjustments and audit notes."""

    def get(self, statement_id: int) -> Statement:
        return self._load(StatementRow.id == statement_id, f"No statement {statement_id}")

    def get_by_api_id(self, api_id: uuid.UUID) -> Statement:
        return self._load(StatementRow.api_id == api_id, f"No statement {api_id}")

    def open_output_past_deadline(self, today: date) -> list[Statement]:
        return self._load_many(
            StatementRow.status == StatementStatus.OPEN,
            StatementRow.fee_type == FeeType.OUTPUT,
            StatementRow.deadline_date < today,
        )

    def next_output(self, active_lead_provider_id: int, today: date) -> Statement | None:
        return self._first(next_output_condition(active_lead_provider_id, today))

    def next_output_for_training(self, training_period_id: int, today: date) -> Statement | None:
        alp = active_lead_provider_of_training(training_period_id)
        return self._first(next_output_condition(alp, today))

    def add(self, statement: Statement) -> None:
        row = StatementRow()
        copy_changed_fields(row, statement, _STATEMENT_FIELDS)
        self._sync_children(statement, row)
        self._session.add(self._pair(statement, row))
        self._seen(statement)

    def save(self, statement: Statement) -> None:
        row = self._row_of(statement, StatementRow)
        if row is None:
            raise NotFound(f"No statement {statement.id}")
        if row.version is not None and row.version != statement.version:
            raise ConcurrentUpdate("This statement was changed by someone else")
        changed = copy_changed_fields(row, statement, _STATEMENT_FIELDS)
        if self._sync_children(statement, row) and not changed:
            bump_version(row)
        self._seen(statement)

    def _load(self, condition: ColumnElement[bool], missing: str) -> Statement:
        found = self._load_many(condition)
        if not found:
            raise NotFound(missing)
        return found[0]

    def _first(self, conditions: list[ColumnElement[bool]]) -> Statement | None:
        found = self._load_many(*conditions, limit=1)
        return found[0] if found else None

    def _load_many(
        self, *conditions: ColumnElement[bool], limit: int | None = None
    ) -> list[Statement]:
        query = (
            select(StatementRow)
            .where(*conditions)
            .order_by(StatementRow.deadline_date, StatementRow.id)
            .limit(limit)
            .options(selectinload(StatementRow.adjustments), selectinload(StatementRow.audit_notes))
        )
        return [self._loaded(row) for row in self._session.scalars(query)]

    def _loaded(self, row: StatementRow) -> Statement:
        statement = _statement_from_row(row)
        self._pair(statement, row)
        for adjustment, child in zip(statement.adjustments, row.adjustments, strict=True):
            self._pair(adjustment, child)
        for note, child in zip(statement.audit_notes, row.audit_notes, strict=True):
            self._pair(note, child)
        return self._seen(statement)

    def _sync_children(self, statement: Statement, row: StatementRow) -> bool:
        adjusted = sync_children(
            row.adjustments, statement.adjustments, AdjustmentRow, _ADJUSTMENT_FIELDS, self._pair
        )
        noted = sync_children(
            row.audit_notes, statement.audit_notes, AuditNoteRow, _AUDIT_NOTE_FIELDS, self._pair
        )
        return adjusted or noted


_DECLARATION_FIELDS = (
    "api_id",
    "training_period_id",
    "declaration_type",
    "declaration_date",
    "payment_status",
    "clawback_status",
    "payment_statement_id",
    "clawback_statement_id",
    "pupil_premium_uplift",
    "sparsity_uplift",
    "evidence_type",
    "voided_by_user_id",
    "voided_at",
    "mentorship_period_id",
    "delivery_partner_when_created_id",
    "created_at",
    "api_updated_at",
)


def _declaration_from_row(row: DeclarationRow) -> Declaration:
    fields = {name: getattr(row, name) for name in _DECLARATION_FIELDS}
    return Declaration(id=row.id, version=row.version, **fields)


class SqlDeclarationRepository(PairingRepository):
    """Declarations, one aggregate each."""

    def get(self, declaration_id: int) -> Declaration:
        return self._load(DeclarationRow.id == declaration_id, f"No declaration {declaration_id}")

    def get_by_api_id(self, api_id: uuid.UUID) -> Declaration:
        return self._load(DeclarationRow.api_id == api_id, f"No declaration {api_id}")

    def on_payment_statement(self, statement_id: int, status: PaymentStatus) -> list[Declaration]:
        return self._load_many(
            DeclarationRow.payment_statement_id == statement_id,
            DeclarationRow.payment_status == status,
        )

    def on_clawback_statement(self, statement_id: int, status: ClawbackStatus) -> list[Declaration]:
        return self._load_many(
            DeclarationRow.clawback_statement_id == statement_id,
            DeclarationRow.clawback_status == status,
        )

    def without_payment(self, training_period_ids: Collection[int]) -> list[Declaration]:
        return self._load_many(
            DeclarationRow.training_period_id.in_(list(training_period_ids)),
            DeclarationRow.payment_status == PaymentStatus.NO_PAYMENT,
        )

    def add(self, declaration: Declaration) -> None:
        row = DeclarationRow()
        copy_changed_fields(row, declaration, _DECLARATION_FIELDS)
        self._session.add(self._pair(declaration, row))
        self._seen(declaration)

    def save(self, declaration: Declaration) -> None:
        row = self._row_of(declaration, DeclarationRow)
        if row is None:
            raise NotFound(f"No declaration {declaration.id}")
        if row.version is not None and row.version != declaration.version:
            raise ConcurrentUpdate("This declaration was changed by someone else")
        copy_changed_fields(row, declaration, _DECLARATION_FIELDS)
        self._seen(declaration)

    def _load(self, condition: ColumnElement[bool], missing: str) -> Declaration:
        row = self._session.scalars(select(DeclarationRow).where(condition)).one_or_none()
        if row is None:
            raise NotFound(missing)
        return self._loaded(row)

    def _load_many(self, *conditions: ColumnElement[bool]) -> list[Declaration]:
        query = select(DeclarationRow).where(*conditions).order_by(DeclarationRow.id)
        return [self._loaded(row) for row in self._session.scalars(query)]

    def _loaded(self, row: DeclarationRow) -> Declaration:
        declaration = _declaration_from_row(row)
        self._pair(declaration, row)
        return self._seen(declaration)


REPOSITORIES: dict[str, type[SqlRepository]] = {
    "statements": SqlStatementRepository,
    "declarations": SqlDeclarationRepository,
}
