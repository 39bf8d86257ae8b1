"""The start date of "register an ECT" (participants-and-schools §3.1 step 7): a date the
rules refuse is an error on the page; a date in a contract period not open for registration
yet leads to "you cannot register them yet", the page the mentor journey shows too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import attrs

from ecf2.domain.contracts.rules import REGISTRATION_NOT_OPEN_YET
from ecf2.domain.shared.errors import DomainError, RuleBroken
from ecf2.domain.shared.identifiers import Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import FORGET, Answers
from ecf2.entrypoints.web.schools.register_ect_find import Asking

CANNOT_REGISTER_YET = "schools/register_ect/cannot_register_yet.html"


def registration_open(check_start_date: Callable[[], object]) -> bool:
    """False when the start date's contract period is not open for registration yet;
    any other refusal of the start date is its error on the page."""
    try:
        check_start_date()
    except RuleBroken as error:
        if error.rule != REGISTRATION_NOT_OPEN_YET:
            raise FormErrors.of("start_date", error.message) from None
        return False
    except DomainError as error:
        raise FormErrors.of("start_date", error.message) from None
    return True


def submit_start_date(form: Form, answers: Answers, asking: Asking) -> Answers:
    started_on = forms.a_date(form, "start_date", "school start date")
    trn = Trn(answers["trn"])
    if not registration_open(lambda: asking.registrations.check_start_date(trn, started_on)):
        return {"start_date": started_on.isoformat(), "not_open_yet": True}
    # Whether the school's last choices still hold depends on the start date (§3.1.9).
    previous = asking.registrations.previous_choices(asking.school.id, trn, started_on)
    return {
        "start_date": started_on.isoformat(),
        "not_open_yet": FORGET,
        "previous_choices": None if previous is None else attrs.asdict(previous),
    }


def after_start_date(answers: Answers) -> str:
    return "cannot-register-yet" if answers.get("not_open_yet") else "working-pattern"


def start_date_page(answers: Answers, _asking: Any) -> dict[str, Any]:
    """The start date as the pages write it, such as "3 September 2026"."""
    day = date.fromisoformat(answers["start_date"]) if answers.get("start_date") else None
    return {"start_date_text": None if day is None else f"{day.day} {day:%B %Y}"}
