"""The participant-declarations endpoints (lead-provider-api-v3 §2.3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from litestar import Controller, Request, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, RawBody, SkipValidation

from ecf2.adapters.db.queries.api.declarations import (
    DeclarationFilters,
    DeclarationView,
    SqlDeclarationReads,
)
from ecf2.domain.payments.provider_voids import ProviderVoids
from ecf2.domain.payments.recording import DeclarationRecording, DeclarationRefused
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.declaration_body import DeclarationCreateAttributes, declaration_request
from ecf2.entrypoints.api.errors import Unprocessable, found
from ecf2.entrypoints.api.openapi.operation import (
    COHORT,
    DELIVERY_PARTNER_IDS,
    UPDATED_SINCE,
    Filter,
    documented,
    many,
    one,
)
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import (
    Resource,
    api_datetime,
    api_optional_uuid,
    document,
)


@attrs.frozen
class DeclarationAttributes:
    participant_id: str
    declaration_type: str
    course_identifier: str
    declaration_date: str
    mentor_id: str | None
    state: str
    updated_at: str
    created_at: str
    delivery_partner_id: str | None
    statement_id: str | None
    clawback_statement_id: str | None
    ineligible_for_funding_reason: str | None
    uplift_paid: bool
    evidence_held: str | None
    lead_provider_name: str


def declaration_resource(view: DeclarationView) -> Resource[DeclarationAttributes]:
    return Resource(
        id=str(view.api_id),
        type="participant-declaration",
        attributes=DeclarationAttributes(
            participant_id=str(view.participant_id),
            declaration_type=view.declaration_type,
            course_identifier=view.course_identifier,
            declaration_date=api_datetime(view.declaration_date),
            mentor_id=api_optional_uuid(view.mentor_id),
            state=view.state,
            updated_at=api_datetime(view.updated_at),
            created_at=api_datetime(view.created_at),
            delivery_partner_id=api_optional_uuid(view.delivery_partner_id),
            statement_id=api_optional_uuid(view.statement_id),
            clawback_statement_id=api_optional_uuid(view.clawback_statement_id),
            # RECT never gives a reason (§2.3).
            ineligible_for_funding_reason=None,
            uplift_paid=view.uplift_paid,
            evidence_held=view.evidence_held,
            lead_provider_name=view.lead_provider_name,
        ),
    )


PARTICIPANT_IDS = Filter(
    "participant_id", "Only declarations for these participants: an ID or a comma-separated list."
)


class DeclarationsController(Controller):
    path = "/participant-declarations"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve your declarations",
            description=(
                "The declarations you made, and those a previous lead provider made for "
                "participants you now train that can still be paid; oldest first."
            ),
            returns=many(DeclarationAttributes, "participant-declaration"),
            filters=(COHORT, PARTICIPANT_IDS, DELIVERY_PARTNER_IDS, UPDATED_SINCE),
            paginated=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        declaration_reads: NamedDependency[SqlDeclarationReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = DeclarationFilters(
            cohorts=query.cohorts(),
            participant_ids=query.uuids("participant_id"),
            delivery_partner_ids=query.uuids("delivery_partner_id"),
            updated_since=query.updated_since(),
        )
        views = declaration_reads.page(lead_provider_of(actor), filters, query.page())
        return document([declaration_resource(view) for view in views])

    @get(
        "/{declaration_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve a declaration",
            returns=one(DeclarationAttributes, "participant-declaration"),
        ),
    )
    def show(
        self,
        declaration_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        declaration_reads: NamedDependency[SqlDeclarationReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = declaration_reads.one(lead_provider_of(actor), path_id(declaration_id))
        return document(declaration_resource(found(view)))

    @post(
        status_code=200,
        sync_to_thread=True,
        opt=documented(
            summary="Declare that a participant reached a milestone",
            description=(
                "Records a declaration of a participant's progress for payment. Each rule "
                "the declaration breaks gives one error, titled with the field it is about."
            ),
            returns=one(DeclarationAttributes, "participant-declaration"),
            body=DeclarationCreateAttributes,
        ),
    )
    def create(
        self,
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        declaration_recording: NamedDependency[
            SkipValidation[Callable[[Clock], DeclarationRecording]]
        ],
        declaration_reads: NamedDependency[SqlDeclarationReads],
    ) -> Response[bytes]:
        """200 with the declaration recorded, or the one an identical request recorded."""
        ApiQuery.of(request)
        lead_provider_id = lead_provider_of(actor)
        recording = declaration_recording(clock)
        try:
            api_id = recording.record_declaration(
                lead_provider_id, declaration_request(body), actor
            )
        except DeclarationRefused as refused:
            raise Unprocessable(refused.problems) from None
        return document(
            declaration_resource(found(declaration_reads.one(lead_provider_id, api_id)))
        )

    @put(
        "/{declaration_id:str}/void",
        sync_to_thread=True,
        opt=documented(
            summary="Void one of your declarations",
            description=(
                "A declaration not yet paid is voided; a paid one is clawed back from a "
                "later statement (its state becomes awaiting-clawback)."
            ),
            returns=one(DeclarationAttributes, "participant-declaration"),
            refuses=True,
        ),
    )
    def void(
        self,
        declaration_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        declaration_voids: NamedDependency[SkipValidation[Callable[[Clock], ProviderVoids]]],
        declaration_reads: NamedDependency[SqlDeclarationReads],
    ) -> Response[bytes]:
        """Only the provider's own declarations: a predecessor's is not found (§2.3)."""
        ApiQuery.of(request)
        lead_provider_id, api_id = lead_provider_of(actor), path_id(declaration_id)
        own = found(declaration_reads.owned_by(lead_provider_id, api_id))
        try:
            declaration_voids(clock).void_declaration(own, actor)
        except DeclarationRefused as refused:
            raise Unprocessable(refused.problems) from None
        return document(
            declaration_resource(found(declaration_reads.one(lead_provider_id, api_id)))
        )
