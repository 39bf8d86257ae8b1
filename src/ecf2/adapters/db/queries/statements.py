"""What one statement's calculation reads, in three queries and no declaration rows: the
contract's terms with one row per band, the adjustments, and one GROUP BY over the
declarations of this statement and of the active lead provider's statements paid earlier
(finance-and-payments §3.2, §5.1, §5.2)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, Select, String, and_, func, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session

from ecf2.adapters.db.contracts_fee_rows import (
    BandedFeeStructureRow,
    BandTermRow,
    ContractRow,
    FlatRateFeeStructureRow,
)
from ecf2.adapters.db.contracts_rows import ActiveLeadProviderRow, BandRow, LeadProviderRow
from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.adapters.db.payments_rows import AdjustmentRow, DeclarationRow, StatementRow
from ecf2.domain.payments.calculator import (
    Band,
    BandedFeeStructure,
    ContractTerms,
    DeclarationSet,
    FlatRateFeeStructure,
)
from ecf2.domain.payments.declarations import BILLABLE, REFUNDABLE, PaymentStatus
from ecf2.domain.payments.queries import DeclarationGroup, StatementToCalculate
from ecf2.domain.shared.errors import NotFound

# Each stored status names the set it puts a declaration in, on the statement it points at.
_SETS = (
    {status.value: DeclarationSet.BILLABLE for status in BILLABLE}
    | {PaymentStatus.VOIDED.value: DeclarationSet.VOIDED}
    | {status.value: DeclarationSet.REFUNDABLE for status in REFUNDABLE}
)


def _terms_query(statement_api_id: uuid.UUID) -> Select[Any]:
    statement, contract, banded = StatementRow, ContractRow, BandedFeeStructureRow
    return (
        select(
            statement.id,
            statement.active_lead_provider_id,
            statement.payment_date,
            contract.contract_type,
            contract.vat_rate,
            LeadProviderRow.vat_registered,
            banded.recruitment_target,
            banded.setup_fee,
            banded.uplift_fee_per_declaration,
            banded.monthly_service_fee,
            FlatRateFeeStructureRow.fee_per_declaration.label("flat_rate_fee"),
            BandRow.capacity,
            BandTermRow.fee_per_declaration.label("band_fee"),
            BandTermRow.output_fee_ratio,
            BandTermRow.service_fee_ratio,
        )
        .join(contract, contract.id == statement.contract_id)
        .join(ActiveLeadProviderRow, ActiveLeadProviderRow.id == contract.active_lead_provider_id)
        .join(LeadProviderRow, LeadProviderRow.id == ActiveLeadProviderRow.lead_provider_id)
        .join(banded, banded.contract_id == contract.id)
        .join(BandTermRow, BandTermRow.banded_fee_structure_id == banded.id)
        .join(BandRow, BandRow.id == BandTermRow.band_id)
        .outerjoin(FlatRateFeeStructureRow, FlatRateFeeStructureRow.contract_id == contract.id)
        .where(statement.api_id == statement_api_id)
        # The calculator's band order is the band terms' by band (§1.6).
        .order_by(BandTermRow.band_id)
    )


def _band(row: Row[Any]) -> Band:
    return Band(
        capacity=row.capacity,
        fee_per_declaration=row.band_fee,
        output_fee_ratio=row.output_fee_ratio,
        service_fee_ratio=row.service_fee_ratio,
    )


def _contract_terms(rows: Sequence[Row[Any]]) -> ContractTerms:
    first = rows[0]
    flat_rate = first.flat_rate_fee
    return ContractTerms(
        contract_type=first.contract_type.value,
        banded=BandedFeeStructure(
            bands=[_band(row) for row in rows],
            recruitment_target=first.recruitment_target,
            setup_fee=first.setup_fee,
            uplift_fee_per_declaration=first.uplift_fee_per_declaration,
            monthly_service_fee=first.monthly_service_fee,
        ),
        flat_rate=None
        if flat_rate is None
        else FlatRateFeeStructure(fee_per_declaration=flat_rate),
        vat_rate=first.vat_rate,
        lead_provider_vat_registered=first.vat_registered,
    )


def _counted(statement_column: Any, status_column: Any, *conditions: Any) -> Select[Any]:
    """Declarations pointing at statements by one column, counted per statement, role,
    type, stored status and uplift."""
    declaration, training = DeclarationRow, TrainingPeriodRow
    # One uplift fee even with both flags (§5.6).
    uplift = or_(declaration.pupil_premium_uplift, declaration.sparsity_uplift)
    keys = (statement_column, training.role, declaration.declaration_type, status_column, uplift)
    return (
        select(
            statement_column.label("statement_id"),
            type_coerce(training.role, String).label("role"),
            type_coerce(declaration.declaration_type, String).label("declaration_type"),
            type_coerce(status_column, String).label("status"),
            uplift.label("uplift"),
            func.count().label("count"),
        )
        .select_from(declaration)
        .join(training, training.id == declaration.training_period_id)
        # Most declarations are on no clawback statement: saying so lets the index skip them.
        .where(statement_column.is_not(None), *conditions)
        .group_by(*keys)
    )


def _counts_query(active_lead_provider_id: int, payment_date: date, statement_id: int) -> Any:
    """One statement: the counts grouped first, then given their statements' payment dates."""
    statement, declaration = StatementRow, DeclarationRow
    # This statement and the provider's statements paid strictly earlier (§3.2).
    history = select(statement.id).where(
        statement.active_lead_provider_id == active_lead_provider_id,
        or_(statement.payment_date < payment_date, statement.id == statement_id),
    )
    paid_on = _counted(
        declaration.payment_statement_id,
        declaration.payment_status,
        declaration.payment_statement_id.in_(history),
        or_(
            declaration.payment_status.in_([status.value for status in BILLABLE]),
            # Voids count only on the statement being calculated (§5.2 current_voided).
            and_(
                declaration.payment_status == PaymentStatus.VOIDED,
                declaration.payment_statement_id == statement_id,
            ),
        ),
    )
    clawed_back_on = _counted(
        declaration.clawback_statement_id,
        declaration.clawback_status,
        declaration.clawback_statement_id.in_(history),
        declaration.clawback_status.in_([status.value for status in REFUNDABLE]),
    )
    counted = union_all(paid_on, clawed_back_on).subquery("counted")
    return select(
        counted.c.statement_id,
        statement.payment_date,
        counted.c.role,
        counted.c.declaration_type,
        counted.c.status,
        counted.c.uplift,
        counted.c.count,
    ).join(statement, statement.id == counted.c.statement_id)


def _group(row: Row[Any]) -> DeclarationGroup:
    statement_id, payment_date, role, kind, status, uplift, count = row
    return DeclarationGroup(
        statement_id=statement_id,
        payment_date=payment_date,
        role=role,
        declaration_type=kind,
        declaration_set=_SETS[status],
        uplift=bool(uplift),
        count=count,
    )


class SqlStatementCalculationReads:
    """StatementCalculationReads on SQL: three statements per calculation."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def to_calculate(self, statement_api_id: uuid.UUID) -> StatementToCalculate:
        with self._session_factory() as session:
            terms = session.execute(_terms_query(statement_api_id)).all()
            if not terms:
                raise NotFound(f"No statement {statement_api_id} with a priced contract")
            statement_id, alp_id, payment_date = (
                terms[0].id,
                terms[0].active_lead_provider_id,
                terms[0].payment_date,
            )
            adjustments = session.scalars(
                select(AdjustmentRow.amount)
                .where(AdjustmentRow.statement_id == statement_id)
                .order_by(AdjustmentRow.id)
            ).all()
            counts = session.execute(_counts_query(alp_id, payment_date, statement_id)).all()
        return StatementToCalculate(
            statement_id=statement_id,
            api_id=statement_api_id,
            active_lead_provider_id=alp_id,
            payment_date=payment_date,
            contract=_contract_terms(terms),
            adjustments=adjustments,
            groups=[_group(row) for row in counts],
        )
