"""Lead providers and their contracted years, with the bands that price declarations
(finance-and-payments §1.2-§1.3, inductions-trs-sign-in-admin (d.1) "Bands")."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

import attrs

from ecf2.domain.contracts.contract_periods import ContractPeriod
from ecf2.domain.contracts.rules import BandCoverage, band_coverage, band_letter
from ecf2.domain.shared.errors import InvalidValue, NotFound, RuleBroken
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import new_api_id


def _name(value: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise InvalidValue("Enter a name", field="name", rule="name_required")
    return name


@attrs.define(kw_only=True)
class LeadProvider:
    """An organisation contracted by DfE to train ECTs and mentors."""

    name: str = attrs.field(converter=_name)
    vat_registered: bool = True
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)


def _above_zero(field: str, rule: str, what: str) -> Callable[[object, object, int], None]:
    def check(_instance: object, _attribute: object, value: int) -> None:
        if value <= 0:
            raise InvalidValue(f"{what} must be more than 0", field=field, rule=rule)

    return check


@attrs.define(kw_only=True)
class Band:
    allocation_order: int = attrs.field(
        validator=_above_zero("allocation_order", "band_order_above_zero", "A band's order")
    )
    capacity: int = attrs.field(
        validator=_above_zero("capacity", "band_capacity_above_zero", "A band's capacity")
    )
    id: int | None = None

    @property
    def letter(self) -> str:
        return band_letter(self.allocation_order)


@attrs.define(kw_only=True)
class ActiveLeadProvider:
    """A lead provider contracted in one contract period. Owns its bands: every contract
    of the same active lead provider shares the same band capacities (§1.3)."""

    lead_provider_id: int
    contract_period_year: int
    bands: list[Band] = attrs.field(factory=list)
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self.bands.sort(key=lambda band: band.allocation_order)
        orders = [band.allocation_order for band in self.bands]
        if orders != list(range(1, len(orders) + 1)):
            raise InvalidValue(
                "Bands must be numbered 1, 2, 3... in allocation order",
                field="allocation_order",
                rule="band_orders_in_sequence",
            )

    @property
    def last_band(self) -> Band | None:
        return self.bands[-1] if self.bands else None

    def band(self, allocation_order: int) -> Band:
        found = next(
            (band for band in self.bands if band.allocation_order == allocation_order), None
        )
        if found is None:
            raise NotFound(f"There is no band {band_letter(allocation_order)}")
        return found

    def band_coverage(self) -> list[BandCoverage]:
        return band_coverage([band.capacity for band in self.bands])

    def add_band(
        self, capacity: int, *, has_contracts: bool, contract_period: ContractPeriod, today: date
    ) -> Band:
        self._check_bands_can_be_added_or_removed(has_contracts, contract_period, today)
        band = Band(allocation_order=len(self.bands) + 1, capacity=capacity)
        self.bands.append(band)
        return band

    def remove_band(
        self,
        allocation_order: int,
        *,
        has_contracts: bool,
        contract_period: ContractPeriod,
        today: date,
    ) -> Band:
        self._check_bands_can_be_added_or_removed(has_contracts, contract_period, today)
        self._last_band_only(allocation_order)
        return self.bands.pop()

    def change_band_capacity(
        self,
        allocation_order: int,
        capacity: int,
        *,
        contract_period: ContractPeriod,
        now: datetime,
    ) -> None:
        self._check_is_own(contract_period)
        if contract_period.payments_frozen(now):
            raise RuleBroken(
                f"Payments for {contract_period.year} are frozen, so its bands cannot change",
                field="capacity",
                rule="contract_period_payments_frozen",
            )
        band = self._last_band_only(allocation_order)
        if capacity < band.capacity:
            raise RuleBroken(
                f"Band {band.letter}'s capacity can only increase, from {band.capacity}",
                field="capacity",
                rule="band_capacity_only_increases",
            )
        band.capacity = capacity

    def _last_band_only(self, allocation_order: int) -> Band:
        last = self.last_band
        if last is None or last.allocation_order != allocation_order:
            raise RuleBroken(
                f"Only the last band can be changed or removed, not band "
                f"{band_letter(allocation_order)}",
                field="allocation_order",
                rule="only_last_band_changes",
            )
        return last

    def _check_bands_can_be_added_or_removed(
        self, has_contracts: bool, contract_period: ContractPeriod, today: date
    ) -> None:
        self._check_is_own(contract_period)
        if has_contracts:
            raise RuleBroken(
                "Bands cannot be added or removed once the lead provider has a contract",
                field="bands",
                rule="bands_fixed_once_contracted",
            )
        if contract_period.started_by(today):
            raise RuleBroken(
                f"Bands cannot be added or removed once the {contract_period.year} contract "
                "period has started",
                field="bands",
                rule="bands_fixed_once_contract_period_started",
            )

    def _check_is_own(self, contract_period: ContractPeriod) -> None:
        if contract_period.year != self.contract_period_year:
            raise InvalidValue(
                f"This lead provider's bands belong to {self.contract_period_year}, "
                f"not {contract_period.year}",
                field="contract_period_year",
                rule="band_contract_period_mismatch",
            )
