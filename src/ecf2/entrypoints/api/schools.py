"""GET /api/v3/schools and /api/v3/schools/{id}, always for one cohort
(lead-provider-api-v3 §2.7)."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.schools import SchoolFilters, SchoolView, SqlSchoolReads
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import (
    UPDATED_SINCE,
    Filter,
    documented,
    many,
    one,
)
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import Resource, api_datetime, document

REQUIRED_FILTERS = ("cohort",)
ONE_COHORT = Filter(
    "cohort", "The cohort the schools are shown for: one year, such as 2025.", required=True
)
URN = Filter("urn", "Only the school with this URN.")


@attrs.frozen
class SchoolAttributes:
    name: str
    urn: str
    cohort: str
    in_partnership: bool
    induction_programme_choice: str
    expression_of_interest: bool
    induction_tutor_name: str | None
    induction_tutor_email: str | None
    created_at: str
    updated_at: str


def school_resource(view: SchoolView) -> Resource[SchoolAttributes]:
    return Resource(
        id=str(view.api_id),
        type="school",
        attributes=SchoolAttributes(
            name=view.name,
            urn=view.urn,
            cohort=str(view.cohort),
            in_partnership=view.in_partnership,
            induction_programme_choice=view.induction_programme_choice,
            expression_of_interest=view.expression_of_interest,
            induction_tutor_name=view.induction_tutor_name,
            induction_tutor_email=view.induction_tutor_email,
            created_at=api_datetime(view.created_at),
            updated_at=api_datetime(view.updated_at),
        ),
    )


class SchoolsController(Controller):
    path = "/schools"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve the schools you can partner with in a cohort",
            description=(
                "Schools eligible for funded training in the cohort, and any school in a "
                "partnership that year. filter[cohort] is required."
            ),
            returns=many(SchoolAttributes, "school"),
            filters=(ONE_COHORT, URN, UPDATED_SINCE),
            paginated=True,
            sortable=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        school_reads: NamedDependency[SqlSchoolReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request, required=REQUIRED_FILTERS)
        filters = SchoolFilters(urn=query.text("urn"), updated_since=query.updated_since())
        sort, page, year = query.sort(), query.page(), query.cohort()
        if year is None:
            return document([])
        views = school_reads.page(lead_provider_of(actor), year, filters, sort, page)
        return document([school_resource(view) for view in views])

    @get(
        "/{school_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve a school in a cohort",
            returns=one(SchoolAttributes, "school"),
            filters=(ONE_COHORT,),
        ),
    )
    def show(
        self,
        school_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        school_reads: NamedDependency[SqlSchoolReads],
    ) -> Response[bytes]:
        year = ApiQuery.of(request, required=REQUIRED_FILTERS).cohort()
        api_id = path_id(school_id)
        view = None if year is None else school_reads.one(lead_provider_of(actor), year, api_id)
        return document(school_resource(found(view)))
