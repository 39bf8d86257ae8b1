"""The statement search, one statement's page, its declarations CSV and authorising it for
payment (finance-and-payments §3.3, §8, §8.1)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.finance_console import (
    SEARCH_LIMIT,
    SqlFinanceConsoleReads,
    StatementPage,
)
from ecf2.adapters.db.queries.finance_declarations import CSV_COLUMNS, SqlFinanceDeclarationReads
from ecf2.domain.payments.calculator import StatementCalculation
from ecf2.domain.payments.services import StatementCalculationService, StatementService
from ecf2.domain.payments.statement_declarations import csv_filename, declaration_selection
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import DomainError
from ecf2.entrypoints.web.admin.access import (
    FINANCE_DEPENDENCIES,
    FINANCE_GUARDS,
    SignedInStaff,
)
from ecf2.entrypoints.web.admin.navigation import navigation
from ecf2.entrypoints.web.finance.forms import FEE_TYPES, search_filters, ticked
from ecf2.entrypoints.web.finance.statement_view import statement_context, status_tag
from ecf2.entrypoints.web.flash import flash, take_flash

Form = URLEncodedBody[dict[str, Any]]
InjectedClock = NamedDependency[SkipValidation[Clock]]
Reads = NamedDependency[SqlFinanceConsoleReads]
Calculations = NamedDependency[StatementCalculationService]
Statements = NamedDependency[StatementService]
Staff = NamedDependency[SignedInStaff]
BASE = "/admin/finance/statements"
_READS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="statement-reads")


def api_id_of(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFoundException() from None


def statement_or_404(reads: SqlFinanceConsoleReads, api_id: str) -> StatementPage:
    page = reads.statement(api_id_of(api_id))
    if page is None:
        raise NotFoundException()
    return page


def statement_page(
    request: Request[Any, Any, Any],
    page: StatementPage,
    calculations: StatementCalculationService,
    today_of: Clock,
    errors: dict[str, str] | None = None,
    calculation: StatementCalculation | None = None,
) -> Template:
    calculation = calculation or calculations.calculate(page.api_id)
    context = statement_context(page, calculation, today_of.today())
    context |= {
        "navigation": navigation("/admin/finance"),
        "flash": take_flash(request),
        "errors": errors or {},
        "page_title": f"{page.lead_provider} {page.name}",
    }
    status = HTTP_400_BAD_REQUEST if errors else 200
    return Template("finance/statement.html", context=context, status_code=status)


def _csv_text(rows: Iterator[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


class StatementsController(Controller):
    path = BASE
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    include_in_schema = False

    @get("/", sync_to_thread=True)
    def search(self, request: Request[Any, Any, Any], finance_console_reads: Reads) -> Template:
        options = finance_console_reads.filter_options()
        form, filters, errors = search_filters(request.query_params, options)
        results = [] if errors else finance_console_reads.search(filters)
        context = {
            "options": options,
            "form": form,
            "errors": errors,
            "fee_types": list(FEE_TYPES),
            "results": results[:SEARCH_LIMIT],
            "more": len(results) > SEARCH_LIMIT,
            "limit": SEARCH_LIMIT,
            "status_tag": status_tag,
            "navigation": navigation("/admin/finance"),
        }
        status = HTTP_400_BAD_REQUEST if errors else 200
        return Template("finance/statements.html", context=context, status_code=status)

    @get("/{api_id:str}", sync_to_thread=True)
    def show(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        finance_console_reads: Reads,
        statement_calculations: Calculations,
        clock: InjectedClock,
    ) -> Template:
        wanted = api_id_of(api_id)
        # The page's reads and the calculation's are independent: run them side by side.
        calculating = _READS.submit(statement_calculations.calculate, wanted)
        page = statement_or_404(finance_console_reads, api_id)
        calculation = calculating.result()
        return statement_page(request, page, statement_calculations, clock, None, calculation)

    @post("/{api_id:str}/authorise", sync_to_thread=True)
    def authorise(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        data: Form,
        staff: Staff,
        finance_console_reads: Reads,
        statement_calculations: Calculations,
        finance_statements: Statements,
        clock: InjectedClock,
    ) -> Response[Any]:
        page = statement_or_404(finance_console_reads, api_id)
        try:
            finance_statements.authorise_payment(
                page.id, ticked(data, "assurance_checks_done"), staff.actor
            )
        except DomainError as error:
            field = (
                "assurance_checks_done" if error.field == "assurance_checks_done" else "authorise"
            )
            errors = {field: str(error)}
            return statement_page(request, page, statement_calculations, clock, errors)
        flash(request, f"The {page.name} statement has been authorised for payment")
        return Redirect(f"{BASE}/{page.api_id}", status_code=303)

    @get("/{api_id:str}/declarations.csv", sync_to_thread=True)
    def declarations_csv(
        self,
        api_id: FromPath[str],
        finance_console_reads: Reads,
        finance_declaration_reads: NamedDependency[SqlFinanceDeclarationReads],
        statement_calculations: Calculations,
    ) -> Response[str]:
        page = statement_or_404(finance_console_reads, api_id)
        if not page.output:
            raise NotFoundException()  # service fee statements hold no declarations (§3.1)
        calculation = statement_calculations.calculate(page.api_id)
        selection = declaration_selection(page.contract_type, calculation)
        rows = finance_declaration_reads.csv_rows(
            page.id, page.api_id, page.name, page.lead_provider, selection
        )
        filename = csv_filename(page.lead_provider, page.contract_period_year, page.name)
        # Built whole: a few thousand rows, and one response is quicker to send than a stream.
        return Response(
            _csv_text(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
