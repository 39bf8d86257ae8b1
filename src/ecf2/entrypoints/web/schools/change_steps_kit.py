"""What the "change details" journeys share: the question and check-answers steps, and the
name journey, which asks a school to confirm a change of both first and last names
(participants-and-schools §3.4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ecf2.domain.participants.training_programme import PROGRAMME_WORDS
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers, Step

CHECK = "check-answers"
PATTERNS = {"full_time": "Full time", "part_time": "Part time"}
_WORDS = {**PATTERNS, **{str(programme): words for programme, words in PROGRAMME_WORDS.items()}}


@attrs.frozen
class Row:
    label: str
    key: str
    step: str


def person_page(_answers: Answers, changing: Any) -> dict[str, Any]:
    return {"person": changing.person, "people": changing.people, "patterns": PATTERNS}


def check_step(detail_rows: tuple[Row, ...]) -> Step:
    """Check your answers: a row for each answer given (a question skipped has none)."""

    def page(answers: Answers, changing: Any) -> dict[str, Any]:
        shown = [(row, _shown_value(answers[row.key])) for row in detail_rows if row.key in answers]
        return {**person_page(answers, changing), "rows": shown}

    return Step(CHECK, "schools/change_details/check_answers.html", page=page)


def _shown_value(value: Any) -> str:
    return _WORDS.get(value, value) if isinstance(value, str) else str(value)


def question(name: str, key: str, submit: Callable[..., Answers], **more: Any) -> Step:
    template = f"schools/change_details/{name.replace('-', '_')}.html"
    more.setdefault("next", lambda _answers: CHECK)
    more.setdefault("page", person_page)
    return Step(name, template, keys=more.pop("keys", (key,)), submit=submit, **more)


def submit_name(form: Form, _answers: Answers, changing: Any) -> Answers:
    name = forms.text(form, "corrected_name")
    change = changing.details.check_name(changing.school.id, changing.api_id, name)
    return {"corrected_name": change.new, "significant": change.significant, "confirmed": FORGET}


def submit_confirm_name(form: Form, _answers: Answers, _changing: Any) -> Answers:
    same = forms.choice(
        form, "same_person", ("yes", "no"), "Select whether this is the same person"
    )
    if same == "no":
        # A different person is registered as someone new; the school gives the name again.
        return {"corrected_name": FORGET, "significant": FORGET}
    return {"confirmed": True}


def _after_name(answers: Answers) -> str:
    return "confirm-name" if answers.get("significant") else CHECK


NAME_STEPS = (
    question(
        "name",
        "corrected_name",
        submit_name,
        keys=("corrected_name", "significant"),
        next=_after_name,
    ),
    question("confirm-name", "confirmed", submit_confirm_name),
)
