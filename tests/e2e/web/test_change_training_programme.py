"""Switching an ECT's training programme from their page, over HTTP on the demo data
(participants-and-schools §3.6, §2.8): the programme and, for provider-led training, the
lead provider asked on their own pages, the switch saved with its event, nothing of another
school's ECTs, and no switch while registration is closed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import Engine

from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
)
from tests.e2e.web.test_change_ect_details import (
    GEORGE,
    api_id,
    base,
    events,
    post,
    provider_led_ect_at_ashdown,
    refused,
    school_user,  # noqa: F401 (fixture)
    text,
)

STEP = "training-programme"


def open_training(db: Engine, trn: str) -> tuple[str, str, int | None]:
    """The programme, start and schedule of the ECT's training still open."""
    row = scalar(
        db,
        "SELECT tp.training_programme || ' ' || tp.started_on || ' ' || "
        "coalesce(tp.schedule_id, 0) FROM training_periods tp "
        "JOIN ect_at_school_periods p ON p.id = tp.ect_at_school_period_id "
        "JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND tp.finished_on IS NULL",
        trn=trn,
    )
    programme, started, schedule = row.split(" ")
    return programme, started, int(schedule) or None


def make_school_led(db: Engine, alter, trn: str) -> None:  # noqa: F811
    training_id = scalar(
        db,
        "SELECT tp.id FROM training_periods tp JOIN ect_at_school_periods p "
        "ON p.id = tp.ect_at_school_period_id JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND tp.finished_on IS NULL",
        trn=trn,
    )
    alter(
        "training_periods",
        {"id": training_id},
        training_programme="school_led",
        school_partnership_id=None,
        expression_of_interest_id=None,
        schedule_id=None,
    )


def test_the_ects_page_links_to_the_programme_change(school_user, engine):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    page = school_user.get(f"/school/ects/{api_id(engine, trn)}").text
    assert f'href="{base(engine, trn, STEP)}"' in page


def test_a_provider_led_ect_switches_to_school_led(school_user, engine, clock):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    path = base(engine, trn, STEP)
    assert school_user.get(path, follow_redirects=False).headers["location"] == f"{path}/{STEP}"
    refused(post(school_user, f"{path}/{STEP}"), "training_programme", "Select the training")
    refused(
        post(school_user, f"{path}/{STEP}", training_programme="provider_led"),
        "training_programme",
        "already their training programme",
    )
    answered = post(school_user, f"{path}/{STEP}", training_programme="school_led")
    assert answered.headers["location"] == f"{path}/check-answers"
    assert "School-led" in text(school_user.get(f"{path}/check-answers"))
    done = post(school_user, f"{path}/check-answers")
    assert done.headers["location"] == f"{path}/confirmation"
    assert "school-led" in text(school_user.get(f"{path}/confirmation"))
    assert open_training(engine, trn) == ("school_led", str(clock.today()), None)
    assert events(engine, "teacher_training_programme_updated", trn) == 1


def test_a_school_led_ect_switches_to_provider_led(school_user, engine, alter, clock):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    make_school_led(engine, alter, trn)
    path = base(engine, trn, STEP)
    school_user.get(path)
    asked = post(school_user, f"{path}/{STEP}", training_programme="provider_led")
    assert asked.headers["location"] == f"{path}/programme-lead-provider"
    page = school_user.get(f"{path}/programme-lead-provider").text
    offered = re.findall(r'name="programme_lead_provider_id"[^>]*value="(\d+)"', page)
    assert offered, "no lead provider offered"
    refused(
        post(school_user, f"{path}/programme-lead-provider"),
        "programme_lead_provider_id",
        "Select the lead provider",
    )
    refused(
        post(school_user, f"{path}/programme-lead-provider", programme_lead_provider_id=999999),
        "programme_lead_provider_id",
        "Choose a lead provider that trains ECTs",
    )
    name = scalar(engine, "SELECT name FROM lead_providers WHERE id = :id", id=int(offered[0]))
    chosen = post(
        school_user, f"{path}/programme-lead-provider", programme_lead_provider_id=offered[0]
    )
    assert chosen.headers["location"] == f"{path}/check-answers"
    assert name in school_user.get(f"{path}/check-answers").text
    assert post(school_user, f"{path}/check-answers").status_code == 303
    programme, started, schedule = open_training(engine, trn)
    assert (programme, started) == ("provider_led", str(clock.today()))
    assert schedule is not None
    yesterday = clock.today() - timedelta(days=1)
    ended = scalar(
        engine,
        "SELECT count(*) FROM training_periods tp JOIN ect_at_school_periods p "
        "ON p.id = tp.ect_at_school_period_id JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND tp.training_programme = 'school_led' AND tp.finished_on = :day",
        trn=trn,
        day=str(yesterday),
    )
    assert ended == 1
    assert events(engine, "teacher_training_programme_updated", trn) == 1


def test_going_back_to_school_led_forgets_the_lead_provider(school_user, engine, alter):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    make_school_led(engine, alter, trn)
    path = base(engine, trn, STEP)
    school_user.get(path)
    post(school_user, f"{path}/{STEP}", training_programme="provider_led")
    page = school_user.get(f"{path}/programme-lead-provider").text
    offered = re.findall(r'name="programme_lead_provider_id"[^>]*value="(\d+)"', page)
    post(school_user, f"{path}/programme-lead-provider", programme_lead_provider_id=offered[0])
    refused(
        post(school_user, f"{path}/{STEP}", training_programme="school_led"),
        "training_programme",
        "already their training programme",
    )


def test_a_switch_without_this_sessions_token_is_refused(school_user, engine):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    path = base(engine, trn, STEP)
    school_user.get(path)
    for token in (None, "forged"):
        sent = post(school_user, f"{path}/{STEP}", token=token, training_programme="school_led")
        assert sent.status_code == 403
    assert open_training(engine, trn)[0] == "provider_led"


def test_another_schools_ect_is_not_found(school_user, engine):  # noqa: F811
    path = base(engine, GEORGE, STEP)
    assert school_user.get(path, follow_redirects=False).status_code == 404
    for step in (STEP, "programme-lead-provider", "check-answers"):
        answer = post(school_user, f"{path}/{step}", training_programme="school_led")
        assert answer.status_code == 404
    assert events(engine, "teacher_training_programme_updated", GEORGE) == 0


def test_no_switch_while_registration_is_closed(school_user, engine, clock):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    clock.set(date(2026, 6, 5))
    path = base(engine, trn, STEP)
    school_user.get(path)
    page = text(school_user.get(f"{path}/{STEP}"))
    assert "15 June 2026" in page
    refused(
        post(school_user, f"{path}/{STEP}", training_programme="school_led"),
        "training_programme",
        "cannot be changed until registration opens",
    )
    assert open_training(engine, trn)[0] == "provider_led"
