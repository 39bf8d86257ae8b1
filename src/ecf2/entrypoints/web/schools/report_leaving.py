"""Reporting that an ECT is leaving the school (participants-and-schools §3.7): one question,
check your answers, one service call. Built on the journey kit, one journey per ECT."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import attrs
from litestar import Request, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect

from ecf2.adapters.db.queries.school_views import MentorAtSchool
from ecf2.adapters.db.queries.schools import EctAtSchool, SqlSchoolHomeReads
from ecf2.domain.participants.report_leaving import EctLeavingService
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import DomainError, RuleBroken
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import Answers, Journey, Step
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    ect_seen_by,
)
from ecf2.entrypoints.web.schools.tutor_gate import (
    GATED_SCHOOL_DEPENDENCIES,
    GatedSchoolController,
)

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Leavings = NamedDependency[EctLeavingService]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
DONE = "ect_leaving_done"


@attrs.frozen
class Reporting:
    """Who reports, the teacher leaving (an ECT or a mentor, shown as `ect` on the pages),
    and the service that checks and records it."""

    school: SignedInSchool
    ect: EctAtSchool | MentorAtSchool
    api_id: uuid.UUID
    leavings: Any
    list_path: str = "/school/home/ects"


Reported = NamedDependency[SkipValidation[Reporting]]


def submit_leaving_date(form: Form, _answers: Answers, reporting: Reporting) -> Answers:
    leaving_on = forms.a_date(form, "leaving_on", "date they leave")
    try:
        reporting.leavings.check_leaving_date(reporting.school.id, reporting.api_id, leaving_on)
    except DomainError as error:
        raise FormErrors.of("leaving_on", error.message) from None
    return {"leaving_on": leaving_on.isoformat()}


def _the_ect(_answers: Answers, reporting: Reporting) -> dict[str, Any]:
    return {"ect": reporting.ect}


def _leaving_text(answers: Answers, reporting: Reporting) -> dict[str, Any]:
    day = date.fromisoformat(answers["leaving_on"])
    return {"leaving_on_text": f"{day.day} {day:%B %Y}", "ect": reporting.ect}


STEPS = (
    Step(
        "leaving-date",
        "schools/report_leaving/leaving_date.html",
        keys=("leaving_on",),
        submit=submit_leaving_date,
        next=lambda _answers: "check-answers",
        page=_the_ect,
    ),
    Step("check-answers", "schools/report_leaving/check_answers.html", page=_leaving_text),
)


def leaving_journey(api_id: uuid.UUID, role: str = "ect") -> Journey:
    return Journey(f"{role}_leaving_{api_id}", f"/school/{role}s/{api_id}/leaving", STEPS)


def ect_reporting(
    api_id: FromPath[str],
    school: School,
    school_home_reads: Reads,
    clock: InjectedClock,
    ect_leavings: Leavings,
) -> Reporting:
    """The ECT whose leaving is reported, seen by this school, for every step."""
    teacher_api_id, ect = ect_seen_by(school, api_id, school_home_reads, clock.today())
    return Reporting(school, ect, teacher_api_id, ect_leavings)


class ReportLeavingController(GatedSchoolController):
    """The leaving journey (§3.7), for the person `reporting` provides in a subclass."""

    role = "ect"

    @get("/", sync_to_thread=True)
    def start(self, request: Request[Any, Any, Any], reporting: Reported) -> Redirect:
        journey = leaving_journey(reporting.api_id, self.role)
        journey.forget(request.session)
        return Redirect(journey.url(journey.first.name))

    @get("/confirmation", sync_to_thread=True)
    def confirmation(
        self, api_id: FromPath[str], request: Request[Any, Any, Any], school: School
    ) -> Page:
        return journey_pages.person_confirmation(
            request.session, DONE, "api_id", api_id, "schools/report_leaving/confirmation.html"
        )

    @get("/{step:str}", sync_to_thread=True)
    def show(
        self, step: FromPath[str], request: Request[Any, Any, Any], reporting: Reported
    ) -> Page:
        journey = leaving_journey(reporting.api_id, self.role)
        return journey_pages.show(journey, step, request.session, reporting)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Body,
        reporting: Reported,
    ) -> Page:
        journey = leaving_journey(reporting.api_id, self.role)
        if step != "check-answers":
            return journey_pages.submit(journey, step, request.session, data, reporting)
        return report(journey, request, reporting)


class ReportEctLeavingController(ReportLeavingController):
    path = "/school/ects/{api_id:str}/leaving"
    dependencies = {
        **GATED_SCHOOL_DEPENDENCIES,
        "reporting": Provide(ect_reporting, sync_to_thread=True),
    }


def report(journey: Journey, request: Request[Any, Any, Any], reporting: Reporting) -> Page:
    answers = journey.answers(request.session)
    if not journey.on_path("check-answers", answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    leaving_on = date.fromisoformat(answers["leaving_on"])
    try:
        left = reporting.leavings.report_leaving(
            reporting.school.id, reporting.api_id, leaving_on, reporting.school.actor
        )
    except RuleBroken as error:
        step = journey_pages.found_step(journey, "check-answers")
        errors = {"leaving_on": error.message}
        return journey_pages.render(journey, step, answers, reporting, errors=errors)
    journey.forget(request.session)
    request.session[DONE] = {
        "api_id": str(reporting.api_id),
        "name": left.name,
        "leaving_on": f"{leaving_on.day} {leaving_on:%B %Y}",
        "list_path": reporting.list_path,
    }
    return Redirect(journey.url("confirmation"), status_code=303)
