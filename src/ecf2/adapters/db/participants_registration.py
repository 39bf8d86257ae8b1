"""The EctRegistrationFacts port in SQL: what registering an ECT reads of contract periods,
lead providers, partnerships, schedules, appropriate bodies and inductions, with the
contracts context's own rules deciding the contract period and schedule
(participants-and-schools §2.4, §2.7, §3.1)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, func, or_, select

from ecf2.adapters.db.contracts_mappers import contract_period_from_row
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import AppropriateBodyRow, InductionPeriodRow
from ecf2.adapters.db.participants_previous_choices import SqlPreviousChoiceFacts
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.repository import SqlRepository
from ecf2.domain.contracts.contract_periods import ContractPeriod, contract_period_for_year
from ecf2.domain.contracts.rules import (
    PreviousTraining,
    RegistrationRole,
    contract_period_for_registration,
    ect_start_date_floor,
    schedule_for,
    schedule_to_reuse,
)
from ecf2.domain.contracts.schedules import ScheduleChoice
from ecf2.domain.participants.registration_values import (
    AppropriateBodyOption,
    LeadProviderOption,
    ProviderLedLinks,
    RegistrationPeriod,
)
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.identifiers import Trn


class SqlEctRegistrationFacts(SqlPreviousChoiceFacts, SqlRepository):
    """Served inside the unit of work, as `uow.ect_registration_facts`."""

    def start_date_floor(self, today: date) -> date | None:
        return ect_start_date_floor(today, self._contract_periods())

    def registration_period(
        self,
        start_date: date,
        today: date,
        previous_schedule_id: int | None,
        role: RegistrationRole = RegistrationRole.ECT,
    ) -> RegistrationPeriod:
        periods = self._contract_periods()
        previous = self._schedule_choice(previous_schedule_id)
        found = contract_period_for_registration(
            start_date,
            today,
            periods,
            None if previous is None else PreviousTraining(previous.contract_period_year),
            role=role,
        )
        target = contract_period_for_year(found.year, periods) if found.reassigned else None
        return RegistrationPeriod(
            found.year,
            reassigned=found.reassigned,
            reuses_previous_schedule=found.reuses_previous_schedule,
            reassigned_from=None if target is None else target.started_on,
        )

    def email_in_use_by_another_teacher(self, email: str, trn: Trn) -> bool:
        def used_in(placement: type[ECTAtSchoolPeriodRow | MentorAtSchoolPeriodRow]) -> bool:
            query = select(
                exists()
                .where(func.lower(placement.email) == email.lower())
                .where(placement.finished_on.is_(None))
                .where(placement.teacher_id == TeacherRow.id)
                .where(or_(TeacherRow.trn.is_(None), TeacherRow.trn != trn.value))
            )
            return bool(self._session.scalar(query))

        return used_in(ECTAtSchoolPeriodRow) or used_in(MentorAtSchoolPeriodRow)

    def schedule_year(self, schedule_id: int | None) -> int | None:
        choice = self._schedule_choice(schedule_id)
        return None if choice is None else choice.contract_period_year

    def lead_provider_of(
        self, school_partnership_id: int | None, expression_of_interest_id: int | None
    ) -> int | None:
        """The lead provider a provider-led training names: by its partnership, else its
        expression of interest (§1.5)."""
        active_id = expression_of_interest_id
        if school_partnership_id is not None:
            active_id = self._session.scalar(
                select(LeadProviderDeliveryPartnershipRow.active_lead_provider_id)
                .join(
                    SchoolPartnershipRow,
                    SchoolPartnershipRow.lead_provider_delivery_partnership_id
                    == LeadProviderDeliveryPartnershipRow.id,
                )
                .where(SchoolPartnershipRow.id == school_partnership_id)
            )
        if active_id is None:
            return None
        row = self._session.get(ActiveLeadProviderRow, active_id)
        return None if row is None else row.lead_provider_id

    def appropriate_bodies(self) -> list[AppropriateBodyOption]:
        rows = self._session.scalars(select(AppropriateBodyRow).order_by(AppropriateBodyRow.name))
        return [
            AppropriateBodyOption(
                row.id, row.name, row.body_type, row.dfe_sign_in_organisation_id is not None
            )
            for row in rows
        ]

    def lead_providers_active_in(self, contract_period_year: int) -> list[LeadProviderOption]:
        query = (
            select(LeadProviderRow.id, LeadProviderRow.name)
            .join(
                ActiveLeadProviderRow, ActiveLeadProviderRow.lead_provider_id == LeadProviderRow.id
            )
            .where(ActiveLeadProviderRow.contract_period_year == contract_period_year)
            .order_by(LeadProviderRow.name)
        )
        return [LeadProviderOption(id, name) for id, name in self._session.execute(query)]

    def provider_led_training(
        self,
        school_id: int,
        lead_provider_id: int,
        period: RegistrationPeriod,
        training_started_on: date,
        today: date,
        previous_schedule_id: int | None,
    ) -> ProviderLedLinks:
        active_lead_provider_id = self._active_lead_provider(lead_provider_id, period.year)
        partnership_id = self._earliest_partnership(school_id, active_lead_provider_id)
        schedule_id = self._schedule_id(
            period, training_started_on, today, self._schedule_choice(previous_schedule_id)
        )
        if partnership_id is not None:
            return ProviderLedLinks(schedule_id, school_partnership_id=partnership_id)
        return ProviderLedLinks(schedule_id, expression_of_interest_id=active_lead_provider_id)

    def school_has_unfinished_training(self, school_id: int) -> bool:
        training = TrainingPeriodRow
        ect = select(ECTAtSchoolPeriodRow.id).where(ECTAtSchoolPeriodRow.school_id == school_id)
        mentor = select(MentorAtSchoolPeriodRow.id).where(
            MentorAtSchoolPeriodRow.school_id == school_id
        )
        query = select(
            exists()
            .where(training.finished_on.is_(None))
            .where(
                or_(
                    training.ect_at_school_period_id.in_(ect),
                    training.mentor_at_school_period_id.in_(mentor),
                )
            )
        )
        return bool(self._session.scalar(query))

    def in_induction_on(self, teacher_id: int, day: date) -> bool:
        period = InductionPeriodRow
        query = select(
            exists()
            .where(period.teacher_id == teacher_id, period.started_on <= day)
            .where(or_(period.finished_on.is_(None), period.finished_on >= day))
        )
        return bool(self._session.scalar(query))

    def _contract_periods(self) -> list[ContractPeriod]:
        rows = self._session.scalars(select(ContractPeriodRow).order_by(ContractPeriodRow.year))
        return [contract_period_from_row(row) for row in rows]

    def _schedule_choice(self, schedule_id: int | None) -> ScheduleChoice | None:
        if schedule_id is None:
            return None
        row = self._session.get(ScheduleRow, schedule_id)
        return None if row is None else ScheduleChoice(row.contract_period_year, row.identifier)

    def _active_lead_provider(self, lead_provider_id: int, year: int) -> int:
        found = self._session.scalar(
            select(ActiveLeadProviderRow.id).where(
                ActiveLeadProviderRow.lead_provider_id == lead_provider_id,
                ActiveLeadProviderRow.contract_period_year == year,
            )
        )
        if found is None:
            raise RuleBroken(
                f"This lead provider does not train ECTs in the {year} contract period",
                field="lead_provider_id",
                rule="lead_provider_active_in_contract_period",
            )
        return found

    def _earliest_partnership(self, school_id: int, active_lead_provider_id: int) -> int | None:
        return self._session.scalar(
            select(SchoolPartnershipRow.id)
            .join(
                LeadProviderDeliveryPartnershipRow,
                LeadProviderDeliveryPartnershipRow.id
                == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
            )
            .where(SchoolPartnershipRow.school_id == school_id)
            .where(
                LeadProviderDeliveryPartnershipRow.active_lead_provider_id
                == active_lead_provider_id
            )
            .order_by(SchoolPartnershipRow.created_at, SchoolPartnershipRow.id)
            .limit(1)
        )

    def _schedule_id(
        self,
        period: RegistrationPeriod,
        training_started_on: date,
        today: date,
        previous: ScheduleChoice | None,
    ) -> int:
        available = {
            ScheduleChoice(year, identifier): schedule_id
            for schedule_id, year, identifier in self._session.execute(
                select(ScheduleRow.id, ScheduleRow.contract_period_year, ScheduleRow.identifier)
            )
        }
        computed = schedule_for(
            training_started_on,
            today,
            contract_period_year=period.year,
            ect_reassigned=period.reassigned,
        )
        reused = None if period.reassigned else schedule_to_reuse(previous, period.year, available)
        chosen = reused or computed
        if chosen not in available:
            raise RuleBroken(
                f"There is no {chosen.identifier} schedule in the {chosen.contract_period_year} "
                "contract period",
                field="schedule",
                rule="schedule_exists",
            )
        return available[chosen]
