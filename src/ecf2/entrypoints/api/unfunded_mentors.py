"""GET /api/v3/unfunded-mentors and /api/v3/unfunded-mentors/{id} (lead-provider-api-v3 §2.8)."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.unfunded_mentors import (
    SqlUnfundedMentorReads,
    UnfundedMentorFilters,
    UnfundedMentorView,
)
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import UPDATED_SINCE, documented, many, one
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import Resource, api_datetime, document


@attrs.frozen
class UnfundedMentorAttributes:
    full_name: str
    email: str | None
    teacher_reference_number: str | None
    created_at: str
    updated_at: str


def unfunded_mentor_resource(view: UnfundedMentorView) -> Resource[UnfundedMentorAttributes]:
    return Resource(
        id=str(view.api_id),
        type="unfunded-mentor",
        attributes=UnfundedMentorAttributes(
            full_name=view.full_name,
            email=view.email,
            teacher_reference_number=view.trn,
            created_at=api_datetime(view.created_at),
            updated_at=api_datetime(view.updated_at),
        ),
    )


class UnfundedMentorsController(Controller):
    path = "/unfunded-mentors"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve the unfunded mentors of your ECTs",
            description=(
                "Mentors of the ECTs you train who are not trained by you, so that you can "
                "give them access to your materials."
            ),
            returns=many(UnfundedMentorAttributes, "unfunded-mentor"),
            filters=(UPDATED_SINCE,),
            paginated=True,
            sortable=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        unfunded_mentor_reads: NamedDependency[SqlUnfundedMentorReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = UnfundedMentorFilters(updated_since=query.updated_since())
        views = unfunded_mentor_reads.page(
            lead_provider_of(actor), filters, query.sort(), query.page(), today=clock.today()
        )
        return document([unfunded_mentor_resource(view) for view in views])

    @get(
        "/{mentor_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve one unfunded mentor",
            returns=one(UnfundedMentorAttributes, "unfunded-mentor"),
        ),
    )
    def show(
        self,
        mentor_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        unfunded_mentor_reads: NamedDependency[SqlUnfundedMentorReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = unfunded_mentor_reads.one(
            lead_provider_of(actor), path_id(mentor_id), today=clock.today()
        )
        return document(unfunded_mentor_resource(found(view)))
