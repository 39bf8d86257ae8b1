"""What the finance console's contract pages show: contract periods, their schedules and
milestones, the lead providers contracted in them, and each one's bands and contracts
(inductions-trs-sign-in-admin (d.1) "Contract periods"). One or two queries a page."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
from sqlalchemy import Row, func, select

from ecf2.adapters.db.contracts_fee_rows import (
    BandedFeeStructureRow,
    BandTermRow,
    ContractRow,
    FlatRateFeeStructureRow,
)
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    BandRow,
    ContractPeriodRow,
    LeadProviderRow,
    MilestoneRow,
    ScheduleRow,
)
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.contracts.rules import band_coverage, band_letter
from ecf2.domain.shared.declaration_types import DeclarationType


@attrs.frozen(kw_only=True)
class ContractPeriodView:
    year: int
    started_on: date
    finished_on: date
    enabled: bool
    payments_frozen_at: datetime | None
    mentor_funding_enabled: bool
    detailed_evidence_types_enabled: bool
    uplift_fees_enabled: bool
    version: int
    lead_provider_count: int = 0


@attrs.frozen(kw_only=True)
class MilestoneView:
    declaration_type: str
    start_date: date
    milestone_date: date | None


@attrs.frozen(kw_only=True)
class ScheduleView:
    identifier: str
    milestones: tuple[MilestoneView, ...]


@attrs.frozen(kw_only=True)
class ActiveLeadProviderSummary:
    id: int
    lead_provider_name: str
    band_count: int
    contract_count: int


@attrs.frozen(kw_only=True)
class LeadProviderChoice:
    id: int
    name: str


@attrs.frozen(kw_only=True)
class BandView:
    allocation_order: int
    letter: str
    capacity: int
    min_declarations: int
    max_declarations: int


@attrs.frozen(kw_only=True)
class BandTermView:
    band_letter: str
    fee_per_declaration: Decimal
    output_fee_ratio: Decimal
    service_fee_ratio: Decimal


@attrs.frozen(kw_only=True)
class ContractView:
    id: int
    contract_type: str
    vat_rate: Decimal
    recruitment_target: int | None
    uplift_fee_per_declaration: Decimal | None
    uplift_target_ratio: Decimal | None
    monthly_service_fee: Decimal | None
    setup_fee: Decimal | None
    band_terms: tuple[BandTermView, ...]
    mentor_recruitment_target: int | None
    mentor_fee_per_declaration: Decimal | None


@attrs.frozen(kw_only=True)
class ActiveLeadProviderView:
    id: int
    lead_provider_name: str
    contract_period: ContractPeriodView
    bands: tuple[BandView, ...]
    contracts: tuple[ContractView, ...]


def _lead_provider_counts() -> Any:
    return (
        select(
            ActiveLeadProviderRow.contract_period_year.label("year"),
            func.count(ActiveLeadProviderRow.id).label("count"),
        )
        .group_by(ActiveLeadProviderRow.contract_period_year)
        .subquery()
    )


def _period(row: ContractPeriodRow, count: int | None = 0) -> ContractPeriodView:
    return ContractPeriodView(
        year=row.year,
        started_on=row.started_on,
        finished_on=row.finished_on,
        enabled=row.enabled,
        payments_frozen_at=row.payments_frozen_at,
        mentor_funding_enabled=row.mentor_funding_enabled,
        detailed_evidence_types_enabled=row.detailed_evidence_types_enabled,
        uplift_fees_enabled=row.uplift_fees_enabled,
        version=row.version,
        lead_provider_count=count or 0,
    )


class SqlContractsConsoleReads(ReadModel):
    def contract_periods(self) -> list[ContractPeriodView]:
        counts = _lead_provider_counts()
        query = (
            select(ContractPeriodRow, counts.c.count)
            .outerjoin(counts, counts.c.year == ContractPeriodRow.year)
            .order_by(ContractPeriodRow.year.desc())
        )
        return [_period(row[0], row[1]) for row in self._rows(query)]

    def contract_period(self, year: int) -> ContractPeriodView | None:
        counts = _lead_provider_counts()
        row = self._row(
            select(ContractPeriodRow, counts.c.count)
            .outerjoin(counts, counts.c.year == ContractPeriodRow.year)
            .where(ContractPeriodRow.year == year)
        )
        return None if row is None else _period(row[0], row[1])

    def schedules(self, year: int, identifier: str | None = None) -> list[ScheduleView]:
        """The contract period's schedules with their milestones, in one query."""
        query = (
            select(ScheduleRow.identifier, MilestoneRow)
            .outerjoin(MilestoneRow, MilestoneRow.schedule_id == ScheduleRow.id)
            .where(ScheduleRow.contract_period_year == year)
            .order_by(ScheduleRow.identifier)
        )
        if identifier is not None:
            query = query.where(ScheduleRow.identifier == identifier)
        return _schedules(self._rows(query))

    def active_lead_providers(self, year: int) -> list[ActiveLeadProviderSummary]:
        bands = select(func.count(BandRow.id)).where(
            BandRow.active_lead_provider_id == ActiveLeadProviderRow.id
        )
        contracts = select(func.count(ContractRow.id)).where(
            ContractRow.active_lead_provider_id == ActiveLeadProviderRow.id
        )
        query = (
            select(
                ActiveLeadProviderRow.id,
                LeadProviderRow.name,
                bands.scalar_subquery(),
                contracts.scalar_subquery(),
            )
            .join(LeadProviderRow, LeadProviderRow.id == ActiveLeadProviderRow.lead_provider_id)
            .where(ActiveLeadProviderRow.contract_period_year == year)
            .order_by(LeadProviderRow.name)
        )
        return [
            ActiveLeadProviderSummary(
                id=row[0], lead_provider_name=row[1], band_count=row[2], contract_count=row[3]
            )
            for row in self._rows(query)
        ]

    def lead_providers_not_in(self, year: int) -> list[LeadProviderChoice]:
        contracted = select(ActiveLeadProviderRow.lead_provider_id).where(
            ActiveLeadProviderRow.contract_period_year == year
        )
        query = (
            select(LeadProviderRow.id, LeadProviderRow.name)
            .where(LeadProviderRow.id.not_in(contracted))
            .order_by(LeadProviderRow.name)
        )
        return [LeadProviderChoice(id=row[0], name=row[1]) for row in self._rows(query)]

    def active_lead_provider(self, year: int, id: int) -> ActiveLeadProviderView | None:
        """The lead provider's bands (one query) and contracts with their fee structures
        and band terms (one query)."""
        head = self._rows(
            select(ActiveLeadProviderRow.id, LeadProviderRow.name, ContractPeriodRow, BandRow)
            .join(LeadProviderRow, LeadProviderRow.id == ActiveLeadProviderRow.lead_provider_id)
            .join(
                ContractPeriodRow,
                ContractPeriodRow.year == ActiveLeadProviderRow.contract_period_year,
            )
            .outerjoin(BandRow, BandRow.active_lead_provider_id == ActiveLeadProviderRow.id)
            .where(
                ActiveLeadProviderRow.id == id, ActiveLeadProviderRow.contract_period_year == year
            )
            .order_by(BandRow.allocation_order)
        )
        if not head:
            return None
        bands = [row[3] for row in head if row[3] is not None]
        return ActiveLeadProviderView(
            id=id,
            lead_provider_name=head[0][1],
            contract_period=_period(head[0][2]),
            bands=_bands(bands),
            contracts=self._contracts(id, {band.id: band.allocation_order for band in bands}),
        )

    def _contracts(self, id: int, band_orders: dict[int, int]) -> tuple[ContractView, ...]:
        rows = self._rows(
            select(ContractRow, BandedFeeStructureRow, FlatRateFeeStructureRow, BandTermRow)
            .outerjoin(BandedFeeStructureRow, BandedFeeStructureRow.contract_id == ContractRow.id)
            .outerjoin(
                FlatRateFeeStructureRow, FlatRateFeeStructureRow.contract_id == ContractRow.id
            )
            .outerjoin(BandTermRow, BandTermRow.banded_fee_structure_id == BandedFeeStructureRow.id)
            .where(ContractRow.active_lead_provider_id == id)
            .order_by(ContractRow.id, BandTermRow.band_id)
        )
        grouped: dict[int, list[Row[Any]]] = {}
        for row in rows:
            grouped.setdefault(row[0].id, []).append(row)
        return tuple(_contract(group, band_orders) for group in grouped.values())


def _schedules(rows: list[Row[Any]]) -> list[ScheduleView]:
    grouped: dict[str, list[MilestoneView]] = {}
    for identifier, milestone in rows:
        milestones = grouped.setdefault(str(identifier), [])
        if milestone is not None:
            milestones.append(
                MilestoneView(
                    declaration_type=str(milestone.declaration_type),
                    start_date=milestone.start_date,
                    milestone_date=milestone.milestone_date,
                )
            )
    return [
        ScheduleView(identifier=identifier, milestones=tuple(_in_order(milestones)))
        for identifier, milestones in grouped.items()
    ]


def _in_order(milestones: list[MilestoneView]) -> list[MilestoneView]:
    return sorted(milestones, key=lambda each: DeclarationType(each.declaration_type).position)


def _bands(rows: list[BandRow]) -> tuple[BandView, ...]:
    coverage = band_coverage(row.capacity for row in rows)
    return tuple(
        BandView(
            allocation_order=row.allocation_order,
            letter=covered.letter,
            capacity=row.capacity,
            min_declarations=covered.min_declarations,
            max_declarations=covered.max_declarations,
        )
        for row, covered in zip(rows, coverage, strict=True)
    )


def _contract(rows: list[Row[Any]], band_orders: dict[int, int]) -> ContractView:
    contract, banded, flat = rows[0][0], rows[0][1], rows[0][2]
    terms = tuple(
        BandTermView(
            band_letter=band_letter(band_orders[row[3].band_id]),
            fee_per_declaration=row[3].fee_per_declaration,
            output_fee_ratio=row[3].output_fee_ratio,
            service_fee_ratio=row[3].service_fee_ratio,
        )
        for row in rows
        if row[3] is not None
    )
    return ContractView(
        id=contract.id,
        contract_type=str(contract.contract_type),
        vat_rate=contract.vat_rate,
        recruitment_target=banded.recruitment_target if banded else None,
        uplift_fee_per_declaration=banded.uplift_fee_per_declaration if banded else None,
        uplift_target_ratio=banded.uplift_target_ratio if banded else None,
        monthly_service_fee=banded.monthly_service_fee if banded else None,
        setup_fee=banded.setup_fee if banded else None,
        band_terms=terms,
        mentor_recruitment_target=flat.recruitment_target if flat else None,
        mentor_fee_per_declaration=flat.fee_per_declaration if flat else None,
    )
