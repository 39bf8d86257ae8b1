"""Small builders for the payments scenarios: contract periods, lead providers with a
contract, statements, training periods and declarations, saved through the real unit of
work; training periods and staff users are stub rows (other contexts own them)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from attrs import define, field
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import (
    ActiveLeadProvider,
    Band,
    BandedFeeStructure,
    BandTerm,
    Contract,
    ContractPeriod,
    ContractType,
    LeadProvider,
)
from ecf2.domain.payments import Declaration, FeeType, Statement, StatementStatus
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import FixedClock
from tests.integration.db.stub_rows import insert_stub

MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
ONE_DAY = timedelta(days=1)
BANDS = ((1, 2000), (2, 1000))


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def statement_month(name: str) -> tuple[int, int]:
    """ "November 2026" -> (2026, 11)."""
    month, year = name.split()
    return int(year), MONTHS[month]


def deadline_of(year: int, month: int) -> date:
    # By convention the last day of the month before, paid on the 25th (finance §3.2).
    return date(year, month, 1) - ONE_DAY


@define
class FinanceWorld:
    """What the givens made, by the names the scenarios use."""

    uow: SqlAlchemyUnitOfWork
    session_factory: sessionmaker[Session]
    clock: FixedClock
    active_lead_providers: dict[tuple[str, int], int] = field(factory=dict)
    contracts: dict[tuple[str, int], int] = field(factory=dict)
    statements: dict[tuple[str, int, str], int] = field(factory=dict)
    schedules: dict[int, int] = field(factory=dict)
    declarations: dict[str, int] = field(factory=dict)
    main: tuple[str, int] | None = None
    finance_user: Actor | None = None
    # The adjustment the scenario is about: (statement id, adjustment id).
    adjustment: tuple[int, int] | None = None

    def stub(self, table: str, **values: Any) -> Any:
        with self.session_factory() as session, session.begin():
            return insert_stub(session.connection(), table, **values)

    def added(self, repository: str, entity: Any) -> Any:
        with self.uow as uow:
            getattr(uow, repository).add(entity)
            uow.commit()
        return getattr(entity, "id", None)

    def contract_for(self, provider: str, year: int) -> None:
        """A lead provider's contract for a contract period, with bands A=2,000, B=1,000."""
        if self.main is None:
            self.main = (provider, year)
        lead_provider_id = self._lead_provider(provider)
        self._contract_period(year)
        alp = ActiveLeadProvider(
            lead_provider_id=lead_provider_id,
            contract_period_year=year,
            bands=[
                Band(allocation_order=1, capacity=2000),
                Band(allocation_order=2, capacity=1000),
            ],
        )
        self.active_lead_providers[provider, year] = self.added("active_lead_providers", alp)
        self.contracts[provider, year] = self.added("contracts", _contract(alp))

    def statement(self, name: str, fee_type: str, status: str, of: tuple[str, int]) -> int:
        year, month = statement_month(name)
        made = Statement(
            contract_id=self.contracts[of],
            active_lead_provider_id=self.active_lead_providers[of],
            month=month,
            year=year,
            deadline_date=deadline_of(year, month),
            payment_date=date(year, month, 25),
            created_at=at(date(of[1], 6, 1)),
            fee_type=FeeType(fee_type),
        )
        if status != StatementStatus.OPEN:
            made.mark_as_payable(made.deadline_date + ONE_DAY)
        if status == StatementStatus.PAID:
            made.mark_as_paid(at(made.payment_date - 4 * ONE_DAY), made.payment_date)
        self.statements[(*of, name)] = self.added("statements", made)
        return self.statements[(*of, name)]

    def statement_id(self, name: str, of: tuple[str, int] | None = None) -> int:
        owner = of or self.main
        assert owner is not None
        return self.statements[(*owner, name)]

    def training_period(self, role: str, of: tuple[str, int] | None = None) -> int:
        """A provider-led training period with the lead provider, on a schedule of the
        contract period, through an expression of interest."""
        provider, year = of or self.main or ("", 0)
        placements = {"ect_at_school_period_id": None, "mentor_at_school_period_id": None}
        placements[f"{role}_at_school_period_id"] = self.stub(f"{role}_at_school_periods")
        return self.stub(
            "training_periods",
            role=role,
            training_programme="provider_led",
            schedule_id=self._schedule(year),
            expression_of_interest_id=self.active_lead_providers[provider, year],
            **placements,
        )

    def declaration(
        self,
        training_period_id: int,
        *,
        on: int | None = None,
        paid: bool = False,
        clawed_back_on: int | None = None,
        voided: bool = False,
    ) -> int:
        """A started declaration, taken through its lifecycle by the domain's own steps."""
        made = Declaration(
            training_period_id=training_period_id,
            declaration_type="started",
            declaration_date=at(date(2026, 7, 15)),
            created_at=at(date(2026, 7, 16)),
        )
        if on is not None:
            made.mark_as_eligible(on)
        if paid:
            made.mark_as_payable()
            made.mark_as_paid()
        if clawed_back_on is not None:
            made.mark_as_awaiting_clawback(clawed_back_on)
        if voided:
            made.void(at(date(2026, 7, 20)))
        return self.added("declarations", made)

    def finance(self) -> Actor:
        if self.finance_user is None:
            staff_id = self.stub(
                "dfe_staff_users", email="finance@education.gov.uk", name="Fin Ance", role="finance"
            )
            self.finance_user = Actor(
                AuthorType.DFE_STAFF_USER, id=staff_id, email="finance@education.gov.uk"
            )
        return self.finance_user

    def _lead_provider(self, name: str) -> int:
        with self.uow as uow:
            found = [each for each in uow.lead_providers.list_all() if each.name == name]
        return found[0].id if found else self.added("lead_providers", LeadProvider(name=name))

    def _contract_period(self, year: int) -> None:
        with self.uow as uow:
            if any(period.year == year for period in uow.contract_periods.list_all()):
                return
        period = ContractPeriod(
            year=year, started_on=date(year, 6, 1), finished_on=date(year + 1, 5, 31)
        )
        self.added("contract_periods", period)

    def _schedule(self, year: int) -> int:
        if year not in self.schedules:
            self.schedules[year] = self.stub("schedules", contract_period_year=year)
        return self.schedules[year]


def _contract(alp: ActiveLeadProvider) -> Contract:
    terms = [
        BandTerm.from_output_percentage(band.id or 0, Decimal(price), 60)
        for band, price in zip(alp.bands, (1000, 900), strict=True)
    ]
    return Contract(
        active_lead_provider_id=alp.id or 0,
        contract_type=ContractType.ECF,
        banded_fee_structure=BandedFeeStructure(
            recruitment_target=2000,
            uplift_fee_per_declaration=Decimal(100),
            setup_fee=Decimal(0),
            band_terms=terms,
        ),
    )
