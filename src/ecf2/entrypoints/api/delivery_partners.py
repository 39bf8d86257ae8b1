"""GET /api/v3/delivery-partners and /api/v3/delivery-partners/{id}
(lead-provider-api-v3 §2.5)."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.delivery_partners import (
    DeliveryPartnerFilters,
    DeliveryPartnerView,
    SqlDeliveryPartnerReads,
)
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import COHORT, documented, many, one
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import Resource, api_datetime, document


@attrs.frozen
class DeliveryPartnerAttributes:
    name: str
    created_at: str
    updated_at: str
    cohort: list[str]


def delivery_partner_resource(view: DeliveryPartnerView) -> Resource[DeliveryPartnerAttributes]:
    return Resource(
        id=str(view.api_id),
        type="delivery-partner",
        attributes=DeliveryPartnerAttributes(
            name=view.name,
            created_at=api_datetime(view.created_at),
            updated_at=api_datetime(view.updated_at),
            cohort=[str(year) for year in view.cohorts],
        ),
    )


class DeliveryPartnersController(Controller):
    path = "/delivery-partners"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve the delivery partners you work with",
            returns=many(DeliveryPartnerAttributes, "delivery-partner"),
            filters=(COHORT,),
            paginated=True,
            sortable=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        delivery_partner_reads: NamedDependency[SqlDeliveryPartnerReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = DeliveryPartnerFilters(cohorts=query.cohorts())
        views = delivery_partner_reads.page(
            lead_provider_of(actor), filters, query.sort(), query.page()
        )
        return document([delivery_partner_resource(view) for view in views])

    @get(
        "/{delivery_partner_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve a delivery partner you work with",
            returns=one(DeliveryPartnerAttributes, "delivery-partner"),
        ),
    )
    def show(
        self,
        delivery_partner_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        delivery_partner_reads: NamedDependency[SqlDeliveryPartnerReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = delivery_partner_reads.one(lead_provider_of(actor), path_id(delivery_partner_id))
        return document(delivery_partner_resource(found(view)))
