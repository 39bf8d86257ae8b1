"""Reading the console's forms: GOV.UK date inputs (day, month, year), whole numbers,
checkboxes and choices, each problem kept against its field for the error summary."""

from __future__ import annotations

from datetime import date
from typing import Any

from ecf2.domain.shared.errors import DomainError


class FormErrors(dict[str, str]):
    """Field name -> message, in the order found; the first problem of a field wins."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)

    def add_refusal(self, error: DomainError, fields: dict[str, str], default: str) -> None:
        """A domain refusal, shown against the form field it concerns."""
        self.add(fields.get(error.field or "", default), error.message)

    def summary(self) -> list[dict[str, str]]:
        return [{"text": message, "href": f"#{field}"} for field, message in self.items()]


def text(data: dict[str, Any], name: str) -> str:
    value = data.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def checked(data: dict[str, Any], name: str) -> bool:
    return text(data, name) in ("yes", "true", "on")


def whole_number(data: dict[str, Any], name: str, label: str, errors: FormErrors) -> int | None:
    value = text(data, name)
    if not value:
        errors.add(name, f"Enter {label}")
        return None
    if not value.isdigit() or len(value) > 9:
        errors.add(name, f"{label[0].upper()}{label[1:]} must be a whole number")
        return None
    return int(value)


def date_parts(data: dict[str, Any], name: str) -> dict[str, str]:
    return {part: text(data, f"{name}-{part}") for part in ("day", "month", "year")}


def date_field(
    data: dict[str, Any], name: str, label: str, errors: FormErrors, *, required: bool = True
) -> date | None:
    parts = date_parts(data, name)
    if not any(parts.values()):
        if required:
            errors.add(name, f"Enter {label}")
        return None
    if not all(value.isdigit() for value in parts.values()) or len(parts["year"]) != 4:
        errors.add(name, f"{label[0].upper()}{label[1:]} must be a real date")
        return None
    try:
        return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        errors.add(name, f"{label[0].upper()}{label[1:]} must be a real date")
        return None


def date_items(parts: dict[str, str], name: str, has_error: bool) -> list[dict[str, Any]]:
    """The three boxes of a govukDateInput, refilled with what was entered."""
    error_class = " govuk-input--error" if has_error else ""
    widths = {"day": 2, "month": 2, "year": 4}
    return [
        {
            "name": part,
            "label": part.capitalize(),
            "value": parts.get(part, ""),
            "classes": f"govuk-input--width-{widths[part]}{error_class}",
        }
        for part in ("day", "month", "year")
    ]


def parts_of(day: date | None) -> dict[str, str]:
    if day is None:
        return {"day": "", "month": "", "year": ""}
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}
