"""The "register an ECT" journey's pages (participants-and-schools §3.1): the questions, then
check your answers sends everything to one service call, then a confirmation."""

from __future__ import annotations

from datetime import date
from typing import Any

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect, Template

from ecf2.domain.participants.register_ect import EctRegistrationService, RegisterEct
from ecf2.domain.participants.teacher_record import TeacherRecordUnavailable
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
)
from ecf2.entrypoints.web.schools.register_ect_find import (
    Asking,
    ect_name,
    record_from_answers,
)
from ecf2.entrypoints.web.schools.register_ect_steps import REGISTER_ECT
from ecf2.entrypoints.web.schools.tutor_gate import GatedSchoolController

Form = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Registrations = NamedDependency[EctRegistrationService]
DONE = "register_ect_done"


def _trs_unavailable() -> Template:
    return Template("schools/register_ect/trs_unavailable.html", status_code=503)


def _closed(school: SignedInSchool, registrations: EctRegistrationService) -> Page:
    """None when the school may register ECTs today, else where to send them instead."""
    closed = registrations.registration_closed(school.id)
    if closed is None:
        return None
    if closed.school_blocked:
        return Redirect("/school/home/ects", status_code=303)
    context = {"reopens_on": closed.reopens_on}
    return Template("schools/register_ect/closed.html", context=context)


def _command(school_id: int, answers: dict[str, Any]) -> RegisterEct:
    provider_led = answers["training_programme"] == "provider_led"
    return RegisterEct(
        school_id=school_id,
        record=record_from_answers(answers["found"]),
        corrected_name=answers.get("corrected_name"),
        email=answers["email"],
        started_on=date.fromisoformat(answers["start_date"]),
        working_pattern=answers["working_pattern"],
        appropriate_body_id=answers["appropriate_body_id"],
        training_programme=answers["training_programme"],
        lead_provider_id=answers.get("lead_provider_id") if provider_led else None,
        recreate_partnership_id=_partnership_to_recreate(answers) if provider_led else None,
    )


def _partnership_to_recreate(answers: dict[str, Any]) -> int | None:
    if answers.get("use_previous") != "yes":
        return None
    recreated: int | None = answers["previous_choices"]["recreate_partnership_id"]
    return recreated


class RegisterEctController(GatedSchoolController):
    path = "/school/register-ect"

    @get("/", sync_to_thread=True)
    def start(
        self, request: Request[Any, Any, Any], school: School, ect_registrations: Registrations
    ) -> Page:
        REGISTER_ECT.forget(request.session)
        return _closed(school, ect_registrations) or Redirect(
            REGISTER_ECT.url(REGISTER_ECT.first.name)
        )

    @get("/confirmation", sync_to_thread=True)
    def confirmation(self, request: Request[Any, Any, Any], school: School) -> Page:
        done = request.session.get(DONE)
        if not isinstance(done, dict):
            return Redirect("/school/home/ects")
        return Template("schools/register_ect/confirmation.html", context={"done": done})

    @get("/{step:str}", sync_to_thread=True)
    def show(
        self,
        step: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        ect_registrations: Registrations,
    ) -> Page:
        asking = Asking(school, ect_registrations)
        closed = _closed(school, ect_registrations)
        return closed or journey_pages.show(REGISTER_ECT, step, request.session, asking)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Form,
        school: School,
        ect_registrations: Registrations,
    ) -> Page:
        closed = _closed(school, ect_registrations)
        if closed is not None:
            return closed
        if step == "check-answers":
            return _register(request, school, ect_registrations)
        asking = Asking(school, ect_registrations)
        try:
            return journey_pages.submit(REGISTER_ECT, step, request.session, data, asking)
        except TeacherRecordUnavailable:
            return _trs_unavailable()


def _register(
    request: Request[Any, Any, Any],
    school: SignedInSchool,
    ect_registrations: EctRegistrationService,
) -> Page:
    """Check your answers confirmed: one service call, then the confirmation (§3.1 step 12)."""
    answers = REGISTER_ECT.answers(request.session)
    if not REGISTER_ECT.on_path("check-answers", answers):
        return Redirect(REGISTER_ECT.url(REGISTER_ECT.first.name), status_code=303)
    try:
        registered = ect_registrations.register_ect(_command(school.id, answers), school.actor)
    except (RuleBroken, InvalidValue) as error:
        step = journey_pages.found_step(REGISTER_ECT, "check-answers")
        asking = Asking(school, ect_registrations)
        errors = {"form": error.message}
        return journey_pages.render(REGISTER_ECT, step, answers, asking, errors=errors)
    REGISTER_ECT.forget(request.session)
    request.session[DONE] = {
        "name": ect_name(answers),
        "teacher_api_id": registered.teacher_api_id,
        "provider_led": answers["training_programme"] == "provider_led",
    }
    return Redirect(REGISTER_ECT.url("confirmation"), status_code=303)
