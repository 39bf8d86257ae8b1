"""Reporting that a mentor is leaving, over HTTP on the demo data (participants-and-schools
§3.7): the date's limits on the page that asked, the mentor's time and mentorships at the
school ending, and nothing of another school's mentors."""

from __future__ import annotations

from datetime import date

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
from tests.e2e.web.test_report_ect_leaving import (
    leaving_on,
    post,
    school_user,  # noqa: F401 (fixture)
    text,
)

ASHDOWN_MENTOR, OTHER_MENTOR = "3000226", "3000036"  # at Ashdown; at Brookfield Infant


def base(db: Engine, trn: str) -> str:
    api_id = str(scalar(db, "SELECT api_id FROM teachers WHERE trn = :trn", trn=trn))
    if "-" not in api_id:
        api_id = f"{api_id[:8]}-{api_id[8:12]}-{api_id[12:16]}-{api_id[16:20]}-{api_id[20:]}"
    return f"/school/mentors/{api_id}"


def test_a_school_reports_a_mentor_leaving(school_user, engine):  # noqa: F811
    mentor = base(engine, ASHDOWN_MENTOR)
    path = f"{mentor}/leaving"
    assert f'href="{path}"' in text(school_user.get(mentor))
    start = school_user.get(path, follow_redirects=False)
    assert start.headers["location"] == f"{path}/leaving-date"
    assert "leaving your school?" in school_user.get(start.headers["location"]).text
    empty = post(school_user, f"{path}/leaving-date")
    assert empty.status_code == 422
    assert text(empty).count("Enter the date they leave") >= 2
    too_late = post(school_user, f"{path}/leaving-date", **leaving_on(date(2027, 3, 24)))
    assert too_late.status_code == 422
    assert "four months from today" in too_late.text
    chosen = post(school_user, f"{path}/leaving-date", **leaving_on(date(2026, 12, 18)))
    assert chosen.headers["location"] == f"{path}/check-answers"
    assert "18 December 2026" in text(school_user.get(f"{path}/check-answers"))
    assert post(school_user, f"{path}/check-answers", token="forged").status_code == 403
    done = post(school_user, f"{path}/check-answers")
    assert done.headers["location"] == f"{path}/confirmation"
    confirmation = text(school_user.get(f"{path}/confirmation"))
    assert "is leaving your school" in confirmation
    assert 'href="/school/home/mentors"' in confirmation
    finished = scalar(
        engine,
        "SELECT p.finished_on FROM mentor_at_school_periods p "
        "JOIN teachers t ON t.id = p.teacher_id JOIN schools s ON s.id = p.school_id "
        "WHERE t.trn = :trn AND s.urn = '100101' AND p.reported_leaving_by_school_id = s.id",
        trn=ASHDOWN_MENTOR,
    )
    assert str(finished) == "2026-12-18"
    running_on = scalar(
        engine,
        "SELECT count(*) FROM mentorship_periods ms "
        "JOIN mentor_at_school_periods p ON p.id = ms.mentor_at_school_period_id "
        "JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND (ms.finished_on IS NULL OR ms.finished_on > '2026-12-18')",
        trn=ASHDOWN_MENTOR,
    )
    assert running_on == 0


def test_another_schools_mentor_is_not_found(school_user, engine):  # noqa: F811
    path = f"{base(engine, OTHER_MENTOR)}/leaving"
    assert school_user.get(path, follow_redirects=False).status_code == 404
    refused = post(school_user, f"{path}/leaving-date", **leaving_on(date(2026, 12, 1)))
    assert refused.status_code == 404
    assert school_user.get("/school/mentors/not-a-uuid/leaving").status_code == 404
