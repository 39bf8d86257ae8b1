"""Changing how an `ittecf_ectp` contract pays for mentors: the flat rate per mentor and
the mentor recruitment target (finance-and-payments §1.7, §2)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.contracts_console import (
    ActiveLeadProviderView,
    ContractView,
    SqlContractsConsoleReads,
)
from ecf2.domain.contracts.console import ActiveLeadProviderService
from ecf2.domain.shared.actors import Actor
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
PATH = "/admin/contract-periods/{year:int}/lead-providers/{id:int}/contracts/{contract_id:int}"
FIELDS = {
    "recruitment_target": "mentor_recruitment_target",
    "fee_per_declaration": "fee_per_declaration",
}


def _contract(
    reads: SqlContractsConsoleReads, year: int, id: int, contract_id: int
) -> tuple[ActiveLeadProviderView, ContractView]:
    view = reads.active_lead_provider(year, id)
    contract = next((c for c in view.contracts if c.id == contract_id), None) if view else None
    if view is None or contract is None or contract.mentor_fee_per_declaration is None:
        raise NotFoundException()
    return view, contract


def _money(data: dict[str, Any], errors: FormErrors) -> Decimal | None:
    value = text(data, "fee_per_declaration").replace(",", "").removeprefix("£")
    if not value:
        errors.add("fee_per_declaration", "Enter the price per mentor")
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        errors.add("fee_per_declaration", "The price per mentor must be an amount, like 1000.00")
        return None
    return amount


def _form(
    active: ActiveLeadProviderView,
    contract: ContractView,
    values: dict[str, str],
    errors: FormErrors | None = None,
) -> Template:
    errors = errors or FormErrors()
    context = {"active": active, "contract": contract, "values": values, "errors": errors}
    status = HTTP_400_BAD_REQUEST if errors else 200
    return Template("finance_admin/mentor_rate_form.html", context=context, status_code=status)


class ContractsController(Controller):
    path = PATH
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    exception_handlers = FINANCE_EXCEPTION_HANDLERS
    include_in_schema = False

    @get("/mentor-rate/edit", sync_to_thread=True)
    def edit(
        self,
        year: FromPath[int],
        id: FromPath[int],
        contract_id: FromPath[int],
        contracts_console_reads: Reads,
    ) -> Template:
        active, contract = _contract(contracts_console_reads, year, id, contract_id)
        values = {
            "mentor_recruitment_target": str(contract.mentor_recruitment_target),
            "fee_per_declaration": str(contract.mentor_fee_per_declaration),
        }
        return _form(active, contract, values)

    @post("/mentor-rate", sync_to_thread=True)
    def update(
        self,
        year: FromPath[int],
        id: FromPath[int],
        contract_id: FromPath[int],
        data: Form,
        contracts_console_reads: Reads,
        active_lead_providers_console: Providers,
        actor: InjectedActor,
    ) -> Template | Redirect:
        active, contract = _contract(contracts_console_reads, year, id, contract_id)
        errors = FormErrors()
        target = whole_number(
            data, "mentor_recruitment_target", "the mentor recruitment target", errors
        )
        fee = _money(data, errors)
        if target is not None and fee is not None:
            try:
                active_lead_providers_console.change_mentor_flat_rate(
                    id, contract_id, target, fee, actor
                )
            except (RuleBroken, InvalidValue) as refusal:
                errors.add_refusal(refusal, FIELDS, "fee_per_declaration")
            else:
                page = f"/admin/contract-periods/{year}/lead-providers/{id}#contracts"
                return Redirect(page, status_code=303)
        values = {name: text(data, name) for name in FIELDS.values()}
        return _form(active, contract, values, errors)
