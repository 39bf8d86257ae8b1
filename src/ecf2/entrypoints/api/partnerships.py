"""The partnerships endpoints (lead-provider-api-v3 §2.6): a lead provider reads its
school partnerships, confirms new ones and changes their delivery partner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from litestar import Controller, Request, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, RawBody, SkipValidation

from ecf2.adapters.db.queries.api.partnerships import (
    PartnershipFilters,
    PartnershipView,
    SqlPartnershipReads,
)
from ecf2.domain.contracts.partnership_facts import PartnershipRequest
from ecf2.domain.contracts.provider_partnerships import PartnershipRefused, ProviderPartnerships
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.declaration_body import attributes_of, text_of
from ecf2.entrypoints.api.errors import Unprocessable, found
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


@attrs.frozen
class PartnershipCreateAttributes:
    cohort: str
    school_id: str
    delivery_partner_id: str


@attrs.frozen
class PartnershipUpdateAttributes:
    delivery_partner_id: str


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

    @post(
        status_code=200,
        sync_to_thread=True,
        opt=documented(
            summary="Confirm a partnership with a school",
            description=(
                "Confirms that you and a delivery partner will deliver the school's "
                "provider-led training in a cohort. Participants the school registered with "
                "you for that cohort join the partnership."
            ),
            returns=one(PartnershipAttributes, "partnership"),
            body=PartnershipCreateAttributes,
        ),
    )
    def create(
        self,
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        provider_partnerships: NamedDependency[
            SkipValidation[Callable[[Clock], ProviderPartnerships]]
        ],
        partnership_reads: NamedDependency[SqlPartnershipReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        attributes = attributes_of(body)
        wanted = PartnershipRequest(
            cohort=text_of(attributes.get("cohort")),
            school_id=text_of(attributes.get("school_id")),
            delivery_partner_id=text_of(attributes.get("delivery_partner_id")),
        )
        lead_provider_id = lead_provider_of(actor)
        try:
            api_id = provider_partnerships(clock).confirm_partnership(
                lead_provider_id, wanted, actor
            )
        except PartnershipRefused as refused:
            raise Unprocessable(refused.problems) from None
        view = partnership_reads.one(lead_provider_id, api_id, today=clock.today())
        return document(partnership_resource(found(view)))

    @put(
        "/{partnership_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Change a partnership's delivery partner",
            returns=one(PartnershipAttributes, "partnership"),
            body=PartnershipUpdateAttributes,
        ),
    )
    def update(
        self,
        partnership_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        provider_partnerships: NamedDependency[
            SkipValidation[Callable[[Clock], ProviderPartnerships]]
        ],
        partnership_reads: NamedDependency[SqlPartnershipReads],
    ) -> Response[bytes]:
        """The body is checked before the partnership is looked for (§1.7)."""
        ApiQuery.of(request)
        delivery_partner_id = text_of(attributes_of(body).get("delivery_partner_id"))
        lead_provider_id, api_id = lead_provider_of(actor), path_id(partnership_id)
        try:
            provider_partnerships(clock).change_delivery_partner(
                lead_provider_id, api_id, delivery_partner_id, actor
            )
        except PartnershipRefused as refused:
            raise Unprocessable(refused.problems) from None
        view = partnership_reads.one(lead_provider_id, api_id, today=clock.today())
        return document(partnership_resource(found(view)))
