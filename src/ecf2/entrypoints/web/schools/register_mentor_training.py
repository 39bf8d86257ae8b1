"""Who trains a new mentor, the last questions of "register a new mentor"
(participants-and-schools §3.2 steps 6-7): none for a mentor not eligible for funding or
a school-led ECT; otherwise the ECT's lead provider is offered where it works in the
mentor's contract period, after the mentor's previous training is shown, or the school
chooses one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ecf2.domain.shared.identifiers import Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers
from ecf2.entrypoints.web.schools.register_ect_start_date import registration_open

if TYPE_CHECKING:
    from ecf2.entrypoints.web.schools.register_mentor_find import Mentoring

PROVIDER_LED = "provider_led"
# The answers a different route makes stale.
_TRAINING_ANSWERS = ("use_ect_lead_provider", "lead_provider_id", "previous_training_seen")


def started_on(answers: Answers) -> date | None:
    return date.fromisoformat(answers["start_date"]) if answers.get("start_date") else None


def lead_provider_options(mentoring: Mentoring, answers: Answers, day: date | None):
    return mentoring.registrations.lead_providers_for(mentoring.school.id, Trn(answers["trn"]), day)


def no_training() -> Answers:
    return {"training_route": "none"} | {key: FORGET for key in _TRAINING_ANSWERS}


def training_route(mentoring: Mentoring, answers: Answers, day: date | None) -> Answers:
    """Whether the mentor gets provider-led training and whether the ECT's lead provider
    works in the mentor's contract period; a changed route forgets the answers given on
    the old one."""
    training = mentoring.ect_training
    if not (answers.get("eligible") and training.provider_led):
        return no_training()
    options = lead_provider_options(mentoring, answers, day)
    route = {
        "training_route": PROVIDER_LED,
        "ect_lead_provider_valid": training.lead_provider_id in {lp.id for lp in options},
    }
    if all(answers.get(key) == value for key, value in route.items()):
        return route
    return route | {key: FORGET for key in _TRAINING_ANSWERS}


def offer_ect_lead_provider(answers: Answers, step: str) -> str:
    """The step offering the ECT's lead provider, or the choice of another when it does
    not work in the mentor's contract period."""
    if answers.get("training_route") != PROVIDER_LED:
        return "check-answers"
    return step if answers.get("ect_lead_provider_valid") else "lead-provider"


# The start date (§3.2 step 7).


def submit_start_date(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    day = forms.a_date(form, "start_date", "date they start mentoring at your school")
    trn = Trn(answers["trn"])
    school_id = mentoring.school.id
    if not registration_open(lambda: mentoring.registrations.check_start_date(school_id, trn, day)):
        return {"start_date": day.isoformat(), "not_open_yet": True}
    dated = {"start_date": day.isoformat(), "not_open_yet": FORGET}
    return dated | training_route(mentoring, answers, day)


def after_start_date(answers: Answers) -> str:
    if answers.get("not_open_yet"):
        return "cannot-register-yet"
    if answers.get("training_route") == PROVIDER_LED and answers.get("previously_trained"):
        return "previous-training"
    return offer_ect_lead_provider(answers, "programme-choices")


# The mentor's previous training, then the ECT's choices (§3.2 step 7).


def previous_training_page(answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    return {"previous": mentoring.registrations.previous_training(Trn(answers["trn"]))}


def submit_previous_training(_form: Form, _answers: Answers, _mentoring: Mentoring) -> Answers:
    return {"previous_training_seen": True}


def after_previous_training(answers: Answers) -> str:
    return offer_ect_lead_provider(answers, "programme-choices")


def use_ect_lead_provider(message: str):
    """Yes: the ECT's lead provider trains the mentor; no: the school chooses one."""

    def submit(form: Form, _answers: Answers, mentoring: Mentoring) -> Answers:
        keep = forms.choice(form, "use_ect_lead_provider", ("yes", "no"), message)
        if keep == "yes":
            chosen = mentoring.ect_training.lead_provider_id
            return {"use_ect_lead_provider": "yes", "lead_provider_id": chosen}
        return {"use_ect_lead_provider": "no", "lead_provider_id": FORGET}

    return submit


def after_use_ect_lead_provider(answers: Answers) -> str:
    return "check-answers" if answers["use_ect_lead_provider"] == "yes" else "lead-provider"


# Another lead provider.


def lead_providers(answers: Answers, mentoring: Mentoring) -> dict[str, Any]:
    options = lead_provider_options(mentoring, answers, started_on(answers))
    return {"lead_providers": options, "who": "mentor"}


def submit_lead_provider(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    allowed = [str(lp.id) for lp in lead_providers(answers, mentoring)["lead_providers"]]
    chosen = forms.choice(
        form, "lead_provider_id", allowed, "Select which lead provider will train them"
    )
    return {"lead_provider_id": int(chosen)}
