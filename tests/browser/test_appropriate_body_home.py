"""An appropriate body user signs in through DfE Sign-in, finds an ECT in induction with
them and reads their page, in a browser, with every page of ours accessible."""

from __future__ import annotations

from typing import Any

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import heading, sign_in_with_dfe_sign_in


def test_an_appropriate_body_user_finds_an_ect(page: Any) -> None:
    sign_in_with_dfe_sign_in(page, "Jamie Fletcher")
    page.wait_for_url("**/appropriate-body/teachers")
    assert_accessible(page)

    page.get_by_label("Search by name or teacher reference number (TRN)").fill("Alfie")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/appropriate-body/teachers?q=Alfie")
    assert_accessible(page)

    page.get_by_role("link", name="Alfie Hughes").click()
    assert heading(page) == "Alfie Hughes"
    assert_accessible(page)
