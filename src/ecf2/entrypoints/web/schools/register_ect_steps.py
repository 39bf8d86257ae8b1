"""The questions of "register an ECT", in order (participants-and-schools §3.1): each reads
its answer and asks the registration service whatever the answer needs checking against."""

from __future__ import annotations

from datetime import date
from typing import Any

from ecf2.domain.participants.ect_registration import corrected_name
from ecf2.domain.shared.errors import DomainError, InvalidValue
from ecf2.domain.shared.identifiers import Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Journey, Step
from ecf2.entrypoints.web.schools.register_ect_find import (
    Asking,
    after_lookup,
    ect_name,
    submit_find,
    submit_nino,
)
from ecf2.entrypoints.web.schools.register_ect_start_date import (
    CANNOT_REGISTER_YET,
    after_start_date,
    start_date_page,
    submit_start_date,
)

WORKING_PATTERNS = {"full_time": "Full-time", "part_time": "Part-time"}
PROGRAMMES = {"provider_led": "Provider-led", "school_led": "School-led"}


# Their details (steps 4-8).


def submit_review(form: Form, _answers: Answers, _asking: Asking) -> Answers:
    correct = forms.choice(
        form, "details_correct", ("yes", "no"), "Select if these details are correct"
    )
    if correct == "yes":
        return {"details_correct": "yes", "corrected_name": None}
    try:
        return {
            "details_correct": "no",
            "corrected_name": corrected_name(forms.text(form, "corrected_name")),
        }
    except InvalidValue as error:
        raise FormErrors.of("corrected_name", error.message) from None


def after_review(answers: Answers) -> str:
    return "registered-before" if answers.get("registered_before") else "email-address"


def submit_email(form: Form, answers: Answers, asking: Asking) -> Answers:
    email = forms.required(form, "email", "Enter the email address")
    try:
        return {"email": asking.registrations.check_email(Trn(answers["trn"]), email)}
    except DomainError as error:
        raise FormErrors.of("email", error.message) from None


def after_working_pattern(answers: Answers) -> str:
    return "use-previous-choices" if answers.get("previous_choices") else "appropriate-body"


def previous_choice_names(answers: Answers, asking: Asking) -> dict[str, Any]:
    previous = answers["previous_choices"]
    bodies = {b.id: b.name for b in appropriate_bodies(answers, asking)["bodies"]}
    names = {
        "previous_body": bodies.get(previous["appropriate_body_id"], ""),
        "previous_programme": PROGRAMMES[previous["training_programme"]],
    }
    if previous["lead_provider_id"] is not None:
        providers = {lp.id: lp.name for lp in lead_providers(answers, asking)["lead_providers"]}
        names["previous_lead_provider"] = providers.get(previous["lead_provider_id"], "")
    return names


def submit_use_previous(form: Form, answers: Answers, _asking: Asking) -> Answers:
    """Yes copies the last choices and goes to check your answers; no asks each one."""
    use = forms.choice(
        form, "use_previous", ("yes", "no"), "Select if you want to use these choices"
    )
    if use == "no":
        forgotten = ("appropriate_body_id", "training_programme", "lead_provider_id")
        return {"use_previous": "no", **{key: FORGET for key in forgotten}}
    previous = answers["previous_choices"]
    return {
        "use_previous": "yes",
        "appropriate_body_id": previous["appropriate_body_id"],
        "training_programme": previous["training_programme"],
        "lead_provider_id": previous["lead_provider_id"],
    }


def after_use_previous(answers: Answers) -> str:
    return "check-answers" if answers["use_previous"] == "yes" else "appropriate-body"


def submit_working_pattern(form: Form, _answers: Answers, _asking: Asking) -> Answers:
    pattern = forms.choice(
        form, "working_pattern", WORKING_PATTERNS, "Select if they work full-time or part-time"
    )
    return {"working_pattern": pattern}


# Their induction and training (steps 10-11).


def appropriate_bodies(_answers: Answers, asking: Asking) -> dict[str, Any]:
    return {"bodies": asking.registrations.appropriate_bodies_for(asking.school.id)}


def submit_appropriate_body(form: Form, answers: Answers, asking: Asking) -> Answers:
    allowed = [str(body.id) for body in appropriate_bodies(answers, asking)["bodies"]]
    chosen = forms.choice(
        form,
        "appropriate_body_id",
        allowed,
        "Select which appropriate body will record their induction",
    )
    return {"appropriate_body_id": int(chosen)}


def submit_programme(form: Form, _answers: Answers, _asking: Asking) -> Answers:
    programme = forms.choice(
        form, "training_programme", PROGRAMMES, "Select which training programme they will follow"
    )
    return {"training_programme": programme}


def after_programme(answers: Answers) -> str:
    return "lead-provider" if answers["training_programme"] == "provider_led" else "check-answers"


def lead_providers(answers: Answers, asking: Asking) -> dict[str, Any]:
    started_on = date.fromisoformat(answers["start_date"])
    trn = Trn(answers["trn"])
    return {"lead_providers": asking.registrations.lead_providers_for(trn, started_on)}


def submit_lead_provider(form: Form, answers: Answers, asking: Asking) -> Answers:
    allowed = [str(lp.id) for lp in lead_providers(answers, asking)["lead_providers"]]
    chosen = forms.choice(
        form, "lead_provider_id", allowed, "Select which lead provider will train them"
    )
    return {"lead_provider_id": int(chosen)}


def chosen_names(answers: Answers, asking: Asking) -> dict[str, Any]:
    """Check your answers names the appropriate body and lead provider chosen."""
    bodies = {b.id: b.name for b in appropriate_bodies(answers, asking)["bodies"]}
    names = {"appropriate_body": bodies.get(answers.get("appropriate_body_id"), "")}
    if answers.get("training_programme") == "provider_led":
        providers = {lp.id: lp.name for lp in lead_providers(answers, asking)["lead_providers"]}
        names["lead_provider"] = providers.get(answers.get("lead_provider_id"), "")
    return names | start_date_page(answers, asking) | {"ect_name": ect_name(answers)}


def _template(name: str) -> str:
    return f"schools/register_ect/{name}.html"


STEPS = (
    Step(
        "find-ect",
        _template("find_ect"),
        keys=("trn", "date_of_birth", "lookup"),
        submit=submit_find,
        next=after_lookup,
        forgets_later=True,
    ),
    Step(
        "national-insurance-number",
        _template("national_insurance_number"),
        keys=("nino_lookup",),
        submit=submit_nino,
        next=after_lookup,
    ),
    Step("not-found", _template("not_found")),
    Step("cannot-register", _template("cannot_register")),
    Step(
        "review-details",
        _template("review_details"),
        keys=("details_correct",),
        submit=submit_review,
        next=after_review,
    ),
    Step(
        "registered-before",
        _template("registered_before"),
        keys=("registered_before_seen",),
        submit=lambda _form, _answers, _asking: {"registered_before_seen": True},
        next=lambda _answers: "email-address",
    ),
    Step(
        "email-address",
        _template("email_address"),
        keys=("email",),
        submit=submit_email,
        next=lambda _answers: "start-date",
    ),
    Step(
        "start-date",
        _template("start_date"),
        keys=("start_date",),
        submit=submit_start_date,
        next=after_start_date,
    ),
    Step("cannot-register-yet", CANNOT_REGISTER_YET, page=start_date_page),
    Step(
        "working-pattern",
        _template("working_pattern"),
        keys=("working_pattern",),
        submit=submit_working_pattern,
        next=after_working_pattern,
    ),
    Step(
        "use-previous-choices",
        _template("use_previous_choices"),
        keys=("use_previous",),
        submit=submit_use_previous,
        next=after_use_previous,
        page=previous_choice_names,
    ),
    Step(
        "appropriate-body",
        _template("appropriate_body"),
        keys=("appropriate_body_id",),
        submit=submit_appropriate_body,
        next=lambda _answers: "training-programme",
        page=appropriate_bodies,
    ),
    Step(
        "training-programme",
        _template("training_programme"),
        keys=("training_programme",),
        submit=submit_programme,
        next=after_programme,
    ),
    Step(
        "lead-provider",
        _template("lead_provider"),
        keys=("lead_provider_id",),
        submit=submit_lead_provider,
        next=lambda _answers: "check-answers",
        page=lead_providers,
    ),
    Step("check-answers", _template("check_answers"), page=chosen_names),
)

REGISTER_ECT = Journey("register_ect", "/school/register-ect", STEPS)
