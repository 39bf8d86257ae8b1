"""The Lead Provider API v3 under /api/v3: every route authenticates its caller first."""

from __future__ import annotations

from litestar import Router
from litestar.di import Provide

from ecf2.entrypoints.api.auth import authenticate
from ecf2.entrypoints.api.delivery_partners import DeliveryPartnersController
from ecf2.entrypoints.api.errors import EXCEPTION_HANDLERS
from ecf2.entrypoints.api.participants import ParticipantsController
from ecf2.entrypoints.api.partnerships import PartnershipsController
from ecf2.entrypoints.api.schools import SchoolsController
from ecf2.entrypoints.api.statements import StatementsController

CONTROLLERS = [
    StatementsController,
    DeliveryPartnersController,
    PartnershipsController,
    SchoolsController,
    ParticipantsController,
]


def api_router() -> Router:
    return Router(
        path="/api/v3",
        route_handlers=CONTROLLERS,
        dependencies={"actor": Provide(authenticate, sync_to_thread=True)},
        exception_handlers=EXCEPTION_HANDLERS,
    )
