"""An induction tutor signs in through DfE Sign-in, registers an ECT who is moving from
another school, registers a mentor and assigns mentors, and reports that an ECT is leaving,
in a browser; every page of ours they see is accessible (participants-and-schools §3.1-§3.3,
§3.7, §3.8)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ecf2.adapters.trs.demo_data import demo_trs_records
from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import answer, date_fields, heading, sign_in_with_dfe_sign_in

GEORGE = "3000051"  # an ECT at Brookfield Infant School, in the demo's TRS
KIRSTY = "7000006"  # in the demo's TRS, never registered


def test_an_induction_tutor_registers_an_ect_moving_from_another_school(page: Any) -> None:
    sign_in_with_dfe_sign_in(page, "Ava Thomas")
    page.wait_for_url("**/school/home/ects")
    assert_accessible(page)

    page.get_by_role("button", name="Register an ECT starting at your school").click()
    born = demo_trs_records()[GEORGE].person.date_of_birth
    answer(page, trn=GEORGE, **date_fields("date_of_birth", born))
    answer(page, details_correct="yes")
    assert "registered as an ECT at a school before" in page.content()
    answer(page)
    answer(page, email="george.moves@example.org")
    answer(page, **date_fields("start_date", date(2027, 1, 4)))
    answer(page, working_pattern="full_time")
    answer(page, use_previous="no")
    body = page.locator('[name="appropriate_body_id"]').first.get_attribute("value")
    answer(page, appropriate_body_id=body)
    answer(page, training_programme="school_led")
    assert "George Thompson" in page.content()
    answer(page, button="Confirm details")

    assert "You have registered George Thompson as an ECT" in page.content()
    assert_accessible(page)
    page.goto("/school/home/ects")
    assert "George Thompson" in page.content()


def test_an_induction_tutor_registers_a_mentor_and_assigns_mentors(page: Any) -> None:
    sign_in_with_dfe_sign_in(page, "Ava Thomas")
    page.wait_for_url("**/school/home/ects")
    page.get_by_role("link", name="William Johnson").first.click()
    page.get_by_role("link", name="Register a new mentor for William Johnson").click()
    born = demo_trs_records()[KIRSTY].person.date_of_birth
    answer(page, trn=KIRSTY, **date_fields("date_of_birth", born))
    answer(page, details_correct="yes")
    answer(page, email="kirsty.mentor@example.org")
    answer(page, use_ect_lead_provider="yes")
    answer(page, button="Confirm details")
    assert "You have registered Kirsty Mclean as William Johnson's mentor" in page.content()
    assert_accessible(page)

    page.goto("/school/home/ects")
    page.get_by_role("link", name="James").first.click()
    james = heading(page)
    page.get_by_role("link", name=f"mentor for {james}").first.click()
    assert_accessible(page)
    page.get_by_label("Kirsty Mclean").check()
    page.get_by_role("button", name="Continue").click()
    answer(page, button="Confirm and assign")
    assert "You have assigned" in page.content()
    assert_accessible(page)
    page.goto("/school/home/mentors")
    assert "Kirsty Mclean" in page.content()


def test_an_induction_tutor_reports_that_an_ect_is_leaving(page: Any) -> None:
    sign_in_with_dfe_sign_in(page, "Ava Thomas")
    page.wait_for_url("**/school/home/ects")
    page.get_by_role("link", name="Benjamin").first.click()
    assert_accessible(page)
    benjamin = heading(page)

    page.get_by_role("link", name=f"Tell us that {benjamin} is leaving your school").click()
    assert heading(page) == f"When is {benjamin} leaving your school?"
    answer(page, **date_fields("leaving_on", date(2026, 12, 18)))
    assert "18 December 2026" in page.content()
    answer(page, button="Confirm and report leaving")

    assert "is leaving your school" in page.content()
    assert_accessible(page)
    page.goto("/school/home/ects")
    assert "Leaving school" in page.content()
