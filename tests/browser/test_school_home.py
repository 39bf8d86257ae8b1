"""A school user signs in as a persona and reads their ECTs and mentors, in a browser, with
every page accessible."""

from __future__ import annotations

from typing import Any

from tests.browser.accessibility import assert_accessible


def sign_in_as_persona(page: Any, name: str) -> None:
    page.goto("/personas")
    assert_accessible(page)
    page.get_by_role("button", name=f"Sign in as {name}").click()


def test_a_school_user_reads_their_ects_and_mentors(page: Any) -> None:
    page.goto("/")
    assert_accessible(page)
    sign_in_as_persona(page, "Ava Thomas")
    page.wait_for_url("**/school/home/ects")
    assert_accessible(page)

    page.get_by_role("link", name="Benjamin").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Benjamin")
    assert_accessible(page)

    page.get_by_role("link", name="Mentors").first.click()
    page.wait_for_url("**/school/home/mentors")
    assert_accessible(page)
