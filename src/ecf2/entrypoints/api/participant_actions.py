"""PUT /api/v3/participants/{id}/withdraw, /defer, /resume and /change-schedule
(lead-provider-api-v3 §2.1): the body first (400), then the participant in the lead
provider's view (404), then the action's checks (422); 200 answers as GET does."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import attrs
from litestar import Controller, Request, Response, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, RawBody, SkipValidation

from ecf2.adapters.db.queries.api.participants import ParticipantView, SqlParticipantReads
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

Act = NamedDependency[SkipValidation["ActionRunner"]]


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


@attrs.frozen
class Target:
    """Who asks (the lead provider) and about whom (the participant's API id)."""

    actor: Actor
    lead_provider_id: int
    api_id: uuid.UUID

    @property
    def participant(self) -> tuple[int, uuid.UUID]:
        return self.lead_provider_id, self.api_id


# What an action does, given the service, its target and the body's attributes.
Action = Callable[[ParticipantActions, Target, dict[str, Any]], None]


@attrs.frozen
class ActionRunner:
    """Every action's order: the body first (400), then the participant in the lead
    provider's view (404), then the action's checks (422); then the participant as GET
    shows them."""

    participant_id: str
    request: Request[Any, Any, Any]
    actor: Actor
    clock: Clock
    participant_actions: Callable[[Clock], ParticipantActions]
    participant_reads: SqlParticipantReads

    def __call__(self, body: bytes, action: Action) -> Response[bytes]:
        ApiQuery.of(self.request)
        attributes = attributes_of(body)
        target = Target(self.actor, lead_provider_of(self.actor), self._visible())
        try:
            action(self.participant_actions(self.clock), target, attributes)
        except ActionRefused as refused:
            raise Unprocessable(refused.problems) from None
        return document(participant_resource(found(self._view(target.api_id))))

    def _visible(self) -> uuid.UUID:
        """Only a participant the lead provider can GET can be acted on (§2.1)."""
        api_id = path_id(self.participant_id)
        found(self._view(api_id))
        return api_id

    def _view(self, api_id: uuid.UUID) -> ParticipantView | None:
        lead_provider = lead_provider_of(self.actor)
        return self.participant_reads.one(lead_provider, api_id, today=self.clock.today())


def _runner(
    participant_id: FromPath[str],
    request: Request[Any, Any, Any],
    actor: NamedDependency[Actor],
    clock: InjectedClock,
    participant_actions: NamedDependency[SkipValidation[Callable[[Clock], ParticipantActions]]],
    participant_reads: NamedDependency[SqlParticipantReads],
) -> ActionRunner:
    return ActionRunner(
        participant_id, request, actor, clock, participant_actions, participant_reads
    )


class ParticipantActionsController(Controller):
    path = "/participants/{participant_id:str}"
    dependencies = {"act": Provide(_runner, sync_to_thread=False)}

    @put(
        "/withdraw",
        sync_to_thread=True,
        opt=_documented(
            "Withdraw a participant from training",
            "Their training with you ends today; they can no longer be declared for.",
            WithdrawalAttributes,
        ),
    )
    def withdraw(self, body: RawBody, act: Act) -> Response[bytes]:
        def withdraw(actions: ParticipantActions, target: Target, a: Any) -> None:
            course, reason = _text(a, "course_identifier"), _text(a, "reason")
            actions.withdraw(*target.participant, course, reason, target.actor)

        return act(body, withdraw)

    @put(
        "/defer",
        sync_to_thread=True,
        opt=_documented(
            "Defer a participant's training",
            "Their training with you pauses until you resume it.",
            DeferralAttributes,
        ),
    )
    def defer(self, body: RawBody, act: Act) -> Response[bytes]:
        def defer(actions: ParticipantActions, target: Target, a: Any) -> None:
            course, reason = _text(a, "course_identifier"), _text(a, "reason")
            actions.defer(*target.participant, course, reason, target.actor)

        return act(body, defer)

    @put(
        "/resume",
        sync_to_thread=True,
        opt=_documented(
            "Resume a participant's training",
            "Training that was deferred or withdrawn carries on with you from today.",
            ResumptionAttributes,
        ),
    )
    def resume(self, body: RawBody, act: Act) -> Response[bytes]:
        def resume(actions: ParticipantActions, target: Target, a: Any) -> None:
            actions.resume(*target.participant, _text(a, "course_identifier"), target.actor)

        return act(body, resume)

    @put(
        "/change-schedule",
        sync_to_thread=True,
        opt=_documented(
            "Change a participant's schedule",
            "Moves the participant to another schedule, and to another cohort if given.",
            ScheduleChangeAttributes,
        ),
    )
    def change_schedule(self, body: RawBody, act: Act) -> Response[bytes]:
        def change(actions: ParticipantActions, target: Target, a: Any) -> None:
            course, schedule = _text(a, "course_identifier"), _text(a, "schedule_identifier")
            cohort = _text(a, "cohort")
            actions.change_schedule(*target.participant, course, schedule, cohort, target.actor)

        return act(body, change)
