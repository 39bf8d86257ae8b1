"""An appropriate body user's home over HTTP: the ECTs whose induction the body is
responsible for now, searched by name or TRN and paged; each teacher's page; and nobody
else's teachers, nor anyone else's way in (inductions-trs-sign-in-admin (a.12), (c.3))."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine

from ecf2.entrypoints.web.appropriate_bodies import teachers
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

HOME = "/appropriate-body/teachers"
HUB = "Ashfield Teaching School Hub"
JAMIE = "jamie.fletcher@inductions.example.org"  # records inductions for Ashfield
STAFF_USER = "alex.morgan@education.gov.uk"
# In induction with Ashfield now, in the demo data: 32 ECTs, these among them.
ONGOING_AT_HUB = 32
ALFIE = "3000144"  # since 13 September 2024, with an extension of 2 terms
BENJAMIN = "3000034"  # at Ashdown Primary School, provider-led
ALICE_YOUNG = "3000140"  # school-led
# Passed with Ashfield; released by Ashfield; in induction with Bramblewood.
DANIEL, AVA_JOHNSON, THOMAS_GREEN = "3000085", "3000005", "3000117"


@pytest.fixture
def body_user(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client, JAMIE)
    return client


def _teacher_path(db: Engine, trn: str) -> str:
    text = str(scalar(db, "SELECT api_id FROM teachers WHERE trn = :trn", trn=trn))
    if "-" not in text:  # SQLite keeps UUIDs as 32 hex digits
        text = f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return f"{HOME}/{text}"


def _rows(page: httpx.Response) -> list[str]:
    """The list's rows, as their cells' text joined by " | "."""
    body = page.text.split('<tbody class="govuk-table__body">')[1].split("</tbody>")[0]
    cells = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
    return [
        " | ".join(" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells.findall(row))
        for row in body.split("</tr>")
        if "<td" in row
    ]


def _names(page: httpx.Response) -> list[str]:
    return [row.split(" | ")[0] for row in _rows(page)]


def _location(client: TestClient[Any], path: str) -> str | None:
    response = client.get(path, follow_redirects=False)
    return response.headers.get("location") if response.is_redirect else None


# The list.


def test_the_home_lists_the_ects_in_induction_with_the_body(body_user):
    page = body_user.get(HOME)
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert HUB in page.text
    assert f"Showing 1 to {ONGOING_AT_HUB} of {ONGOING_AT_HUB} ECTs" in page.text
    names = _names(page)
    assert len(names) == ONGOING_AT_HUB
    assert names[:3] == ["Alfie Hughes", "Alice Williams", "Alice Young"]
    assert names == sorted(names, key=str.casefold)
    assert "govuk-pagination" not in page.text


def test_each_ect_shows_trn_school_start_programme_and_status(body_user):
    rows = {row.split(" | ")[1]: row for row in _rows(body_user.get(HOME))}
    assert rows[BENJAMIN] == (
        "Benjamin Cooper | 3000034 | Ashdown Primary School | 20 September 2025 "
        "| Provider-led | In progress"
    )
    assert rows[ALICE_YOUNG].split(" | ")[4] == "School-led"


def test_finished_inductions_and_other_bodies_ects_are_not_listed(body_user):
    trns = {row.split(" | ")[1] for row in _rows(body_user.get(HOME))}
    assert ALFIE in trns
    assert not trns & {DANIEL, AVA_JOHNSON, THOMAS_GREEN}


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("ava", ["Ava Allen", "Ava Davis", "Ava Wood"]),
        ("  AVA   d ", ["Ava Davis"]),
        ("young", ["Alice Young", "James Young", "Megan Young"]),
        (ALFIE, ["Alfie Hughes"]),
        (THOMAS_GREEN, []),
        ("%", []),
        ("a_", []),
    ],
)
def test_ects_are_found_by_name_prefix_or_by_trn(body_user, search, expected):
    page = body_user.get(HOME, params={"q": search})
    assert page.status_code == 200
    found = _names(page) if expected else []
    assert found == expected
    if not expected:
        assert "No ECTs match" in page.text


def test_a_seven_digit_search_is_only_ever_a_trn(body_user, alter, engine):  # noqa: F811
    teacher_id = scalar(engine, "SELECT id FROM teachers WHERE trn = :trn", trn=ALFIE)
    alter("teachers", {"id": teacher_id}, corrected_name="3000153 Hughes")
    page = body_user.get(HOME, params={"q": "3000153"})
    assert _names(page) == ["Alice Williams"]


def test_the_list_is_paged_with_gov_uk_pagination(body_user, monkeypatch):
    monkeypatch.setattr(teachers, "PAGE_SIZE", 10)
    first = body_user.get(HOME)
    assert "Showing 1 to 10 of 32 ECTs" in first.text
    assert 'class="govuk-pagination"' in first.text
    assert f'href="{HOME}?page=2" rel="next"' in first.text
    assert 'rel="prev"' not in first.text
    third = body_user.get(HOME, params={"page": "3"})
    assert "Showing 21 to 30 of 32 ECTs" in third.text
    assert 'aria-current="page"' in third.text
    assert f'href="{HOME}?page=2" rel="prev"' in third.text
    assert f'href="{HOME}?page=4" rel="next"' in third.text
    pages = [body_user.get(HOME, params={"page": str(n)}) for n in range(1, 5)]
    everyone = [name for page in pages for name in _names(page)]
    assert len(everyone) == len(set(everyone)) == ONGOING_AT_HUB


def test_a_search_keeps_its_words_from_page_to_page(body_user, monkeypatch):
    monkeypatch.setattr(teachers, "PAGE_SIZE", 2)
    page = body_user.get(HOME, params={"q": "ava"})
    assert "Showing 1 to 2 of 3 ECTs matching" in page.text
    assert f'href="{HOME}?q=ava&amp;page=2" rel="next"' in page.text
    assert _names(body_user.get(HOME, params={"q": "ava", "page": "2"})) == ["Ava Wood"]


@pytest.mark.parametrize("page_asked", ["0", "-3", "two", ""])
def test_a_page_number_that_is_not_one_shows_the_first_page(body_user, page_asked):
    page = body_user.get(HOME, params={"page": page_asked})
    assert page.status_code == 200
    assert f"Showing 1 to {ONGOING_AT_HUB}" in page.text


def test_a_page_past_the_end_says_there_are_no_more(body_user):
    page = body_user.get(HOME, params={"page": "999"})
    assert page.status_code == 200
    assert "There are no more ECTs" in page.text


# A teacher's page.


def test_a_teachers_page_shows_their_periods_here_and_their_extensions(body_user, engine):  # noqa: F811
    page = body_user.get(_teacher_path(engine, ALFIE))
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert "Alfie Hughes" in page.text
    assert ALFIE in page.text
    assert _rows(page) == ["13 September 2024 | Ongoing | Provider-led |  | "]
    assert "2 terms" in page.text
    assert "In progress" in page.text


def test_a_teacher_who_passed_with_the_body_can_still_be_seen(body_user, engine):  # noqa: F811
    page = body_user.get(_teacher_path(engine, DANIEL))
    assert page.status_code == 200
    assert _rows(page) == ["2 September 2022 | 19 July 2024 | Provider-led | 6 | Passed"]
    assert "Daniel Jones has no extensions" in page.text


@pytest.mark.parametrize("who", ["another body's", "unknown", "malformed"])
def test_a_teacher_who_is_not_the_bodys_is_not_found(body_user, engine, who):  # noqa: F811
    path = {
        "another body's": _teacher_path(engine, THOMAS_GREEN),
        "unknown": f"{HOME}/{uuid.uuid4()}",
        "malformed": f"{HOME}/not-a-teacher",
    }[who]
    page = body_user.get(path)
    assert page.status_code == 404
    assert is_gov_uk_page(page)
    assert "Thomas Green" not in page.text


# Who may see these pages.


def test_signed_out_people_are_sent_to_sign_in_and_then_back(client, engine):  # noqa: F811
    path = _teacher_path(engine, ALFIE)
    assert _location(client, HOME) == "/"
    assert _location(client, path) == "/"
    assert sign_in(client, JAMIE).headers["location"] == path


@pytest.mark.parametrize("email", [AVA, STAFF_USER])
def test_school_users_and_dfe_staff_are_refused(client, engine, email):  # noqa: F811
    sign_in(client, email)
    for path in (HOME, _teacher_path(engine, ALFIE)):
        page = client.get(path, follow_redirects=False)
        assert page.status_code == 403
        assert is_gov_uk_page(page)
        assert "You cannot view this page" in page.text
        assert "Alfie Hughes" not in page.text


def test_a_body_user_is_sent_home_from_school_and_admin_pages(body_user):
    assert _location(body_user, "/school/home/ects") == HOME
    assert _location(body_user, "/admin") == HOME
