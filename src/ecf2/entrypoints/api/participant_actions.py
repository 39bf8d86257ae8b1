"""PUT /api/v3/participants/{id}/withdraw, /defer, /resume and /change-schedule
(lead-provider-api-v3 §2.1): the body first (400), then the participant in the lead
provider's view (404), then the action's checks (422); 200 answers as GET does."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from litestar import Controller, Request, Response, put
from litestar.di import NamedDependency
from litestar.params import FromPath, RawBody, SkipValidation

from ecf2.adapters.db.queries.api.participants import SqlParticipantReads
from ecf2.domain.participants.provider_rules import ActionRefused
from ecf2.domain.participants.services import ParticipantActions
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.declaration_body import attributes_of
from ecf2.entrypoints.api.errors import Unprocessable, found
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.participants import participant_resource
from ecf2.entrypoints.api.schemas import document

Actions = NamedDependency[SkipValidation[Callable[[Clock], ParticipantActions]]]


def _text(attributes: dict[str, Any], name: str) -> str | None:
    value = attributes.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


class ParticipantActionsController(Controller):
    path = "/participants/{participant_id:str}"

    @put("/withdraw", sync_to_thread=True)
    def withdraw(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: NamedDependency[SqlParticipantReads],
    ) -> Response[bytes]:
        attributes = _attributes(request, body)
        api_id = _visible(participant_id, actor, clock, participant_reads)
        _refused_as_422(
            lambda: participant_actions(clock).withdraw(
                lead_provider_of(actor),
                api_id,
                _text(attributes, "course_identifier"),
                _text(attributes, "reason"),
                actor,
            )
        )
        return _participant(api_id, actor, clock, participant_reads)

    @put("/defer", sync_to_thread=True)
    def defer(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: NamedDependency[SqlParticipantReads],
    ) -> Response[bytes]:
        attributes = _attributes(request, body)
        api_id = _visible(participant_id, actor, clock, participant_reads)
        _refused_as_422(
            lambda: participant_actions(clock).defer(
                lead_provider_of(actor),
                api_id,
                _text(attributes, "course_identifier"),
                _text(attributes, "reason"),
                actor,
            )
        )
        return _participant(api_id, actor, clock, participant_reads)

    @put("/resume", sync_to_thread=True)
    def resume(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: NamedDependency[SqlParticipantReads],
    ) -> Response[bytes]:
        attributes = _attributes(request, body)
        api_id = _visible(participant_id, actor, clock, participant_reads)
        _refused_as_422(
            lambda: participant_actions(clock).resume(
                lead_provider_of(actor), api_id, _text(attributes, "course_identifier"), actor
            )
        )
        return _participant(api_id, actor, clock, participant_reads)

    @put("/change-schedule", sync_to_thread=True)
    def change_schedule(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: NamedDependency[SqlParticipantReads],
    ) -> Response[bytes]:
        attributes = _attributes(request, body)
        api_id = _visible(participant_id, actor, clock, participant_reads)
        _refused_as_422(
            lambda: participant_actions(clock).change_schedule(
                lead_provider_of(actor),
                api_id,
                _text(attributes, "course_identifier"),
                _text(attributes, "schedule_identifier"),
                _text(attributes, "cohort"),
                actor,
            )
        )
        return _participant(api_id, actor, clock, participant_reads)


def _attributes(request: Request[Any, Any, Any], body: bytes) -> dict[str, Any]:
    ApiQuery.of(request)
    return attributes_of(body)


def _visible(
    participant_id: str, actor: Actor, clock: Clock, reads: SqlParticipantReads
) -> uuid.UUID:
    """Only a participant the lead provider can GET can be acted on (§2.1)."""
    api_id = path_id(participant_id)
    found(reads.one(lead_provider_of(actor), api_id, today=clock.today()))
    return api_id


def _refused_as_422(action: Callable[[], None]) -> None:
    try:
        action()
    except ActionRefused as refused:
        raise Unprocessable(refused.problems) from None


def _participant(
    api_id: uuid.UUID, actor: Actor, clock: Clock, reads: SqlParticipantReads
) -> Response[bytes]:
    view = reads.one(lead_provider_of(actor), api_id, today=clock.today())
    return document(participant_resource(found(view)))
