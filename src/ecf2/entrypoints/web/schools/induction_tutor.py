"""Confirming or changing the school's induction tutor for the contract period
(participants-and-schools §3.9): is the current tutor still the tutor, or who is it now,
check your answers, one service call. A school with no tutor yet goes straight to naming
one. The yearly gate (§2.8) sends school users here."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect, Template

from ecf2.adapters.db.queries.induction_tutor import InductionTutorStatus, SqlInductionTutorReads
from ecf2.domain.participants.induction_tutor import InductionTutor, InductionTutorService
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import DomainError
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Journey, Step
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import (
    SCHOOL_DEPENDENCIES,
    SCHOOL_GUARDS,
    SignedInSchool,
)
from ecf2.entrypoints.web.schools.tutor_gate import INDUCTION_TUTOR_HOME

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Reads = NamedDependency[SqlInductionTutorReads]
Tutors = NamedDependency[InductionTutorService]
InjectedClock = NamedDependency[SkipValidation[Clock]]
DONE = "induction_tutor_done"


@attrs.frozen
class Nominating:
    school: SignedInSchool
    status: InductionTutorStatus
    tutors: InductionTutorService


def submit_still_tutor(form: Form, _answers: Answers, nominating: Nominating) -> Answers:
    name = nominating.status.name
    still = forms.choice(
        form, "still_tutor", ("yes", "no"), f"Select yes if {name} is still your induction tutor"
    )
    if still == "yes":
        return {"still_tutor": still, "name": FORGET, "email": FORGET}
    return {"still_tutor": still}


def submit_new_tutor(form: Form, _answers: Answers, nominating: Nominating) -> Answers:
    errors: dict[str, str] = {}
    name, email = forms.text(form, "name"), forms.text(form, "email")
    for field, check in (("name", _name_error), ("email", _email_error)):
        message = check(name if field == "name" else email)
        if message:
            errors[field] = message
    if errors:
        raise FormErrors(errors)
    tutor = InductionTutor.given(name, email)
    status = nominating.status
    if tutor.same_as(status.name, status.email):
        raise FormErrors.of(
            "name", "Change the name or email address, or go back and confirm the current tutor"
        )
    return {"name": tutor.name, "email": tutor.email}


def _name_error(name: str) -> str | None:
    return _message_of(lambda: InductionTutor.given(name, "a@example.com"))


def _email_error(email: str) -> str | None:
    return _message_of(lambda: InductionTutor.given("A", email))


def _message_of(check: Any) -> str | None:
    try:
        check()
    except DomainError as error:
        return error.message
    return None


def _period_text(nominating: Nominating) -> str:
    year = nominating.status.contract_period_year
    return "this year" if year is None else f"{year} to {year + 1}"


def _confirm_page(_answers: Answers, nominating: Nominating) -> dict[str, Any]:
    return {"tutor": nominating.status, "period_text": _period_text(nominating)}


def _check_page(answers: Answers, nominating: Nominating) -> dict[str, Any]:
    changing = answers.get("still_tutor") != "yes"
    shown = (
        answers if changing else {"name": nominating.status.name, "email": nominating.status.email}
    )
    return {
        "shown": shown,
        "period_text": _period_text(nominating),
        "change_step": "new-tutor" if changing else "confirm",
    }


CHECK = Step("check-answers", "schools/induction_tutor/check_answers.html", page=_check_page)
NEW_TUTOR = Step(
    "new-tutor",
    "schools/induction_tutor/new_tutor.html",
    keys=("name", "email"),
    submit=submit_new_tutor,
    next=lambda _answers: "check-answers",
)
CONFIRM = Step(
    "confirm",
    "schools/induction_tutor/confirm.html",
    keys=("still_tutor",),
    submit=submit_still_tutor,
    next=lambda answers: "check-answers" if answers["still_tutor"] == "yes" else "new-tutor",
    page=_confirm_page,
)


def tutor_journey(status: InductionTutorStatus) -> Journey:
    """A school with a tutor is asked whether they still are; one without names one."""
    steps = (CONFIRM, NEW_TUTOR, CHECK) if status.known else (NEW_TUTOR, CHECK)
    return Journey("induction_tutor", INDUCTION_TUTOR_HOME, steps)


def _nominating(school: SignedInSchool, reads: Any, clock: Clock, tutors: Any) -> Nominating:
    return Nominating(school, reads.status(school.id, clock.today()), tutors)


class InductionTutorController(Controller):
    path = INDUCTION_TUTOR_HOME
    guards = SCHOOL_GUARDS
    dependencies = SCHOOL_DEPENDENCIES
    include_in_schema = False

    @get("/", sync_to_thread=True)
    def start(
        self,
        request: Request[Any, Any, Any],
        school: School,
        induction_tutor_reads: Reads,
        clock: InjectedClock,
        induction_tutors: Tutors,
    ) -> Redirect:
        nominating = _nominating(school, induction_tutor_reads, clock, induction_tutors)
        journey = tutor_journey(nominating.status)
        journey.forget(request.session)
        return Redirect(journey.url(journey.first.name))

    @get("/confirmation", sync_to_thread=False)
    def confirmation(self, request: Request[Any, Any, Any], school: School) -> Page:
        done = request.session.get(DONE)
        if not isinstance(done, dict) or done.get("school_id") != school.id:
            return Redirect(INDUCTION_TUTOR_HOME)
        return Template("schools/induction_tutor/confirmation.html", context={"done": done})

    @get("/{step:str}", sync_to_thread=True)
    def show(
        self,
        step: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
        induction_tutor_reads: Reads,
        clock: InjectedClock,
        induction_tutors: Tutors,
    ) -> Page:
        nominating = _nominating(school, induction_tutor_reads, clock, induction_tutors)
        journey = tutor_journey(nominating.status)
        return journey_pages.show(journey, step, request.session, nominating)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Body,
        school: School,
        induction_tutor_reads: Reads,
        clock: InjectedClock,
        induction_tutors: Tutors,
    ) -> Page:
        nominating = _nominating(school, induction_tutor_reads, clock, induction_tutors)
        journey = tutor_journey(nominating.status)
        if step != "check-answers":
            return journey_pages.submit(journey, step, request.session, data, nominating)
        return _confirm(journey, request, nominating)


def _confirm(journey: Journey, request: Request[Any, Any, Any], nominating: Nominating) -> Page:
    answers = journey.answers(request.session)
    if not journey.on_path("check-answers", answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    changing = answers.get("still_tutor") != "yes"
    new_tutor = InductionTutor(answers["name"], answers["email"]) if changing else None
    school = nominating.school
    try:
        confirmed = nominating.tutors.confirm_induction_tutor(school.id, school.actor, new_tutor)
    except DomainError as error:
        step = journey_pages.found_step(journey, "check-answers")
        return journey_pages.render(
            journey, step, answers, nominating, errors={"form": error.message}
        )
    journey.forget(request.session)
    request.session[DONE] = {
        "school_id": school.id,
        "name": confirmed.name,
        "email": confirmed.email,
        "changed": confirmed.changed,
        "period": f"{confirmed.contract_period_year} to {confirmed.contract_period_year + 1}",
    }
    return Redirect(f"{INDUCTION_TUTOR_HOME}/confirmation", status_code=303)
