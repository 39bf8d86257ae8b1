"""Round trips of every contracts aggregate through the SQL unit of work, and the
database refusing what the domain would refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import (
    ActiveLeadProvider,
    BandedFeeStructure,
    BandTerm,
    Contract,
    ContractPeriod,
    ContractType,
    DeclarationType,
    FlatRateFeeStructure,
    LeadProvider,
    Schedule,
    ScheduleIdentifier,
)
from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound, RuleBroken
from tests.integration.db.contracts_builders import (
    NOW,
    a_contract_period,
    added,
    an_active_lead_provider,
)

pytestmark = pytest.mark.contracts


@pytest.fixture
def active_lead_provider(uow: SqlAlchemyUnitOfWork) -> ActiveLeadProvider:
    return an_active_lead_provider(uow)


def test_a_contract_period_round_trips(uow: SqlAlchemyUnitOfWork) -> None:
    period = a_contract_period(
        2021, payments_frozen_at=datetime(2024, 6, 18, tzinfo=UTC), uplift_fees_enabled=True
    )
    added(uow, "contract_periods", period, a_contract_period(2022))
    with uow:
        assert uow.contract_periods.get(2021) == period
        assert [each.year for each in uow.contract_periods.list_all()] == [2021, 2022]


def test_saving_a_contract_period_moves_its_version_and_a_stale_copy_loses(
    uow: SqlAlchemyUnitOfWork,
) -> None:
    added(uow, "contract_periods", a_contract_period(2026))
    with uow:
        stale = uow.contract_periods.get(2026)
    with uow:
        fresh = uow.contract_periods.get(2026)
        fresh.enabled = True
        uow.contract_periods.save(fresh)
        uow.commit()
    assert fresh.version == 2
    stale.freeze_payments(NOW)
    with uow, pytest.raises(ConcurrentUpdate):
        uow.contract_periods.save(stale)


def test_a_missing_contract_period_is_not_found(uow: SqlAlchemyUnitOfWork) -> None:
    with uow, pytest.raises(NotFound):
        uow.contract_periods.get(2030)


def test_a_lead_provider_round_trips(uow: SqlAlchemyUnitOfWork) -> None:
    lead_provider = LeadProvider(name="Teach First", vat_registered=False)
    added(uow, "lead_providers", lead_provider)
    with uow:
        assert uow.lead_providers.get(lead_provider.id) == lead_provider
        assert uow.lead_providers.get_by_name("Teach First") == lead_provider
        assert uow.lead_providers.get_by_api_id(lead_provider.api_id) == lead_provider


def test_an_active_lead_provider_round_trips_with_its_bands(
    uow: SqlAlchemyUnitOfWork, active_lead_provider: ActiveLeadProvider
) -> None:
    assert all(band.id is not None for band in active_lead_provider.bands)
    with uow:
        loaded = uow.active_lead_providers.get(active_lead_provider.id)
        found = uow.active_lead_providers.for_lead_provider(
            active_lead_provider.lead_provider_id, 2025
        )
    assert loaded == found == active_lead_provider


def test_changed_bands_are_saved(
    uow: SqlAlchemyUnitOfWork, active_lead_provider: ActiveLeadProvider
) -> None:
    before_start = date(2025, 5, 1)
    with uow:
        alp = uow.active_lead_providers.get(active_lead_provider.id)
        period = uow.contract_periods.get(2025)
        alp.remove_band(2, has_contracts=False, contract_period=period, today=before_start)
        alp.add_band(400, has_contracts=False, contract_period=period, today=before_start)
        alp.add_band(50, has_contracts=False, contract_period=period, today=before_start)
        uow.active_lead_providers.save(alp)
        uow.commit()
    with uow:
        loaded = uow.active_lead_providers.get(alp.id)
    assert [(band.letter, band.capacity) for band in loaded.bands] == [
        ("A", 200),
        ("B", 400),
        ("C", 50),
    ]
    assert loaded == alp
    assert loaded.version == 2


def test_a_schedule_round_trips_with_its_milestones(uow: SqlAlchemyUnitOfWork) -> None:
    added(uow, "contract_periods", a_contract_period(2024))
    schedule = Schedule(
        contract_period_year=2024, identifier=ScheduleIdentifier.ECF_STANDARD_SEPTEMBER
    )
    schedule.add_milestone(DeclarationType.STARTED, date(2024, 6, 1), date(2024, 12, 31))
    schedule.add_milestone(DeclarationType.RETAINED_1, date(2025, 1, 1), date(2025, 3, 31))
    added(uow, "schedules", schedule)
    with uow:
        loaded = uow.schedules.by_identifier(2024, ScheduleIdentifier.ECF_STANDARD_SEPTEMBER)
        loaded.add_milestone(DeclarationType.COMPLETED, date(2026, 4, 1))
        uow.schedules.save(loaded)
        uow.commit()
    with uow:
        assert uow.schedules.get(schedule.id) == loaded
        assert uow.schedules.for_year(2024) == [loaded]
        assert uow.schedules.by_identifier(2025, schedule.identifier) is None
    assert len(loaded.milestones) == 3


def a_contract(alp: ActiveLeadProvider) -> Contract:
    terms = [
        BandTerm(
            band_id=band.id,
            fee_per_declaration=Decimal("1250.50"),
            output_fee_ratio=Decimal("0.6"),
            service_fee_ratio=Decimal("0.4"),
        )
        for band in alp.bands
    ]
    banded = BandedFeeStructure(
        recruitment_target=1200,
        uplift_fee_per_declaration=Decimal("0"),
        setup_fee=Decimal("0"),
        uplift_target_ratio=Decimal("0.3333"),
        monthly_service_fee=Decimal("0"),
        band_terms=terms,
    )
    return Contract(
        active_lead_provider_id=alp.id,
        contract_type=ContractType.ITTECF_ECTP,
        banded_fee_structure=banded,
        flat_rate_fee_structure=FlatRateFeeStructure(
            recruitment_target=300, fee_per_declaration=Decimal("1000")
        ),
    )


def test_a_contract_round_trips_with_its_fee_structures(
    uow: SqlAlchemyUnitOfWork, active_lead_provider: ActiveLeadProvider
) -> None:
    contract = a_contract(active_lead_provider)
    with uow:
        assert not uow.contracts.exist_for_active_lead_provider(active_lead_provider.id)
    added(uow, "contracts", contract)
    with uow:
        loaded = uow.contracts.get(contract.id)
        assert uow.contracts.exist_for_active_lead_provider(active_lead_provider.id)
    assert loaded == contract
    assert loaded.vat_rate == Decimal("0.20")
    assert loaded.banded.band_terms[0].fee_per_declaration == Decimal("1250.50")


def test_changed_band_terms_are_saved(
    uow: SqlAlchemyUnitOfWork, active_lead_provider: ActiveLeadProvider
) -> None:
    added(uow, "contracts", a_contract(active_lead_provider))
    with uow:
        contract = uow.contracts.for_active_lead_provider(active_lead_provider.id)[0]
        contract.banded.band_terms.pop()
        contract.vat_rate = Decimal("0.00")
        uow.contracts.save(contract)
        uow.commit()
    with uow:
        loaded = uow.contracts.get(contract.id)
    assert loaded == contract
    assert len(loaded.banded.band_terms) == 1


def test_an_entity_added_then_saved_in_one_unit_of_work_is_stored_once(
    uow: SqlAlchemyUnitOfWork,
) -> None:
    lead_provider = LeadProvider(name="Capita")
    with uow:
        uow.lead_providers.add(lead_provider)
        lead_provider.vat_registered = False
        uow.lead_providers.save(lead_provider)
        uow.commit()
    with uow:
        assert uow.lead_providers.list_all() == [lead_provider]


@pytest.mark.postgres
def test_postgres_refuses_overlapping_contract_periods(uow: SqlAlchemyUnitOfWork) -> None:
    added(uow, "contract_periods", a_contract_period(2025))
    overlapping = ContractPeriod(
        year=2026, started_on=date(2026, 5, 31), finished_on=date(2027, 5, 31)
    )
    with uow:
        uow.contract_periods.add(overlapping)
        with pytest.raises(RuleBroken) as refused:
            uow.commit()
    assert refused.value.rule == "contract_periods_no_overlap"
