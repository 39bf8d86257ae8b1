"""Adding, changing and removing a statement's adjustments, and adding its audit notes
(finance-and-payments §1.9, §1.10). Each change is one service call; the domain decides
whether the statement may still be adjusted and what amounts are allowed."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.finance_console import (
    AdjustmentLine,
    SqlFinanceConsoleReads,
    StatementPage,
)
from ecf2.domain.payments.services import StatementService
from ecf2.domain.shared.errors import DomainError
from ecf2.entrypoints.web.admin.access import (
    FINANCE_DEPENDENCIES,
    FINANCE_GUARDS,
    SignedInStaff,
)
from ecf2.entrypoints.web.admin.navigation import navigation
from ecf2.entrypoints.web.finance.forms import AdjustmentForm, adjustment_form
from ecf2.entrypoints.web.finance.statements import BASE, statement_or_404
from ecf2.entrypoints.web.flash import flash

Form = URLEncodedBody[dict[str, Any]]
Reads = NamedDependency[SqlFinanceConsoleReads]
Statements = NamedDependency[StatementService]
Staff = NamedDependency[SignedInStaff]
# The domain's field names that are also fields of these forms.
FORM_FIELDS = frozenset({"payment_type", "amount", "body"})


def _errors_of(error: DomainError, default: str) -> dict[str, str]:
    field = error.field if error.field in FORM_FIELDS else default
    return {field: str(error)}


def _page(
    template: str, page: StatementPage, errors: dict[str, str] | None = None, **context: Any
) -> Template:
    context |= {
        "statement": page,
        "errors": errors or {},
        "back": f"{BASE}/{page.api_id}",
        "navigation": navigation("/admin/finance"),
    }
    return Template(
        f"finance/{template}.html",
        context=context,
        status_code=HTTP_400_BAD_REQUEST if errors else 200,
    )


def _editable_or_404(page: StatementPage) -> StatementPage:
    # A paid or service fee statement offers no adjustment forms (§1.9).
    if not page.adjustment_editable:
        raise NotFoundException()
    return page


def _adjustment(page: StatementPage, adjustment_id: int) -> AdjustmentLine:
    found = next((a for a in page.adjustments if a.id == adjustment_id), None)
    if found is None:
        raise NotFoundException()
    return found


def _done(request: Request[Any, Any, Any], page: StatementPage, heading: str) -> Redirect:
    flash(request, heading)
    return Redirect(f"{BASE}/{page.api_id}", status_code=303)


class AdjustmentsController(Controller):
    path = BASE + "/{api_id:str}"
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    include_in_schema = False

    @get("/adjustments/new", sync_to_thread=True)
    def new(self, api_id: FromPath[str], finance_console_reads: Reads) -> Template:
        page = _editable_or_404(statement_or_404(finance_console_reads, api_id))
        return _page("adjustment_form", page, form=AdjustmentForm(), adjustment=None)

    @post("/adjustments", sync_to_thread=True)
    def add(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        data: Form,
        staff: Staff,
        finance_console_reads: Reads,
        finance_statements: Statements,
    ) -> Response[Any]:
        page = _editable_or_404(statement_or_404(finance_console_reads, api_id))
        form, amount, errors = adjustment_form(data)
        if not errors and amount is not None:
            try:
                finance_statements.add_adjustment(page.id, form.payment_type, amount, staff.actor)
                return _done(request, page, f"Adjustment '{form.payment_type}' added")
            except DomainError as error:
                errors = _errors_of(error, "amount")
        return _page("adjustment_form", page, errors, form=form, adjustment=None)

    @get("/adjustments/{adjustment_id:int}/edit", sync_to_thread=True)
    def edit(
        self, api_id: FromPath[str], adjustment_id: FromPath[int], finance_console_reads: Reads
    ) -> Template:
        page = _editable_or_404(statement_or_404(finance_console_reads, api_id))
        adjustment = _adjustment(page, adjustment_id)
        form = AdjustmentForm(adjustment.payment_type, f"{adjustment.amount:f}")
        return _page("adjustment_form", page, form=form, adjustment=adjustment)

    @post("/adjustments/{adjustment_id:int}", sync_to_thread=True)
    def change(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        adjustment_id: FromPath[int],
        data: Form,
        staff: Staff,
        finance_console_reads: Reads,
        finance_statements: Statements,
    ) -> Response[Any]:
        page = _editable_or_404(statement_or_404(finance_console_reads, api_id))
        adjustment = _adjustment(page, adjustment_id)
        form, amount, errors = adjustment_form(data)
        if not errors and amount is not None:
            try:
                finance_statements.change_adjustment(
                    page.id, adjustment.id, form.payment_type, amount, staff.actor
                )
                return _done(request, page, f"Adjustment '{form.payment_type}' changed")
            except DomainError as error:
                errors = _errors_of(error, "amount")
        return _page("adjustment_form", page, errors, form=form, adjustment=adjustment)

    @get("/adjustments/{adjustment_id:int}/remove", sync_to_thread=True)
    def confirm_removal(
        self, api_id: FromPath[str], adjustment_id: FromPath[int], finance_console_reads: Reads
    ) -> Template:
        page = _editable_or_404(statement_or_404(finance_console_reads, api_id))
        return _page("adjustment_remove", page, adjustment=_adjustment(page, adjustment_id))

    @post("/adjustments/{adjustment_id:int}/remove", sync_to_thread=True)
    def remove(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        adjustment_id: FromPath[int],
        staff: Staff,
        finance_console_reads: Reads,
        finance_statements: Statements,
    ) -> Response[Any]:
        page = _editable_or_404(statement_or_404(finance_console_reads, api_id))
        adjustment = _adjustment(page, adjustment_id)
        try:
            finance_statements.remove_adjustment(page.id, adjustment.id, staff.actor)
        except DomainError as error:
            return _page(
                "adjustment_remove", page, _errors_of(error, "remove"), adjustment=adjustment
            )
        return _done(request, page, f"Adjustment '{adjustment.payment_type}' removed")

    @get("/audit-notes/new", sync_to_thread=True)
    def new_note(self, api_id: FromPath[str], finance_console_reads: Reads) -> Template:
        page = statement_or_404(finance_console_reads, api_id)
        return _page("audit_note_form", page, body="")

    @post("/audit-notes", sync_to_thread=True)
    def add_note(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        data: Form,
        staff: Staff,
        finance_console_reads: Reads,
        finance_statements: Statements,
    ) -> Response[Any]:
        page = statement_or_404(finance_console_reads, api_id)
        body = data.get("body", "")
        body = body.strip() if isinstance(body, str) else ""
        try:
            finance_statements.add_audit_note(page.id, body, staff.actor)
        except DomainError as error:
            return _page("audit_note_form", page, _errors_of(error, "body"), body=body)
        return _done(request, page, "Audit note added")
