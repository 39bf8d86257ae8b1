"""The questions of "register a new mentor" for one ECT, in order (participants-and-schools
§3.2): find them, check their details and email, then only the questions their history as
a mentor and the ECT's training lead to."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from ecf2.domain.participants.mentor_registration import MentorHistory
from ecf2.domain.shared.errors import DomainError
from ecf2.domain.shared.identifiers import Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Journey, Step
from ecf2.entrypoints.web.schools.register_ect_start_date import (
    CANNOT_REGISTER_YET,
    start_date_page,
)
from ecf2.entrypoints.web.schools.register_ect_steps import submit_review
from ecf2.entrypoints.web.schools.register_mentor_find import (
    Mentoring,
    after_mentor_lookup,
    submit_find,
    submit_nino,
)
from ecf2.entrypoints.web.schools.register_mentor_training import (
    after_previous_training,
    after_start_date,
    after_use_ect_lead_provider,
    lead_provider_options,
    lead_providers,
    no_training,
    offer_ect_lead_provider,
    previous_training_page,
    started_on,
    submit_lead_provider,
    submit_previous_training,
    submit_start_date,
    training_route,
    use_ect_lead_provider,
)

# Their email, then the questions their history leads to (§3.2 steps 5-7).


def submit_email(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    email = forms.required(form, "email", "Enter the email address")
    try:
        address = mentoring.registrations.check_email(Trn(answers["trn"]), email)
    except DomainError as error:
        raise FormErrors.of("email", error.message) from None
    new: Answers = {"email": address}
    if answers.get("history") == MentorHistory.NEVER_A_MENTOR:
        # §3.2 step 6: they start today, so their contract period is today's.
        new |= training_route(mentoring, answers, None)
    return new


def after_email(answers: Answers) -> str:
    history = answers.get("history")
    if history == MentorHistory.MENTOR_ELSEWHERE:
        return "only-this-school"
    if history == MentorHistory.PREVIOUSLY_A_MENTOR:
        return "start-date"
    return offer_ect_lead_provider(answers, "funded-training")


def submit_only_here(form: Form, _answers: Answers, _mentoring: Mentoring) -> Answers:
    only = forms.choice(
        form,
        "only_this_school",
        ("yes", "no"),
        "Select if they will be mentoring at your school only",
    )
    if only == "no":
        # Mentoring at several schools: no start date asked and no training here (§3.2.6).
        dropped = {"start_date": FORGET, "not_open_yet": FORGET}
        return {"only_this_school": "no"} | dropped | no_training()
    return {"only_this_school": "yes"}


def after_only_here(answers: Answers) -> str:
    return "start-date" if answers["only_this_school"] == "yes" else "check-answers"


# What the pages show besides the answers.


def about(_answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    return {
        "who": "mentor",
        "ect": mentoring.ect,
        "ect_training": mentoring.ect_training,
        "find_title": f"Find a mentor for {mentoring.ect.name}",
        "try_again": f"/school/ects/{mentoring.api_id}/register-mentor/find-mentor",
        "no_trn_url": f"/school/ects/{mentoring.api_id}/register-mentor/no-trn",
    }


def mentor_name(answers: Answers) -> str:
    found = answers["found"]
    return answers.get("corrected_name") or f"{found['first_name']} {found['last_name']}"


def _and_about(page: Callable[[Answers, Mentoring], dict[str, Any]]):
    return lambda answers, mentoring: about(answers, mentoring) | page(answers, mentoring)


def check_answers_page(answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    chosen = answers.get("lead_provider_id")
    names = {}
    if chosen is not None:
        options = lead_provider_options(mentoring, answers, started_on(answers))
        names = {lp.id: lp.name for lp in options}
    return (
        about(answers, mentoring)
        | start_date_page(answers, mentoring)
        | training_change_steps(answers, mentoring)
        | {"mentor_name": mentor_name(answers), "lead_provider": names.get(chosen)}
    )


def training_change_steps(answers: Answers, mentoring: Mentoring) -> dict[str, str | None]:
    """Where check your answers changes the training answers: the question that asked
    whether to keep the ECT's lead provider, and the one that chose the lead provider,
    which is that same question when the answer was yes (§3.2 step 7)."""
    asked = {step.name for step in register_mentor_journey(mentoring.api_id).path(answers)}
    choice_step = next((name for name in _ECT_CHOICE_STEPS if name in asked), None)
    lead_provider_step = "lead-provider" if "lead-provider" in asked else choice_step
    return {"choice_step": choice_step, "lead_provider_step": lead_provider_step}


# The questions offering the ECT's lead provider: before the start date for a mentor new to
# mentoring, after it for the others.
_ECT_CHOICE_STEPS = ("funded-training", "programme-choices")


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
        next=after_mentor_lookup,
        page=about,
        forgets_later=True,
    ),
    Step(
        "national-insurance-number",
        _ect_template("national_insurance_number"),
        keys=("nino_lookup",),
        submit=submit_nino,
        next=after_mentor_lookup,
        page=about,
    ),
    Step("not-found", _ect_template("not_found"), page=about),
    Step("cannot-register", _template("cannot_register"), page=about),
    # Answered by assigning the mentor, in the controller (§3.2 step 2).
    Step("already-registered", _template("already_registered"), page=about),
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
        next=after_start_date,
        page=about,
    ),
    Step(
        "cannot-register-yet",
        CANNOT_REGISTER_YET,
        page=_and_about(start_date_page),
    ),
    Step(
        "funded-training",
        _template("funded_training"),
        keys=("use_ect_lead_provider",),
        submit=use_ect_lead_provider("Select if they will train with the ECT's lead provider"),
        next=after_use_ect_lead_provider,
        page=about,
    ),
    Step(
        "previous-training",
        _template("previous_training"),
        keys=("previous_training_seen",),
        submit=submit_previous_training,
        next=after_previous_training,
        page=_and_about(previous_training_page),
    ),
    Step(
        "programme-choices",
        _template("programme_choices"),
        keys=("use_ect_lead_provider",),
        submit=use_ect_lead_provider(
            "Select if they will use the same programme choices as the ECT"
        ),
        next=after_use_ect_lead_provider,
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
