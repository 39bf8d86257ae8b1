"""Small builders that put data in the e2e app's database through the domain and its
repositories, one unit of work each, as the service itself would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import update

from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import (
    ActiveLeadProvider,
    ApiToken,
    BandedFeeStructure,
    Contract,
    ContractPeriod,
    ContractType,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    Schedule,
    ScheduleIdentifier,
    SchoolPartnership,
    token_digest,
)
from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    GiasSchool,
    MentorAtSchoolPeriod,
    School,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.payments.model import FeeType, Statement, StatementStatus
from ecf2.domain.shared.identifiers import Trn, Urn

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


class Builder:
    """Makes one thing per call and returns it with its database id."""

    def __init__(self, uow_factory: UowFactory) -> None:
        self._uow_factory = uow_factory
        self._numbers = iter(range(1, 1_000_000))

    def _add(self, repository: str, entity: Any) -> Any:
        with self._uow_factory() as uow:
            getattr(uow, repository).add(entity)
            uow.commit()
        return entity

    def _next(self) -> int:
        return next(self._numbers)

    # Contracts.

    def contract_period(self, year: int, **overrides: Any) -> ContractPeriod:
        values = {"started_on": date(year, 6, 1), "finished_on": date(year + 1, 5, 31)}
        period = ContractPeriod(year=year, **({"enabled": True} | values | overrides))
        return self._add("contract_periods", period)

    def lead_provider(self, name: str) -> LeadProvider:
        return self._add("lead_providers", LeadProvider(name=name))

    def active_lead_provider(self, lead_provider: LeadProvider, year: int) -> ActiveLeadProvider:
        alp = ActiveLeadProvider(lead_provider_id=lead_provider.id, contract_period_year=year)
        return self._add("active_lead_providers", alp)

    def token(self, lead_provider: LeadProvider, token: str, **overrides: Any) -> ApiToken:
        record = ApiToken(
            lead_provider_id=lead_provider.id,
            token_digest=token_digest(token),
            description=f"Token for {lead_provider.name}",
            created_at=at(date(2025, 1, 1)),
            **overrides,
        )
        return self._add("api_tokens", record)

    def delivery_partner(self, name: str, created_at: datetime, **kw: Any) -> DeliveryPartner:
        return self._add(
            "delivery_partners", DeliveryPartner(name=name, created_at=created_at, **kw)
        )

    def works_with(
        self, alp: ActiveLeadProvider, partner: DeliveryPartner
    ) -> LeadProviderDeliveryPartnership:
        link = LeadProviderDeliveryPartnership(
            active_lead_provider_id=alp.id, delivery_partner_id=partner.id
        )
        return self._add("lead_provider_delivery_partnerships", link)

    def partnership(
        self,
        school: School,
        link: LeadProviderDeliveryPartnership,
        created_at: datetime,
        **overrides: Any,
    ) -> SchoolPartnership:
        partnership = SchoolPartnership(
            school_id=school.id,
            lead_provider_delivery_partnership_id=link.id,
            created_at=created_at,
            **overrides,
        )
        return self._add("school_partnerships", partnership)

    def schedule(self, year: int) -> Schedule:
        schedule = Schedule(
            contract_period_year=year, identifier=ScheduleIdentifier("ecf-standard-september")
        )
        return self._add("schedules", schedule)

    # Payments.

    def contract(self, alp: ActiveLeadProvider) -> Contract:
        structure = BandedFeeStructure(
            recruitment_target=100, uplift_fee_per_declaration=Decimal(0), setup_fee=Decimal(0)
        )
        contract = Contract(
            active_lead_provider_id=alp.id,
            contract_type=ContractType.ECF,
            banded_fee_structure=structure,
        )
        return self._add("contracts", contract)

    def statement(
        self,
        contract: Contract,
        year: int,
        month: int,
        *,
        fee_type: FeeType = FeeType.OUTPUT,
        status: StatementStatus = StatementStatus.OPEN,
        created_at: datetime | None = None,
        **overrides: Any,
    ) -> Statement:
        statement = Statement(
            contract_id=contract.id,
            active_lead_provider_id=contract.active_lead_provider_id,
            month=month,
            year=year,
            deadline_date=date(year, month, 1),
            payment_date=date(year, month, 25),
            created_at=created_at or at(date(year - 1, 12, 1)),
            fee_type=fee_type,
            status=status,
            **overrides,
        )
        return self._add("statements", statement)

    # Schools.

    def school(
        self,
        name: str,
        *,
        eligible: bool = True,
        tutor: tuple[str, str] | None = None,
        contact: str | None = None,
        created_at: datetime | None = None,
        marked_as_eligible: bool = False,
    ) -> School:
        urn = Urn(str(100_000 + self._next()))
        gias = GiasSchool(
            urn=urn,
            name=name,
            type_name="Community school",
            local_authority_code=201,
            eligible=eligible,
            primary_contact_email=contact,
        )
        self._add("gias_schools", gias)
        tutor_name, tutor_email = tutor or (None, None)
        school = School(
            urn=urn,
            induction_tutor_name=tutor_name,
            induction_tutor_email=tutor_email,
            marked_as_eligible=marked_as_eligible,
        )
        self._add("schools", school)
        self.stamp_school(school, created_at or at(date(2024, 1, 1)))
        return school

    def stamp_school(
        self, school: School, created_at: datetime, updated_at: datetime | None = None
    ) -> None:
        """Schools' API timestamps are stamped by the database, not the domain."""
        with self._uow_factory() as uow:
            uow.session.execute(
                update(SchoolRow)
                .where(SchoolRow.id == school.id)
                .values(created_at=created_at, api_updated_at=updated_at or created_at)
            )
            uow.commit()

    # Participants.

    def ect(
        self,
        school: School,
        started_on: date,
        *,
        partnership: SchoolPartnership | None = None,
        interest: ActiveLeadProvider | None = None,
        schedule: Schedule | None = None,
        finished_on: date | None = None,
        email: str | None = None,
    ) -> Teacher:
        teacher = self._teacher()
        placement = teacher.add_ect_placement(
            ECTAtSchoolPeriod(school_id=school.id, started_on=started_on, email=email)
        )
        teacher.add_training_period(
            placement,
            _training(TrainingRole.ECT, started_on, finished_on, partnership, interest, schedule),
        )
        return self._add("teachers", teacher)

    def mentor(
        self,
        school: School,
        started_on: date,
        *,
        partnership: SchoolPartnership | None = None,
        interest: ActiveLeadProvider | None = None,
        schedule: Schedule,
        email: str | None = None,
    ) -> Teacher:
        teacher = self._teacher()
        placement = teacher.add_mentor_placement(
            MentorAtSchoolPeriod(school_id=school.id, started_on=started_on, email=email)
        )
        teacher.add_training_period(
            placement,
            _training(TrainingRole.MENTOR, started_on, None, partnership, interest, schedule),
        )
        return self._add("teachers", teacher)

    def _teacher(self) -> Teacher:
        return Teacher(
            trn=Trn(str(2_000_000 + self._next())), trs_first_name="Ada", trs_last_name="Lovelace"
        )


def _training(
    role: TrainingRole,
    started_on: date,
    finished_on: date | None,
    partnership: SchoolPartnership | None,
    interest: ActiveLeadProvider | None,
    schedule: Schedule | None,
) -> TrainingPeriod:
    provider_led = partnership is not None or interest is not None
    return TrainingPeriod(
        role=role,
        training_programme=TrainingProgramme.PROVIDER_LED
        if provider_led
        else TrainingProgramme.SCHOOL_LED,
        started_on=started_on,
        finished_on=finished_on,
        school_partnership_id=None if partnership is None else partnership.id,
        expression_of_interest_id=None if interest is None else interest.id,
        schedule_id=None if schedule is None or not provider_led else schedule.id,
    )
