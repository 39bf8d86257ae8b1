"""The "register a new mentor" journey's pages, from one ECT's page (participants-and-schools
§3.2): the questions, then check your answers sends everything to one service call, then a
confirmation. Another school's ECT is "not found"."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect, Template

from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.domain.participants.mentor_assignment import AssignMentor, MentorAssignmentService
from ecf2.domain.participants.register_mentor import MentorRegistrationService
from ecf2.domain.participants.register_mentor_commands import RegisterMentor
from ecf2.domain.participants.teacher_record import TeacherRecordUnavailable
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.journey import Journey
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    ect_seen_by,
)
from ecf2.entrypoints.web.schools.register_ect_find import record_from_answers
from ecf2.entrypoints.web.schools.register_mentor_find import Mentoring
from ecf2.entrypoints.web.schools.register_mentor_steps import (
    mentor_name,
    register_mentor_journey,
)
from ecf2.entrypoints.web.schools.tutor_gate import GatedSchoolController

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Registrations = NamedDependency[MentorRegistrationService]
Assignments = NamedDependency[MentorAssignmentService]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
DONE = "register_mentor_done"


def _mentoring(
    api_id: str,
    school: SignedInSchool,
    reads: SqlSchoolHomeReads,
    today: date,
    registrations: MentorRegistrationService,
) -> Mentoring:
    ect_api_id, ect = ect_seen_by(school, api_id, reads, today)
    training = registrations.ect_training(school.id, ect_api_id)
    return Mentoring(school, ect, ect_api_id, registrations, training)


def closed_page(registrations: MentorRegistrationService | Any) -> Template | None:
    """§2.8: registering, assigning and changing mentors close in early June."""
    closed = registrations.registration_closed()
    if closed is None:
        return None
    context = {"reopens_on": closed.reopens_on, "who": "mentors"}
    return Template("schools/register_ect/closed.html", context=context)


class RegisterMentorController(GatedSchoolController):
    path = "/school/ects/{api_id:str}/register-mentor"

    @get("/", sync_to_thread=True)
    def start(
        self,
        api_id: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        mentor_registrations: Registrations,
    ) -> Page:
        mentoring = _mentoring(
            api_id, school, school_home_reads, clock.today(), mentor_registrations
        )
        journey = register_mentor_journey(mentoring.api_id)
        journey.forget(request.session)
        return closed_page(mentor_registrations) or Redirect(journey.url(journey.first.name))

    @get("/no-trn", sync_to_thread=True)
    def no_trn(
        self,
        api_id: FromPath[str],
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
    ) -> Page:
        """What to do for a mentor without a TRN (§3.2 step 1)."""
        ect_api_id, ect = ect_seen_by(school, api_id, school_home_reads, clock.today())
        journey = register_mentor_journey(ect_api_id)
        context = {"ect": ect, "back": journey.url(journey.first.name)}
        return Template("schools/register_mentor/no_trn.html", context=context)

    @get("/confirmation", sync_to_thread=True)
    def confirmation(
        self, api_id: FromPath[str], request: Request[Any, Any, Any], school: School
    ) -> Page:
        return journey_pages.person_confirmation(
            request.session, DONE, "ect_api_id", api_id, "schools/register_mentor/confirmation.html"
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
        mentor_registrations: Registrations,
    ) -> Page:
        mentoring = _mentoring(
            api_id, school, school_home_reads, clock.today(), mentor_registrations
        )
        journey = register_mentor_journey(mentoring.api_id)
        closed = closed_page(mentor_registrations)
        return closed or journey_pages.show(journey, step, request.session, mentoring)

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
        mentor_registrations: Registrations,
        mentor_assignments: Assignments,
    ) -> Page:
        mentoring = _mentoring(
            api_id, school, school_home_reads, clock.today(), mentor_registrations
        )
        journey = register_mentor_journey(mentoring.api_id)
        closed = closed_page(mentor_registrations)
        if closed is not None:
            return closed
        if step == "check-answers":
            return _register(journey, request, mentoring)
        if step == "already-registered":
            return _assign_registered(journey, request, mentoring, mentor_assignments)
        try:
            return journey_pages.submit(journey, step, request.session, data, mentoring)
        except TeacherRecordUnavailable:
            context = {"try_again": journey.url(journey.first.name)}
            return Template(
                "schools/register_ect/trs_unavailable.html", context=context, status_code=503
            )


def _command(mentoring: Mentoring, answers: dict[str, Any]) -> RegisterMentor:
    start = answers.get("start_date")
    return RegisterMentor(
        school_id=mentoring.school.id,
        ect_api_id=mentoring.api_id,
        record=record_from_answers(answers["found"]),
        corrected_name=answers.get("corrected_name"),
        email=answers["email"],
        started_on=date.fromisoformat(start) if start else None,
        only_this_school=answers.get("only_this_school", "yes") == "yes",
        lead_provider_id=answers.get("lead_provider_id"),
    )


def _register(journey: Journey, request: Request[Any, Any, Any], mentoring: Mentoring) -> Page:
    """Check your answers confirmed: one service call, then the confirmation (§3.2 step 8)."""
    answers = journey.answers(request.session)
    if not journey.on_path("check-answers", answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    try:
        registered = mentoring.registrations.register_mentor(
            _command(mentoring, answers), mentoring.school.actor
        )
    except (RuleBroken, InvalidValue) as error:
        step = journey_pages.found_step(journey, "check-answers")
        errors = {"form": error.message}
        return journey_pages.render(journey, step, answers, mentoring, errors=errors)
    journey.forget(request.session)
    request.session[DONE] = {
        "ect_api_id": str(mentoring.api_id),
        "ect_name": mentoring.ect.name,
        "name": mentor_name(answers),
        "teacher_api_id": registered.teacher_api_id,
        "provider_led": registered.provider_led_training,
    }
    return Redirect(journey.url("confirmation"), status_code=303)


def _assign_registered(
    journey: Journey,
    request: Request[Any, Any, Any],
    mentoring: Mentoring,
    assignments: MentorAssignmentService,
) -> Page:
    """§3.2 step 2: the teacher already mentors at the school, so continuing only makes
    them the ECT's mentor: no new placement and no new training."""
    answers = journey.answers(request.session)
    if not journey.on_path("already-registered", answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    command = AssignMentor(
        school_id=mentoring.school.id,
        ect_api_id=mentoring.api_id,
        mentor_api_id=uuid.UUID(answers["mentor_api_id"]),
    )
    try:
        assigned = assignments.assign_mentor(command, mentoring.school.actor)
    except (RuleBroken, InvalidValue) as error:
        step = journey_pages.found_step(journey, "already-registered")
        errors = {"form": error.message}
        return journey_pages.render(journey, step, answers, mentoring, errors=errors)
    journey.forget(request.session)
    request.session[DONE] = {
        "ect_api_id": str(mentoring.api_id),
        "ect_name": assigned.ect_name,
        "name": assigned.mentor_name,
        "assigned_only": True,
    }
    return Redirect(journey.url("confirmation"), status_code=303)
