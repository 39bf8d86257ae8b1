"""A school user signs in through DfE Sign-in and reads their ECTs and mentors, in a
browser, with every page of ours accessible."""

from __future__ import annotations

from typing import Any

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import heading, sign_in_with_dfe_sign_in


def test_a_school_user_reads_their_ects_and_mentors(page: Any) -> None:
    sign_in_with_dfe_sign_in(page, "Ava Thomas")
    page.wait_for_url("**/school/home/ects")
    assert_accessible(page)

    page.get_by_role("link", name="Benjamin").first.click()
    assert heading(page).startswith("Benjamin")
    assert_accessible(page)

    page.get_by_role("link", name="Mentors").first.click()
    page.wait_for_url("**/school/home/mentors")
    assert_accessible(page)

    page.get_by_role("link", name="Your responsibilities").first.click()
    page.wait_for_url("**/school/home/responsibilities")
    assert_accessible(page)
