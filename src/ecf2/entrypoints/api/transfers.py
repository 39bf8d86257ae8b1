"""GET /api/v3/participants/transfers and /api/v3/participants/{id}/transfers
(lead-provider-api-v3 §2.2). The list sits at a fixed path that `/participants/{id}` would
otherwise read as an id; Litestar matches fixed path segments before parameters."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.transfers import (
    ParticipantTransfersView,
    SqlTransferReads,
    TransferEnd,
    TransferFilters,
    TransferView,
)
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import UPDATED_SINCE, documented, many, one
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import Resource, api_date, api_datetime, document


@attrs.frozen
class EndAttributes:
    school_urn: str
    provider: str | None
    date: str


@attrs.frozen
class TransferAttributes:
    training_record_id: str
    transfer_type: str
    status: str
    created_at: str
    leaving: EndAttributes
    joining: EndAttributes | None


@attrs.frozen
class ParticipantTransferAttributes:
    transfers: list[TransferAttributes]
    updated_at: str


def _end(end: TransferEnd) -> EndAttributes:
    return EndAttributes(school_urn=end.school_urn, provider=end.provider, date=api_date(end.date))


def _transfer(view: TransferView) -> TransferAttributes:
    return TransferAttributes(
        training_record_id=str(view.training_record_id),
        transfer_type=view.transfer_type,
        status=view.status,
        created_at=api_date(view.created_at),
        leaving=_end(view.leaving),
        joining=None if view.joining is None else _end(view.joining),
    )


def transfers_resource(view: ParticipantTransfersView) -> Resource[ParticipantTransferAttributes]:
    return Resource(
        id=str(view.api_id),
        type="participant-transfer",
        attributes=ParticipantTransferAttributes(
            transfers=[_transfer(transfer) for transfer in view.transfers],
            updated_at=api_datetime(view.updated_at),
        ),
    )


class TransfersController(Controller):
    path = "/participants"

    @get(
        "/transfers",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve your participants' school transfers",
            description="Participants of yours who moved from one school to another.",
            returns=many(ParticipantTransferAttributes, "participant-transfer"),
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
        transfer_reads: NamedDependency[SqlTransferReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = TransferFilters(updated_since=query.updated_since())
        views = transfer_reads.page(
            lead_provider_of(actor), filters, query.sort(), query.page(), today=clock.today()
        )
        return document([transfers_resource(view) for view in views])

    @get(
        "/{participant_id:str}/transfers",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve one participant's school transfers",
            returns=one(ParticipantTransferAttributes, "participant-transfer"),
        ),
    )
    def show(
        self,
        participant_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        transfer_reads: NamedDependency[SqlTransferReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = transfer_reads.one(
            lead_provider_of(actor), path_id(participant_id), today=clock.today()
        )
        return document(transfers_resource(found(view)))
