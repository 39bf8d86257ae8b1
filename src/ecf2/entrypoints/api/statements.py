"""GET /api/v3/statements and /api/v3/statements/{id} (lead-provider-api-v3 §2.4)."""

from __future__ import annotations

from calendar import month_name
from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.statements import (
    SqlStatementReads,
    StatementFilters,
    StatementView,
)
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import COHORT, UPDATED_SINCE, documented, many, one
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import Resource, api_date, api_datetime, document


@attrs.frozen
class StatementAttributes:
    month: str
    year: str
    cohort: str
    cut_off_date: str
    payment_date: str
    paid: bool
    created_at: str
    updated_at: str


def statement_resource(view: StatementView) -> Resource[StatementAttributes]:
    return Resource(
        id=str(view.api_id),
        type="statement",
        attributes=StatementAttributes(
            month=month_name[view.month],
            year=str(view.year),
            cohort=str(view.cohort),
            cut_off_date=api_date(view.cut_off_date),
            payment_date=api_date(view.payment_date),
            paid=view.paid,
            created_at=api_datetime(view.created_at),
            updated_at=api_datetime(view.updated_at),
        ),
    )


class StatementsController(Controller):
    path = "/statements"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve your statements",
            description="Your output fee statements, the earliest payment date first.",
            returns=many(StatementAttributes, "statement"),
            filters=(COHORT, UPDATED_SINCE),
            paginated=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        statement_reads: NamedDependency[SqlStatementReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = StatementFilters(cohorts=query.cohorts(), updated_since=query.updated_since())
        views = statement_reads.page(lead_provider_of(actor), filters, query.page())
        return document([statement_resource(view) for view in views])

    @get(
        "/{statement_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve one of your statements",
            returns=one(StatementAttributes, "statement"),
        ),
    )
    def show(
        self,
        statement_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        statement_reads: NamedDependency[SqlStatementReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = statement_reads.one(lead_provider_of(actor), path_id(statement_id))
        return document(statement_resource(found(view)))
