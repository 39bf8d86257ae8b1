"""Repositories for the contracts context (rows: contracts_rows, contracts_fee_rows;
mappers: contracts_mappers). Aggregates load whole, so no lazy load fires later."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from ecf2.adapters.db import contracts_mappers as mappers
from ecf2.adapters.db.contracts_base import AggregateRepository, checked
from ecf2.adapters.db.contracts_fee_rows import BandedFeeStructureRow, ContractRow
from ecf2.adapters.db.contracts_interest import (
    SqlInterestedTrainingRepository,
    SqlPartnershipDependants,
)
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ApiTokenRow,
    ContractPeriodRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.repository import SqlRepository
from ecf2.domain.contracts.model import (
    ActiveLeadProvider,
    ApiToken,
    Contract,
    ContractPeriod,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    Schedule,
    ScheduleIdentifier,
    SchoolPartnership,
)
from ecf2.domain.shared.errors import NotFound


class SqlContractPeriodRepository(SqlRepository):
    """Contract periods are keyed by year, so only their versions are written back."""

    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self._periods: list[tuple[ContractPeriod, ContractPeriodRow]] = []

    def get(self, year: int) -> ContractPeriod:
        row = self._session.get(ContractPeriodRow, year)
        if row is None:
            raise NotFound(f"There is no {year} contract period")
        return self._load(row)

    def list_all(self) -> list[ContractPeriod]:
        rows = self._session.scalars(select(ContractPeriodRow).order_by(ContractPeriodRow.year))
        return [self._load(row) for row in rows]

    def add(self, period: ContractPeriod) -> None:
        row = ContractPeriodRow()
        mappers.copy_fields(period, row, mappers.CONTRACT_PERIOD_FIELDS)
        self._session.add(row)
        self._remember(period, row)

    def save(self, period: ContractPeriod) -> None:
        mine = (row for known, row in reversed(self._periods) if known is period)
        row = next(mine, None) or self._session.get(ContractPeriodRow, period.year)
        if row is None:
            raise NotFound(f"There is no {period.year} contract period")
        mappers.copy_fields(period, checked(period, row), mappers.CONTRACT_PERIOD_FIELDS)
        self._remember(period, row)

    def write_back_ids(self) -> None:
        super().write_back_ids()
        for period, row in self._periods:
            period.version = row.version

    def _load(self, row: ContractPeriodRow) -> ContractPeriod:
        period = mappers.contract_period_from_row(row)
        return self._remember(period, row)

    def _remember(self, period: ContractPeriod, row: ContractPeriodRow) -> ContractPeriod:
        self._periods.append((period, row))
        return self._seen(period)


class SqlLeadProviderRepository(AggregateRepository):
    row_class = LeadProviderRow
    what = "lead provider"
    fields = mappers.LEAD_PROVIDER_FIELDS
    from_row = mappers.lead_provider_from_row

    def get_by_name(self, name: str) -> LeadProvider:
        found = self._first(self._select().where(LeadProviderRow.name == name))
        if found is None:
            raise NotFound(f"There is no lead provider called {name}")
        return found

    def get_by_api_id(self, api_id: uuid.UUID) -> LeadProvider:
        return self._by_api_id(api_id)

    def list_all(self) -> list[LeadProvider]:
        return self._all(self._select().order_by(LeadProviderRow.name))


class SqlActiveLeadProviderRepository(AggregateRepository):
    row_class = ActiveLeadProviderRow
    what = "active lead provider"
    options = (selectinload(ActiveLeadProviderRow.bands),)
    from_row = mappers.active_lead_provider_from_row

    def for_lead_provider(self, lead_provider_id: int, year: int) -> ActiveLeadProvider | None:
        return self._first(
            self._select().where(
                ActiveLeadProviderRow.lead_provider_id == lead_provider_id,
                ActiveLeadProviderRow.contract_period_year == year,
            )
        )

    def in_contract_period(self, year: int) -> list[ActiveLeadProvider]:
        return self._all(
            self._select()
            .where(ActiveLeadProviderRow.contract_period_year == year)
            .order_by(ActiveLeadProviderRow.id)
        )

    def _apply(self, entity: Any, row: Any) -> mappers.Pairs:
        return mappers.apply_active_lead_provider(entity, row)

    def _children(self, entity: Any, row: Any) -> mappers.Pairs:
        return mappers.matched(entity.bands, row.bands, mappers.allocation_order_of)


class SqlDeliveryPartnerRepository(AggregateRepository):
    row_class = DeliveryPartnerRow
    what = "delivery partner"
    fields = mappers.DELIVERY_PARTNER_FIELDS
    from_row = mappers.delivery_partner_from_row

    def get_by_api_id(self, api_id: uuid.UUID) -> DeliveryPartner:
        return self._by_api_id(api_id)

    def by_name(self, name: str) -> DeliveryPartner | None:
        """Names match whatever their case (participants-and-schools §1.10)."""
        lowered = " ".join(name.split()).lower()
        return self._first(self._select().where(func.lower(DeliveryPartnerRow.name) == lowered))


class SqlLeadProviderDeliveryPartnershipRepository(AggregateRepository):
    row_class = LeadProviderDeliveryPartnershipRow
    what = "lead provider and delivery partner partnership"
    fields = mappers.LPDP_FIELDS
    from_row = mappers.lpdp_from_row

    def get_by_api_id(self, api_id: uuid.UUID) -> LeadProviderDeliveryPartnership:
        return self._by_api_id(api_id)

    def for_pair(
        self, active_lead_provider_id: int, delivery_partner_id: int
    ) -> LeadProviderDeliveryPartnership | None:
        row = LeadProviderDeliveryPartnershipRow
        return self._first(
            self._select().where(
                row.active_lead_provider_id == active_lead_provider_id,
                row.delivery_partner_id == delivery_partner_id,
            )
        )

    def for_active_lead_provider(
        self, active_lead_provider_id: int
    ) -> list[LeadProviderDeliveryPartnership]:
        row = LeadProviderDeliveryPartnershipRow
        return self._all(
            self._select()
            .where(row.active_lead_provider_id == active_lead_provider_id)
            .order_by(row.id)
        )


class SqlSchoolPartnershipRepository(AggregateRepository):
    row_class = SchoolPartnershipRow
    what = "school partnership"
    fields = mappers.SCHOOL_PARTNERSHIP_FIELDS
    from_row = mappers.school_partnership_from_row

    def get_by_api_id(self, api_id: uuid.UUID) -> SchoolPartnership:
        return self._by_api_id(api_id)

    def for_pair(
        self, school_id: int, lead_provider_delivery_partnership_id: int
    ) -> SchoolPartnership | None:
        row = SchoolPartnershipRow
        return self._first(
            self._select().where(
                row.school_id == school_id,
                row.lead_provider_delivery_partnership_id == lead_provider_delivery_partnership_id,
            )
        )

    def for_school(self, school_id: int) -> list[SchoolPartnership]:
        row = SchoolPartnershipRow
        return self._all(self._select().where(row.school_id == school_id).order_by(row.id))


class SqlScheduleRepository(AggregateRepository):
    row_class = ScheduleRow
    what = "schedule"
    options = (selectinload(ScheduleRow.milestones),)
    from_row = mappers.schedule_from_row

    def by_identifier(self, year: int, identifier: ScheduleIdentifier) -> Schedule | None:
        return self._first(
            self._select().where(
                ScheduleRow.contract_period_year == year, ScheduleRow.identifier == identifier
            )
        )

    def for_year(self, year: int) -> list[Schedule]:
        return self._all(
            self._select().where(ScheduleRow.contract_period_year == year).order_by(ScheduleRow.id)
        )

    def _apply(self, entity: Any, row: Any) -> mappers.Pairs:
        return mappers.apply_schedule(entity, row)

    def _children(self, entity: Any, row: Any) -> mappers.Pairs:
        return mappers.matched(entity.milestones, row.milestones, mappers.declaration_type_of)


class SqlContractRepository(AggregateRepository):
    row_class = ContractRow
    what = "contract"
    options = (
        selectinload(ContractRow.banded_fee_structure).selectinload(
            BandedFeeStructureRow.band_terms
        ),
        selectinload(ContractRow.flat_rate_fee_structure),
    )
    from_row = mappers.contract_from_row

    def for_active_lead_provider(self, active_lead_provider_id: int) -> list[Contract]:
        return self._all(
            self._select()
            .where(ContractRow.active_lead_provider_id == active_lead_provider_id)
            .order_by(ContractRow.id)
        )

    def exist_for_active_lead_provider(self, active_lead_provider_id: int) -> bool:
        query = exists().where(ContractRow.active_lead_provider_id == active_lead_provider_id)
        return bool(self._session.scalar(select(query)))

    def _apply(self, entity: Any, row: Any) -> mappers.Pairs:
        return mappers.apply_contract(entity, row)

    def _children(self, entity: Any, row: Any) -> mappers.Pairs:
        pairs: mappers.Pairs = []
        if entity.banded_fee_structure is not None:
            banded_row = row.banded_fee_structure
            pairs.append((entity.banded_fee_structure, banded_row))
            terms = entity.banded_fee_structure.band_terms
            pairs.extend(mappers.matched(terms, banded_row.band_terms, mappers.band_id_of))
        if entity.flat_rate_fee_structure is not None:
            pairs.append((entity.flat_rate_fee_structure, row.flat_rate_fee_structure))
        return pairs


class SqlApiTokenRepository(AggregateRepository):
    row_class = ApiTokenRow
    what = "API token"
    fields = mappers.API_TOKEN_FIELDS
    from_row = mappers.api_token_from_row

    def get_by_digest(self, token_digest: str) -> ApiToken | None:
        return self._first(self._select().where(ApiTokenRow.token_digest == token_digest))

    def for_lead_provider(self, lead_provider_id: int) -> list[ApiToken]:
        row = ApiTokenRow
        return self._all(
            self._select().where(row.lead_provider_id == lead_provider_id).order_by(row.id)
        )


REPOSITORIES: dict[str, type[SqlRepository]] = {
    "contract_periods": SqlContractPeriodRepository,
    "lead_providers": SqlLeadProviderRepository,
    "active_lead_providers": SqlActiveLeadProviderRepository,
    "delivery_partners": SqlDeliveryPartnerRepository,
    "lead_provider_delivery_partnerships": SqlLeadProviderDeliveryPartnershipRepository,
    "school_partnerships": SqlSchoolPartnershipRepository,
    "schedules": SqlScheduleRepository,
    "contracts": SqlContractRepository,
    "api_tokens": SqlApiTokenRepository,
    "interested_training": SqlInterestedTrainingRepository,
    "partnership_dependants": SqlPartnershipDependants,
}
