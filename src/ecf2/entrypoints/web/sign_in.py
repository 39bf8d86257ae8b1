"""Signing in and out, switching role, and the access-denied page
(inductions-trs-sign-in-admin (c.1)-(c.3), participants-and-schools §3.0)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import SkipValidation, URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST, HTTP_403_FORBIDDEN

from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.domain.participants.sign_in import SchoolSignInService
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.auth import (
    DENIED_ORGANISATION,
    end_session,
    replace_user,
    signed_in_user,
    start_session,
)
from ecf2.entrypoints.web.dfe_sign_in import Provider, dfe_sign_out
from ecf2.entrypoints.web.personas import persona_by_email, persona_groups, user_for_persona
from ecf2.entrypoints.web.session_user import ROLE_NAMES, SignedInVia
from ecf2.entrypoints.web.sign_in_users import record_school_sign_in
from ecf2.settings import Settings, SignInMode

Form = URLEncodedBody[dict[str, Any]]
InjectedClock = NamedDependency[SkipValidation[Clock]]


def _personas_page(error: str | None = None) -> Template:
    return Template(
        "auth/personas.html",
        context={"groups": persona_groups(), "error": error},
        status_code=HTTP_400_BAD_REQUEST if error else 200,
    )


def _require_personas(settings: Settings) -> None:
    if settings.sign_in_mode is not SignInMode.PERSONAS:
        raise NotFoundException()


class SignInController(Controller):
    include_in_schema = False

    @get("/sign-in", sync_to_thread=False)
    def sign_in(self, settings: NamedDependency[Settings]) -> Response[Any]:
        if settings.sign_in_mode is SignInMode.PERSONAS:
            return Redirect("/personas")
        return Redirect("/auth/dfe-sign-in")

    @get("/personas", sync_to_thread=False)
    def personas(self, settings: NamedDependency[Settings]) -> Template:
        _require_personas(settings)
        return _personas_page()

    @post("/personas", sync_to_thread=True)
    def sign_in_as_persona(
        self,
        request: Request[Any, Any, Any],
        data: Form,
        settings: NamedDependency[Settings],
        clock: InjectedClock,
        sign_in_reads: NamedDependency[SqlSignInReads],
        school_sign_ins: NamedDependency[SchoolSignInService],
    ) -> Response[Any]:
        _require_personas(settings)
        persona = persona_by_email(str(data.get("persona", "")))
        if persona is None:
            return _personas_page(error="Choose who to sign in as")
        user = user_for_persona(persona, sign_in_reads, clock.now())
        record_school_sign_in(school_sign_ins, user)
        return Redirect(start_session(request, user), status_code=303)

    @get("/sign-out", sync_to_thread=False)
    def sign_out_page(self, request: Request[Any, Any, Any]) -> Response[Any]:
        user = signed_in_user(request)
        if user is None:
            return Redirect("/")
        return Template("auth/sign_out.html", context={"user": user})

    @post("/sign-out", sync_to_thread=True)
    def sign_out(self, request: Request[Any, Any, Any], dfe_sign_in: Provider) -> Redirect:
        user = signed_in_user(request)
        if user is not None and user.signed_in_via is SignedInVia.DFE_SIGN_IN:
            return dfe_sign_out(request, dfe_sign_in)
        end_session(request)
        return Redirect("/", status_code=303)

    @get("/switch-role", sync_to_thread=False)
    def switch_role_page(self, request: Request[Any, Any, Any]) -> Response[Any]:
        user = signed_in_user(request)
        if user is None or user.other_role is None:
            return Redirect("/" if user is None else user.home)
        context = {"user": user, "other": user.switched(), "role": ROLE_NAMES[user.other_role]}
        return Template("auth/switch_role.html", context=context)

    @post("/switch-role", sync_to_thread=False)
    def switch_role(self, request: Request[Any, Any, Any]) -> Redirect:
        user = signed_in_user(request)
        if user is None:
            return Redirect("/", status_code=303)
        switched = user.switched()
        replace_user(request, switched)
        return Redirect(switched.home, status_code=303)

    @get("/access-denied", sync_to_thread=False)
    def access_denied(self, request: Request[Any, Any, Any]) -> Template:
        organisation = request.session.get(DENIED_ORGANISATION)
        return Template(
            "auth/access_denied.html",
            context={"organisation": organisation},
            status_code=HTTP_403_FORBIDDEN,
        )
