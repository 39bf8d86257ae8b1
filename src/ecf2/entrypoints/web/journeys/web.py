"""Showing and submitting a journey's steps: GET shows the step (or sends the user to the
first step if the answers do not lead there yet), POST checks the answer, keeps it and
redirects (303) to the next step; a bad answer shows the page again, status 422, with the
GOV.UK error summary and each field's error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from litestar.exceptions import NotFoundException
from litestar.response import Redirect, Template

from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors, date_values
from ecf2.entrypoints.web.journeys.journey import Answers, Journey, Step

UNPROCESSABLE = 422
# What a page handler answers. Handlers say so, for Litestar serves a handler typed `Any`
# as JSON, templates included.
Page = Template | Redirect


def error_list(errors: Mapping[str, str]) -> list[dict[str, str]]:
    """The GOV.UK error summary's items, each linking to its field."""
    return [{"text": message, "href": f"#{field}"} for field, message in errors.items()]


def render(
    journey: Journey,
    step: Step,
    answers: Answers,
    context: Any,
    *,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Template:
    errors = dict(errors or {})
    shown = dict(values if values is not None else answers)
    page = {
        "journey": journey,
        "step": step,
        "answers": answers,
        "values": shown,
        "date_items": lambda name: date_items(_date_parts(shown, name), name, name in errors),
        "errors": errors,
        "error_list": error_list(errors),
        "back": journey.back_from(step.name, answers),
        "action": journey.url(step.name),
        **step.page(answers, context),
        **(extra or {}),
    }
    return Template(step.template, context=page, status_code=UNPROCESSABLE if errors else 200)


def person_confirmation(
    session: Mapping[str, Any], done_key: str, person_key: str, person: str, template: str
) -> Template:
    """The confirmation of a journey this session finished for this person. There is no
    such page for anyone else: another school's person included, it is not found."""
    done = session.get(done_key)
    if not isinstance(done, dict) or done.get(person_key) != person:
        raise NotFoundException()
    return Template(template, context={"done": done})


def found_step(journey: Journey, name: str) -> Step:
    step = journey.step(name)
    if step is None:
        raise NotFoundException()
    return step


def show(journey: Journey, name: str, session: dict[str, Any], context: Any) -> Page:
    step = found_step(journey, name)
    answers = journey.answers(session)
    if not journey.on_path(name, answers):
        return Redirect(journey.url(journey.first.name))
    return render(journey, step, answers, context)


def submit(journey: Journey, name: str, session: dict[str, Any], form: Form, context: Any) -> Page:
    step = found_step(journey, name)
    answers = journey.answers(session)
    if not journey.on_path(name, answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    try:
        new = step.submit(form, answers, context)
    except FormErrors as problem:
        return render(journey, step, answers, context, values=form, errors=problem.errors)
    except (InvalidValue, RuleBroken) as error:
        # Anything else the domain raises (TRS unavailable, not found) is the controller's.
        field = error.field or (step.keys[0] if step.keys else "form")
        return render(journey, step, answers, context, values=form, errors={field: error.message})
    answers = journey.answer(step, answers, new)
    journey.save(session, answers)
    return Redirect(journey.where_next(answers), status_code=303)


def _date_parts(values: Mapping[str, Any], name: str) -> dict[str, str]:
    """A date input's three boxes: as typed after an error, else from the kept answer."""
    if f"{name}-day" in values:
        return {part: str(values.get(f"{name}-{part}", "")) for part in ("day", "month", "year")}
    return date_values(values.get(name))


def date_items(parts: Mapping[str, str], name: str, error: bool) -> list[dict[str, Any]]:
    """govukDateInput's items for the parts, marked in error when the date is."""
    widths = {"day": 2, "month": 2, "year": 4}
    return [
        {
            "name": part,
            "value": parts[part],
            "classes": f"govuk-input--width-{width}" + (" govuk-input--error" if error else ""),
        }
        for part, width in widths.items()
    ]
