"""Changing an ECT's details from their page (participants-and-schools §3.4): each detail
is a short journey on the journey kit, ending in one service call and a confirmation."""

from __future__ import annotations

from datetime import date
from typing import Any

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect

from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.domain.participants.change_ect_details import EctDetailsService
from ecf2.domain.participants.change_lead_provider import EctLeadProviderService
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    ect_seen_by,
)
from ecf2.entrypoints.web.schools.change_details_steps import (
    CHECK,
    DETAILS,
    Changing,
    Detail,
    change,
)
from ecf2.entrypoints.web.schools.tutor_gate import GatedSchoolController

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Details = NamedDependency[EctDetailsService]
LeadProviders = NamedDependency[EctLeadProviderService]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
DONE = "ect_change_done"


def _changing(
    api_id: str,
    school: SignedInSchool,
    reads: SqlSchoolHomeReads,
    today: date,
    services: tuple[Any, Any],
) -> Changing:
    teacher_api_id, ect = ect_seen_by(school, api_id, reads, today)
    return Changing(school, ect, teacher_api_id, *services)


def _detail(slug: str) -> Detail:
    if slug not in DETAILS:
        raise NotFoundException()
    return DETAILS[slug]


class ChangeEctDetailsController(GatedSchoolController):
    path = "/school/ects/{api_id:str}/change/{detail:str}"

    @get("/", sync_to_thread=True)
    def start(
        self,
        api_id: FromPath[str],
        detail: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        ect_details: Details,
        ect_lead_providers: LeadProviders,
    ) -> Redirect:
        changing = _changing(
            api_id, school, school_home_reads, clock.today(), (ect_details, ect_lead_providers)
        )
        journey = _detail(detail).journey(changing.api_id)
        journey.forget(request.session)
        return Redirect(journey.url(journey.first.name))

    @get("/confirmation", sync_to_thread=True)
    def confirmation(
        self,
        api_id: FromPath[str],
        detail: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
    ) -> Page:
        return journey_pages.person_confirmation(
            request.session,
            DONE,
            "path",
            request.url.path,
            "schools/change_details/confirmation.html",
        )

    @get("/{step:str}", sync_to_thread=True)
    def show(
        self,
        api_id: FromPath[str],
        detail: FromPath[str],
        step: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        ect_details: Details,
        ect_lead_providers: LeadProviders,
    ) -> Page:
        changing = _changing(
            api_id, school, school_home_reads, clock.today(), (ect_details, ect_lead_providers)
        )
        journey = _detail(detail).journey(changing.api_id)
        return journey_pages.show(journey, step, request.session, changing)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        api_id: FromPath[str],
        detail: FromPath[str],
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Body,
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        ect_details: Details,
        ect_lead_providers: LeadProviders,
    ) -> Page:
        changing = _changing(
            api_id, school, school_home_reads, clock.today(), (ect_details, ect_lead_providers)
        )
        found = _detail(detail)
        journey = found.journey(changing.api_id)
        if step != CHECK:
            return journey_pages.submit(journey, step, request.session, data, changing)
        return _change(found, request, changing)


def _change(detail: Detail, request: Request[Any, Any, Any], changing: Changing) -> Page:
    journey = detail.journey(changing.api_id)
    answers = journey.answers(request.session)
    if not journey.on_path(CHECK, answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    try:
        change(detail, answers, changing)
    except (InvalidValue, RuleBroken) as error:
        # Something changed since the question was answered (another user, a new address).
        step = journey_pages.found_step(journey, CHECK)
        errors = {error.field or detail.rows[0].key: error.message}
        return journey_pages.render(journey, step, answers, changing, errors=errors)
    journey.forget(request.session)
    request.session[DONE] = {
        "path": journey.url("confirmation"),
        "api_id": str(changing.api_id),
        "name": changing.ect.name if detail.slug != "name" else detail.shown(answers),
        "label": detail.label,
        "value": detail.shown(answers),
    }
    return Redirect(journey.url("confirmation"), status_code=303)
