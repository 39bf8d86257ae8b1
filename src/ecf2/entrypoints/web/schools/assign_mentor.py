"""Assigning or changing an ECT's mentor, from the ECT's page (participants-and-schools
§3.3). "Register a new mentor" leads to that journey. Another school's ECT is "not found"."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Request, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect

from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.domain.participants.mentor_assignment import AssignMentor, MentorAssignmentService
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.journey import Journey
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    ect_seen_by,
)
from ecf2.entrypoints.web.schools.assign_mentor_steps import (
    NEW_MENTOR,
    Assigning,
    assign_mentor_journey,
    mentor_choices,
)
from ecf2.entrypoints.web.schools.register_mentor import closed_page
from ecf2.entrypoints.web.schools.tutor_gate import (
    GATED_SCHOOL_DEPENDENCIES,
    GatedSchoolController,
)

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Assignments = NamedDependency[MentorAssignmentService]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
Assigned = NamedDependency[SkipValidation[Assigning]]
DONE = "assign_mentor_done"


def ect_assigning(
    api_id: FromPath[str],
    school: School,
    school_home_reads: Reads,
    clock: InjectedClock,
    mentor_assignments: Assignments,
) -> Assigning:
    """The ECT to be mentored and the school's mentors to choose from, for every step."""
    today = clock.today()
    ect_api_id, ect = ect_seen_by(school, api_id, school_home_reads, today)
    mentors = mentor_choices(ect, school_home_reads.mentors(school.id, today).people)
    return Assigning(school, ect, ect_api_id, mentor_assignments, mentors)


class AssignMentorController(GatedSchoolController):
    path = "/school/ects/{api_id:str}/mentor"
    dependencies = {
        **GATED_SCHOOL_DEPENDENCIES,
        "assigning": Provide(ect_assigning, sync_to_thread=True),
    }

    @get("/", sync_to_thread=True)
    def start(self, request: Request[Any, Any, Any], assigning: Assigned) -> Page:
        journey = assign_mentor_journey(assigning.api_id)
        journey.forget(request.session)
        closed = closed_page(assigning.assignments)
        return closed or Redirect(journey.url(journey.first.name))

    @get("/confirmation", sync_to_thread=True)
    def confirmation(
        self, api_id: FromPath[str], request: Request[Any, Any, Any], school: School
    ) -> Page:
        return journey_pages.person_confirmation(
            request.session, DONE, "ect_api_id", api_id, "schools/assign_mentor/confirmation.html"
        )

    @get("/{step:str}", sync_to_thread=True)
    def show(
        self, step: FromPath[str], request: Request[Any, Any, Any], assigning: Assigned
    ) -> Page:
        journey = assign_mentor_journey(assigning.api_id)
        closed = closed_page(assigning.assignments)
        return closed or journey_pages.show(journey, step, request.session, assigning)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Body,
        assigning: Assigned,
    ) -> Page:
        journey = assign_mentor_journey(assigning.api_id)
        closed = closed_page(assigning.assignments)
        if closed is not None:
            return closed
        if step == "choose-mentor" and data.get("mentor_api_id") == NEW_MENTOR:
            return Redirect(f"/school/ects/{assigning.api_id}/register-mentor", status_code=303)
        if step == "check-answers":
            return _assign(journey, request, assigning)
        return journey_pages.submit(journey, step, request.session, data, assigning)


def _assign(journey: Journey, request: Request[Any, Any, Any], assigning: Assigning) -> Page:
    answers = journey.answers(request.session)
    if not journey.on_path("check-answers", answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    command = AssignMentor(
        school_id=assigning.school.id,
        ect_api_id=assigning.api_id,
        mentor_api_id=uuid.UUID(answers["mentor_api_id"]),
        lead_provider_id=answers.get("lead_provider_id"),
    )
    try:
        assigned = assigning.assignments.assign_mentor(command, assigning.school.actor)
    except (RuleBroken, InvalidValue) as error:
        step = journey_pages.found_step(journey, "check-answers")
        errors = {"form": error.message}
        return journey_pages.render(journey, step, answers, assigning, errors=errors)
    journey.forget(request.session)
    request.session[DONE] = {
        "ect_api_id": str(assigning.api_id),
        "ect_name": assigned.ect_name,
        "name": assigned.mentor_name,
    }
    return Redirect(journey.url("confirmation"), status_code=303)
