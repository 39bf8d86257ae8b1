"""Signing in and out with DfE Sign-in (inductions-trs-sign-in-admin (c.1)-(c.3)): off to
DfE Sign-in, back to `/auth/dfe/callback`, then the session's user as (c.2) decides; and on
signing out, DfE Sign-in ends its own session and sends the person back here."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import SkipValidation
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST

from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.adapters.dfe_sign_in.identity import PendingSignIn, SignInFailed
from ecf2.domain.participants.sign_in import SchoolSignInService
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.auth import SignInProvider, end_session, start_session
from ecf2.entrypoints.web.sign_in_users import record_school_sign_in, user_for_dsi
from ecf2.settings import Environment, Settings, SignInMode

logger = logging.getLogger("ecf2")
PENDING = "dfe_sign_in_pending"
ID_TOKEN = "dfe_sign_in_id_token"
Provider = NamedDependency[SkipValidation[SignInProvider]]


def sign_in_failed(error: Exception) -> Template:
    logger.warning("DfE Sign-in failed: %s", error)
    return Template("auth/sign_in_failed.html", status_code=HTTP_400_BAD_REQUEST)


def _require_dfe_sign_in(settings: Settings) -> None:
    if settings.sign_in_mode is not SignInMode.DFE_SIGN_IN:
        raise NotFoundException()


class DfeSignInController(Controller):
    include_in_schema = False

    @get("/auth/dfe-sign-in", sync_to_thread=True)
    def start(
        self,
        request: Request[Any, Any, Any],
        settings: NamedDependency[Settings],
        dfe_sign_in: Provider,
    ) -> Response[Any]:
        _require_dfe_sign_in(settings)
        try:
            url, pending = dfe_sign_in.start()
        except SignInFailed as error:
            return sign_in_failed(error)
        request.session[PENDING] = pending.to_session()
        return Redirect(url)

    @get("/auth/dfe/callback", sync_to_thread=True)
    def callback(
        self,
        request: Request[Any, Any, Any],
        settings: NamedDependency[Settings],
        dfe_sign_in: Provider,
        clock: NamedDependency[SkipValidation[Clock]],
        sign_in_reads: NamedDependency[SqlSignInReads],
        school_sign_ins: NamedDependency[SchoolSignInService],
    ) -> Response[Any]:
        _require_dfe_sign_in(settings)
        # Each pending sign-in is answered once: a replayed callback finds nothing.
        pending = PendingSignIn.from_session(request.session.pop(PENDING, None))
        try:
            identity = dfe_sign_in.finish(dict(request.query_params), pending)
            roles = dfe_sign_in.roles(identity.organisation.id, identity.user_id)
        except SignInFailed as error:
            return sign_in_failed(error)
        in_development = settings.env is Environment.DEVELOPMENT
        user = user_for_dsi(identity, roles, sign_in_reads, in_development, clock.now())
        record_school_sign_in(school_sign_ins, user)
        destination = start_session(request, user)
        request.session[ID_TOKEN] = identity.id_token
        return Redirect(destination)

    @get("/auth/dfe_sign_in/logout", sync_to_thread=False)
    def signed_out(self, request: Request[Any, Any, Any]) -> Redirect:
        """Where DfE Sign-in sends the person once it has signed them out (c.3)."""
        end_session(request)
        return Redirect("/")


def dfe_sign_out(request: Request[Any, Any, Any], dfe_sign_in: SignInProvider) -> Redirect:
    """End this session, then DfE Sign-in's, handing it back the ID token (c.1)."""
    id_token = request.session.get(ID_TOKEN)
    end_session(request)
    try:
        return Redirect(dfe_sign_in.sign_out_url(id_token), status_code=303)
    except SignInFailed as error:
        logger.warning("Could not sign out of DfE Sign-in: %s", error)
        return Redirect("/", status_code=303)
