"""Rows to domain objects and back for the contracts context (private to adapters.db).

Child rows are matched to child entities by their natural key (band allocation order,
milestone declaration type, band term band), so a child removed and added again in one
unit of work reuses its row instead of breaking a unique constraint."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from ecf2.adapters.db.contracts_fee_rows import (
    BandedFeeStructureRow,
    BandTermRow,
    ContractRow,
    FlatRateFeeStructureRow,
)
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ApiTokenRow,
    BandRow,
    ContractPeriodRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    MilestoneRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.repository import copy_fields, field_values
from ecf2.domain.contracts.model import (
    ActiveLeadProvider,
    ApiToken,
    Band,
    BandedFeeStructure,
    BandTerm,
    Contract,
    ContractPeriod,
    DeliveryPartner,
    FlatRateFeeStructure,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    Milestone,
    Schedule,
    SchoolPartnership,
)

Row = TypeVar("Row")
Pairs = list[tuple[Any, Any]]

CONTRACT_PERIOD_FIELDS = (
    "year", "started_on", "finished_on", "enabled", "payments_frozen_at",
    "mentor_funding_enabled", "detailed_evidence_types_enabled", "uplift_fees_enabled",
)  # fmt: skip
LEAD_PROVIDER_FIELDS = ("name", "vat_registered", "api_id")
DELIVERY_PARTNER_FIELDS = ("name", "api_id", "created_at", "api_updated_at")
LPDP_FIELDS = ("active_lead_provider_id", "delivery_partner_id", "api_id")
SCHOOL_PARTNERSHIP_FIELDS = (
    "school_id", "lead_provider_delivery_partnership_id", "api_id", "created_at",
    "api_updated_at", "confirmed_by_id",
)  # fmt: skip
API_TOKEN_FIELDS = (
    "lead_provider_id", "token_digest", "description", "created_at", "last_used_at",
    "revoked_at",
)  # fmt: skip
BAND_TERM_FIELDS = ("band_id", "fee_per_declaration", "output_fee_ratio", "service_fee_ratio")
BANDED_FIELDS = (
    "recruitment_target", "uplift_fee_per_declaration", "uplift_target_ratio",
    "monthly_service_fee", "setup_fee",
)  # fmt: skip
FLAT_RATE_FIELDS = ("recruitment_target", "fee_per_declaration")


def allocation_order_of(item: Any) -> Hashable:
    return item.allocation_order


def declaration_type_of(item: Any) -> Hashable:
    return item.declaration_type


def band_id_of(item: Any) -> Hashable:
    return item.band_id


def sync_children(
    entities: Iterable[Any],
    rows: Iterable[Row],
    key: Callable[[Any], Hashable],
    new_row: Callable[[], Row],
    fields: Iterable[str],
) -> tuple[list[Row], Pairs]:
    """The child rows the entities now need, and each (entity, row) pair."""
    by_key = {key(row): row for row in rows}
    fields = tuple(fields)
    kept: list[Row] = []
    pairs: Pairs = []
    for entity in entities:
        row = by_key.get(key(entity)) or new_row()
        copy_fields(entity, row, fields)
        kept.append(row)
        pairs.append((entity, row))
    return kept, pairs


def matched(entities: Iterable[Any], rows: Iterable[Any], key: Callable[[Any], Hashable]) -> Pairs:
    """Pair loaded child entities with the rows they came from."""
    by_key = {key(row): row for row in rows}
    return [(entity, by_key[key(entity)]) for entity in entities]


def contract_period_from_row(row: ContractPeriodRow) -> ContractPeriod:
    return ContractPeriod(**field_values(row, CONTRACT_PERIOD_FIELDS), version=row.version)


def lead_provider_from_row(row: LeadProviderRow) -> LeadProvider:
    return LeadProvider(**field_values(row, LEAD_PROVIDER_FIELDS), id=row.id, version=row.version)


def active_lead_provider_from_row(row: ActiveLeadProviderRow) -> ActiveLeadProvider:
    bands = [
        Band(id=band.id, allocation_order=band.allocation_order, capacity=band.capacity)
        for band in row.bands
    ]
    return ActiveLeadProvider(
        lead_provider_id=row.lead_provider_id,
        contract_period_year=row.contract_period_year,
        api_id=row.api_id,
        bands=bands,
        id=row.id,
        version=row.version,
    )


def apply_active_lead_provider(alp: ActiveLeadProvider, row: ActiveLeadProviderRow) -> Pairs:
    copy_fields(alp, row, ("lead_provider_id", "contract_period_year", "api_id"))
    row.bands, pairs = sync_children(
        alp.bands,
        row.bands,
        allocation_order_of,
        BandRow,
        ("allocation_order", "capacity"),
    )
    return pairs


def delivery_partner_from_row(row: DeliveryPartnerRow) -> DeliveryPartner:
    return DeliveryPartner(
        **field_values(row, DELIVERY_PARTNER_FIELDS), id=row.id, version=row.version
    )


def lpdp_from_row(row: LeadProviderDeliveryPartnershipRow) -> LeadProviderDeliveryPartnership:
    return LeadProviderDeliveryPartnership(
        **field_values(row, LPDP_FIELDS), id=row.id, version=row.version
    )


def school_partnership_from_row(row: SchoolPartnershipRow) -> SchoolPartnership:
    return SchoolPartnership(
        **field_values(row, SCHOOL_PARTNERSHIP_FIELDS), id=row.id, version=row.version
    )


def api_token_from_row(row: ApiTokenRow) -> ApiToken:
    return ApiToken(**field_values(row, API_TOKEN_FIELDS), id=row.id, version=row.version)


def schedule_from_row(row: ScheduleRow) -> Schedule:
    milestones = [
        Milestone(
            id=milestone.id,
            declaration_type=milestone.declaration_type,
            start_date=milestone.start_date,
            milestone_date=milestone.milestone_date,
        )
        for milestone in row.milestones
    ]
    return Schedule(
        contract_period_year=row.contract_period_year,
        identifier=row.identifier,
        milestones=milestones,
        id=row.id,
        version=row.version,
    )


def apply_schedule(schedule: Schedule, row: ScheduleRow) -> Pairs:
    copy_fields(schedule, row, ("contract_period_year", "identifier"))
    row.milestones, pairs = sync_children(
        schedule.milestones,
        row.milestones,
        declaration_type_of,
        MilestoneRow,
        ("declaration_type", "start_date", "milestone_date"),
    )
    return pairs


def contract_from_row(row: ContractRow) -> Contract:
    banded = row.banded_fee_structure
    flat = row.flat_rate_fee_structure
    return Contract(
        active_lead_provider_id=row.active_lead_provider_id,
        contract_type=row.contract_type,
        vat_rate=row.vat_rate,
        banded_fee_structure=None if banded is None else _banded_from_row(banded),
        flat_rate_fee_structure=None if flat is None else _flat_rate_from_row(flat),
        id=row.id,
        version=row.version,
    )


def _banded_from_row(row: BandedFeeStructureRow) -> BandedFeeStructure:
    terms = [
        BandTerm(**field_values(term, BAND_TERM_FIELDS), id=term.id) for term in row.band_terms
    ]
    return BandedFeeStructure(**field_values(row, BANDED_FIELDS), band_terms=terms, id=row.id)


def _flat_rate_from_row(row: FlatRateFeeStructureRow) -> FlatRateFeeStructure:
    return FlatRateFeeStructure(**field_values(row, FLAT_RATE_FIELDS), id=row.id)


def apply_contract(contract: Contract, row: ContractRow) -> Pairs:
    copy_fields(contract, row, ("active_lead_provider_id", "contract_type", "vat_rate"))
    pairs: Pairs = []
    banded = contract.banded_fee_structure
    row.banded_fee_structure = None if banded is None else _apply_banded(banded, row, pairs)
    flat = contract.flat_rate_fee_structure
    row.flat_rate_fee_structure = None if flat is None else _apply_flat(flat, row, pairs)
    return pairs


def _apply_banded(
    banded: BandedFeeStructure, contract_row: ContractRow, pairs: Pairs
) -> BandedFeeStructureRow:
    row = contract_row.banded_fee_structure or BandedFeeStructureRow()
    copy_fields(banded, row, BANDED_FIELDS)
    row.band_terms, term_pairs = sync_children(
        banded.band_terms,
        row.band_terms,
        band_id_of,
        BandTermRow,
        BAND_TERM_FIELDS,
    )
    pairs.extend([(banded, row), *term_pairs])
    return row


def _apply_flat(
    flat: FlatRateFeeStructure, contract_row: ContractRow, pairs: Pairs
) -> FlatRateFeeStructureRow:
    row = contract_row.flat_rate_fee_structure or FlatRateFeeStructureRow()
    copy_fields(flat, row, FLAT_RATE_FIELDS)
    pairs.append((flat, row))
    return row
