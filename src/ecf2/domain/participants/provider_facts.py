"""What the participants context is told about other contexts when a lead provider acts on
training (lead-provider-api-v3 §2.1): partnerships, schedules, cohorts and declarations,
as plain values, so its rules never reach into contracts or payments."""

from __future__ import annotations

from datetime import date, datetime

import attrs

COURSES = {"ecf-induction": "ect", "ecf-mentor": "mentor"}


@attrs.frozen
class PartnershipFact:
    """A school partnership of the acting lead provider."""

    id: int
    contract_period_year: int
    delivery_partner_id: int
    school_id: int
    created_at: datetime
    # The lead provider in that contract period, whom an expression of interest names.
    active_lead_provider_id: int | None = None


@attrs.frozen
class MilestoneFact:
    declaration_type: str
    start_date: date
    milestone_date: date | None = None

    def open_on(self, day: date) -> bool:
        return self.start_date <= day and (
            self.milestone_date is None or day <= self.milestone_date
        )


@attrs.frozen
class ScheduleFact:
    id: int
    contract_period_year: int
    identifier: str
    milestones: tuple[MilestoneFact, ...] = ()

    @property
    def schedule_type(self) -> str:
        return self.identifier.split("-")[1]

    def allows(self, declaration: DeclarationFact) -> bool:
        return any(
            milestone.declaration_type == declaration.declaration_type
            and milestone.open_on(declaration.declaration_date)
            for milestone in self.milestones
        )


@attrs.frozen
class CohortFact:
    year: int
    payments_frozen: bool


@attrs.frozen
class DeclarationFact:
    """A declaration still billable or changeable (lead-provider-api-v3 §3.4)."""

    declaration_type: str
    declaration_date: date
