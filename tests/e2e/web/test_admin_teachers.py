"""The DfE staff console's teacher pages over HTTP on the demo data: who may read them,
finding a teacher by name, TRN or API id, and a teacher's record
(inductions-trs-sign-in-admin (c.3), (c.5), (d.1))."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient

from ecf2.adapters.db.queries.listing import Page
from tests.e2e.web.admin_site import (
    BENJAMIN,
    EVIE,
    STAFF,
    TEACHERS,
    sign_in_as_staff,
    statements_run,
    table_rows,
    teacher_api_id,
    words,
)
from tests.e2e.web.demo_site import (
    AVA,
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    is_gov_uk_page,
    scalar,
    sign_in,
)


@pytest.fixture
def staff(client: TestClient[Any]) -> TestClient[Any]:
    return sign_in_as_staff(client)


def _search(client: TestClient[Any], q: str, page: str | None = None) -> httpx.Response:
    params = {"q": q} | ({"page": page} if page is not None else {})
    return client.get(TEACHERS, params=params)


# Who may read them (c.3, c.5).


@pytest.mark.parametrize("role", list(STAFF))
def test_every_dfe_staff_role_finds_teachers_from_the_admin_home(client, role):
    sign_in(client, STAFF[role])
    home = client.get("/admin")
    assert f'href="{TEACHERS}"' in home.text
    page = client.get(TEACHERS)
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert re.search(f'--active">\\s*<a[^>]*href="{TEACHERS}"', page.text)


def test_school_users_are_sent_to_their_own_home_and_see_nothing(client, engine):  # noqa: F811
    sign_in(client, AVA)
    api_id = teacher_api_id(engine, BENJAMIN)
    for path in (f"{TEACHERS}?q=Cooper", f"{TEACHERS}/{api_id}", f"{TEACHERS}/{api_id}/timeline"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code in (302, 303), path
        assert answer.headers["location"].startswith("/school")
        assert "Benjamin" not in answer.text


def test_nobody_signed_in_is_asked_to_sign_in(client):
    answer = client.get(f"{TEACHERS}?q=Cooper", follow_redirects=False)
    assert answer.headers["location"] == "/sign-in"


def test_a_removed_staff_account_ends_the_session(staff, engine, alter):  # noqa: F811
    staff_id = scalar(engine, "SELECT id FROM dfe_staff_users WHERE email = :e", e=STAFF["admin"])
    alter("dfe_staff_users", {"id": staff_id}, email="gone@education.gov.uk")
    answer = staff.get(TEACHERS, follow_redirects=False)
    assert answer.headers["location"] == "/sign-in"


# Finding a teacher (d.1).


def test_an_empty_search_says_what_to_search_by(staff):
    for page in (staff.get(TEACHERS), _search(staff, "   ")):
        assert page.status_code == 200
        assert "Search for a teacher to see their record" in page.text
        assert "govuk-table" not in page.text


def test_any_part_of_a_name_finds_the_teacher_whatever_its_case(staff, engine):  # noqa: F811
    page = _search(staff, "  benJAMIN   coo ")
    rows = table_rows(page)
    assert len(rows) == 1
    assert "Benjamin Cooper" in rows[0]
    assert BENJAMIN in rows[0]
    assert "ECT at Ashdown Primary School" in rows[0]
    assert f'href="{TEACHERS}/{teacher_api_id(engine, BENJAMIN)}"' in page.text


def test_a_trn_finds_the_teacher_and_their_role_at_each_school(staff):
    rows = table_rows(_search(staff, EVIE))
    assert len(rows) == 1
    assert "Evie Bennett" in rows[0]
    assert "Mentor at Ashdown Primary School" in rows[0]


@pytest.mark.parametrize(
    "column", ["api_id", "api_ect_training_record_id", "api_mentor_training_record_id"]
)
def test_an_api_id_finds_the_teacher(staff, engine, column):  # noqa: F811
    rows = table_rows(_search(staff, str(teacher_api_id(engine, BENJAMIN, column)).upper()))
    assert len(rows) == 1
    assert "Benjamin Cooper" in rows[0]


def test_no_match_says_so_and_wildcards_match_only_themselves(staff):
    for typed in ("Zzyzx", "%", "_", "1234567", str(uuid.uuid4())):
        page = _search(staff, typed)
        assert page.status_code == 200, typed
        assert "No teachers found" in page.text, typed


def test_results_come_by_name_a_page_at_a_time(staff):
    first, second = _search(staff, "a"), _search(staff, "a", "2")
    total = int(re.search(r"(\d+) teachers found", first.text).group(1))
    assert total > 50
    names = [row.split(" ")[1:3] for row in table_rows(first)]
    assert len(names) == 25
    assert names == sorted(names, key=lambda name: " ".join(name).lower())
    assert not set(map(tuple, names)) & {tuple(row.split(" ")[1:3]) for row in table_rows(second)}
    assert 'class="govuk-pagination' in first.text
    assert "q=a&amp;page=2" in first.text


@pytest.mark.parametrize("page", ["0", "-1", "two", "", "1e3", "9" * 40])
def test_a_bad_page_number_shows_the_first_page(staff, page):
    answer = _search(staff, "a", page)
    assert answer.status_code == 200
    assert table_rows(answer) == table_rows(_search(staff, "a"))


def test_a_page_past_the_end_says_there_are_no_more(staff):
    answer = _search(staff, "Benjamin", "500")
    assert answer.status_code == 200
    assert "There are no more teachers" in answer.text


def test_each_search_page_is_one_sql_query(app, engine, clock):  # noqa: F811
    reads = app.state.container.admin_teacher_reads()
    with statements_run(engine) as issued:
        found = reads.search("a", Page(2, 25), clock.today())
    assert len(found.teachers) == 25
    assert len(issued) == 1


# A teacher's record (d.1).


def test_a_teachers_page_shows_their_schools_training_and_induction(staff, engine):  # noqa: F811
    page = staff.get(f"{TEACHERS}/{teacher_api_id(engine, BENJAMIN)}")
    assert page.status_code == 200
    shown = words(page)
    for expected in (
        "Benjamin Cooper",
        BENJAMIN,
        "ECT at Ashdown Primary School",
        "URN 100101",
        "Provider-led",
        "Ambition Institute",
        "Aire Valley Teaching Partnership",
        "Contract period 2025",
        "Ashfield Teaching School Hub",
    ):
        assert expected in shown, expected
    assert f'href="{TEACHERS}/{teacher_api_id(engine, BENJAMIN)}/timeline"' in page.text


def _at(day: int) -> datetime:
    return datetime(2026, 10, day, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stopped", "shown"),
    [
        (
            {"withdrawn_at": _at(20), "withdrawal_reason": "moved_school"},
            "Withdrawn 20 October 2026: Moved school",
        ),
        (
            {"deferred_at": _at(21), "deferral_reason": "parental_leave"},
            "Deferred 21 October 2026: Parental leave",
        ),
    ],
)
def test_withdrawn_and_deferred_training_is_shown_with_why(staff, engine, alter, stopped, shown):  # noqa: F811
    teacher_id = scalar(engine, "SELECT id FROM teachers WHERE trn = :trn", trn=BENJAMIN)
    alter("training_periods", {"teacher_id": teacher_id}, finished_on=date(2026, 10, 31), **stopped)
    page = words(staff.get(f"{TEACHERS}/{teacher_api_id(engine, BENJAMIN)}"))
    assert shown in page
    assert "20 September 2025 to 31 October 2026" in page


def test_a_teachers_page_is_one_sql_query(app, engine):  # noqa: F811
    reads = app.state.container.admin_teacher_reads()
    evie = teacher_api_id(engine, EVIE)
    with statements_run(engine) as issued:
        record = reads.record(evie)
    assert record is not None
    assert record.placements
    assert len(issued) == 1


@pytest.mark.parametrize("suffix", ["", "/timeline"])
def test_an_unknown_teacher_is_not_found(staff, suffix):
    for api_id in (str(uuid.uuid4()), "not-an-id"):
        answer = staff.get(f"{TEACHERS}/{api_id}{suffix}")
        assert answer.status_code == 404
        assert is_gov_uk_page(answer)
