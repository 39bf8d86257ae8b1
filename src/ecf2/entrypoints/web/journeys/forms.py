"""Reading answers from a submitted form: each reader returns a value or raises
FormErrors naming the field, with the message the GOV.UK error summary shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ecf2.domain.shared.errors import DomainError

Form = Mapping[str, Any]


class FormErrors(Exception):
    """Field name -> message, in the order the fields appear on the page."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)

    @classmethod
    def of(cls, field: str, message: str) -> FormErrors:
        return cls({field: message})

    @classmethod
    def from_domain(cls, error: DomainError, field: str) -> FormErrors:
        """A refusal from the domain, shown against the field it names, else `field`."""
        return cls({error.field or field: error.message})


def text(form: Form, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def required(form: Form, name: str, message: str) -> str:
    value = text(form, name)
    if not value:
        raise FormErrors.of(name, message)
    return value


def choice(form: Form, name: str, allowed: Iterable[str], message: str) -> str:
    value = text(form, name)
    if value not in set(allowed):
        raise FormErrors.of(name, message)
    return value


def date_parts(form: Form, name: str) -> dict[str, str]:
    """A GOV.UK date input posts `<name>-day`, `<name>-month` and `<name>-year`."""
    return {part: text(form, f"{name}-{part}") for part in ("day", "month", "year")}


def a_date(form: Form, name: str, label: str) -> date:
    parts = date_parts(form, name)
    if not any(parts.values()):
        raise FormErrors.of(name, f"Enter the {label}")
    try:
        day, month, year = (int(parts[part]) for part in ("day", "month", "year"))
        if year < 1000:
            raise ValueError
        return date(year, month, day)
    except ValueError:
        raise FormErrors.of(name, f"The {label} must be a real date") from None


def date_values(value: str | None) -> dict[str, str]:
    """An ISO date kept in the answers, as the three boxes of a date input show it."""
    if not value:
        return {"day": "", "month": "", "year": ""}
    day = date.fromisoformat(value)
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}
