"""Changing a schedule milestone's dates: when a declaration of that type may start to be
made, and its deadline (participants-and-schools §1.11, lead-provider-api-v3 §3.7)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.contracts_console import MilestoneView, SqlContractsConsoleReads
from ecf2.domain.contracts.console import ContractPeriodService
from ecf2.domain.contracts.schedules import ScheduleIdentifier
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.finance_admin.access import (
    FINANCE_DEPENDENCIES,
    FINANCE_EXCEPTION_HANDLERS,
    FINANCE_GUARDS,
)
from ecf2.entrypoints.web.finance_admin.forms import (
    FormErrors,
    date_field,
    date_items,
    date_parts,
    parts_of,
)

Form = URLEncodedBody[dict[str, Any]]
Reads = NamedDependency[SqlContractsConsoleReads]
Periods = NamedDependency[ContractPeriodService]
InjectedActor = NamedDependency[Actor]
PATH = (
    "/admin/contract-periods/{year:int}/schedules/{identifier:str}"
    "/milestones/{declaration_type:str}"
)
REFUSAL_FIELDS = {"start_date": "start_date", "milestone_date": "milestone_date"}


def _milestone(
    reads: SqlContractsConsoleReads, year: int, identifier: str, declaration_type: str
) -> tuple[ScheduleIdentifier, DeclarationType, MilestoneView]:
    if identifier not in set(ScheduleIdentifier) or declaration_type not in set(DeclarationType):
        raise NotFoundException()
    found = [
        milestone
        for schedule in reads.schedules(year, identifier)
        for milestone in schedule.milestones
        if milestone.declaration_type == declaration_type
    ]
    if not found:
        raise NotFoundException()
    return ScheduleIdentifier(identifier), DeclarationType(declaration_type), found[0]


def _form(
    year: int,
    identifier: str,
    milestone: MilestoneView,
    values: dict[str, dict[str, str]] | None = None,
    errors: FormErrors | None = None,
) -> Template:
    errors = errors or FormErrors()
    values = values or {
        "start_date": parts_of(milestone.start_date),
        "milestone_date": parts_of(milestone.milestone_date),
    }
    context = {
        "year": year,
        "identifier": identifier,
        "milestone": milestone,
        "values": values,
        "errors": errors,
        "date_items": date_items,
    }
    status = HTTP_400_BAD_REQUEST if errors else 200
    return Template("finance_admin/milestone_form.html", context=context, status_code=status)


class MilestonesController(Controller):
    path = PATH
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    exception_handlers = FINANCE_EXCEPTION_HANDLERS
    include_in_schema = False

    @get("/edit", sync_to_thread=True)
    def edit(
        self,
        year: FromPath[int],
        identifier: FromPath[str],
        declaration_type: FromPath[str],
        contracts_console_reads: Reads,
    ) -> Template:
        _, _, milestone = _milestone(contracts_console_reads, year, identifier, declaration_type)
        return _form(year, identifier, milestone)

    @post("/", sync_to_thread=True)
    def update(
        self,
        year: FromPath[int],
        identifier: FromPath[str],
        declaration_type: FromPath[str],
        data: Form,
        contracts_console_reads: Reads,
        contract_periods_console: Periods,
        actor: InjectedActor,
    ) -> Template | Redirect:
        schedule, kind, milestone = _milestone(
            contracts_console_reads, year, identifier, declaration_type
        )
        errors = FormErrors()
        start_date = date_field(data, "start_date", "the start date", errors)
        milestone_date = date_field(
            data, "milestone_date", "the milestone date", errors, required=False
        )
        values = {name: date_parts(data, name) for name in ("start_date", "milestone_date")}
        if start_date is not None and not errors:
            try:
                contract_periods_console.change_milestone(
                    year, schedule, kind, start_date, milestone_date, actor
                )
            except (RuleBroken, InvalidValue) as refusal:
                errors.add_refusal(refusal, REFUSAL_FIELDS, "start_date")
            else:
                return Redirect(f"/admin/contract-periods/{year}#schedules", status_code=303)
        return _form(year, identifier, milestone, values, errors)
