"""The questions of "assign a mentor" and "change mentor" for one ECT
(participants-and-schools §3.3): which of the school's mentors, then, where it applies, the
eligibility step for the mentor's funded training, and check your answers."""

from __future__ import annotations

import uuid
from typing import Any

import attrs

from ecf2.adapters.db.queries.school_views import EctAtSchool, MentorAtSchool
from ecf2.domain.participants.mentor_assignment import MentorAssignmentService
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Journey, Step
from ecf2.entrypoints.web.schools.access import SignedInSchool

NEW_MENTOR = "new"


@attrs.frozen
class Assigning:
    school: SignedInSchool
    ect: EctAtSchool
    api_id: uuid.UUID
    assignments: MentorAssignmentService
    # The school's mentors with no leaving date, but the ECT and their current mentor.
    mentors: tuple[MentorAtSchool, ...]


def mentor_choices(ect: EctAtSchool, mentors: list[MentorAtSchool]) -> tuple[MentorAtSchool, ...]:
    current = ect.mentor.api_id if ect.mentor else None
    return tuple(
        m for m in mentors if m.finished_on is None and m.api_id not in (ect.api_id, current)
    )


def submit_choice(form: Form, _answers: Answers, assigning: Assigning) -> Answers:
    by_id = {str(m.api_id): m for m in assigning.mentors}
    chosen = forms.choice(form, "mentor_api_id", by_id, "Select a mentor")
    offered = assigning.assignments.eligibility_step(
        assigning.school.id, assigning.api_id, uuid.UUID(chosen)
    )
    return {
        "mentor_api_id": chosen,
        "mentor_name": by_id[chosen].name,
        "offer_training": offered is not None,
        "ect_lead_provider_id": None if offered is None else offered.lead_provider_id,
        "ect_lead_provider_name": None if offered is None else offered.lead_provider_name,
        "use_ect_lead_provider": FORGET,
        "lead_provider_id": FORGET,
    }


def after_choice(answers: Answers) -> str:
    return "funded-training" if answers["offer_training"] else "check-answers"


def submit_funded_training(form: Form, answers: Answers, _assigning: Assigning) -> Answers:
    keep = forms.choice(
        form,
        "use_ect_lead_provider",
        ("yes", "no"),
        "Select if they will train with the ECT's lead provider",
    )
    if keep == "yes":
        return {"use_ect_lead_provider": "yes", "lead_provider_id": answers["ect_lead_provider_id"]}
    return {"use_ect_lead_provider": "no", "lead_provider_id": FORGET}


def after_funded_training(answers: Answers) -> str:
    return "check-answers" if answers["use_ect_lead_provider"] == "yes" else "lead-provider"


def lead_providers(_answers: Answers, assigning: Assigning) -> dict[str, Any]:
    options = assigning.assignments.lead_providers_for(assigning.school.id, assigning.api_id)
    return {"lead_providers": options, "who": "mentor"}


def submit_lead_provider(form: Form, answers: Answers, assigning: Assigning) -> Answers:
    allowed = [str(lp.id) for lp in lead_providers(answers, assigning)["lead_providers"]]
    chosen = forms.choice(
        form, "lead_provider_id", allowed, "Select which lead provider will train them"
    )
    return {"lead_provider_id": int(chosen)}


def about(answers: Answers, assigning: Assigning) -> dict[str, Any]:
    training = {
        "provider_led": True,
        "lead_provider_id": answers.get("ect_lead_provider_id"),
        "lead_provider_name": answers.get("ect_lead_provider_name"),
    }
    return {
        "ect": assigning.ect,
        "mentors": assigning.mentors,
        "ect_training": training,
        "changing": assigning.ect.mentor is not None,
    }


def check_answers_page(answers: Answers, assigning: Assigning) -> dict[str, Any]:
    names = {}
    if answers.get("lead_provider_id") is not None:
        names = {lp.id: lp.name for lp in lead_providers(answers, assigning)["lead_providers"]}
    return about(answers, assigning) | {"lead_provider": names.get(answers.get("lead_provider_id"))}


STEPS = (
    Step(
        "choose-mentor",
        "schools/assign_mentor/choose_mentor.html",
        keys=("mentor_api_id",),
        submit=submit_choice,
        next=after_choice,
        page=about,
    ),
    Step(
        "funded-training",
        "schools/register_mentor/funded_training.html",
        keys=("use_ect_lead_provider",),
        submit=submit_funded_training,
        next=after_funded_training,
        page=about,
    ),
    Step(
        "lead-provider",
        "schools/register_ect/lead_provider.html",
        keys=("lead_provider_id",),
        submit=submit_lead_provider,
        next=lambda _answers: "check-answers",
        page=lead_providers,
    ),
    Step("check-answers", "schools/assign_mentor/check_answers.html", page=check_answers_page),
)


def assign_mentor_journey(api_id: uuid.UUID) -> Journey:
    return Journey(f"assign_mentor_{api_id}", f"/school/ects/{api_id}/mentor", STEPS)
