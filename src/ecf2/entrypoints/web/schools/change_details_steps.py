"""The questions of the "change details" journeys from an ECT's or a mentor's page
(participants-and-schools §3.4-§3.6): one journey per detail, each ending in check your
answers. The name, email and lead provider journeys serve ECTs and mentors alike."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import attrs

from ecf2.adapters.db.queries.schools import EctAtSchool, MentorAtSchool
from ecf2.domain.participants.change_lead_provider import LeadProviderChangeService
from ecf2.domain.participants.change_person_details import PersonDetailsService
from ecf2.domain.participants.change_training_programme import EctProgrammeService
from ecf2.domain.participants.ect_details import new_working_pattern
from ecf2.domain.shared.errors import RuleBroken
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import Answers, Journey, Step
from ecf2.entrypoints.web.schools.access import SignedInSchool
from ecf2.entrypoints.web.schools.change_programme_steps import (
    PROGRAMME_DETAIL_STEPS,
    PROGRAMME_ROWS,
    programme_shown,
)
from ecf2.entrypoints.web.schools.change_steps_kit import (
    NAME_STEPS,
    PATTERNS,
    Row,
    check_step,
    person_page,
    question,
)


@attrs.frozen
class Changing:
    """Whose details change, at which school, and the services that change them. `people`
    is the part of the path naming the kind of person: "ects" or "mentors"."""

    school: SignedInSchool
    person: EctAtSchool | MentorAtSchool
    api_id: uuid.UUID
    people: str
    details: PersonDetailsService
    lead_providers: LeadProviderChangeService
    programmes: EctProgrammeService | None = None


def submit_email(form: Form, _answers: Answers, changing: Changing) -> Answers:
    email = forms.text(form, "email")
    return {"email": changing.details.check_email(changing.school.id, changing.api_id, email)}


def submit_working_pattern(form: Form, _answers: Answers, changing: Changing) -> Answers:
    value = forms.text(form, "working_pattern")
    assert isinstance(changing.person, EctAtSchool)
    pattern = new_working_pattern(value, changing.person.working_pattern)
    return {"working_pattern": pattern.value}


def _bodies(_answers: Answers, changing: Changing) -> dict[str, Any]:
    details: Any = changing.details
    bodies = details.appropriate_bodies_for(changing.school.id, changing.api_id)
    return {**person_page(_answers, changing), "bodies": bodies}


def submit_appropriate_body(form: Form, _answers: Answers, changing: Changing) -> Answers:
    chosen = forms.text(form, "appropriate_body_id")
    if not chosen.isdigit():
        raise FormErrors.of("appropriate_body_id", "Select the appropriate body")
    details: Any = changing.details
    body = details.check_appropriate_body(changing.school.id, changing.api_id, int(chosen))
    return {"appropriate_body_id": body.id, "appropriate_body": body.name}


def _providers(_answers: Answers, changing: Changing) -> dict[str, Any]:
    page = person_page(_answers, changing)
    try:
        found = changing.lead_providers.lead_providers_for(changing.school.id, changing.api_id)
    except RuleBroken as error:
        # Training without a lead provider has none to change: say so, offer nothing.
        return {**page, "providers": [], "cannot": error.message}
    return {**page, "providers": found, "cannot": None}


def submit_lead_provider(form: Form, _answers: Answers, changing: Changing) -> Answers:
    chosen = forms.text(form, "lead_provider_id")
    if not chosen.isdigit():
        raise FormErrors.of("lead_provider_id", "Select the lead provider")
    provider = changing.lead_providers.check_lead_provider(
        changing.school.id, changing.api_id, int(chosen)
    )
    return {"lead_provider_id": provider.id, "lead_provider": provider.name}


@attrs.frozen
class Detail:
    """One changeable detail: its questions, its check-answers rows, and its confirmation."""

    slug: str
    label: str
    steps: tuple[Step, ...]
    rows: tuple[Row, ...]
    shown: Callable[[Answers], str]

    def journey(self, api_id: uuid.UUID, people: str) -> Journey:
        base = f"/school/{people}/{api_id}/change/{self.slug}"
        return Journey(f"{people}_change_{self.slug}_{api_id}", base, self.steps)


def _detail(slug: str, label: str, steps: tuple[Step, ...], *rows: Row) -> Detail:
    return Detail(slug, label, (*steps, check_step(rows)), rows, lambda a: a[rows[0].key])


_NAME = _detail("name", "name", NAME_STEPS, Row("Name", "corrected_name", "name"))
_EMAIL = _detail(
    "email",
    "email address",
    (question("email", "email", submit_email),),
    Row("Email address", "email", "email"),
)
_LEAD_PROVIDER = _detail(
    "lead-provider",
    "lead provider",
    (question("lead-provider", "lead_provider_id", submit_lead_provider, page=_providers),),
    Row("Lead provider", "lead_provider", "lead-provider"),
)
_PATTERN_ROWS = (Row("Working pattern", "working_pattern", "working-pattern"),)

ECT_DETAILS = {
    detail.slug: detail
    for detail in (
        _NAME,
        _EMAIL,
        Detail(
            "working-pattern",
            "working pattern",
            (
                question("working-pattern", "working_pattern", submit_working_pattern),
                check_step(_PATTERN_ROWS),
            ),
            _PATTERN_ROWS,
            lambda answers: PATTERNS[answers["working_pattern"]],
        ),
        _detail(
            "appropriate-body",
            "appropriate body",
            (
                question(
                    "appropriate-body",
                    "appropriate_body_id",
                    submit_appropriate_body,
                    page=_bodies,
                ),
            ),
            Row("Appropriate body", "appropriate_body", "appropriate-body"),
        ),
        _LEAD_PROVIDER,
        Detail(
            "training-programme",
            "training programme",
            (*PROGRAMME_DETAIL_STEPS, check_step(PROGRAMME_ROWS)),
            PROGRAMME_ROWS,
            programme_shown,
        ),
    )
}
MENTOR_DETAILS = {detail.slug: detail for detail in (_NAME, _EMAIL, _LEAD_PROVIDER)}


def change(detail: Detail, answers: Answers, changing: Changing) -> None:
    """The one service call at the end of each journey."""
    school_id, api_id, actor = changing.school.id, changing.api_id, changing.school.actor
    details: Any = changing.details
    calls: dict[str, Callable[[], Any]] = {
        "name": lambda: details.change_name(school_id, api_id, answers["corrected_name"], actor),
        "email": lambda: details.change_email(school_id, api_id, answers["email"], actor),
        "working-pattern": lambda: details.change_working_pattern(
            school_id, api_id, answers["working_pattern"], actor
        ),
        "appropriate-body": lambda: details.change_appropriate_body(
            school_id, api_id, answers["appropriate_body_id"], actor
        ),
        "lead-provider": lambda: changing.lead_providers.change_lead_provider(
            school_id, api_id, answers["lead_provider_id"], actor
        ),
        "training-programme": lambda: _programmes(changing).change_training_programme(
            school_id,
            api_id,
            answers["training_programme"],
            answers.get("programme_lead_provider_id"),
            actor,
        ),
    }
    calls[detail.slug]()


def _programmes(changing: Changing) -> EctProgrammeService:
    assert changing.programmes is not None
    return changing.programmes
