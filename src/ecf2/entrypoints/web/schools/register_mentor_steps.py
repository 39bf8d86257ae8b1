"""The questions of "register a new mentor" for one ECT, in order (participants-and-schools
§3.2): find them, check their details and email, then only the questions their history as
a mentor and the ECT's training lead to."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import attrs

from ecf2.adapters.db.queries.school_views import EctAtSchool
from ecf2.domain.participants.mentor_registration import MentorHistory
from ecf2.domain.participants.register_ect_commands import DateOfBirthDoesNotMatch
from ecf2.domain.participants.register_mentor import MentorRegistrationService
from ecf2.domain.participants.register_mentor_commands import EctTraining
from ecf2.domain.shared.errors import DomainError, NotFound
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Journey, Step
from ecf2.entrypoints.web.schools.access import SignedInSchool
from ecf2.entrypoints.web.schools.register_ect_find import (
    after_lookup,
    read_trn_and_date_of_birth,
    record_to_answers,
)
from ecf2.entrypoints.web.schools.register_ect_steps import submit_review


@attrs.frozen
class Mentoring:
    """Who asks, for which ECT, and the service to check each answer with."""

    school: SignedInSchool
    ect: EctAtSchool
    api_id: uuid.UUID
    registrations: MentorRegistrationService
    ect_training: EctTraining


# Find the mentor (§3.2 steps 1-3).


def _lookup(mentoring: Mentoring, answers: Answers, nino: NationalInsuranceNumber | None):
    trn, born = Trn(answers["trn"]), date.fromisoformat(answers["date_of_birth"])
    try:
        found = mentoring.registrations.find_mentor(
            mentoring.school.id, mentoring.api_id, trn, born, nino
        )
    except DateOfBirthDoesNotMatch:
        return {"lookup": "nino_needed", "found": None, "block": None}
    except NotFound:
        return {"lookup": "not_found", "found": None, "block": None}
    return {
        "lookup": "found",
        "found": record_to_answers(found.record),
        "block": None if found.block is None else str(found.block),
        "history": str(found.history),
        "eligible": found.eligible_for_funding,
    }


def submit_find(form: Form, _answers: Answers, mentoring: Mentoring) -> Answers:
    answers = read_trn_and_date_of_birth(form)
    return answers | _lookup(mentoring, answers, None)


def submit_nino(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    raw = forms.required(form, "national_insurance_number", "Enter the National Insurance number")
    nino = NationalInsuranceNumber(raw)
    found = _lookup(mentoring, answers, nino)
    return found | {"national_insurance_number": nino.value, "nino_lookup": found["lookup"]}


# Their email, then the questions their history leads to (§3.2 steps 5-7).


def submit_email(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    email = forms.required(form, "email", "Enter the email address")
    try:
        address = mentoring.registrations.check_email(Trn(answers["trn"]), email)
    except DomainError as error:
        raise FormErrors.of("email", error.message) from None
    new: Answers = {"email": address}
    if answers.get("history") == MentorHistory.NEVER_A_MENTOR:
        new |= _training_route(mentoring, answers, None)
    return new


def after_email(answers: Answers) -> str:
    history = answers.get("history")
    if history == MentorHistory.MENTOR_ELSEWHERE:
        return "only-this-school"
    if history == MentorHistory.PREVIOUSLY_A_MENTOR:
        return "start-date"
    return _after_dates(answers)


def submit_only_here(form: Form, answers: Answers, _mentoring: Mentoring) -> Answers:
    only = forms.choice(
        form,
        "only_this_school",
        ("yes", "no"),
        "Select if they will be mentoring at your school only",
    )
    if only == "no":
        # Mentoring at several schools: no start date asked and no training here (§3.2.6).
        return {"only_this_school": "no", "start_date": FORGET, "training_route": "none"}
    return {"only_this_school": "yes"}


def after_only_here(answers: Answers) -> str:
    return "start-date" if answers["only_this_school"] == "yes" else "check-answers"


def submit_start_date(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    started_on = forms.a_date(form, "start_date", "date they start mentoring at your school")
    try:
        mentoring.registrations.check_start_date(
            mentoring.school.id, Trn(answers["trn"]), started_on
        )
    except DomainError as error:
        raise FormErrors.of("start_date", error.message) from None
    return {"start_date": started_on.isoformat()} | _training_route(mentoring, answers, started_on)


def _training_route(mentoring: Mentoring, answers: Answers, started_on: date | None) -> Answers:
    """§3.2 steps 6-7: no training for an ineligible mentor or a school-led ECT; else the
    ECT's lead provider is offered when it works in the mentor's contract period, or the
    school chooses one."""
    training = mentoring.ect_training
    if not (answers.get("eligible") and training.provider_led):
        return {"training_route": "none", "lead_provider_id": FORGET}
    options = _lead_provider_options(mentoring, answers, started_on)
    offered = training.lead_provider_id in {option.id for option in options}
    return {"training_route": "offer_ect_lead_provider" if offered else "choose"}


def _lead_provider_options(mentoring: Mentoring, answers: Answers, started_on: date | None):
    return mentoring.registrations.lead_providers_for(
        mentoring.school.id, Trn(answers["trn"]), started_on
    )


def _after_dates(answers: Answers) -> str:
    route = answers.get("training_route")
    if route == "offer_ect_lead_provider":
        return "funded-training"
    return "lead-provider" if route == "choose" else "check-answers"


def submit_funded_training(form: Form, _answers: Answers, mentoring: Mentoring) -> Answers:
    keep = forms.choice(
        form,
        "use_ect_lead_provider",
        ("yes", "no"),
        "Select if they will train with the ECT's lead provider",
    )
    if keep == "yes":
        return {
            "use_ect_lead_provider": "yes",
            "lead_provider_id": mentoring.ect_training.lead_provider_id,
        }
    return {"use_ect_lead_provider": "no", "lead_provider_id": FORGET}


def after_funded_training(answers: Answers) -> str:
    return "check-answers" if answers["use_ect_lead_provider"] == "yes" else "lead-provider"


def _started_on(answers: Answers) -> date | None:
    return date.fromisoformat(answers["start_date"]) if answers.get("start_date") else None


def lead_providers(answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    options = _lead_provider_options(mentoring, answers, _started_on(answers))
    return {"lead_providers": options, "who": "mentor"}


def submit_lead_provider(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    allowed = [str(lp.id) for lp in lead_providers(answers, mentoring)["lead_providers"]]
    chosen = forms.choice(
        form, "lead_provider_id", allowed, "Select which lead provider will train them"
    )
    return {"lead_provider_id": int(chosen)}


# What the pages show besides the answers.


def about(_answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    return {
        "who": "mentor",
        "ect": mentoring.ect,
        "ect_training": mentoring.ect_training,
        "find_title": f"Find a mentor for {mentoring.ect.name}",
        "try_again": f"/school/ects/{mentoring.api_id}/register-mentor/find-mentor",
    }


def mentor_name(answers: Answers) -> str:
    found = answers["found"]
    return answers.get("corrected_name") or f"{found['first_name']} {found['last_name']}"


def check_answers_page(answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    chosen = answers.get("lead_provider_id")
    names = {}
    if chosen is not None:
        options = _lead_provider_options(mentoring, answers, _started_on(answers))
        names = {lp.id: lp.name for lp in options}
    started_on = _started_on(answers)
    return about(answers, mentoring) | {
        "mentor_name": mentor_name(answers),
        "lead_provider": names.get(chosen),
        "start_date_text": None if started_on is None else f"{started_on.day} {started_on:%B %Y}",
    }


def _ect_template(name: str) -> str:
    return f"schools/register_ect/{name}.html"


def _template(name: str) -> str:
    return f"schools/register_mentor/{name}.html"


STEPS = (
    Step(
        "find-mentor",
        _ect_template("find_ect"),
        keys=("trn", "date_of_birth", "lookup"),
        submit=submit_find,
        next=after_lookup,
        page=about,
        forgets_later=True,
    ),
    Step(
        "national-insurance-number",
        _ect_template("national_insurance_number"),
        keys=("nino_lookup",),
        submit=submit_nino,
        next=after_lookup,
        page=about,
    ),
    Step("not-found", _ect_template("not_found"), page=about),
    Step("cannot-register", _template("cannot_register"), page=about),
    Step(
        "review-details",
        _ect_template("review_details"),
        keys=("details_correct",),
        submit=submit_review,
        next=lambda _answers: "email-address",
        page=about,
    ),
    Step(
        "email-address",
        _ect_template("email_address"),
        keys=("email",),
        submit=submit_email,
        next=after_email,
        page=about,
    ),
    Step(
        "only-this-school",
        _template("only_this_school"),
        keys=("only_this_school",),
        submit=submit_only_here,
        next=after_only_here,
        page=about,
    ),
    Step(
        "start-date",
        _template("start_date"),
        keys=("start_date",),
        submit=submit_start_date,
        next=_after_dates,
        page=about,
    ),
    Step(
        "funded-training",
        _template("funded_training"),
        keys=("use_ect_lead_provider",),
        submit=submit_funded_training,
        next=after_funded_training,
        page=about,
    ),
    Step(
        "lead-provider",
        _ect_template("lead_provider"),
        keys=("lead_provider_id",),
        submit=submit_lead_provider,
        next=lambda _answers: "check-answers",
        page=lead_providers,
    ),
    Step("check-answers", _template("check_answers"), page=check_answers_page),
)


def register_mentor_journey(api_id: uuid.UUID) -> Journey:
    return Journey(f"register_mentor_{api_id}", f"/school/ects/{api_id}/register-mentor", STEPS)
