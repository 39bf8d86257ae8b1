"""The MentorRegistrationFacts port in SQL: an ECT's registration facts, plus the mentor's
contract period and who a training names (participants-and-schools §2.4, §3.2, §3.3)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_registration import SqlEctRegistrationFacts
from ecf2.domain.contracts.rules import RegistrationRole
from ecf2.domain.participants.registration_values import (
    LeadProviderOption,
    RegistrationPeriod,
    TrainingProviders,
)


class SqlMentorRegistrationFacts(SqlEctRegistrationFacts):
    """Served inside the unit of work, as `uow.mentor_registration_facts`."""

    def mentor_registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod:
        return self.registration_period(
            start_date, today, previous_schedule_id, role=RegistrationRole.MENTOR
        )

    def providers_of_training(
        self, school_partnership_id: int | None, expression_of_interest_id: int | None
    ) -> TrainingProviders | None:
        if school_partnership_id is not None:
            return self._providers_of_partnership(school_partnership_id)
        if expression_of_interest_id is None:
            return None
        found = self._session.execute(
            select(LeadProviderRow.id, LeadProviderRow.name)
            .join(
                ActiveLeadProviderRow, ActiveLeadProviderRow.lead_provider_id == LeadProviderRow.id
            )
            .where(ActiveLeadProviderRow.id == expression_of_interest_id)
        ).first()
        return None if found is None else TrainingProviders(LeadProviderOption(*found))

    def _providers_of_partnership(self, school_partnership_id: int) -> TrainingProviders | None:
        pairing, active = LeadProviderDeliveryPartnershipRow, ActiveLeadProviderRow
        found = self._session.execute(
            select(LeadProviderRow.id, LeadProviderRow.name, DeliveryPartnerRow.name)
            .select_from(SchoolPartnershipRow)
            .join(pairing, pairing.id == SchoolPartnershipRow.lead_provider_delivery_partnership_id)
            .join(DeliveryPartnerRow, DeliveryPartnerRow.id == pairing.delivery_partner_id)
            .join(active, active.id == pairing.active_lead_provider_id)
            .join(LeadProviderRow, LeadProviderRow.id == active.lead_provider_id)
            .where(SchoolPartnershipRow.id == school_partnership_id)
        ).first()
        if found is None:
            return None
        lead_provider_id, lead_provider_name, delivery_partner_name = found
        return TrainingProviders(
            LeadProviderOption(lead_provider_id, lead_provider_name), delivery_partner_name
        )
