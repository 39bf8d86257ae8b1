"""The world the register-an-ECT scenarios run in: a SQLite database with contract periods,
lead providers, schedules, appropriate bodies and two schools, the registration service
on it, and TRS in memory."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from attrs import define, field
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import AppropriateBodyRow
from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts.schedules import ScheduleIdentifier
from ecf2.domain.participants import GiasSchool, School, Teacher
from ecf2.domain.participants.register_ect import EctRegistrationService
from ecf2.domain.participants.register_mentor import MentorRegistrationService
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import FixedClock
from ecf2.domain.shared.identifiers import Urn
from tests.fake_teacher_records import FakeTeacherRecords

SCHOOL_TYPES = {"Hilltop Primary": "Community school", "Oakfield House": "Other independent school"}
LEAD_PROVIDER_YEARS = {"Ambition Institute": range(2022, 2027), "Best Practice Network": [2025]}
APPROPRIATE_BODIES = {
    "Ashfield Teaching School Hub": ("teaching_school_hub", True),
    "ISTIP": ("national", True),
    "Westshire County Council": ("local_authority", False),
}
SCHEDULES = (
    ScheduleIdentifier.ECF_STANDARD_SEPTEMBER,
    ScheduleIdentifier.ECF_STANDARD_JANUARY,
    ScheduleIdentifier.ECF_STANDARD_APRIL,
    ScheduleIdentifier.ECF_EXTENDED_SEPTEMBER,
)


@define
class RegistrationWorld:
    session_factory: sessionmaker[Session]
    clock: FixedClock
    trs: FakeTeacherRecords = field(factory=FakeTeacherRecords)
    schools: dict[str, int] = field(factory=dict)
    lead_providers: dict[str, int] = field(factory=dict)
    appropriate_bodies: dict[str, int] = field(factory=dict)

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.session_factory, self.clock)

    @property
    def service(self) -> EctRegistrationService:
        return EctRegistrationService(self.uow, self.trs, self.clock)

    @property
    def mentor_service(self) -> MentorRegistrationService:
        return MentorRegistrationService(self.uow, self.trs, self.clock)

    @property
    def actor(self) -> Actor:
        return Actor(AuthorType.SCHOOL_USER, email="tutor@school.example", name="Tutor")

    def add_rows(self, *rows: Any) -> None:
        with self.session_factory() as session, session.begin():
            session.add_all(rows)

    def row(self, query: Any) -> Any:
        with self.session_factory() as session:
            return session.execute(query).first()

    def add_contract_period(self, year: int, *, enabled: bool = True, frozen: bool = False) -> None:
        frozen_at = datetime(year + 2, 6, 16, tzinfo=UTC) if frozen else None
        self.add_rows(
            ContractPeriodRow(
                year=year,
                started_on=date(year, 6, 1),
                finished_on=date(year + 1, 5, 31),
                enabled=enabled,
                payments_frozen_at=frozen_at,
            )
        )
        self.add_rows(
            *(ScheduleRow(contract_period_year=year, identifier=each) for each in SCHEDULES)
        )

    def set_up(self) -> None:
        for year in range(2022, 2027):
            self.add_contract_period(year, enabled=year > 2022, frozen=year == 2022)
        for name, years in LEAD_PROVIDER_YEARS.items():
            provider = LeadProviderRow(name=name, api_id=uuid.uuid4())
            self.add_rows(provider)
            self.lead_providers[name] = provider.id
            self.add_rows(
                *(
                    ActiveLeadProviderRow(
                        lead_provider_id=provider.id, contract_period_year=year, api_id=uuid.uuid4()
                    )
                    for year in years
                )
            )
        for name, (kind, active) in APPROPRIATE_BODIES.items():
            body = AppropriateBodyRow(
                name=name,
                body_type=kind,
                dfe_sign_in_organisation_id=uuid.uuid4() if active else None,
            )
            self.add_rows(body)
            self.appropriate_bodies[name] = body.id
        for number, (name, type_name) in enumerate(SCHOOL_TYPES.items(), start=1):
            self.schools[name] = self._school(f"10000{number}", name, type_name)

    def _school(self, urn: str, name: str, type_name: str) -> int:
        gias = GiasSchool(
            urn=Urn(urn),
            name=name,
            type_name=type_name,
            local_authority_code=201,
            eligible=True,
            section_41_approved=True,
        )
        school = School(urn=Urn(urn))
        with self.uow() as uow:
            uow.gias_schools.add(gias)
            uow.schools.add(school)
            uow.commit()
        assert school.id is not None
        return school.id

    def active_lead_provider_id(self, lead_provider: str, year: int) -> int:
        return self.row(
            select(ActiveLeadProviderRow.id).where(
                ActiveLeadProviderRow.lead_provider_id == self.lead_providers[lead_provider],
                ActiveLeadProviderRow.contract_period_year == year,
            )
        )[0]

    def schedule_id(self, year: int, identifier: str) -> int:
        return self.row(
            select(ScheduleRow.id).where(
                ScheduleRow.contract_period_year == year,
                ScheduleRow.identifier == ScheduleIdentifier(identifier),
            )
        )[0]

    def delivery_partner(self, name: str) -> int:
        found = self.row(select(DeliveryPartnerRow.id).where(DeliveryPartnerRow.name == name))
        if found is not None:
            return int(found[0])
        partner = DeliveryPartnerRow(
            name=name,
            api_id=uuid.uuid4(),
            created_at=self.clock.now(),
            api_updated_at=self.clock.now(),
        )
        self.add_rows(partner)
        return partner.id

    def pair(self, lead_provider: str, partner: str, year: int) -> int:
        pairing = LeadProviderDeliveryPartnershipRow(
            active_lead_provider_id=self.active_lead_provider_id(lead_provider, year),
            delivery_partner_id=self.delivery_partner(partner),
            api_id=uuid.uuid4(),
        )
        self.add_rows(pairing)
        return pairing.id

    def partnership(
        self, school: str, lead_provider: str, year: int, partner: str | None = None
    ) -> int:
        pairing_id = self.pair(lead_provider, partner or f"Partner of {lead_provider} {year}", year)
        partnership = SchoolPartnershipRow(
            school_id=self.schools[school],
            lead_provider_delivery_partnership_id=pairing_id,
            api_id=uuid.uuid4(),
            created_at=self.clock.now(),
            api_updated_at=self.clock.now(),
        )
        self.add_rows(partnership)
        return partnership.id

    def teacher(self, trn: str) -> Teacher:
        from ecf2.domain.shared.identifiers import Trn

        with self.uow() as uow:
            return uow.teachers.get_by_trn(Trn(trn))

    def set_last_choices(
        self, school: str, body: str, programme: str, lead_provider: str | None
    ) -> None:
        from sqlalchemy import update

        with self.session_factory() as session, session.begin():
            session.execute(
                update(SchoolRow)
                .where(SchoolRow.id == self.schools[school])
                .values(
                    last_chosen_appropriate_body_id=self.appropriate_bodies[body],
                    last_chosen_training_programme=programme,
                    last_chosen_lead_provider_id=self.lead_providers[lead_provider]
                    if lead_provider
                    else None,
                )
            )

    def school(self, name: str) -> Any:
        return self.row(select(SchoolRow).where(SchoolRow.id == self.schools[name]))[0]
