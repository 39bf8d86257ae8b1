from litestar import get
from sqlalchemy import create_engine, text

from ecf2.container import build_container
from ecf2.entrypoints.app import create_app
from ecf2.settings import Settings


def test_the_start_page_is_a_gov_uk_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Register early career teachers</h1>' in response.text
    assert "/static/govuk/govuk-frontend.min.css" in response.text
    assert "govuk-header" in response.text


def test_gov_uk_frontend_assets_are_served_by_the_app_itself(client):
    assert client.get("/static/govuk/govuk-frontend.min.css").status_code == 200
    assert client.get("/static/govuk/govuk-frontend.min.js").status_code == 200
    assert client.get("/assets/images/favicon.svg").status_code == 200


def test_an_unknown_page_is_a_gov_uk_not_found_page(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_an_unknown_api_path_answers_with_the_api_error_envelope(client):
    response = client.get("/api/v3/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {
        "errors": [
            {"title": "Resource not found", "detail": "Nothing could be found for the request"}
        ]
    }


def test_an_unexpected_error_is_a_gov_uk_problem_page_without_details(app, client):
    @get("/boom", sync_to_thread=False)
    def boom() -> str:
        raise RuntimeError("secret internals")

    app.register(boom)
    response = client.get("/boom")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text
    assert "secret internals" not in response.text


def test_the_healthcheck_reports_the_database_and_migrations(client):
    response = client.get("/healthcheck")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["migrations"] == "at head"
    assert body["version"]


def test_the_healthcheck_fails_when_migrations_are_pending(tmp_path):
    url = f"sqlite:///{tmp_path}/empty.sqlite3"
    with create_engine(url).begin() as connection:
        connection.execute(text("CREATE TABLE placeholder (id INTEGER)"))
    app = create_app(build_container(Settings.from_environment({"ECF2_DATABASE_URL": url})))
    from litestar.testing import TestClient

    with TestClient(app) as client:
        response = client.get("/healthcheck")
    assert response.status_code == 503
    assert response.json()["status"] == "migrations pending"
