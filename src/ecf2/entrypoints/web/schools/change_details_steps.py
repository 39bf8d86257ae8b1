"""The questions of the "change details" journeys from an ECT's page
(participants-and-schools §3.4): one journey per detail, each ending in check your answers."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import attrs

from ecf2.adapters.db.queries.schools import EctAtSchool
from ecf2.domain.participants.change_ect_details import EctDetailsService
from ecf2.domain.participants.ect_details import new_working_pattern
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form
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
    return Step(name, template, keys=(key,), submit=submit, page=_ect, **more)


_NAME_ROWS = (Row("Name", "corrected_name", "name"),)
_EMAIL_ROWS = (Row("Email address", "email", "email"),)
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
    )
}


def change(detail: Detail, answers: Answers, changing: Changing) -> None:
    """The one service call at the end of each journey."""
    school, api_id, actor = changing.school.id, changing.api_id, changing.school.actor
    details = changing.details
    if detail.slug == "name":
        details.change_name(school, api_id, answers["corrected_name"], actor)
    elif detail.slug == "email":
        details.change_email(school, api_id, answers["email"], actor)
    else:
        details.change_working_pattern(school, api_id, answers["working_pattern"], actor)
