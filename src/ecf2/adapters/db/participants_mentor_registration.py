"""The MentorRegistrationFacts port in SQL: an ECT's registration facts, plus the mentor's
contract period and the lead provider an ECT's training names (participants-and-schools
§2.4, §3.2, §3.3)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_registration import SqlEctRegistrationFacts
from ecf2.domain.contracts.rules import RegistrationRole
from ecf2.domain.participants.registration_values import LeadProviderOption, RegistrationPeriod


class SqlMentorRegistrationFacts(SqlEctRegistrationFacts):
    """Served inside the unit of work, as `uow.mentor_registration_facts`."""

    def mentor_registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod:
        return self.registration_period(
            start_date, today, previous_schedule_id, role=RegistrationRole.MENTOR
        )

    def lead_provider_of_training(
        self, school_partnership_id: int | None, expression_of_interest_id: int | None
    ) -> LeadProviderOption | None:
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
        found = self._session.execute(
            select(LeadProviderRow.id, LeadProviderRow.name)
            .join(
                ActiveLeadProviderRow, ActiveLeadProviderRow.lead_provider_id == LeadProviderRow.id
            )
            .where(ActiveLeadProviderRow.id == active_id)
        ).first()
        return None if found is None else LeadProviderOption(found[0], found[1])
