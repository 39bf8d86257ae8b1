"""Finding a declaration by its ID and voiding it, after a confirmation page that says
whether it will be voided or, being paid, clawed back (finance-and-payments §4.3;
inductions-trs-sign-in-admin (d.1) "Void")."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.finance_declarations import (
    DeclarationToVoid,
    SqlFinanceDeclarationReads,
)
from ecf2.domain.payments.services import DeclarationService
from ecf2.domain.shared.errors import DomainError
from ecf2.entrypoints.web.admin.access import (
    FINANCE_DEPENDENCIES,
    FINANCE_GUARDS,
    SignedInStaff,
)
from ecf2.entrypoints.web.admin.navigation import navigation
from ecf2.entrypoints.web.finance.forms import declaration_id, ticked
from ecf2.entrypoints.web.finance.statements import api_id_of
from ecf2.entrypoints.web.flash import flash, take_flash

Form = URLEncodedBody[dict[str, Any]]
Reads = NamedDependency[SqlFinanceDeclarationReads]
BASE = "/admin/finance/declarations"


def _declaration_or_404(reads: SqlFinanceDeclarationReads, api_id: str) -> DeclarationToVoid:
    found = reads.declaration(api_id_of(api_id))
    if found is None:
        raise NotFoundException()
    return found


def _page(name: str, errors: dict[str, str] | None = None, **context: Any) -> Template:
    context |= {"errors": errors or {}, "navigation": navigation("/admin/finance")}
    status = HTTP_400_BAD_REQUEST if errors else 200
    return Template(f"finance/{name}.html", context=context, status_code=status)


class VoidsController(Controller):
    path = BASE
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    include_in_schema = False

    @get("/", sync_to_thread=True)
    def find(
        self, request: Request[Any, Any, Any], finance_declaration_reads: Reads
    ) -> Response[Any]:
        """Without an ID, the search form; with one, that declaration's void page."""
        text = request.query_params.get("id")
        if text is None:
            return _page("declaration_search", flash=take_flash(request), id="")
        wanted = declaration_id(text)
        if wanted is None:
            error = "Enter a declaration ID, like 0b8a6a6c-55a5-4d4e-9c4b-6bd5d0c2b6a1"
        elif finance_declaration_reads.declaration(wanted) is None:
            error = "There is no declaration with that ID"
        else:
            return Redirect(f"{BASE}/{wanted}/void")
        return _page("declaration_search", {"id": error}, id=text, flash=None)

    @get("/{api_id:str}/void", sync_to_thread=True)
    def confirm(self, api_id: FromPath[str], finance_declaration_reads: Reads) -> Template:
        declaration = _declaration_or_404(finance_declaration_reads, api_id)
        return _page("void", declaration=declaration)

    @post("/{api_id:str}/void", sync_to_thread=True)
    def void(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        data: Form,
        staff: NamedDependency[SignedInStaff],
        finance_declaration_reads: Reads,
        finance_declarations: NamedDependency[DeclarationService],
    ) -> Response[Any]:
        declaration = _declaration_or_404(finance_declaration_reads, api_id)
        try:
            status = finance_declarations.void_declaration(
                declaration.id, staff.actor, ticked(data, "confirmed")
            )
        except DomainError as error:
            field = "confirmed" if error.field == "confirmed" else "void"
            return _page("void", {field: str(error)}, declaration=declaration)
        outcome = "is awaiting clawback" if status == "awaiting_clawback" else "has been voided"
        flash(request, f"The {declaration.declaration_type} declaration {outcome}")
        target = declaration.payment_statement_api_id
        return Redirect(f"/admin/finance/statements/{target}" if target else BASE, status_code=303)
