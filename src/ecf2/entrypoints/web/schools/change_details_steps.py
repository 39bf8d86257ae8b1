"""The questions of the "change details" journeys from an ECT's page
(participants-and-schools §3.4): one journey per detail, each ending in check your answers."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import attrs

from ecf2.adapters.db.queries.schools import EctAtSchool
from ecf2.domain.participants.change_ect_details import EctDetailsService
from ecf2.domain.participants.change_lead_provider import EctLeadProviderService
from ecf2.domain.participants.ect_details import new_working_pattern
from ecf2.domain.shared.errors import RuleBroken
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Journey, Step
from ecf2.entrypoints.web.schools.access import SignedInSchool

CHECK = "check-answers"
PATTERNS = {"full_time": "Full time", "part_time": "Part time"}


@attrs.frozen
class Changing:
    school: SignedInSchool
    ect: EctAtSchool
    api_id: uuid.UUID
    details: EctDetailsService
    lead_providers: EctLeadProviderService


def submit_name(form: Form, _answers: Answers, changing: Changing) -> Answers:
    name = forms.text(form, "corrected_name")
    change = changing.details.check_name(changing.school.id, changing.api_id, name)
    return {"corrected_name": change.new, "significant": change.significant, "confirmed": FORGET}


def submit_confirm_name(form: Form, _answers: Answers, _changing: Changing) -> Answers:
    same = forms.choice(
        form, "same_person", ("yes", "no"), "Select whether this is the same person"
    )
    if same == "no":
        # A different person is registered as a new ECT; the school gives the name again.
        return {"corrected_name": FORGET, "significant": FORGET}
    return {"confirmed": True}


def submit_email(form: Form, _answers: Answers, changing: Changing) -> Answers:
    email = forms.text(form, "email")
    return {"email": changing.details.check_email(changing.school.id, changing.api_id, email)}


def submit_working_pattern(form: Form, _answers: Answers, changing: Changing) -> Answers:
    value = forms.text(form, "working_pattern")
    pattern = new_working_pattern(value, changing.ect.working_pattern)
    return {"working_pattern": pattern.value}


def _bodies(_answers: Answers, changing: Changing) -> dict[str, Any]:
    bodies = changing.details.appropriate_bodies_for(changing.school.id, changing.api_id)
    return {"ect": changing.ect, "bodies": bodies}


def submit_appropriate_body(form: Form, _answers: Answers, changing: Changing) -> Answers:
    chosen = forms.text(form, "appropriate_body_id")
    if not chosen.isdigit():
        raise FormErrors.of("appropriate_body_id", "Select the appropriate body")
    body = changing.details.check_appropriate_body(changing.school.id, changing.api_id, int(chosen))
    return {"appropriate_body_id": body.id, "appropriate_body": body.name}


def _providers(_answers: Answers, changing: Changing) -> dict[str, Any]:
    try:
        found = changing.lead_providers.lead_providers_for(changing.school.id, changing.api_id)
    except RuleBroken as error:
        # School-led training has no lead provider to change: say so, offer nothing.
        return {"ect": changing.ect, "providers": [], "cannot": error.message}
    return {"ect": changing.ect, "providers": found, "cannot": None}


def submit_lead_provider(form: Form, _answers: Answers, changing: Changing) -> Answers:
    chosen = forms.text(form, "lead_provider_id")
    if not chosen.isdigit():
        raise FormErrors.of("lead_provider_id", "Select the lead provider")
    provider = changing.lead_providers.check_lead_provider(
        changing.school.id, changing.api_id, int(chosen)
    )
    return {"lead_provider_id": provider.id, "lead_provider": provider.name}


def _after_name(answers: Answers) -> str:
    return "confirm-name" if answers.get("significant") else CHECK


def _ect(_answers: Answers, changing: Changing) -> dict[str, Any]:
    return {"ect": changing.ect, "patterns": PATTERNS}


@attrs.frozen
class Row:
    label: str
    key: str
    step: str


@attrs.frozen
class Detail:
    """One changeable detail: its questions, its check-answers rows, and its confirmation."""

    slug: str
    label: str
    steps: tuple[Step, ...]
    rows: tuple[Row, ...]
    shown: Callable[[Answers], str]

    def journey(self, api_id: uuid.UUID) -> Journey:
        base = f"/school/ects/{api_id}/change/{self.slug}"
        return Journey(f"ect_change_{self.slug}_{api_id}", base, self.steps)


def _check_step(detail_rows: tuple[Row, ...]) -> Step:
    def page(answers: Answers, changing: Changing) -> dict[str, Any]:
        shown = [(row, _shown_value(answers[row.key])) for row in detail_rows]
        return {"ect": changing.ect, "rows": shown}

    return Step(CHECK, "schools/change_details/check_answers.html", page=page)


def _shown_value(value: Any) -> str:
    return PATTERNS.get(value, value) if isinstance(value, str) else str(value)


def _question(name: str, key: str, submit: Callable[..., Answers], **more: Any) -> Step:
    template = f"schools/change_details/{name.replace('-', '_')}.html"
    more.setdefault("next", lambda _answers: CHECK)
    more.setdefault("page", _ect)
    return Step(name, template, keys=(key,), submit=submit, **more)


_NAME_ROWS = (Row("Name", "corrected_name", "name"),)
_EMAIL_ROWS = (Row("Email address", "email", "email"),)
_BODY_ROWS = (Row("Appropriate body", "appropriate_body", "appropriate-body"),)
_PROVIDER_ROWS = (Row("Lead provider", "lead_provider", "lead-provider"),)
_PATTERN_ROWS = (Row("Working pattern", "working_pattern", "working-pattern"),)

DETAILS = {
    detail.slug: detail
    for detail in (
        Detail(
            "name",
            "name",
            (
                Step(
                    "name",
                    "schools/change_details/name.html",
                    keys=("corrected_name", "significant"),
                    submit=submit_name,
                    next=_after_name,
                    page=_ect,
                ),
                _question("confirm-name", "confirmed", submit_confirm_name),
                _check_step(_NAME_ROWS),
            ),
            _NAME_ROWS,
            lambda answers: answers["corrected_name"],
        ),
        Detail(
            "email",
            "email address",
            (_question("email", "email", submit_email), _check_step(_EMAIL_ROWS)),
            _EMAIL_ROWS,
            lambda answers: answers["email"],
        ),
        Detail(
            "working-pattern",
            "working pattern",
            (
                _question("working-pattern", "working_pattern", submit_working_pattern),
                _check_step(_PATTERN_ROWS),
            ),
            _PATTERN_ROWS,
            lambda answers: PATTERNS[answers["working_pattern"]],
        ),
        Detail(
            "appropriate-body",
            "appropriate body",
            (
                _question(
                    "appropriate-body",
                    "appropriate_body_id",
                    submit_appropriate_body,
                    page=_bodies,
                ),
                _check_step(_BODY_ROWS),
            ),
            _BODY_ROWS,
            lambda answers: answers["appropriate_body"],
        ),
        Detail(
            "lead-provider",
            "lead provider",
            (
                _question(
                    "lead-provider", "lead_provider_id", submit_lead_provider, page=_providers
                ),
                _check_step(_PROVIDER_ROWS),
            ),
            _PROVIDER_ROWS,
            lambda answers: answers["lead_provider"],
        ),
    )
}


_CHANGES: dict[str, Callable[..., Any]] = {
    "name": lambda details: (details.change_name, "corrected_name"),
    "email": lambda details: (details.change_email, "email"),
    "working-pattern": lambda details: (details.change_working_pattern, "working_pattern"),
    "appropriate-body": lambda details: (details.change_appropriate_body, "appropriate_body_id"),
}


def change(detail: Detail, answers: Answers, changing: Changing) -> None:
    """The one service call at the end of each journey."""
    if detail.slug == "lead-provider":
        method, key = changing.lead_providers.change_lead_provider, "lead_provider_id"
    else:
        method, key = _CHANGES[detail.slug](changing.details)
    method(changing.school.id, changing.api_id, answers[key], changing.school.actor)
