"""The finance console's changes to contract periods, their schedules, the lead providers
contracted in them and those lead providers' bands (inductions-trs-sign-in-admin (d.1)
"Contract periods" and "Bands"; finance-and-payments §1.1-§1.3). One method, one unit of
work, one commit, one event per change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs

from ecf2.domain.contracts.contract_periods import (
    ContractPeriod,
    ContractPeriodSettings,
    check_no_overlap,
    check_year_free,
)
from ecf2.domain.contracts.lead_providers import ActiveLeadProvider, Band
from ecf2.domain.contracts.ports import ContractsConsoleUnitOfWork
from ecf2.domain.contracts.schedules import ScheduleIdentifier
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import NotFound, RuleBroken
from ecf2.domain.shared.events import DomainEvent

UowFactory = Callable[[], ContractsConsoleUnitOfWork]


class ContractPeriodService:
    """Contract periods and the milestones of their schedules."""

    def __init__(self, uow: UowFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def add(self, year: int, settings: ContractPeriodSettings, by: Actor) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            existing = uow.contract_periods.list_all()
            check_year_free(year, existing)
            period = ContractPeriod.open(year, settings, now)
            check_no_overlap([*existing, period])
            uow.contract_periods.add(period)
            heading = f"{year} contract period added"
            uow.record(self._event("contract_period_added", heading, by, year))
            uow.commit()

    def change(
        self, year: int, settings: ContractPeriodSettings, version: int | None, by: Actor
    ) -> None:
        """`version` is the one the form was shown at: a change made meanwhile by someone
        else is refused rather than overwritten."""
        now = self._clock.now()
        with self._uow() as uow:
            period = uow.contract_periods.get(year)
            if version is not None:
                period.version = version
            others = [each for each in uow.contract_periods.list_all() if each.year != year]
            changes = period.change(settings, now)
            check_no_overlap([*others, period])
            uow.contract_periods.save(period)
            heading = f"{year} contract period updated"
            uow.record(self._event("contract_period_updated", heading, by, year, changes))
            uow.commit()

    def change_milestone(
        self,
        year: int,
        identifier: ScheduleIdentifier,
        declaration_type: DeclarationType,
        start_date: date,
        milestone_date: date | None,
        by: Actor,
    ) -> None:
        with self._uow() as uow:
            schedule = uow.schedules.by_identifier(year, identifier)
            if schedule is None:
                raise NotFound(f"There is no {identifier} schedule in {year}")
            changes = schedule.change_milestone(declaration_type, start_date, milestone_date)
            uow.schedules.save(schedule)
            heading = f"{identifier} {year} {declaration_type} milestone updated"
            event = self._event("milestone_updated", heading, by, year, changes, schedule.id)
            uow.record(event)
            uow.commit()

    def _event(
        self,
        event_type: str,
        heading: str,
        by: Actor,
        year: int,
        modifications: tuple[str, ...] = (),
        schedule_id: int | None = None,
    ) -> DomainEvent:
        return DomainEvent(
            event_type=event_type,
            heading=heading,
            happened_at=self._clock.now(),
            author=by,
            subjects={"contract_period": year, "schedule": schedule_id},
            modifications=modifications,
        )


class ActiveLeadProviderService:
    """Lead providers contracted in a contract period, and their bands (§1.2, §1.3)."""

    def __init__(self, uow: UowFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def add(self, lead_provider_id: int, year: int, by: Actor) -> int:
        with self._uow() as uow:
            uow.contract_periods.get(year)
            lead_provider = uow.lead_providers.get(lead_provider_id)
            if uow.active_lead_providers.for_lead_provider(lead_provider_id, year) is not None:
                raise RuleBroken(
                    f"{lead_provider.name} is already contracted in {year}",
                    field="lead_provider_id",
                    rule="active_lead_provider_once_per_contract_period",
                )
            active = ActiveLeadProvider(
                lead_provider_id=lead_provider_id, contract_period_year=year
            )
            uow.active_lead_providers.add(active)
            heading = f"{lead_provider.name} contracted in {year}"
            uow.record(self._event("active_lead_provider_created", heading, by, active))
            uow.commit()
        assert active.id is not None, "saved above"
        return active.id

    def add_band(self, active_lead_provider_id: int, capacity: int, by: Actor) -> Band:
        with self._uow() as uow:
            active = uow.active_lead_providers.get(active_lead_provider_id)
            band = active.add_band(
                capacity,
                has_contracts=uow.contracts.exist_for_active_lead_provider(active_lead_provider_id),
                contract_period=uow.contract_periods.get(active.contract_period_year),
                today=self._clock.today(),
            )
            uow.active_lead_providers.save(active)
            heading = f"Band {band.letter} added with capacity {capacity}"
            uow.record(self._event("band_added", heading, by, active))
            uow.commit()
        return band

    def change_band_capacity(
        self, active_lead_provider_id: int, allocation_order: int, capacity: int, by: Actor
    ) -> None:
        with self._uow() as uow:
            active = uow.active_lead_providers.get(active_lead_provider_id)
            band = active.band(allocation_order)
            before = band.capacity
            active.change_band_capacity(
                allocation_order,
                capacity,
                contract_period=uow.contract_periods.get(active.contract_period_year),
                now=self._clock.now(),
            )
            uow.active_lead_providers.save(active)
            change = f"Capacity changed from '{before}' to '{capacity}'"
            heading = f"Band {band.letter} updated"
            uow.record(self._event("band_updated", heading, by, active, (change,)))
            uow.commit()

    def remove_band(self, active_lead_provider_id: int, allocation_order: int, by: Actor) -> None:
        with self._uow() as uow:
            active = uow.active_lead_providers.get(active_lead_provider_id)
            active.band(allocation_order)
            band = active.remove_band(
                allocation_order,
                has_contracts=uow.contracts.exist_for_active_lead_provider(active_lead_provider_id),
                contract_period=uow.contract_periods.get(active.contract_period_year),
                today=self._clock.today(),
            )
            uow.active_lead_providers.save(active)
            heading = f"Band {band.letter} deleted"
            uow.record(self._event("band_deleted", heading, by, active))
            uow.commit()

    def change_mentor_flat_rate(
        self,
        active_lead_provider_id: int,
        contract_id: int,
        recruitment_target: int,
        fee_per_declaration: Decimal | str,
        by: Actor,
    ) -> None:
        with self._uow() as uow:
            active = uow.active_lead_providers.get(active_lead_provider_id)
            contract = uow.contracts.get(contract_id)
            if contract.active_lead_provider_id != active_lead_provider_id:
                raise NotFound(f"There is no contract {contract_id} for this lead provider")
            period = uow.contract_periods.get(active.contract_period_year)
            changes = contract.change_mentor_flat_rate(
                recruitment_target,
                fee_per_declaration,
                payments_frozen=period.payments_frozen(self._clock.now()),
            )
            uow.contracts.save(contract)
            event = self._event("contract_updated", "Mentor flat rate updated", by, active, changes)
            uow.record(attrs.evolve(event, subjects={**event.subjects, "contract": contract}))
            uow.commit()

    def _event(
        self,
        event_type: str,
        heading: str,
        by: Actor,
        active: ActiveLeadProvider,
        modifications: tuple[str, ...] = (),
    ) -> DomainEvent:
        return DomainEvent(
            event_type=event_type,
            heading=heading,
            happened_at=self._clock.now(),
            author=by,
            subjects={
                "active_lead_provider": active,
                "lead_provider": active.lead_provider_id,
                "contract_period": active.contract_period_year,
            },
            modifications=modifications,
        )
