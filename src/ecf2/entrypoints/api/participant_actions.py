"""PUT /api/v3/participants/{id}/withdraw, /defer, /resume and /change-schedule
(lead-provider-api-v3 §2.1): the body first (400), then the participant in the lead
provider's view (404), then the action's checks (422); 200 answers as GET does."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import attrs
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
from ecf2.entrypoints.api.openapi.operation import documented, one
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.participants import ParticipantAttributes, participant_resource
from ecf2.entrypoints.api.schemas import document

Actions = NamedDependency[SkipValidation[Callable[[Clock], ParticipantActions]]]
Reads = NamedDependency[SqlParticipantReads]
# What an action does, given the service, the lead provider, the participant and the body.
Action = Callable[[ParticipantActions, uuid.UUID, uuid.UUID, dict[str, Any]], None]


def _text(attributes: dict[str, Any], name: str) -> str | None:
    value = attributes.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


@attrs.frozen
class WithdrawalAttributes:
    reason: str
    course_identifier: str


@attrs.frozen
class DeferralAttributes:
    reason: str
    course_identifier: str


@attrs.frozen
class ResumptionAttributes:
    course_identifier: str


@attrs.frozen
class ScheduleChangeAttributes:
    schedule_identifier: str
    course_identifier: str
    cohort: str | None = None


def _documented(summary: str, description: str, body: type) -> dict[str, Any]:
    return documented(
        summary=summary,
        description=description,
        returns=one(ParticipantAttributes, "participant"),
        body=body,
    )


class ParticipantActionsController(Controller):
    path = "/participants/{participant_id:str}"

    @put(
        "/withdraw",
        sync_to_thread=True,
        opt=_documented(
            "Withdraw a participant from training",
            "Their training with you ends today; they can no longer be declared for.",
            WithdrawalAttributes,
        ),
    )
    def withdraw(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: Reads,
    ) -> Response[bytes]:
        def withdraw(actions: ParticipantActions, lp: uuid.UUID, api_id: uuid.UUID, a: Any) -> None:
            course, reason = _text(a, "course_identifier"), _text(a, "reason")
            actions.withdraw(lp, api_id, course, reason, actor)

        return _act(
            withdraw,
            participant_id,
            body,
            request,
            actor,
            clock,
            participant_actions,
            participant_reads,
        )

    @put(
        "/defer",
        sync_to_thread=True,
        opt=_documented(
            "Defer a participant's training",
            "Their training with you pauses until you resume it.",
            DeferralAttributes,
        ),
    )
    def defer(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: Reads,
    ) -> Response[bytes]:
        def defer(actions: ParticipantActions, lp: uuid.UUID, api_id: uuid.UUID, a: Any) -> None:
            course, reason = _text(a, "course_identifier"), _text(a, "reason")
            actions.defer(lp, api_id, course, reason, actor)

        return _act(
            defer,
            participant_id,
            body,
            request,
            actor,
            clock,
            participant_actions,
            participant_reads,
        )

    @put(
        "/resume",
        sync_to_thread=True,
        opt=_documented(
            "Resume a participant's training",
            "Training that was deferred or withdrawn carries on with you from today.",
            ResumptionAttributes,
        ),
    )
    def resume(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: Reads,
    ) -> Response[bytes]:
        def resume(actions: ParticipantActions, lp: uuid.UUID, api_id: uuid.UUID, a: Any) -> None:
            actions.resume(lp, api_id, _text(a, "course_identifier"), actor)

        return _act(
            resume,
            participant_id,
            body,
            request,
            actor,
            clock,
            participant_actions,
            participant_reads,
        )

    @put(
        "/change-schedule",
        sync_to_thread=True,
        opt=_documented(
            "Change a participant's schedule",
            "Moves the participant to another schedule, and to another cohort if given.",
            ScheduleChangeAttributes,
        ),
    )
    def change_schedule(
        self,
        participant_id: FromPath[str],
        body: RawBody,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_actions: Actions,
        participant_reads: Reads,
    ) -> Response[bytes]:
        def change(actions: ParticipantActions, lp: uuid.UUID, api_id: uuid.UUID, a: Any) -> None:
            course, schedule = _text(a, "course_identifier"), _text(a, "schedule_identifier")
            actions.change_schedule(lp, api_id, course, schedule, _text(a, "cohort"), actor)

        return _act(
            change,
            participant_id,
            body,
            request,
            actor,
            clock,
            participant_actions,
            participant_reads,
        )


def _act(
    action: Action,
    participant_id: str,
    body: bytes,
    request: Request[Any, Any, Any],
    actor: Actor,
    clock: Clock,
    participant_actions: Callable[[Clock], ParticipantActions],
    reads: SqlParticipantReads,
) -> Response[bytes]:
    """The body first (400), then the participant in view (404), then the checks (422)."""
    attributes = _attributes(request, body)
    api_id = _visible(participant_id, actor, clock, reads)
    lead_provider = lead_provider_of(actor)
    try:
        action(participant_actions(clock), lead_provider, api_id, attributes)
    except ActionRefused as refused:
        raise Unprocessable(refused.problems) from None
    return _participant(api_id, actor, clock, reads)


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


def _participant(
    api_id: uuid.UUID, actor: Actor, clock: Clock, reads: SqlParticipantReads
) -> Response[bytes]:
    view = reads.one(lead_provider_of(actor), api_id, today=clock.today())
    return document(participant_resource(found(view)))
