"""Contract periods: the list, one period with its schedules and lead providers, and the
forms that add and change one (finance-and-payments §1.1; (d.1) "Contract periods")."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.contracts_console import (
    ContractPeriodView,
    SqlContractsConsoleReads,
)
from ecf2.domain.contracts.console import ContractPeriodService
from ecf2.domain.contracts.contract_periods import ContractPeriodSettings
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.finance_admin.access import (
    FINANCE_DEPENDENCIES,
    FINANCE_EXCEPTION_HANDLERS,
    FINANCE_GUARDS,
)
from ecf2.entrypoints.web.finance_admin.forms import (
    FormErrors,
    checked,
    date_field,
    date_items,
    date_parts,
    parts_of,
    text,
    whole_number,
)

Form = URLEncodedBody[dict[str, Any]]
Reads = NamedDependency[SqlContractsConsoleReads]
Periods = NamedDependency[ContractPeriodService]
InjectedActor = NamedDependency[Actor]
BASE = "/admin/contract-periods"
SWITCHES = (
    ("enabled", "Schools can register for it"),
    ("payments_frozen", "Payments are frozen"),
    ("mentor_funding_enabled", "Mentor funding (mentors paid at a flat rate)"),
    ("detailed_evidence_types_enabled", "Detailed evidence types"),
    ("uplift_fees_enabled", "Uplift fees"),
)
# Where the domain's refusals are shown on the form.
REFUSAL_FIELDS = {"year": "year", "started_on": "started_on", "finished_on": "finished_on"}


def _form(
    *,
    view: ContractPeriodView | None,
    data: dict[str, Any] | None = None,
    errors: FormErrors | None = None,
) -> Template:
    errors = errors or FormErrors()
    if data is None:
        values = _values_of(view)
    else:
        values = {
            "year": text(data, "year"),
            "version": text(data, "version"),
            "started_on": date_parts(data, "started_on"),
            "finished_on": date_parts(data, "finished_on"),
            "switches": [name for name, _ in SWITCHES if checked(data, name)],
        }
    context = {
        "view": view,
        "values": values,
        "errors": errors,
        "switches": SWITCHES,
        "date_items": date_items,
    }
    status = HTTP_400_BAD_REQUEST if errors else 200
    return Template("finance_admin/contract_period_form.html", context=context, status_code=status)


def _values_of(view: ContractPeriodView | None) -> dict[str, Any]:
    if view is None:
        return {
            "year": "",
            "version": "",
            "started_on": parts_of(None),
            "finished_on": parts_of(None),
            "switches": ["uplift_fees_enabled"],
        }
    return {
        "year": str(view.year),
        "version": str(view.version),
        "started_on": parts_of(view.started_on),
        "finished_on": parts_of(view.finished_on),
        "switches": [
            name
            for name, _ in SWITCHES
            if (
                view.payments_frozen_at is not None
                if name == "payments_frozen"
                else getattr(view, name)
            )
        ],
    }


def _settings(data: dict[str, Any], errors: FormErrors) -> ContractPeriodSettings | None:
    started_on = date_field(data, "started_on", "the start date", errors)
    finished_on = date_field(data, "finished_on", "the end date", errors)
    if started_on is None or finished_on is None:
        return None
    switches = {name: checked(data, name) for name, _ in SWITCHES}
    return ContractPeriodSettings(started_on=started_on, finished_on=finished_on, **switches)


def _period(reads: SqlContractsConsoleReads, year: int) -> ContractPeriodView:
    view = reads.contract_period(year)
    if view is None:
        raise NotFoundException()
    return view


class ContractPeriodsController(Controller):
    path = BASE
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    exception_handlers = FINANCE_EXCEPTION_HANDLERS
    include_in_schema = False

    @get("/", sync_to_thread=True)
    def index(self, contracts_console_reads: Reads) -> Template:
        periods = contracts_console_reads.contract_periods()
        return Template("finance_admin/contract_periods.html", context={"periods": periods})

    @get("/new", sync_to_thread=False)
    def new(self) -> Template:
        return _form(view=None)

    @post("/", sync_to_thread=True)
    def create(
        self, data: Form, contract_periods_console: Periods, actor: InjectedActor
    ) -> Template | Redirect:
        errors = FormErrors()
        year = whole_number(data, "year", "the year", errors)
        settings = _settings(data, errors)
        if year is None or settings is None:
            return _form(view=None, data=data, errors=errors)
        try:
            contract_periods_console.add(year, settings, actor)
        except (RuleBroken, InvalidValue) as refusal:
            errors.add_refusal(refusal, REFUSAL_FIELDS, "started_on")
            return _form(view=None, data=data, errors=errors)
        return Redirect(f"{BASE}/{year}", status_code=303)

    @get("/{year:int}", sync_to_thread=True)
    def show(self, year: FromPath[int], contracts_console_reads: Reads) -> Template:
        reads = contracts_console_reads
        context = {
            "period": _period(reads, year),
            "schedules": reads.schedules(year),
            "active_lead_providers": reads.active_lead_providers(year),
        }
        return Template("finance_admin/contract_period.html", context=context)

    @get("/{year:int}/edit", sync_to_thread=True)
    def edit(self, year: FromPath[int], contracts_console_reads: Reads) -> Template:
        return _form(view=_period(contracts_console_reads, year))

    @post("/{year:int}", sync_to_thread=True)
    def update(
        self,
        year: FromPath[int],
        data: Form,
        contracts_console_reads: Reads,
        contract_periods_console: Periods,
        actor: InjectedActor,
    ) -> Template | Redirect:
        view = _period(contracts_console_reads, year)
        errors = FormErrors()
        settings = _settings(data, errors)
        version = text(data, "version")
        if settings is None:
            return _form(view=view, data=data, errors=errors)
        try:
            contract_periods_console.change(
                year, settings, int(version) if version.isdigit() else None, actor
            )
        except (RuleBroken, InvalidValue) as refusal:
            errors.add_refusal(refusal, REFUSAL_FIELDS, "started_on")
            return _form(view=view, data=data, errors=errors)
        return Redirect(f"{BASE}/{year}", status_code=303)
