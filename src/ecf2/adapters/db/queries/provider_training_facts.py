"""The facts lead providers' actions on training need from contracts, payments and
inductions (lead-provider-api-v3 §2.1), read in SQL and handed over as plain values."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select, text

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    LeadProviderDeliveryPartnershipRow,
    MilestoneRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import InductionPeriodRow
from ecf2.adapters.db.participants_teacher_rows import TeacherRow
from ecf2.adapters.db.payments_rows import BILLABLE_OR_CHANGEABLE_SQL, DeclarationRow
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.participants.provider_facts import (
    CohortFact,
    DeclarationFact,
    MilestoneFact,
    PartnershipFact,
    ScheduleFact,
)
from ecf2.domain.shared.errors import NotFound

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
SP = SchoolPartnershipRow


def _partnerships(lead_provider_id: int) -> Select[Any]:
    return (
        select(
            SP.id,
            ALP.contract_period_year,
            LPDP.delivery_partner_id,
            SP.school_id,
            SP.created_at,
            ALP.id,
        )
        .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .join(ALP, ALP.id == LPDP.active_lead_provider_id)
        .where(ALP.lead_provider_id == lead_provider_id)
    )


def _partnership(row: Any) -> PartnershipFact:
    return PartnershipFact(*row)


class SqlProviderTrainingFacts(ReadModel):
    def partnerships(
        self, lead_provider_id: int, partnership_ids: Collection[int]
    ) -> dict[int, PartnershipFact]:
        if not partnership_ids:
            return {}
        statement = _partnerships(lead_provider_id).where(SP.id.in_(list(partnership_ids)))
        return {row.id: _partnership(row) for row in self._rows(statement)}

    def partnerships_at(
        self, lead_provider_id: int, school_id: int, year: int
    ) -> list[PartnershipFact]:
        statement = _partnerships(lead_provider_id).where(
            SP.school_id == school_id, ALP.contract_period_year == year
        )
        return [_partnership(row) for row in self._rows(statement)]

    def schedule(self, schedule_id: int) -> ScheduleFact:
        found = self._schedules(select(ScheduleRow).where(ScheduleRow.id == schedule_id))
        if found is None:
            raise NotFound(f"There is no schedule {schedule_id}")
        return found

    def schedule_in(self, year: int, identifier: str) -> ScheduleFact | None:
        return self._schedules(
            select(ScheduleRow).where(
                ScheduleRow.contract_period_year == year,
                ScheduleRow.identifier == identifier,
            )
        )

    def _schedules(self, statement: Select[tuple[ScheduleRow]]) -> ScheduleFact | None:
        with self._session_factory() as session:
            row = session.scalars(statement).first()
            if row is None:
                return None
            return ScheduleFact(
                id=row.id,
                contract_period_year=row.contract_period_year,
                identifier=str(row.identifier),
                milestones=tuple(_milestone(each) for each in row.milestones),
            )

    def cohort(self, year: int, now: datetime) -> CohortFact | None:
        row = self._row(
            select(ContractPeriodRow.year, ContractPeriodRow.payments_frozen_at).where(
                ContractPeriodRow.year == year
            )
        )
        if row is None:
            return None
        frozen_at = row.payments_frozen_at
        return CohortFact(year=row.year, payments_frozen=frozen_at is not None and frozen_at <= now)

    def declarations_of(self, training_period_id: int) -> list[DeclarationFact]:
        statement = select(DeclarationRow.declaration_type, DeclarationRow.declaration_date).where(
            DeclarationRow.training_period_id == training_period_id,
            text(BILLABLE_OR_CHANGEABLE_SQL),
        )
        return [
            DeclarationFact(str(row.declaration_type), _day(row.declaration_date))
            for row in self._rows(statement)
        ]

    def induction_completed_on(self, teacher_id: int) -> date | None:
        completed = _completed_induction(teacher_id).scalar_subquery()
        row = self._row(
            select(func.coalesce(completed, TeacherRow.trs_induction_completed_date)).where(
                TeacherRow.id == teacher_id
            )
        )
        return None if row is None else row[0]

    def induction_period_completed(self, teacher_id: int) -> bool:
        row = self._row(_completed_induction(teacher_id))
        return row is not None and row[0] is not None


def _completed_induction(teacher_id: int) -> Select[Any]:
    return select(func.max(InductionPeriodRow.finished_on)).where(
        InductionPeriodRow.teacher_id == teacher_id, InductionPeriodRow.outcome.is_not(None)
    )


def _milestone(row: MilestoneRow) -> MilestoneFact:
    return MilestoneFact(str(row.declaration_type), row.start_date, row.milestone_date)


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value
