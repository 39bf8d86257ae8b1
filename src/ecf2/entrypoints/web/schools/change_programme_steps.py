"""The questions of changing an ECT's training programme (participants-and-schools §3.6):
the programme, then for provider-led training the lead provider, then check your answers.
Closed while registration is, each June (§2.8)."""

from __future__ import annotations

from typing import Any

from ecf2.domain.participants.training_programme import PROGRAMME_WORDS
from ecf2.domain.participants.values import TrainingProgramme
from ecf2.domain.shared.errors import RuleBroken
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers
from ecf2.entrypoints.web.schools.change_steps_kit import CHECK, Row, person_page, question

LEAD_PROVIDER_STEP = "programme-lead-provider"
PROGRAMMES = {str(programme): words for programme, words in PROGRAMME_WORDS.items()}


def _programme_page(answers: Answers, changing: Any) -> dict[str, Any]:
    closed = changing.programmes.changes_closed()
    return {**person_page(answers, changing), "programmes": PROGRAMMES, "closed": closed}


def submit_programme(form: Form, _answers: Answers, changing: Any) -> Answers:
    if changing.programmes.changes_closed() is not None:
        raise FormErrors.of(
            "training_programme", "Training programmes cannot be changed until registration opens"
        )
    chosen = forms.choice(form, "training_programme", PROGRAMMES, "Select the training programme")
    programme = changing.programmes.check_programme(changing.school.id, changing.api_id, chosen)
    if programme is TrainingProgramme.SCHOOL_LED:
        return {
            "training_programme": str(programme),
            "programme_lead_provider_id": FORGET,
            "programme_lead_provider": FORGET,
        }
    return {"training_programme": str(programme)}


def _after_programme(answers: Answers) -> str:
    return LEAD_PROVIDER_STEP if answers["training_programme"] == "provider_led" else CHECK


def _providers_page(answers: Answers, changing: Any) -> dict[str, Any]:
    providers = changing.programmes.lead_providers_for(changing.school.id, changing.api_id)
    return {**person_page(answers, changing), "providers": providers}


def submit_lead_provider(form: Form, _answers: Answers, changing: Any) -> Answers:
    chosen = forms.text(form, "programme_lead_provider_id")
    if not chosen.isdigit():
        raise FormErrors.of("programme_lead_provider_id", "Select the lead provider")
    try:
        provider = changing.programmes.check_lead_provider(
            changing.school.id, changing.api_id, int(chosen)
        )
    except RuleBroken as error:
        raise FormErrors.of("programme_lead_provider_id", error.message) from None
    return {"programme_lead_provider_id": provider.id, "programme_lead_provider": provider.name}


def programme_shown(answers: Answers) -> str:
    words = PROGRAMMES[answers["training_programme"]]
    provider = answers.get("programme_lead_provider")
    return f"{words.lower()} with {provider}" if provider else words.lower()


PROGRAMME_DETAIL_STEPS = (
    question(
        "training-programme",
        "training_programme",
        submit_programme,
        next=_after_programme,
        page=_programme_page,
    ),
    question(
        LEAD_PROVIDER_STEP,
        "programme_lead_provider_id",
        submit_lead_provider,
        page=_providers_page,
    ),
)
PROGRAMME_ROWS = (
    Row("Training programme", "training_programme", "training-programme"),
    Row("Lead provider", "programme_lead_provider", LEAD_PROVIDER_STEP),
)
