"""The finance console's statement pages: the statement search (its filter options and its
results, one query each) and one statement with its contract's targets and bands, its
adjustments and its audit notes (finance-and-payments §8; inductions-trs-sign-in-admin (d.1))."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, exists, select, true

from ecf2.adapters.db.contracts_fee_rows import (
    BandedFeeStructureRow,
    BandTermRow,
    ContractRow,
    FlatRateFeeStructureRow,
)
from ecf2.adapters.db.contracts_rows import ActiveLeadProviderRow, BandRow, LeadProviderRow
from ecf2.adapters.db.payments_rows import (
    AdjustmentRow,
    AuditNoteRow,
    DeclarationRow,
    StatementRow,
)
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.payments.calculator import ContractType
from ecf2.domain.payments.declarations import ClawbackStatus, PaymentStatus
from ecf2.domain.payments.model import FeeType, StatementStatus

SEARCH_LIMIT = 200


@attrs.frozen
class FilterOptions:
    lead_providers: list[tuple[int, str]]
    contract_periods: list[int]


@attrs.frozen(kw_only=True)
class StatementFilters:
    lead_provider_id: int | None = None
    contract_period_year: int | None = None
    month: int | None = None
    year: int | None = None
    # None: both kinds; the console's default is output statements (§8).
    fee_type: FeeType | None = FeeType.OUTPUT


@attrs.frozen(kw_only=True)
class StatementListing:
    api_id: uuid.UUID
    lead_provider: str
    contract_period_year: int
    month: int
    year: int
    fee_type: FeeType
    status: StatementStatus
    deadline_date: date
    payment_date: date

    @property
    def name(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"


@attrs.frozen
class BandTarget:
    capacity: int
    fee_per_declaration: Decimal


@attrs.frozen(kw_only=True)
class ProviderTargets:
    recruitment_target: int
    uplift_target_ratio: Decimal | None
    uplift_fee_per_declaration: Decimal
    setup_fee: Decimal
    bands: list[BandTarget]
    mentor_recruitment_target: int | None
    mentor_fee_per_declaration: Decimal | None


@attrs.frozen
class AdjustmentLine:
    id: int
    payment_type: str
    amount: Decimal


@attrs.frozen
class AuditNoteLine:
    created_at: datetime
    body: str


@attrs.frozen(kw_only=True)
class StatementPage:
    """One statement as the console shows it, besides its calculated figures. It has what
    authorisation looks at, so the page asks the same rule the service does."""

    id: int
    api_id: uuid.UUID
    lead_provider: str
    contract_period_year: int
    contract_type: ContractType
    month: int
    year: int
    fee_type: FeeType
    status: StatementStatus
    deadline_date: date
    payment_date: date
    marked_as_paid_at: datetime | None
    has_outstanding_declarations: bool
    targets: ProviderTargets
    adjustments: list[AdjustmentLine] = attrs.field(factory=list)
    audit_notes: list[AuditNoteLine] = attrs.field(factory=list)

    @property
    def name(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    @property
    def output(self) -> bool:
        return self.fee_type is FeeType.OUTPUT

    @property
    def adjustment_editable(self) -> bool:
        # As Statement.adjustment_editable (§1.9); the service checks again on change.
        return self.output and self.status is not StatementStatus.PAID

    def deadline_passed(self, today: date) -> bool:
        return self.deadline_date < today


def _equals(column: Any, value: Any) -> ColumnElement[bool]:
    return true() if value is None else column == value


def _search(filters: StatementFilters) -> Select[Any]:
    statement, alp = StatementRow, ActiveLeadProviderRow
    return (
        select(
            statement.api_id,
            LeadProviderRow.name,
            alp.contract_period_year,
            statement.month,
            statement.year,
            statement.fee_type,
            statement.status,
            statement.deadline_date,
            statement.payment_date,
        )
        .join(alp, alp.id == statement.active_lead_provider_id)
        .join(LeadProviderRow, LeadProviderRow.id == alp.lead_provider_id)
        .where(
            _equals(alp.lead_provider_id, filters.lead_provider_id),
            _equals(alp.contract_period_year, filters.contract_period_year),
            _equals(statement.month, filters.month),
            _equals(statement.year, filters.year),
            _equals(statement.fee_type, filters.fee_type),
        )
        .order_by(LeadProviderRow.name, alp.contract_period_year, statement.payment_date)
        .limit(SEARCH_LIMIT + 1)
    )


def _outstanding(statement_id: int) -> Select[Any]:
    """Payable or awaiting clawback declarations on the statement (§3.3); asked with the
    statement's id known, so each test is one index look-up."""
    declaration = DeclarationRow
    payable = exists().where(
        declaration.payment_statement_id == statement_id,
        declaration.payment_status == PaymentStatus.PAYABLE,
    )
    awaiting = exists().where(
        declaration.clawback_statement_id == statement_id,
        declaration.clawback_status == ClawbackStatus.AWAITING_CLAWBACK,
    )
    return select(payable.label("payable"), awaiting.label("awaiting"))


def _page_query(api_id: uuid.UUID) -> Select[Any]:
    statement, contract, banded, flat = (
        StatementRow,
        ContractRow,
        BandedFeeStructureRow,
        FlatRateFeeStructureRow,
    )
    return (
        select(
            statement,
            LeadProviderRow.name,
            ActiveLeadProviderRow.contract_period_year,
            contract.contract_type,
            banded.recruitment_target,
            banded.uplift_target_ratio,
            banded.uplift_fee_per_declaration,
            banded.setup_fee,
            flat.recruitment_target.label("mentor_target"),
            flat.fee_per_declaration.label("mentor_fee"),
            BandRow.capacity,
            BandTermRow.fee_per_declaration.label("band_fee"),
        )
        .join(contract, contract.id == statement.contract_id)
        .join(ActiveLeadProviderRow, ActiveLeadProviderRow.id == contract.active_lead_provider_id)
        .join(LeadProviderRow, LeadProviderRow.id == ActiveLeadProviderRow.lead_provider_id)
        .join(banded, banded.contract_id == contract.id)
        .join(BandTermRow, BandTermRow.banded_fee_structure_id == banded.id)
        .join(BandRow, BandRow.id == BandTermRow.band_id)
        .outerjoin(flat, flat.contract_id == contract.id)
        .where(statement.api_id == api_id)
        .order_by(BandTermRow.band_id)
    )


def _targets(rows: Sequence[Row[Any]]) -> ProviderTargets:
    first = rows[0]
    return ProviderTargets(
        recruitment_target=first.recruitment_target,
        uplift_target_ratio=first.uplift_target_ratio,
        uplift_fee_per_declaration=first.uplift_fee_per_declaration,
        setup_fee=first.setup_fee,
        bands=[BandTarget(row.capacity, row.band_fee) for row in rows],
        mentor_recruitment_target=first.mentor_target,
        mentor_fee_per_declaration=first.mentor_fee,
    )


def _page(rows: Sequence[Row[Any]]) -> StatementPage:
    first = rows[0]
    row: StatementRow = first[0]
    return StatementPage(
        id=row.id,
        api_id=row.api_id,
        lead_provider=first.name,
        contract_period_year=first.contract_period_year,
        contract_type=ContractType(first.contract_type.value),
        month=row.month,
        year=row.year,
        fee_type=FeeType(row.fee_type),
        status=StatementStatus(row.status),
        deadline_date=row.deadline_date,
        payment_date=row.payment_date,
        marked_as_paid_at=row.marked_as_paid_at,
        has_outstanding_declarations=False,
        targets=_targets(rows),
    )


class SqlFinanceConsoleReads(ReadModel):
    def filter_options(self) -> FilterOptions:
        """Every lead provider and contract period that has a contract, in one query."""
        query = (
            select(
                LeadProviderRow.id, LeadProviderRow.name, ActiveLeadProviderRow.contract_period_year
            )
            .join(
                ActiveLeadProviderRow, ActiveLeadProviderRow.lead_provider_id == LeadProviderRow.id
            )
            .order_by(LeadProviderRow.name)
        )
        with self._session_factory() as session:
            rows = session.execute(query).all()
        providers = list(dict.fromkeys((row.id, row.name) for row in rows))
        return FilterOptions(providers, sorted({row.contract_period_year for row in rows}))

    def search(self, filters: StatementFilters) -> list[StatementListing]:
        """At most SEARCH_LIMIT + 1 statements: one more says there are more to narrow."""
        with self._session_factory() as session:
            rows = session.execute(_search(filters)).all()
        return [
            StatementListing(
                api_id=row[0],
                lead_provider=row[1],
                contract_period_year=row[2],
                month=row[3],
                year=row[4],
                fee_type=FeeType(row[5]),
                status=StatementStatus(row[6]),
                deadline_date=row[7],
                payment_date=row[8],
            )
            for row in rows
        ]

    def statement(self, api_id: uuid.UUID) -> StatementPage | None:
        with self._session_factory() as session:
            rows = session.execute(_page_query(api_id)).all()
            if not rows:
                return None
            statement_id = rows[0][0].id
            outstanding = session.execute(_outstanding(statement_id)).one()
            adjustments = session.execute(
                select(AdjustmentRow.id, AdjustmentRow.payment_type, AdjustmentRow.amount)
                .where(AdjustmentRow.statement_id == statement_id)
                .order_by(AdjustmentRow.id)
            ).all()
            notes = session.execute(
                select(AuditNoteRow.created_at, AuditNoteRow.body)
                .where(AuditNoteRow.statement_id == statement_id)
                .order_by(AuditNoteRow.created_at, AuditNoteRow.id)
            ).all()
        return attrs.evolve(
            _page(rows),
            has_outstanding_declarations=bool(outstanding.payable or outstanding.awaiting),
            adjustments=[AdjustmentLine(*row) for row in adjustments],
            audit_notes=[AuditNoteLine(*row) for row in notes],
        )
