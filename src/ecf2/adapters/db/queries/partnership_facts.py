"""What a lead provider's partnership request is checked against (lead-provider-api-v3
§5.1), read in one short session: the cohort, the school's standing that year, and the
lead provider's links with the delivery partner."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from ecf2.adapters.db.contracts_mappers import contract_period_from_row
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.queries.api.schools import programme_choice
from ecf2.domain.contracts.partnership_facts import (
    NewPartnershipFacts,
    PartnershipChangeFacts,
    SchoolStanding,
)

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
SP = SchoolPartnershipRow
CP = ContractPeriodRow


def _partnered_with(active_lead_provider_id: int | None) -> Any:
    """The school already has a partnership with this lead provider that year, whatever
    its delivery partner (§5.1)."""
    return exists(
        select(SP.id)
        .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .where(
            SP.school_id == SchoolRow.id, LPDP.active_lead_provider_id == active_lead_provider_id
        )
    )


class SqlPartnershipFacts:
    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def for_new_partnership(
        self,
        lead_provider_id: int,
        year: int | None,
        school_api_id: uuid.UUID | None,
        delivery_partner_api_id: uuid.UUID | None,
    ) -> NewPartnershipFacts:
        with self._session_factory() as session:
            period_row = None if year is None else session.get(CP, year)
            alp_id = None if period_row is None else _alp_id(session, lead_provider_id, year)
            partner_id = _delivery_partner_id(session, delivery_partner_api_id)
            return NewPartnershipFacts(
                contract_period=None
                if period_row is None
                else contract_period_from_row(period_row),
                school=_school(session, school_api_id, period_row, alp_id),
                delivery_partner_known=partner_id is not None,
                active_lead_provider_id=alp_id,
                lead_provider_delivery_partnership_id=_lpdp_id(session, alp_id, partner_id),
            )

    def for_change(
        self,
        lead_provider_id: int,
        partnership_api_id: uuid.UUID,
        delivery_partner_api_id: uuid.UUID | None,
    ) -> PartnershipChangeFacts | None:
        with self._session_factory() as session:
            found = session.execute(
                select(SP.id, SP.school_id, LPDP.active_lead_provider_id)
                .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
                .join(ALP, ALP.id == LPDP.active_lead_provider_id)
                .where(SP.api_id == partnership_api_id, ALP.lead_provider_id == lead_provider_id)
            ).first()
            if found is None:
                return None
            partnership_id, school_id, alp_id = found
            partner_id = _delivery_partner_id(session, delivery_partner_api_id)
            lpdp_id = _lpdp_id(session, alp_id, partner_id)
            already = lpdp_id is not None and session.scalar(
                select(
                    exists().where(
                        SP.school_id == school_id,
                        SP.lead_provider_delivery_partnership_id == lpdp_id,
                    )
                )
            )
            return PartnershipChangeFacts(
                school_partnership_id=partnership_id,
                delivery_partner_known=partner_id is not None,
                lead_provider_delivery_partnership_id=lpdp_id,
                school_already_with_delivery_partner=bool(already),
            )


def _alp_id(session: Session, lead_provider_id: int, year: int | None) -> int | None:
    return session.scalar(
        select(ALP.id).where(
            ALP.lead_provider_id == lead_provider_id, ALP.contract_period_year == year
        )
    )


def _delivery_partner_id(session: Session, api_id: uuid.UUID | None) -> int | None:
    if api_id is None:
        return None
    return session.scalar(select(DeliveryPartnerRow.id).where(DeliveryPartnerRow.api_id == api_id))


def _lpdp_id(session: Session, alp_id: int | None, partner_id: int | None) -> int | None:
    if alp_id is None or partner_id is None:
        return None
    return session.scalar(
        select(LPDP.id).where(
            LPDP.active_lead_provider_id == alp_id, LPDP.delivery_partner_id == partner_id
        )
    )


def _school(
    session: Session,
    api_id: uuid.UUID | None,
    period_row: ContractPeriodRow | None,
    alp_id: int | None,
) -> SchoolStanding | None:
    if api_id is None:
        return None
    eligible = or_(SchoolRow.marked_as_eligible, GiasSchoolRow.eligible)
    statement = (
        select(SchoolRow.id, eligible)
        .join(GiasSchoolRow, GiasSchoolRow.urn == SchoolRow.urn)
        .where(SchoolRow.api_id == api_id)
    )
    if period_row is not None:
        statement = statement.join(CP, CP.year == period_row.year).add_columns(
            programme_choice(period_row.year), _partnered_with(alp_id)
        )
    row = session.execute(statement).first()
    if row is None:
        return None
    school_id, is_eligible, *that_year = row
    choice, partnered = that_year or ("not_yet_known", False)
    return SchoolStanding(
        school_id=school_id,
        eligible=bool(is_eligible),
        school_led_only=choice == "school_led",
        partnered_with_lead_provider=bool(partnered),
    )
