"""The Lead Provider API v3 under /api/v3: every route authenticates its caller first."""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.di import Provide

from ecf2.container import Container
from ecf2.entrypoints.api.auth import authenticate
from ecf2.entrypoints.api.declarations import DeclarationsController
from ecf2.entrypoints.api.delivery_partners import DeliveryPartnersController
from ecf2.entrypoints.api.errors import EXCEPTION_HANDLERS
from ecf2.entrypoints.api.participant_actions import ParticipantActionsController
from ecf2.entrypoints.api.participants import ParticipantsController
from ecf2.entrypoints.api.partnerships import PartnershipsController
from ecf2.entrypoints.api.rate_limit import rate_limit
from ecf2.entrypoints.api.schools import SchoolsController
from ecf2.entrypoints.api.statements import StatementsController
from ecf2.entrypoints.api.time_travel import request_clock
from ecf2.entrypoints.api.transfers import TransfersController
from ecf2.entrypoints.api.unfunded_mentors import UnfundedMentorsController

CONTROLLERS = [
    StatementsController,
    DeliveryPartnersController,
    PartnershipsController,
    SchoolsController,
    ParticipantsController,
    ParticipantActionsController,
    DeclarationsController,
    TransfersController,
    UnfundedMentorsController,
]


def api_router(container: Container | None = None) -> Router:
    """With the container: rate limited (§1.8), and each request on its own clock (§1.9)."""
    dependencies = {"actor": Provide(authenticate, sync_to_thread=True)}
    middleware: list[Any] = []
    if container is not None:
        settings = container.settings()
        clock = request_clock(settings.time_travel_enabled, container.clock)
        dependencies["clock"] = Provide(clock, sync_to_thread=False)
        limit = settings.api_rate_limit_per_5_minutes
        now = lambda: container.clock().now()  # noqa: E731 (the clock may be overridden)
        middleware.append(rate_limit(container.api_rate_limits(), limit, now))
    return Router(
        path="/api/v3",
        route_handlers=CONTROLLERS,
        dependencies=dependencies,
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=middleware,
    )
