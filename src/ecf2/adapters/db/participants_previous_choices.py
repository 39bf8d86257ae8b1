"""The part of EctRegistrationFacts in SQL that finds the partnership a school's last
choices point at and re-makes it in a later year (participants-and-schools §3.1 steps 9
and 12)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_teacher_rows import ECTAtSchoolPeriodRow, TrainingPeriodRow
from ecf2.domain.participants.registration_values import RegistrationPeriod, ReusablePartnership
from ecf2.domain.shared.errors import NotFound, RuleBroken
from ecf2.domain.shared.identifiers import new_api_id


class SqlPreviousChoiceFacts:
    """The part of EctRegistrationFacts that finds and re-creates partnerships a school's
    last choices point at (§3.1 steps 9 and 12)."""

    _session: Session

    def reusable_partnership(
        self, school_id: int, lead_provider_id: int, period: RegistrationPeriod
    ) -> ReusablePartnership | None:
        pairing, alp = LeadProviderDeliveryPartnershipRow, ActiveLeadProviderRow
        paired_now = aliased(LeadProviderDeliveryPartnershipRow)
        alp_now = aliased(ActiveLeadProviderRow)
        still_paired = (
            select(paired_now.id)
            .join(alp_now, alp_now.id == paired_now.active_lead_provider_id)
            .where(paired_now.delivery_partner_id == pairing.delivery_partner_id)
            .where(alp_now.lead_provider_id == lead_provider_id)
            .where(alp_now.contract_period_year == period.year)
            .exists()
        )
        query = (
            select(SchoolPartnershipRow.id, alp.contract_period_year)
            .join(pairing, pairing.id == SchoolPartnershipRow.lead_provider_delivery_partnership_id)
            .join(alp, alp.id == pairing.active_lead_provider_id)
            .where(SchoolPartnershipRow.school_id == school_id)
            .where(alp.lead_provider_id == lead_provider_id, still_paired)
            .order_by(
                (alp.contract_period_year == period.year).desc(),
                alp.contract_period_year.desc(),
                SchoolPartnershipRow.created_at,
            )
            .limit(1)
        )
        if period.reassigned:
            query = query.where(alp.contract_period_year == period.year)
        found = self._session.execute(query).first()
        return None if found is None else ReusablePartnership(found[0], found[1])

    def school_has_expression_of_interest(
        self, school_id: int, lead_provider_id: int, contract_period_year: int
    ) -> bool:
        period_end = (
            select(ContractPeriodRow.finished_on)
            .where(ContractPeriodRow.year == contract_period_year)
            .scalar_subquery()
        )
        training, alp = TrainingPeriodRow, ActiveLeadProviderRow
        query = select(
            exists()
            .where(training.ect_at_school_period_id == ECTAtSchoolPeriodRow.id)
            .where(ECTAtSchoolPeriodRow.school_id == school_id)
            .where(alp.id == training.expression_of_interest_id)
            .where(alp.lead_provider_id == lead_provider_id)
            .where(training.started_on <= period_end)
        )
        return bool(self._session.scalar(query))

    def recreate_partnership(
        self, partnership_id: int, contract_period_year: int, now: datetime
    ) -> int:
        earlier = self._session.get(SchoolPartnershipRow, partnership_id)
        if earlier is None:
            raise NotFound("That partnership no longer exists", field="partnership")
        old_pairing = self._session.get(
            LeadProviderDeliveryPartnershipRow, earlier.lead_provider_delivery_partnership_id
        )
        old_alp = self._session.get(ActiveLeadProviderRow, old_pairing.active_lead_provider_id)  # type: ignore[union-attr]
        pairing_id = self._session.scalar(
            select(LeadProviderDeliveryPartnershipRow.id)
            .join(ActiveLeadProviderRow)
            .where(ActiveLeadProviderRow.lead_provider_id == old_alp.lead_provider_id)  # type: ignore[union-attr]
            .where(ActiveLeadProviderRow.contract_period_year == contract_period_year)
            .where(
                LeadProviderDeliveryPartnershipRow.delivery_partner_id
                == old_pairing.delivery_partner_id  # type: ignore[union-attr]
            )
        )
        if pairing_id is None:
            raise RuleBroken(
                "The lead provider no longer works with that delivery partner",
                field="lead_provider_id",
                rule="partnership_reusable",
            )
        existing = self._session.scalar(
            select(SchoolPartnershipRow.id).where(
                SchoolPartnershipRow.school_id == earlier.school_id,
                SchoolPartnershipRow.lead_provider_delivery_partnership_id == pairing_id,
            )
        )
        if existing is not None:
            return existing
        row = SchoolPartnershipRow(
            school_id=earlier.school_id,
            lead_provider_delivery_partnership_id=pairing_id,
            api_id=new_api_id(),
            created_at=now,
            api_updated_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return row.id
