"""The less travelled branches of "register a new mentor" over HTTP on the demo data
(participants-and-schools §3.2): no TRN, a teacher already mentoring at the school, a
mentor trained before, a start date whose contract period is not open, and the ECT's
programme choices; each page's back link and its errors."""

from __future__ import annotations

import re
from datetime import date

import httpx

from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
)
from tests.e2e.web.demo_site import app as demo_site_app  # noqa: F401 (fixture)
from tests.e2e.web.test_register_ect import (
    app,  # noqa: F401 (fixture)
    count,
    date_fields,
    has_error,
    school_user,  # noqa: F401 (fixture)
    text,
    trs_data,  # noqa: F401 (fixture)
    trs_url,  # noqa: F401 (fixture)
)
from tests.e2e.web.test_register_mentor import (
    ASHDOWN_MENTOR,
    GEORGE,
    TODAY,
    WILLIAM,
    Journey,
    mentor_rows,
    shown,
)

TRAINED_BEFORE = "3000007"  # mentored and trained at another school until 31 March 2026
UNTRAINED_ELSEWHERE = "3000050"  # mentoring at another school, never trained


def back_link(page: httpx.Response) -> str | None:
    found = re.search(r'<a href="([^"]+)" class="govuk-back-link"', page.text)
    return None if found is None else found.group(1)


def test_a_mentor_without_a_trn_is_told_how_to_get_one(school_user, engine):  # noqa: F811
    journey = Journey(school_user, engine)
    school_user.get(journey.base)
    find = school_user.get(f"{journey.base}/find-mentor")
    assert f'href="{journey.base}/no-trn"' in find.text
    page = school_user.get(f"{journey.base}/no-trn")
    assert page.status_code == 200
    assert "You cannot register a mentor without a TRN" in shown(page)
    assert "https://find-a-lost-trn.education.gov.uk/start" in page.text
    assert back_link(page) == f"{journey.base}/find-mentor"
    other = Journey(school_user, engine, GEORGE)
    assert school_user.get(f"{other.base}/no-trn").status_code == 404


def test_a_mentor_who_left_meanwhile_is_not_assigned(school_user, engine, alter):  # noqa: F811
    journey = Journey(school_user, engine)
    assert journey.goes_to(journey.find(ASHDOWN_MENTOR), "already-registered")
    placement = scalar(
        engine,
        "SELECT m.id FROM mentor_at_school_periods m JOIN teachers t ON t.id = m.teacher_id "
        "JOIN schools s ON s.id = m.school_id WHERE t.trn = :trn AND s.urn = '100101'",
        trn=ASHDOWN_MENTOR,
    )
    alter("mentor_at_school_periods", {"id": placement}, finished_on=date(2026, 11, 1))
    before = count(engine, "mentorship_periods")
    refused = journey.post("already-registered")
    assert has_error(refused, "form", "This mentor is not at your school")
    assert count(engine, "mentorship_periods") == before


def test_a_teacher_already_mentoring_here_is_assigned_without_registering_again(
    school_user,  # noqa: F811
    engine,  # noqa: F811
):
    journey = Journey(school_user, engine)
    before = mentor_rows(engine, ASHDOWN_MENTOR)
    registered = "events e JOIN teachers t ON t.id = e.teacher_id WHERE t.trn = :trn "
    registered += "AND e.event_type = 'teacher_registered_as_mentor'"
    registrations = count(engine, registered, trn=ASHDOWN_MENTOR)
    assert journey.goes_to(journey.find(ASHDOWN_MENTOR), "already-registered")
    page = school_user.get(f"{journey.base}/already-registered")
    assert "is already registered as a mentor at your school" in shown(page)
    assert "to mentor William Johnson" in shown(page)
    assert back_link(page) == f"{journey.base}/find-mentor"
    # Nothing past this page can be answered.
    past = school_user.get(f"{journey.base}/email-address", follow_redirects=False)
    assert past.headers["location"] == f"{journey.base}/find-mentor"
    assert journey.post("already-registered", token="forged").status_code == 403

    assert journey.goes_to(journey.post("already-registered"), "confirmation")
    confirmation = shown(school_user.get(f"{journey.base}/confirmation"))
    assert "You have assigned" in confirmation
    assert "as William Johnson's mentor" in confirmation
    assert mentor_rows(engine, ASHDOWN_MENTOR) == before  # no new placement, no training
    assert count(engine, registered, trn=ASHDOWN_MENTOR) == registrations
    mentorship = scalar(
        engine,
        "SELECT ms.started_on FROM mentorship_periods ms "
        "JOIN mentor_at_school_periods m ON m.id = ms.mentor_at_school_period_id "
        "JOIN teachers t ON t.id = m.teacher_id "
        "JOIN ect_at_school_periods e ON e.id = ms.ect_at_school_period_id "
        "JOIN teachers ect ON ect.id = e.teacher_id "
        "WHERE t.trn = :trn AND ect.trn = :ect AND ms.finished_on IS NULL",
        trn=ASHDOWN_MENTOR,
        ect=WILLIAM,
    )
    assert str(mentorship) == str(TODAY)


def _to_start_date(journey: Journey, trn: str) -> None:
    journey.to_email(trn)
    email = journey.post("email-address", email=f"{trn}@mentor.example")
    if journey.goes_to(email, "only-this-school"):
        email = journey.post("only-this-school", only_this_school="yes")
    assert journey.goes_to(email, "start-date")


def test_a_mentor_trained_before_sees_that_training_then_the_ects_choices(
    school_user,  # noqa: F811
    engine,  # noqa: F811
):
    journey = Journey(school_user, engine)
    _to_start_date(journey, TRAINED_BEFORE)
    start = journey.post("start-date", **date_fields("start_date", date(2026, 9, 1)))
    assert journey.goes_to(start, "previous-training")
    page = school_user.get(f"{journey.base}/previous-training")
    assert "has been trained as a mentor before" in shown(page)
    school = scalar(
        engine,
        "SELECT g.name FROM gias_schools g JOIN schools s ON s.urn = g.urn WHERE s.urn = '100693'",
    )
    assert school in shown(page)
    assert back_link(page) == f"{journey.base}/start-date"

    assert journey.goes_to(journey.post("previous-training"), "programme-choices")
    choices = school_user.get(f"{journey.base}/programme-choices")
    assert "Programme choices used by William Johnson" in shown(choices)
    assert back_link(choices) == f"{journey.base}/previous-training"
    assert has_error(
        journey.post("programme-choices"),
        "use_ect_lead_provider",
        "Select if they will use the same programme choices as the ECT",
    )
    assert journey.goes_to(
        journey.post("programme-choices", use_ect_lead_provider="yes"), "check-answers"
    )
    assert "Provider-led" in text(school_user.get(f"{journey.base}/check-answers"))
    assert journey.goes_to(journey.post("check-answers"), "confirmation")
    assert "100101 2026-09-01 - provider_led" in mentor_rows(engine, TRAINED_BEFORE)


def test_a_mentor_new_to_training_chooses_from_the_ects_choices(school_user, engine):  # noqa: F811
    journey = Journey(school_user, engine)
    _to_start_date(journey, UNTRAINED_ELSEWHERE)
    start = journey.post("start-date", **date_fields("start_date", date(2027, 1, 4)))
    assert journey.goes_to(start, "programme-choices")
    choices = school_user.get(f"{journey.base}/programme-choices")
    assert back_link(choices) == f"{journey.base}/start-date"
    assert journey.goes_to(
        journey.post("programme-choices", use_ect_lead_provider="no"), "lead-provider"
    )
    choose = school_user.get(f"{journey.base}/lead-provider")
    assert back_link(choose) == f"{journey.base}/programme-choices"
    assert has_error(
        journey.post("lead-provider"), "lead_provider_id", "Select which lead provider"
    )


def test_a_start_date_whose_contract_period_is_not_open_cannot_be_registered_yet(
    school_user,  # noqa: F811
    engine,  # noqa: F811
):
    journey = Journey(school_user, engine)
    _to_start_date(journey, UNTRAINED_ELSEWHERE)
    later = journey.post("start-date", **date_fields("start_date", date(2027, 7, 1)))
    assert journey.goes_to(later, "cannot-register-yet")
    page = school_user.get(f"{journey.base}/cannot-register-yet")
    assert "You cannot register" in shown(page)
    assert "starting on 1 July 2027" in shown(page)
    assert back_link(page) == f"{journey.base}/start-date"
    past = school_user.get(f"{journey.base}/check-answers", follow_redirects=False)
    assert past.headers["location"] == f"{journey.base}/find-mentor"
    assert journey.post("check-answers").headers["location"] == f"{journey.base}/find-mentor"
    # An earlier date moves on.
    sooner = journey.post("start-date", **date_fields("start_date", date(2027, 1, 4)))
    assert journey.goes_to(sooner, "programme-choices")
