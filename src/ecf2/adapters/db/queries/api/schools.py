"""Schools a lead provider may partner with in one contract period, with what it needs to
know of each that year (lead-provider-api-v3 §2.7)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import attrs
from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    Subquery,
    case,
    exists,
    func,
    or_,
    select,
    type_coerce,
)

from ecf2.adapters.db.base import UtcDateTime
from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.api.partnerships import induction_tutor_email
from ecf2.adapters.db.queries.listing import Page, ReadModel, Sort, ordered, paged
from ecf2.domain.participants.values import TrainingProgramme

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
SP = SchoolPartnershipRow
TP = TrainingPeriodRow
CP = ContractPeriodRow
School = SchoolRow


@attrs.frozen
class SchoolView:
    api_id: uuid.UUID
    name: str
    urn: str
    cohort: int
    in_partnership: bool
    induction_programme_choice: str
    expression_of_interest: bool
    induction_tutor_name: str | None
    induction_tutor_email: str | None
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class SchoolFilters:
    urn: str | None = None
    updated_since: datetime | None = None


def _partnerships_in(year: int) -> Select[Any]:
    return (
        select(SP.id)
        .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .join(ALP, ALP.id == LPDP.active_lead_provider_id)
        .where(ALP.contract_period_year == year)
    )


def _lead_provider_training(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """Some ECT or mentor at the school trains on a partnership, or with a lead provider
    the school expressed interest in, whose active lead provider meets the conditions."""
    tests = []
    for placement, placement_id in (
        (ECTAtSchoolPeriodRow, TP.ect_at_school_period_id),
        (MentorAtSchoolPeriodRow, TP.mentor_at_school_period_id),
    ):
        at_school = (
            select(TP.id)
            .join(placement, placement.id == placement_id)
            .where(placement.school_id == School.id)
        )
        partnered = at_school.join(SP, SP.id == TP.school_partnership_id).join(
            LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id
        )
        tests.append(
            exists(partnered.join(ALP, ALP.id == LPDP.active_lead_provider_id).where(*conditions))
        )
        tests.append(
            exists(at_school.join(ALP, ALP.id == TP.expression_of_interest_id).where(*conditions))
        )
    return or_(*tests)


def _in_partnership(year: int) -> ColumnElement[bool]:
    return exists(_partnerships_in(year).where(SP.school_id == School.id))


def programme_choice(year: int) -> ColumnElement[str]:
    """The school's choice for the year (§2.7); needs the year's contract period in FROM."""
    # School-led training has no lead provider to date it: it counts in the year it starts.
    school_led = exists(
        select(TP.id)
        .join(ECTAtSchoolPeriodRow, ECTAtSchoolPeriodRow.id == TP.ect_at_school_period_id)
        .where(
            ECTAtSchoolPeriodRow.school_id == School.id,
            TP.training_programme == TrainingProgramme.SCHOOL_LED,
            TP.started_on.between(CP.started_on, CP.finished_on),
        )
    )
    # Training with a lead provider is provider-led, and belongs to that provider's year.
    provider_led = _lead_provider_training(ALP.contract_period_year == year)
    return case((provider_led, "provider_led"), (school_led, "school_led"), else_="not_yet_known")


def _updated_at(year: int) -> ColumnElement[datetime]:
    """The school's own change, or the latest partnership that year (§2.7: the
    school-by-year record changes when the school becomes partnered)."""
    latest = (
        select(func.max(SP.created_at))
        .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .join(ALP, ALP.id == LPDP.active_lead_provider_id)
        .where(ALP.contract_period_year == year, SP.school_id == School.id)
        .scalar_subquery()
    )
    return type_coerce(
        case((latest > School.api_updated_at, latest), else_=School.api_updated_at),
        UtcDateTime(),
    )


def _in_scope(year: int) -> Select[Any]:
    """Every eligible school, and any school partnered that year whatever its
    eligibility (§2.7)."""
    return (
        select(School.id)
        .join(GiasSchoolRow, GiasSchoolRow.urn == School.urn)
        .join(CP, CP.year == year)
        .where(or_(School.marked_as_eligible, GiasSchoolRow.eligible, _in_partnership(year)))
    )


def _sortable(year: int) -> dict[str, ColumnElement[Any]]:
    return {"created_at": School.created_at, "updated_at": _updated_at(year)}


def _described(lead_provider_id: int, year: int, chosen: Subquery) -> Select[Any]:
    """What the lead provider sees of each chosen school, worked out for those alone."""
    return (
        select(
            School.api_id,
            GiasSchoolRow.name,
            School.urn,
            CP.year,
            _in_partnership(year),
            programme_choice(year),
            _lead_provider_training(
                ALP.lead_provider_id == lead_provider_id, ALP.contract_period_year == year
            ),
            School.induction_tutor_name,
            induction_tutor_email(),
            School.created_at,
            _updated_at(year),
        )
        .select_from(chosen)
        .join(School, School.id == chosen.c.id)
        .join(GiasSchoolRow, GiasSchoolRow.urn == School.urn)
        .join(CP, CP.year == year)
    )


def _view(row: Row[Any]) -> SchoolView:
    (api_id, name, urn, year, partnered, choice, interest, tutor, email, created, updated) = row
    # The induction tutor is shown only to a lead provider the school has chosen (§2.7).
    return SchoolView(
        api_id=api_id,
        name=name,
        urn=urn,
        cohort=year,
        in_partnership=bool(partnered),
        induction_programme_choice=choice,
        expression_of_interest=bool(interest),
        induction_tutor_name=tutor if interest else None,
        induction_tutor_email=email if interest else None,
        created_at=created,
        updated_at=updated,
    )


class SqlSchoolReads(ReadModel):
    def page(
        self, lead_provider_id: int, year: int, filters: SchoolFilters, sort: Sort, page: Page
    ) -> list[SchoolView]:
        chosen, sortable = _in_scope(year), _sortable(year)
        if filters.urn is not None:
            chosen = chosen.where(School.urn == filters.urn)
        if filters.updated_since is not None:
            chosen = chosen.where(sortable["updated_at"] >= filters.updated_since)
        # Choose the page first, so the costlier attributes are worked out for it alone.
        page_of = paged(ordered(chosen, sort, sortable, School.id), page).subquery("chosen")
        described = _described(lead_provider_id, year, page_of)
        statement = ordered(described, sort, _sortable(year), School.id)
        return [_view(row) for row in self._rows(statement)]

    def one(self, lead_provider_id: int, year: int, api_id: uuid.UUID) -> SchoolView | None:
        chosen = _in_scope(year).where(School.api_id == api_id).subquery("chosen")
        row = self._row(_described(lead_provider_id, year, chosen))
        return None if row is None else _view(row)
