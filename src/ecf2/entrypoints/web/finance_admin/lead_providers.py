"""Lead providers contracted in a contract period, each one's contracts with their fee
structures, and its bands (finance-and-payments §1.2-§1.7; (d.1) "Bands")."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.contracts_console import (
    ActiveLeadProviderView,
    BandView,
    SqlContractsConsoleReads,
)
from ecf2.domain.contracts.console import ActiveLeadProviderService
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.finance_admin.access import (
    FINANCE_DEPENDENCIES,
    FINANCE_EXCEPTION_HANDLERS,
    FINANCE_GUARDS,
)
from ecf2.entrypoints.web.finance_admin.forms import FormErrors, text, whole_number

Form = URLEncodedBody[dict[str, Any]]
Reads = NamedDependency[SqlContractsConsoleReads]
Providers = NamedDependency[ActiveLeadProviderService]
InjectedActor = NamedDependency[Actor]
InjectedClock = NamedDependency[SkipValidation[Clock]]
BASE = "/admin/contract-periods/{year:int}/lead-providers"


def _page(year: int, id: int) -> str:
    return f"/admin/contract-periods/{year}/lead-providers/{id}"


def _active(reads: SqlContractsConsoleReads, year: int, id: int) -> ActiveLeadProviderView:
    view = reads.active_lead_provider(year, id)
    if view is None:
        raise NotFoundException()
    return view


def _band(view: ActiveLeadProviderView, order: int) -> BandView:
    found = next((band for band in view.bands if band.allocation_order == order), None)
    if found is None:
        raise NotFoundException()
    return found


def _template(name: str, errors: FormErrors | None = None, **context: Any) -> Template:
    errors = errors or FormErrors()
    status = HTTP_400_BAD_REQUEST if errors else 200
    return Template(
        f"finance_admin/{name}.html", context={**context, "errors": errors}, status_code=status
    )


class ActiveLeadProvidersController(Controller):
    path = BASE
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    exception_handlers = FINANCE_EXCEPTION_HANDLERS
    include_in_schema = False

    @get("/new", sync_to_thread=True)
    def new(self, year: FromPath[int], contracts_console_reads: Reads) -> Template:
        return self._add_form(contracts_console_reads, year)

    @post("/", sync_to_thread=True)
    def create(
        self,
        year: FromPath[int],
        data: Form,
        contracts_console_reads: Reads,
        active_lead_providers_console: Providers,
        actor: InjectedActor,
    ) -> Template | Redirect:
        errors = FormErrors()
        chosen = text(data, "lead_provider_id")
        if not chosen.isdigit():
            errors.add("lead_provider_id", "Choose a lead provider")
            return self._add_form(contracts_console_reads, year, errors, chosen)
        try:
            id = active_lead_providers_console.add(int(chosen), year, actor)
        except (RuleBroken, InvalidValue) as refusal:
            errors.add("lead_provider_id", refusal.message)
            return self._add_form(contracts_console_reads, year, errors, chosen)
        return Redirect(_page(year, id), status_code=303)

    @get("/{id:int}", sync_to_thread=True)
    def show(
        self,
        year: FromPath[int],
        id: FromPath[int],
        contracts_console_reads: Reads,
        clock: InjectedClock,
    ) -> Template:
        view = _active(contracts_console_reads, year, id)
        return _template("active_lead_provider", active=view, **_band_rules(view, clock))

    # Bands.

    @get("/{id:int}/bands/new", sync_to_thread=True)
    def new_band(
        self, year: FromPath[int], id: FromPath[int], contracts_console_reads: Reads
    ) -> Template:
        view = _active(contracts_console_reads, year, id)
        return _template("band_form", active=view, band=None, capacity="")

    @post("/{id:int}/bands", sync_to_thread=True)
    def add_band(
        self,
        year: FromPath[int],
        id: FromPath[int],
        data: Form,
        contracts_console_reads: Reads,
        active_lead_providers_console: Providers,
        actor: InjectedActor,
    ) -> Template | Redirect:
        view = _active(contracts_console_reads, year, id)
        errors = FormErrors()
        capacity = whole_number(data, "capacity", "the capacity", errors)
        if capacity is not None:
            try:
                active_lead_providers_console.add_band(id, capacity, actor)
            except (RuleBroken, InvalidValue) as refusal:
                errors.add("capacity", refusal.message)
            else:
                return Redirect(f"{_page(year, id)}#bands", status_code=303)
        return _template(
            "band_form", errors, active=view, band=None, capacity=text(data, "capacity")
        )

    @get("/{id:int}/bands/{order:int}/edit", sync_to_thread=True)
    def edit_band(
        self,
        year: FromPath[int],
        id: FromPath[int],
        order: FromPath[int],
        contracts_console_reads: Reads,
    ) -> Template:
        view = _active(contracts_console_reads, year, id)
        band = _band(view, order)
        return _template("band_form", active=view, band=band, capacity=str(band.capacity))

    @post("/{id:int}/bands/{order:int}", sync_to_thread=True)
    def change_band(
        self,
        year: FromPath[int],
        id: FromPath[int],
        order: FromPath[int],
        data: Form,
        contracts_console_reads: Reads,
        active_lead_providers_console: Providers,
        actor: InjectedActor,
    ) -> Template | Redirect:
        view = _active(contracts_console_reads, year, id)
        band = _band(view, order)
        errors = FormErrors()
        capacity = whole_number(data, "capacity", "the capacity", errors)
        if capacity is not None:
            try:
                active_lead_providers_console.change_band_capacity(id, order, capacity, actor)
            except (RuleBroken, InvalidValue) as refusal:
                errors.add("capacity", refusal.message)
            else:
                return Redirect(f"{_page(year, id)}#bands", status_code=303)
        return _template(
            "band_form", errors, active=view, band=band, capacity=text(data, "capacity")
        )

    @get("/{id:int}/bands/{order:int}/delete", sync_to_thread=True)
    def confirm_band_removal(
        self,
        year: FromPath[int],
        id: FromPath[int],
        order: FromPath[int],
        contracts_console_reads: Reads,
    ) -> Template:
        view = _active(contracts_console_reads, year, id)
        return _template("band_delete", active=view, band=_band(view, order))

    @post("/{id:int}/bands/{order:int}/delete", sync_to_thread=True)
    def remove_band(
        self,
        year: FromPath[int],
        id: FromPath[int],
        order: FromPath[int],
        contracts_console_reads: Reads,
        active_lead_providers_console: Providers,
        actor: InjectedActor,
    ) -> Template | Redirect:
        view = _active(contracts_console_reads, year, id)
        band = _band(view, order)
        try:
            active_lead_providers_console.remove_band(id, order, actor)
        except (RuleBroken, InvalidValue) as refusal:
            errors = FormErrors()
            errors.add("band", refusal.message)
            return _template("band_delete", errors, active=view, band=band)
        return Redirect(f"{_page(year, id)}#bands", status_code=303)

    def _add_form(
        self,
        reads: SqlContractsConsoleReads,
        year: int,
        errors: FormErrors | None = None,
        chosen: str = "",
    ) -> Template:
        period = reads.contract_period(year)
        if period is None:
            raise NotFoundException()
        return _template(
            "active_lead_provider_form",
            errors,
            period=period,
            lead_providers=reads.lead_providers_not_in(year),
            chosen=chosen,
        )


def _band_rules(view: ActiveLeadProviderView, clock: Clock) -> dict[str, bool]:
    """Which band actions to offer; the domain has the last word on each ((d.1) "Bands")."""
    period = view.contract_period
    started = period.started_on <= clock.today()
    frozen = period.payments_frozen_at is not None and period.payments_frozen_at <= clock.now()
    return {
        "bands_can_be_added_or_removed": not view.contracts and not started,
        "last_band_can_grow": bool(view.bands) and not frozen,
    }
