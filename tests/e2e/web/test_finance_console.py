"""The finance console over HTTP on the demo data: who may use it, the statement search,
a statement's page, its adjustments, audit notes and authorisation, its declarations CSV,
and voiding declarations (finance-and-payments §3.3, §4.3, §8, §8.1;
inductions-trs-sign-in-admin (c.3), (c.5), (d.1))."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import select, text

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.queries.finance_declarations import CSV_COLUMNS
from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    csrf_token,
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    is_gov_uk_page,
    post_form,
    sign_in,
)
from tests.e2e.web.finance_site import (
    ADMIN_USER,
    PRODUCT_TEAM_USER,
    STATEMENTS,
    declaration_on,
    flat,
    section,
    sign_in_as_finance,
    statement_id,
    statement_path,
)


@pytest.fixture
def finance(client: TestClient[Any]) -> TestClient[Any]:
    sign_in_as_finance(client)
    return client


def _events(engine, event_type: str) -> list[EventRow]:  # noqa: F811
    with engine.connect() as connection:
        return list(
            connection.execute(select(EventRow).where(EventRow.event_type == event_type)).all()
        )


# Who may use the console (c.3, c.5).


def test_dfe_staff_are_offered_on_the_persona_page_and_land_on_the_admin_home(client):
    personas = client.get("/personas")
    for name in ("Frances Hale", "Alex Morgan", "Sam Okoro"):
        assert f"Sign in as {name}" in personas.text
    assert sign_in(client, "frances.hale@education.gov.uk").headers["location"] == "/admin"
    home = client.get("/admin")
    assert home.status_code == 200
    assert is_gov_uk_page(home)
    assert 'href="/admin/finance"' in home.text
    finance = client.get("/admin/finance")
    assert finance.status_code == 200
    assert f'href="{STATEMENTS}"' in finance.text


def test_the_product_team_may_use_the_console(client):
    sign_in_as_finance(client, PRODUCT_TEAM_USER)
    assert client.get(STATEMENTS).status_code == 200


def test_staff_without_the_finance_role_are_refused(client, engine):  # noqa: F811
    sign_in(client, ADMIN_USER)
    home = client.get("/admin")
    assert "Your role does not include finance" in home.text
    path = statement_path(engine, "Ambition Institute", 2025, 11, 2026)
    for page in ("/admin/finance", STATEMENTS, path, f"{path}/declarations.csv"):
        refused = client.get(page)
        assert refused.status_code == 403, page
        assert "You cannot use the finance console" in refused.text
    token = csrf_token(client.get("/admin"))
    posted = client.post(f"{path}/authorise", data={"csrf_token": token})
    assert posted.status_code == 403


def test_a_role_taken_away_takes_effect_at_once(finance, engine, alter):  # noqa: F811
    assert finance.get(STATEMENTS).status_code == 200
    alter("dfe_staff_users", {"email": "frances.hale@education.gov.uk"}, role="admin")
    assert finance.get(f"{STATEMENTS}?lead_provider=").status_code == 403


def test_school_users_go_to_their_home_and_visitors_to_sign_in(client):
    assert client.get(STATEMENTS, follow_redirects=False).headers["location"] == "/sign-in"
    sign_in(client)
    response = client.get(STATEMENTS, follow_redirects=False)
    assert response.headers["location"] == "/school/home"


# The statement search.


def test_the_search_lists_output_statements_by_default(finance):
    page = finance.get(STATEMENTS)
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert "Output" in page.text
    assert ">Service fee</td>" not in page.text
    assert "narrow your search" in page.text


def test_the_search_filters_by_provider_period_month_and_type(finance, engine):  # noqa: F811
    provider = _provider_id(engine, "Teach First")
    query = f"?lead_provider={provider}&contract_period=2025&month=11&year=2026&fee_type=output"
    page = finance.get(STATEMENTS + query)
    assert page.status_code == 200
    text_of = flat(page)
    assert "1 statement " in text_of
    assert "Teach First 2025 November 2026 Output 25 November 2026 Payable" in text_of
    service = finance.get(
        f"{STATEMENTS}?lead_provider={provider}&contract_period=2025&fee_type=service"
    )
    assert "Service fee" in flat(service)
    assert ">Output</td>" not in service.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("lead_provider=999999", "Select a lead provider from the list"),
        ("contract_period=1999", "Select a contract period from the list"),
        ("month=13&year=2026", "Statement month must be a number from 1 to 12"),
        ("month=ab", "Statement month must be a number from 1 to 12"),
        ("year=26", "Statement year must be a 4 digit year, 2020 or later"),
        ("fee_type=bonus", "Select output, service fee or all statements"),
    ],
)
def test_bad_filters_are_explained_in_an_error_summary(finance, query, message):
    page = finance.get(f"{STATEMENTS}?{query}")
    assert page.status_code == 400
    assert "govuk-error-summary" in page.text
    assert message in page.text
    assert "Error: Statements" in page.text


def _provider_id(engine, name: str) -> int:  # noqa: F811
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT id FROM lead_providers WHERE name = :name"), {"name": name}
        ).scalar_one()


# A statement's page.


def test_an_unknown_statement_is_not_found(finance):
    assert finance.get(f"{STATEMENTS}/{uuid.uuid4()}").status_code == 404
    assert finance.get(f"{STATEMENTS}/not-an-id").status_code == 404
    assert finance.get(f"{STATEMENTS}/{uuid.uuid4()}/declarations.csv").status_code == 404


def test_a_statement_shows_its_panels_in_order(finance, engine):  # noqa: F811
    page = finance.get(statement_path(engine, "Education Development Trust", 2025, 11, 2026))
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    shown = flat(page)
    order = [
        "Education Development Trust, 2025 contract period",
        "November 2026",
        "Total £",
        "Milestone cut off date 31 October 2026",
        "Payment date 25 November 2026",
        "Payment overview",
        "ECTs output payment",
        "Mentors output payment",
        "Payment authorisation",
        "Authorise for payment",
        "Declarations",
        "Download declarations (CSV)",
        "Early career teacher (ECT) output payments",
        "Mentor output payments",
        "ECT clawbacks",
        "Mentor clawbacks",
        "Additional adjustments",
        "Audit notes",
        "Provider targets (per academic year)",
        "ECTs recruitment target",
        "Revised recruitment target (150%)",
        "Mentors recruitment target",
        "Calculation rounding errors",
    ]
    at = 0
    for words in order:
        found = shown.find(words, at)
        assert found >= 0, f"{words!r} is missing or out of order"
        at = found + len(words)
    assert "Uplift fees" not in shown  # no uplifts on ittecf_ectp contracts (§2)
    assert "Voided 2 0" in section(page, "declarations")


def test_a_service_fee_statement_has_no_outputs_or_authorisation(finance, engine):  # noqa: F811
    page = finance.get(statement_path(engine, "Ambition Institute", 2025, 12, 2026))
    shown = flat(page)
    assert "Service fee" in section(page, "payment-overview")
    for absent in (
        "Payment authorisation",
        "output payments",
        "Download declarations",
        "Add an adjustment",
    ):
        assert absent not in shown
    assert "ECT clawbacks" in shown  # rendered on every statement (§8 item 7)


def test_an_open_statement_explains_why_it_cannot_be_authorised(finance, engine):  # noqa: F811
    page = finance.get(statement_path(engine, "Ambition Institute", 2025, 1, 2027))
    shown = flat(page)
    expected = "The January 2027 statement cannot be authorised for payment: it has a deadline"
    assert f"{expected} that has not passed yet." in shown
    assert "assurance_checks_done" not in page.text


def test_a_paid_statement_says_when_it_was_authorised(finance, engine, alter):  # noqa: F811
    api_id = statement_id(engine, "Ambition Institute", 2025, 8, 2026)
    alter(
        "statements",
        {"api_id": api_id},
        marked_as_paid_at=datetime(2026, 8, 20, 13, 5, tzinfo=UTC),
    )
    page = finance.get(f"{STATEMENTS}/{api_id}")
    shown = flat(page)
    assert "Authorised for payment at 2:05pm on 20 August 2026" in shown
    assert "Add an adjustment" not in shown
    assert "Change" not in section(page, "adjustments")


# Adjustments (§1.9): Teach First's 2025 November 2026 statement is payable, so adjustable.


def _teach_first(engine) -> str:  # noqa: F811
    return statement_path(engine, "Teach First", 2025, 11, 2026)


def test_finance_add_change_and_remove_an_adjustment(finance, engine):  # noqa: F811
    path = _teach_first(engine)
    form = finance.get(f"{path}/adjustments/new")
    assert form.status_code == 200
    assert is_gov_uk_page(form)
    added = post_form(
        finance,
        f"{path}/adjustments",
        page=f"{path}/adjustments/new",
        payment_type="Extra training event",
        amount="£1,250.50",
    )
    assert (added.status_code, added.headers["location"]) == (303, path)
    page = finance.get(path)
    assert "Adjustment &#39;Extra training event&#39; added" in page.text
    assert "govuk-notification-banner--success" in page.text
    adjustments = section(page, "adjustments")
    assert "Extra training event" in adjustments
    assert "Total £1,250.50" in adjustments
    assert "Additional adjustments £1,250.50" in section(page, "payment-overview")
    assert "govuk-notification-banner" not in finance.get(path).text  # shown once
    adjustment = _adjustment_id(engine, "Extra training event")

    changed = post_form(
        finance,
        f"{path}/adjustments/{adjustment}",
        page=f"{path}/adjustments/{adjustment}/edit",
        payment_type="Extra training events",
        amount="-99.99",
    )
    assert changed.status_code == 303
    assert "Total -£99.99" in section(finance.get(path), "adjustments")

    confirm = finance.get(f"{path}/adjustments/{adjustment}/remove")
    assert "Are you sure you want to remove" in confirm.text
    removed = post_form(
        finance,
        f"{path}/adjustments/{adjustment}/remove",
        page=f"{path}/adjustments/{adjustment}/remove",
    )
    assert removed.status_code == 303
    assert "Total £0.00" in section(finance.get(path), "adjustments")
    events = [e.event_type for e in _events(engine, "statement_adjustment_added")]
    assert events
    assert _events(engine, "statement_adjustment_updated")
    assert _events(engine, "statement_adjustment_deleted")


@pytest.mark.parametrize(
    ("payment_type", "amount", "field", "message"),
    [
        ("", "100", "payment_type", "Enter a payment type"),
        ("x" * 501, "100", "payment_type", "Payment type must be 500 characters or fewer"),
        ("Event", "", "amount", "Enter an amount"),
        ("Event", "lots", "amount", "Enter the amount as a number, like 250 or -99.50"),
        ("Event", "0", "amount", "Amount must not be zero"),
        ("Event", "1000000.01", "amount", "Amount must be between -£1,000,000 and £1,000,000"),
        ("Event", "12.345", "amount", "Amount must be in pounds and pence"),
    ],
)
def test_a_bad_adjustment_is_refused_with_errors(
    finance,
    engine,  # noqa: F811
    payment_type,
    amount,
    field,
    message,
):
    path = _teach_first(engine)
    before = _count(engine, "statement_adjustments")
    response = post_form(
        finance,
        f"{path}/adjustments",
        page=f"{path}/adjustments/new",
        payment_type=payment_type,
        amount=amount,
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert f'href="#{field}"' in response.text
    assert message.replace("£", "&pound;") in response.text or message in response.text
    assert _count(engine, "statement_adjustments") == before


def test_a_paid_or_service_statement_offers_no_adjustment_forms(finance, engine):  # noqa: F811
    paid = statement_path(engine, "Teach First", 2025, 8, 2026)
    service = statement_path(engine, "Teach First", 2025, 12, 2026)
    for path in (paid, service):
        assert finance.get(f"{path}/adjustments/new").status_code == 404
        refused = post_form(finance, f"{path}/adjustments", page=path, payment_type="X", amount="1")
        assert refused.status_code == 404
    path = _teach_first(engine)
    for missing in ("adjustments/999999/edit", "adjustments/999999/remove"):
        assert finance.get(f"{path}/{missing}").status_code == 404
    unknown = f"{STATEMENTS}/{uuid.uuid4()}"
    for missing in ("adjustments/new", "audit-notes/new"):
        assert finance.get(f"{unknown}/{missing}").status_code == 404
    refused = post_form(finance, f"{unknown}/audit-notes", page=path, body="A note")
    assert refused.status_code == 404


def test_a_form_without_its_csrf_token_is_refused(finance, engine):  # noqa: F811
    path = _teach_first(engine)
    before = _count(engine, "statement_adjustments")
    refused = finance.post(f"{path}/adjustments", data={"payment_type": "X", "amount": "5"})
    assert refused.status_code == 403
    forged = finance.post(
        f"{path}/adjustments", data={"payment_type": "X", "amount": "5", "csrf_token": "forged"}
    )
    assert forged.status_code == 403
    assert _count(engine, "statement_adjustments") == before


def _count(engine, table: str) -> int:  # noqa: F811
    with engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def _adjustment_id(engine, payment_type: str) -> int:  # noqa: F811
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT max(id) FROM statement_adjustments WHERE payment_type = :name"),
            {"name": payment_type},
        ).scalar_one()


# Audit notes (§1.10).


def test_finance_add_an_audit_note(finance, engine):  # noqa: F811
    path = statement_path(engine, "Best Practice Network", 2025, 11, 2026)
    empty = post_form(finance, f"{path}/audit-notes", page=f"{path}/audit-notes/new", body="  ")
    assert empty.status_code == 400
    assert "Enter a note" in empty.text
    added = post_form(
        finance,
        f"{path}/audit-notes",
        page=f"{path}/audit-notes/new",
        body="Two declarations were moved here from October.",
    )
    assert added.status_code == 303
    page = finance.get(path)
    notes = flat(page)
    assert "Audit note added" in notes
    assert "10:00am on 23 November 2026 Two declarations were moved here from October." in notes
    assert _events(engine, "statement_audit_note_added")


# Authorising for payment (§3.3): Ambition Institute's 2025 November 2026 statement.


def test_authorising_needs_the_assurance_tick_then_pays_the_statement(finance, engine):  # noqa: F811
    api_id = statement_id(engine, "Ambition Institute", 2025, 11, 2026)
    path = f"{STATEMENTS}/{api_id}"
    unticked = post_form(finance, f"{path}/authorise", page=path)
    assert unticked.status_code == 400
    assert "Confirm that the assurance checks have been done" in unticked.text
    assert 'href="#assurance_checks_done"' in unticked.text
    authorised = post_form(finance, f"{path}/authorise", page=path, assurance_checks_done="yes")
    assert (authorised.status_code, authorised.headers["location"]) == (303, path)
    page = finance.get(path)
    shown = flat(page)
    assert "The November 2026 statement has been authorised for payment" in shown
    assert "Authorised for payment at 10:00am on 23 November 2026" in shown
    assert "Add an adjustment" not in shown
    with engine.connect() as connection:
        statuses = (
            connection.execute(
                text(
                    "SELECT d.payment_status FROM declarations d JOIN statements s "
                    "ON s.id = d.payment_statement_id WHERE s.api_id = :id"
                ),
                {"id": api_id.hex if engine.dialect.name == "sqlite" else api_id},
            )
            .scalars()
            .all()
        )
    assert set(statuses) == {"paid", "voided"}
    assert _events(engine, "statement_authorised_for_payment")
    again = post_form(
        finance, f"{path}/authorise", page=f"{STATEMENTS}", assurance_checks_done="yes"
    )
    assert again.status_code == 400
    assert "has already been authorised for payment" in again.text


# The declarations CSV (§8.1).


def test_the_declarations_csv_lists_the_statements_declarations(finance, engine):  # noqa: F811
    path = statement_path(engine, "Education Development Trust", 2025, 11, 2026)
    response = finance.get(f"{path}/declarations.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert (
        'filename="education-development-trust-2025-contract-november-2026-declarations.csv"'
        in response.headers["content-disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == 15
    assert sum(r["Declaration Status"] == "voided" for r in rows) == 2
    assert {r["Statement Name"] for r in rows} == {"November 2026"}
    assert {r["Lead Provider Name"] for r in rows} == {"Education Development Trust"}
    assert {r["Type"] for r in rows} <= {"ect", "mentor"}
    dates = [(r["Declaration Date"], r["Declaration Created At"]) for r in rows]
    assert all(day.endswith("Z") for day, _ in dates)
    service = statement_path(engine, "Education Development Trust", 2025, 12, 2026)
    assert finance.get(f"{service}/declarations.csv").status_code == 404


# Voiding a declaration (§4.3): UCL's declarations.


def test_finding_a_declaration_to_void(finance, engine):  # noqa: F811
    page = finance.get("/admin/finance/declarations")
    assert page.status_code == 200
    bad = finance.get("/admin/finance/declarations?id=nonsense")
    assert bad.status_code == 400
    assert "Enter a declaration ID" in bad.text
    unknown = finance.get(f"/admin/finance/declarations?id={uuid.uuid4()}")
    assert unknown.status_code == 400
    assert "There is no declaration with that ID" in unknown.text
    assert finance.get(f"/admin/finance/declarations/{uuid.uuid4()}/void").status_code == 404
    statement = statement_id(engine, "UCL Early Career Teacher Education", 2025, 11, 2026)
    declaration = declaration_on(engine, statement, "payable")
    found = finance.get(f"/admin/finance/declarations?id={declaration}", follow_redirects=False)
    assert found.headers["location"] == f"/admin/finance/declarations/{declaration}/void"


def test_voiding_an_unpaid_declaration_needs_confirming(finance, engine):  # noqa: F811
    statement = statement_id(engine, "UCL Early Career Teacher Education", 2025, 11, 2026)
    declaration = declaration_on(engine, statement, "payable")
    path = f"/admin/finance/declarations/{declaration}/void"
    confirm = finance.get(path)
    assert "It stays on its statement as a voided declaration" in confirm.text
    unconfirmed = post_form(finance, path, page=path)
    assert unconfirmed.status_code == 400
    assert "Confirm that you want to void this declaration" in unconfirmed.text
    voided = post_form(finance, path, page=path, confirmed="yes")
    assert voided.status_code == 303
    assert voided.headers["location"] == f"{STATEMENTS}/{statement}"
    assert "declaration has been voided" in finance.get(voided.headers["location"]).text
    again = finance.get(path)
    assert "cannot be voided" in again.text
    refused = post_form(finance, path, page=path, confirmed="yes")
    assert refused.status_code == 400
    assert "cannot be voided" in refused.text


def test_voiding_a_paid_declaration_claws_it_back(finance, engine):  # noqa: F811
    statement = statement_id(engine, "UCL Early Career Teacher Education", 2025, 8, 2026)
    declaration = declaration_on(engine, statement, "paid")
    path = f"/admin/finance/declarations/{declaration}/void"
    assert "claws the payment back" in finance.get(path).text
    clawed = post_form(finance, path, page=path, confirmed="yes")
    assert clawed.status_code == 303
    assert "is awaiting clawback" in finance.get(clawed.headers["location"]).text
    january = finance.get(
        statement_path(engine, "UCL Early Career Teacher Education", 2025, 1, 2027)
    )
    assert (
        "Clawbacks 1" in flat(january)
        or "Clawbacks 0 1" in flat(january)
        or "Clawbacks 1 0" in flat(january)
    )
