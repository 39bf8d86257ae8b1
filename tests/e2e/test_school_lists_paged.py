"""A school's ECT and mentor lists, 20 people a page in name order, each page in two SQL
statements (the school's access with its induction tutor gate, then the list), on the
large school `ecf2 seed benchmark` makes: here 25 ECTs and 12 mentors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import event

from ecf2.entrypoints.benchmark_data.plan import large_school_urn
from ecf2.entrypoints.cli import main
from ecf2.entrypoints.demo.personas import PERSONAS
from tests.e2e.web.demo_site import sign_in

CARD_TITLE = re.compile(r'govuk-summary-card__title"><a class="govuk-link" href="[^"]+">([^<]+)<')


@pytest.fixture
def seeded(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ECF2_DATABASE_URL", database_url)
    arguments = ["seed", "benchmark", "--teachers", "60", "--large-school-ects", "25", "--yes"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return database_url


@pytest.fixture
def school_user(seeded: str, client: TestClient[Any]) -> TestClient[Any]:
    email = next(each.email for each in PERSONAS if each.school_urn == large_school_urn())
    assert sign_in(client, email).status_code == 303
    return client


@pytest.fixture
def statements(app: Any) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    engine = app.state.container.engine()
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _names(page: httpx.Response) -> list[str]:
    return CARD_TITLE.findall(page.text)


def _in_name_order(names: list[str]) -> bool:
    return names == sorted(names, key=str.casefold)


def test_the_ect_list_shows_20_ects_a_page_in_name_order(school_user):
    first = school_user.get("/school/home/ects")
    second = school_user.get("/school/home/ects", params={"page": 2})
    assert first.status_code == second.status_code == 200
    assert len(_names(first)) == 20
    assert len(_names(second)) == 5
    everyone = _names(first) + _names(second)
    assert _in_name_order(everyone)
    assert len(set(everyone)) == 25
    assert 'class="govuk-pagination"' in first.text
    assert 'href="/school/home/ects?page=2"' in first.text
    assert 'aria-current="page"' in second.text
    assert 'href="/school/home/ects?page=1"' in second.text  # back to the first page
    assert "govuk-pagination__next" not in second.text


def test_a_page_past_the_end_is_not_found(school_user):
    assert school_user.get("/school/home/ects", params={"page": "3"}).status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "two"])
def test_a_page_number_that_is_not_one_shows_the_first_page(school_user, page):
    response = school_user.get("/school/home/ects", params={"page": page})
    assert response.status_code == 200
    assert response.text.count('aria-current="page"') == school_user.get(
        "/school/home/ects"
    ).text.count('aria-current="page"')


def test_a_list_that_fits_on_one_page_has_no_pagination(school_user):
    page = school_user.get("/school/home/mentors")
    assert page.status_code == 200
    assert len(_names(page)) == 12
    assert _in_name_order(_names(page))
    assert "govuk-pagination" not in page.text


def test_each_list_page_runs_two_sql_statements(school_user, statements):
    for path in ("/school/home/ects", "/school/home/ects?page=2", "/school/home/mentors"):
        statements.clear()
        assert school_user.get(path).status_code == 200
        assert len(statements) == 2, statements
