"""The Lead Provider API's guidance pages and its reference in Swagger UI, on the demo
data: GOV.UK pages linked by a side navigation, the schedules and milestone dates as
stored, and Swagger UI served from the app's own assets."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import text

from ecf2.entrypoints.web.api_guidance import PAGES, long_date
from tests.e2e.web.demo_site import (
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    is_gov_uk_page,
)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.slug or "index")
def test_each_guidance_page_is_a_gov_uk_page_in_the_guidance(client, page):
    response = client.get(page.href)
    assert response.status_code == 200
    assert is_gov_uk_page(response)
    assert f"<title>{page.title} - " in response.text
    current = re.search(r'<a [^>]*href="([^"]+)" aria-current="page"', response.text)
    assert current
    assert current.group(1) == page.href
    for other in PAGES:
        assert f'href="{other.href}"' in response.text
    assert 'href="/api/docs/v3"' in response.text


def test_a_page_the_guidance_does_not_have_is_not_found(client):
    assert client.get("/api/guidance/nothing-here").status_code == 404


def test_the_schedules_page_shows_the_stored_milestone_dates(client, engine):  # noqa: F811
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT s.contract_period_year, s.identifier, m.declaration_type, "
                "m.start_date, m.milestone_date FROM milestones m "
                "JOIN schedules s ON s.id = m.schedule_id "
                "WHERE m.milestone_date IS NOT NULL ORDER BY m.id LIMIT 1"
            )
        ).one()
    year, identifier, declaration_type, start_date, milestone_date = stored
    page = client.get("/api/guidance/schedules-and-milestone-dates").text
    section = page.split(f'id="cohort-{year}"')[1]
    table = section.split(f">{identifier}</caption>")[1].split("</table>")[0]
    row = table.split(f">{declaration_type}</th>")[1].split("</tr>")[0]
    assert long_date(date.fromisoformat(str(start_date))) in row
    assert long_date(date.fromisoformat(str(milestone_date))) in row


def test_a_milestone_without_a_deadline_says_so():
    assert long_date(None) == "No deadline"
    assert long_date(date(2025, 6, 1)) == "1 June 2025"


def test_swagger_ui_draws_our_document_from_the_apps_own_assets(client):
    page = client.get("/api/docs/v3")
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert 'data-openapi-url="/api/v3/openapi.yaml"' in page.text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/swagger-ui/swagger-ui-bundle.js" in assets
    assert "/static/swagger-ui/swagger-ui.css" in assets
    assert not re.search(r'(?:src|href)="https?://[^"]+\.(?:js|css)"', page.text)
    for asset in assets:
        response = client.get(asset)
        kind = "text/css" if asset.endswith(".css") else "javascript"
        assert response.status_code == 200, asset
        assert kind in response.headers["content-type"], asset


def test_only_version_3_has_a_reference(client):
    assert client.get("/api/docs/v2").status_code == 404
