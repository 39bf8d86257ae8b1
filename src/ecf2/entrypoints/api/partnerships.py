"""GET /api/v3/partnerships and /api/v3/partnerships/{id} (lead-provider-api-v3 §2.6)."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.partnerships import (
    PartnershipFilters,
    PartnershipView,
    SqlPartnershipReads,
)
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import (
    COHORT,
    DELIVERY_PARTNER_IDS,
    UPDATED_SINCE,
    documented,
    many,
    one,
)
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import Resource, api_datetime, document


@attrs.frozen
class PartnershipAttributes:
    cohort: str
    urn: str
    school_id: str
    delivery_partner_id: str
    delivery_partner_name: str
    induction_tutor_name: str | None
    induction_tutor_email: str | None
    participants_currently_training: int
    created_at: str
    updated_at: str


def partnership_resource(view: PartnershipView) -> Resource[PartnershipAttributes]:
    return Resource(
        id=str(view.api_id),
        type="partnership",
        attributes=PartnershipAttributes(
            cohort=str(view.cohort),
            urn=view.urn,
            school_id=str(view.school_id),
            delivery_partner_id=str(view.delivery_partner_id),
            delivery_partner_name=view.delivery_partner_name,
            induction_tutor_name=view.induction_tutor_name,
            induction_tutor_email=view.induction_tutor_email,
            participants_currently_training=view.participants_currently_training,
            created_at=api_datetime(view.created_at),
            updated_at=api_datetime(view.updated_at),
        ),
    )


class PartnershipsController(Controller):
    path = "/partnerships"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve your partnerships with schools",
            returns=many(PartnershipAttributes, "partnership"),
            filters=(COHORT, DELIVERY_PARTNER_IDS, UPDATED_SINCE),
            paginated=True,
            sortable=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        partnership_reads: NamedDependency[SqlPartnershipReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = PartnershipFilters(
            cohorts=query.cohorts(),
            delivery_partner_ids=query.uuids("delivery_partner_id"),
            updated_since=query.updated_since(),
        )
        views = partnership_reads.page(
            lead_provider_of(actor), filters, query.sort(), query.page(), today=clock.today()
        )
        return document([partnership_resource(view) for view in views])

    @get(
        "/{partnership_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve one of your partnerships",
            returns=one(PartnershipAttributes, "partnership"),
        ),
    )
    def show(
        self,
        partnership_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        partnership_reads: NamedDependency[SqlPartnershipReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = partnership_reads.one(
            lead_provider_of(actor), path_id(partnership_id), today=clock.today()
        )
        return document(partnership_resource(found(view)))
