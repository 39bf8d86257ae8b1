"""Reporting that a mentor is leaving the school (participants-and-schools §3.7): the ECT
leaving journey's question, check your answers and confirmation, for a mentor."""

from __future__ import annotations

from datetime import date
from typing import Any

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect

from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.domain.participants.report_mentor_leaving import MentorLeavingService
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    mentor_seen_by,
)
from ecf2.entrypoints.web.schools.report_leaving import (
    DONE,
    Reporting,
    leaving_journey,
    report,
)
from ecf2.entrypoints.web.schools.tutor_gate import GatedSchoolController

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Leavings = NamedDependency[MentorLeavingService]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
MENTORS = "/school/home/mentors"


def _reporting(
    api_id: str,
    school: SignedInSchool,
    reads: SqlSchoolHomeReads,
    today: date,
    leavings: MentorLeavingService,
) -> Reporting:
    teacher_api_id, mentor = mentor_seen_by(school, api_id, reads, today)
    return Reporting(school, mentor, teacher_api_id, leavings, MENTORS)


class ReportMentorLeavingController(GatedSchoolController):
    path = "/school/mentors/{api_id:str}/leaving"

    @get("/", sync_to_thread=True)
    def start(
        self,
        api_id: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        mentor_leavings: Leavings,
    ) -> Redirect:
        reporting = _reporting(api_id, school, school_home_reads, clock.today(), mentor_leavings)
        journey = leaving_journey(reporting.api_id, "mentor")
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
        self,
        api_id: FromPath[str],
        step: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        mentor_leavings: Leavings,
    ) -> Page:
        reporting = _reporting(api_id, school, school_home_reads, clock.today(), mentor_leavings)
        journey = leaving_journey(reporting.api_id, "mentor")
        return journey_pages.show(journey, step, request.session, reporting)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        api_id: FromPath[str],
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Body,
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        mentor_leavings: Leavings,
    ) -> Page:
        reporting = _reporting(api_id, school, school_home_reads, clock.today(), mentor_leavings)
        journey = leaving_journey(reporting.api_id, "mentor")
        if step != "check-answers":
            return journey_pages.submit(journey, step, request.session, data, reporting)
        return report(journey, request, reporting)
