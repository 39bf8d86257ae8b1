"""What a person does on our pages, in a browser: sign in, answer questions, continue."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.browser.accessibility import assert_accessible


def sign_in_with_dfe_sign_in(page: Any, name: str) -> None:
    """From the start page, through the fake DfE Sign-in's chooser (not one of our pages,
    so not checked for accessibility), back to the service."""
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("link", name=name).click()


def answer(page: Any, button: str = "Continue", **fields: str) -> None:
    """Check the question page, fill in its fields by name, and send it."""
    assert_accessible(page)
    for name, value in fields.items():
        field = page.locator(f'[name="{name}"]')
        if field.first.get_attribute("type") == "radio":
            page.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            field.fill(value)
    page.get_by_role("button", name=button).click()


def date_fields(name: str, day: date) -> dict[str, str]:
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def heading(page: Any) -> str:
    return page.get_by_role("heading", level=1).inner_text()
