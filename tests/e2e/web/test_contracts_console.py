"""The finance console's contract pages over HTTP: contract periods, milestones, lead
providers contracted in a period and their bands, with every refusal shown on the form
((d.1) "Contract periods", "Bands"; finance-and-payments §1.1-§1.7). Tests that add
records use contract periods from 2030 on, which the demo data does not have."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine, text

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
    scalar,
    sign_in,
)

FINANCE = "frances.hale@education.gov.uk"
PRODUCT_TEAM = "sam.okoro@education.gov.uk"
ADMIN = "alex.morgan@education.gov.uk"
SCHOOL_USER = "ava.thomas@ashdown-primary-school.sch.uk"
PERIODS = "/admin/contract-periods"
MILESTONE = f"{PERIODS}/2025/schedules/ecf-standard-september/milestones/started"


@pytest.fixture
def finance(client: TestClient[Any]) -> TestClient[Any]:
    assert sign_in(client, FINANCE).status_code == 303
    return client


def _post(client: TestClient[Any], path: str, page: str, **data: str) -> httpx.Response:
    token = csrf_token(client.get(page))
    return client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def _dates(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


def _period_form(year: str, start: tuple[str, str, str], end: tuple[str, str, str], **flags: str):
    return {"year": year, **_dates("started_on", *start), **_dates("finished_on", *end), **flags}


def _add_period(client: TestClient[Any], year: int, **flags: str) -> httpx.Response:
    form = _period_form(str(year), ("1", "6", str(year)), ("31", "5", str(year + 1)), **flags)
    return _post(client, PERIODS, f"{PERIODS}/new", **form)


def _errors(page: httpx.Response) -> list[str]:
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', page.text, re.S)
    assert summary, "the page has no error summary"
    items = re.findall(r">([^<>]+)</a>", summary.group(1))
    return [html.unescape(re.sub(r"\s+", " ", item).strip()) for item in items]


def _count(engine: Engine, sql: str, **params: Any) -> int:  # noqa: F811
    return int(scalar(engine, sql, **params))


# Who may see the pages.


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(PERIODS, follow_redirects=False)
    assert response.headers["location"] == "/sign-in"


def test_a_school_user_is_sent_to_their_own_home(client):
    sign_in(client, SCHOOL_USER)
    assert client.get(PERIODS, follow_redirects=False).headers["location"] == "/school/home"


@pytest.mark.parametrize("path", [PERIODS, f"{PERIODS}/2025", f"{MILESTONE}/edit"])
def test_dfe_staff_without_finance_access_are_refused(client, path):
    sign_in(client, ADMIN)
    response = client.get(path)
    assert response.status_code == 403
    assert "You cannot use the finance console" in response.text


def test_an_admin_cannot_change_anything_either(client, engine):  # noqa: F811
    sign_in(client, ADMIN)
    response = _post(
        client,
        PERIODS,
        "/personas",
        **_period_form("2040", ("1", "6", "2040"), ("31", "5", "2041")),
    )
    assert response.status_code == 403
    assert _count(engine, "SELECT count(*) FROM contract_periods WHERE year = 2040") == 0


def test_the_product_team_may_use_them(client):
    sign_in(client, PRODUCT_TEAM)
    assert client.get(PERIODS).status_code == 200


# Contract periods.


def test_the_list_shows_every_contract_period(finance):
    page = finance.get(PERIODS)
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    for year in range(2021, 2027):
        assert f'href="{PERIODS}/{year}"' in page.text


def test_a_contract_period_shows_its_settings_schedules_and_lead_providers(finance):
    page = finance.get(f"{PERIODS}/2025")
    assert page.status_code == 200
    assert "ecf-standard-september" in page.text
    assert "ecf-replacement-april" in page.text
    assert re.search(
        r'<a class="govuk-link" href="[^"]+/lead-providers/\d+">Ambition Institute</a>', page.text
    )
    assert "1 June 2025" in page.text


@pytest.mark.parametrize("path", [f"{PERIODS}/2019", f"{PERIODS}/2099/edit", f"{PERIODS}/x"])
def test_unknown_contract_periods_are_not_found(finance, path):
    assert finance.get(path).status_code == 404


def test_changing_an_unknown_contract_period_is_not_found(finance):
    form = _period_form("", ("1", "6", "2099"), ("31", "5", "2100"))
    assert _post(finance, f"{PERIODS}/2099", PERIODS, **form).status_code == 404


def test_adding_a_contract_period(finance, engine):  # noqa: F811
    response = _add_period(finance, 2030, mentor_funding_enabled="yes", uplift_fees_enabled="yes")
    assert response.status_code == 303
    assert response.headers["location"] == f"{PERIODS}/2030"
    row = "SELECT mentor_funding_enabled FROM contract_periods WHERE year = 2030"
    assert scalar(engine, row) in (True, 1)
    events = (
        "SELECT count(*) FROM events WHERE event_type = 'contract_period_added' "
        "AND contract_period_year = 2030"
    )
    assert _count(engine, events) == 1
    assert "2030 contract period" in finance.get(f"{PERIODS}/2030").text


def test_a_contract_period_needs_a_year_and_both_dates(finance):
    response = _post(finance, PERIODS, f"{PERIODS}/new", year="")
    assert response.status_code == 400
    assert is_gov_uk_page(response)
    assert _errors(response) == ["Enter the year", "Enter the start date", "Enter the end date"]


@pytest.mark.parametrize(
    ("form", "error"),
    [
        (
            _period_form("2026", ("1", "6", "2026"), ("31", "5", "2027")),
            "There is already a 2026 contract period",
        ),
        (
            _period_form("2031", ("1", "1", "2027"), ("31", "12", "2027")),
            "The 2031 contract period overlaps the 2026 contract period",
        ),
        (
            _period_form("2032", ("1", "6", "2032"), ("31", "5", "2031")),
            "A period cannot finish (31 May 2031) before it starts (01 June 2032)",
        ),
        (
            _period_form("2019", ("1", "6", "2019"), ("31", "5", "2020")),
            "A contract period's year must be 2020 or later, not 2019",
        ),
        (
            _period_form("20x3", ("1", "6", "2033"), ("31", "5", "2034")),
            "The year must be a whole number",
        ),
        (
            _period_form("2033", ("31", "2", "2033"), ("31", "5", "2034")),
            "The start date must be a real date",
        ),
    ],
)
def test_contract_period_rules_are_shown_in_the_error_summary(finance, engine, form, error):  # noqa: F811
    before = _count(engine, "SELECT count(*) FROM contract_periods")
    response = _post(finance, PERIODS, f"{PERIODS}/new", **form)
    assert response.status_code == 400
    assert error in _errors(response)
    assert _count(engine, "SELECT count(*) FROM contract_periods") == before


def test_a_form_without_the_token_is_refused_and_nothing_is_written(finance, engine):  # noqa: F811
    form = _period_form("2034", ("1", "6", "2034"), ("31", "5", "2035"))
    response = finance.post(PERIODS, data=form, follow_redirects=False)
    assert response.status_code == 403
    assert _count(engine, "SELECT count(*) FROM contract_periods WHERE year = 2034") == 0


def test_changing_a_contract_period_freezes_payments_and_records_what_changed(finance, engine):  # noqa: F811
    _add_period(finance, 2035)
    edit = finance.get(f"{PERIODS}/2035/edit")
    assert edit.status_code == 200
    version = re.search(r'name="version" value="(\d+)"', edit.text).group(1)
    form = _period_form(
        "", ("1", "6", "2035"), ("31", "5", "2036"), enabled="yes", payments_frozen="yes"
    )
    response = _post(finance, f"{PERIODS}/2035", f"{PERIODS}/2035/edit", version=version, **form)
    assert response.status_code == 303
    frozen = "SELECT payments_frozen_at IS NOT NULL FROM contract_periods WHERE year = 2035"
    assert scalar(engine, frozen) in (True, 1)
    changes = scalar(
        engine,
        "SELECT modifications FROM events WHERE event_type = 'contract_period_updated' "
        "AND contract_period_year = 2035",
    )
    assert "Payments frozen changed from 'no' to 'yes'" in str(changes)


def test_a_change_made_meanwhile_by_someone_else_is_not_overwritten(finance):
    _add_period(finance, 2036)
    form = _period_form("", ("1", "6", "2036"), ("31", "5", "2037"), enabled="yes")
    assert _post(finance, f"{PERIODS}/2036", PERIODS, version="1", **form).status_code == 303
    response = _post(finance, f"{PERIODS}/2036", PERIODS, version="1", **form)
    assert response.status_code == 409


def test_a_change_that_would_overlap_is_refused(finance):
    _add_period(finance, 2037)
    form = _period_form("", ("1", "1", "2027"), ("31", "5", "2038"))
    response = _post(finance, f"{PERIODS}/2037", PERIODS, **form)
    assert response.status_code == 400
    assert "The 2037 contract period overlaps the 2026 contract period" in _errors(response)


# Milestones.


def test_a_milestone_form_shows_its_dates(finance):
    page = finance.get(f"{MILESTONE}/edit")
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    # The 2025 standard September schedule's started milestone opens on 1 June 2025.
    for part, value in (("day", "1"), ("month", "6"), ("year", "2025")):
        assert re.search(rf'name="start_date-{part}"[^>]*value="{value}"', page.text)


@pytest.mark.parametrize(
    "path",
    [
        f"{PERIODS}/2025/schedules/ecf-standard-march/milestones/started/edit",
        f"{PERIODS}/2025/schedules/ecf-standard-september/milestones/begun/edit",
        f"{PERIODS}/2099/schedules/ecf-standard-september/milestones/started/edit",
        f"{PERIODS}/2025/schedules/ecf-reduced-september/milestones/extended-3/edit",
    ],
)
def test_unknown_milestones_are_not_found(finance, path):
    assert finance.get(path).status_code == 404


def test_changing_a_milestone(finance, engine, alter):  # noqa: F811
    milestone = (
        "SELECT m.id FROM milestones m JOIN schedules s ON s.id = m.schedule_id "
        "WHERE s.contract_period_year = 2025 AND s.identifier = 'ecf-standard-september' "
        "AND m.declaration_type = 'started'"
    )
    id = scalar(engine, milestone)
    # Registered so that the test puts the milestone back as it was.
    alter("milestones", {"id": id}, start_date=date(2025, 6, 1), milestone_date=None)
    form = {**_dates("start_date", "2", "6", "2025"), **_dates("milestone_date", "30", "6", "2026")}
    response = _post(finance, MILESTONE, f"{MILESTONE}/edit", **form)
    assert response.status_code == 303
    dates = "SELECT start_date, milestone_date FROM milestones WHERE id = :id"
    with engine.connect() as connection:
        row = connection.execute(text(dates), {"id": id}).one()
    assert [str(day) for day in row] == ["2025-06-02", "2026-06-30"]
    event = (
        "SELECT modifications FROM events WHERE event_type = 'milestone_updated' "
        "AND schedule_id = :id"
    )
    schedule_id = scalar(engine, "SELECT schedule_id FROM milestones WHERE id = :id", id=id)
    assert "Start date changed from '1 June 2025' to '2 June 2025'" in str(
        scalar(engine, event, id=schedule_id)
    )


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({**_dates("start_date", "", "", "")}, "Enter the start date"),
        (
            {**_dates("start_date", "31", "5", "2025")},
            "A milestone of the 2025 contract period cannot start before 1 June 2025",
        ),
        (
            {
                **_dates("start_date", "1", "9", "2025"),
                **_dates("milestone_date", "1", "9", "2025"),
            },
            "The started milestone date must be after its start date",
        ),
        (
            {
                **_dates("start_date", "1", "9", "2025"),
                **_dates("milestone_date", "x", "9", "2025"),
            },
            "The milestone date must be a real date",
        ),
    ],
)
def test_milestone_rules_are_shown_in_the_error_summary(finance, form, error):
    response = _post(finance, MILESTONE, f"{MILESTONE}/edit", **form)
    assert response.status_code == 400
    assert error in _errors(response)


# Lead providers in a contract period, and their bands.


def _new_active_lead_provider(client: TestClient[Any], year: int) -> str:
    _add_period(client, year)
    page = client.get(f"{PERIODS}/{year}/lead-providers/new")
    lead_provider_id = re.search(
        r'name="lead_provider_id" type="radio" value="(\d+)"', page.text
    ).group(1)
    response = _post(
        client,
        f"{PERIODS}/{year}/lead-providers",
        f"{PERIODS}/{year}/lead-providers/new",
        lead_provider_id=lead_provider_id,
    )
    assert response.status_code == 303
    return response.headers["location"]


def test_adding_a_lead_provider_to_a_contract_period(finance, engine):  # noqa: F811
    page = _new_active_lead_provider(finance, 2038)
    assert re.fullmatch(rf"{PERIODS}/2038/lead-providers/\d+", page)
    assert finance.get(page).status_code == 200
    events = (
        "SELECT count(*) FROM events WHERE event_type = 'active_lead_provider_created' "
        "AND contract_period_year = 2038"
    )
    assert _count(engine, events) == 1


def test_a_lead_provider_must_be_chosen_once(finance, engine):  # noqa: F811
    _add_period(finance, 2039)
    new = f"{PERIODS}/2039/lead-providers/new"
    response = _post(finance, f"{PERIODS}/2039/lead-providers", new)
    assert response.status_code == 400
    assert _errors(response) == ["Choose a lead provider"]
    lead_provider_id = str(scalar(engine, "SELECT min(id) FROM lead_providers"))
    assert (
        _post(
            finance, f"{PERIODS}/2039/lead-providers", new, lead_provider_id=lead_provider_id
        ).status_code
        == 303
    )
    again = _post(finance, f"{PERIODS}/2039/lead-providers", new, lead_provider_id=lead_provider_id)
    assert again.status_code == 400
    assert any("is already contracted in 2039" in error for error in _errors(again))


def test_an_unknown_lead_provider_or_contract_period_is_not_found(finance):
    assert (
        _post(
            finance, f"{PERIODS}/2025/lead-providers", PERIODS, lead_provider_id="999999"
        ).status_code
        == 404
    )
    assert finance.get(f"{PERIODS}/2099/lead-providers/new").status_code == 404
    assert finance.get(f"{PERIODS}/2025/lead-providers/999999").status_code == 404


def test_a_lead_provider_page_belongs_to_its_own_contract_period(finance, engine):  # noqa: F811
    id = scalar(
        engine, "SELECT min(id) FROM active_lead_providers WHERE contract_period_year = 2025"
    )
    assert finance.get(f"{PERIODS}/2025/lead-providers/{id}").status_code == 200
    assert finance.get(f"{PERIODS}/2024/lead-providers/{id}").status_code == 404


def test_a_2025_contract_shows_its_bands_prices_and_mentor_flat_rate(finance, engine):  # noqa: F811
    id = scalar(
        engine, "SELECT min(id) FROM active_lead_providers WHERE contract_period_year = 2025"
    )
    page = finance.get(f"{PERIODS}/2025/lead-providers/{id}")
    assert "ittecf_ectp" in page.text
    assert "Price per mentor" in page.text
    assert "Band A" in page.text
    assert "Add a band" not in page.text


def test_bands_fill_in_order_and_only_the_last_changes(finance, engine):  # noqa: F811
    page = _new_active_lead_provider(finance, 2040)
    assert _post(finance, f"{page}/bands", f"{page}/bands/new", capacity="200").status_code == 303
    assert _post(finance, f"{page}/bands", f"{page}/bands/new", capacity="300").status_code == 303
    shown = finance.get(page).text
    assert "1 to 200" in shown
    assert "201 to 500" in shown

    smaller = _post(finance, f"{page}/bands/2", f"{page}/bands/2/edit", capacity="250")
    assert smaller.status_code == 400
    assert "Band B's capacity can only increase, from 300" in _errors(smaller)
    first = _post(finance, f"{page}/bands/1", f"{page}/bands/1/edit", capacity="900")
    assert "Only the last band can be changed or removed, not band A" in _errors(first)
    assert (
        _post(finance, f"{page}/bands/2", f"{page}/bands/2/edit", capacity="400").status_code == 303
    )
    assert "201 to 600" in finance.get(page).text

    remove_first = _post(finance, f"{page}/bands/1/delete", f"{page}/bands/1/delete")
    assert remove_first.status_code == 400
    assert _post(finance, f"{page}/bands/2/delete", f"{page}/bands/2/delete").status_code == 303
    assert "201 to" not in finance.get(page).text
    events = (
        "SELECT count(*) FROM events WHERE contract_period_year = 2040 "
        "AND event_type IN ('band_added', 'band_updated', 'band_deleted')"
    )
    assert _count(engine, events) == 4


@pytest.mark.parametrize(
    ("capacity", "error"),
    [
        ("", "Enter the capacity"),
        ("lots", "The capacity must be a whole number"),
        ("0", "A band's capacity must be more than 0"),
    ],
)
def test_a_band_needs_a_capacity_above_zero(finance, capacity, error):
    page = _new_active_lead_provider(finance, 2041 + ["", "lots", "0"].index(capacity))
    response = _post(finance, f"{page}/bands", f"{page}/bands/new", capacity=capacity)
    assert response.status_code == 400
    assert _errors(response) == [error]


def test_bands_are_fixed_once_the_lead_provider_has_a_contract(finance, engine):  # noqa: F811
    id = scalar(
        engine, "SELECT min(id) FROM active_lead_providers WHERE contract_period_year = 2025"
    )
    page = f"{PERIODS}/2025/lead-providers/{id}"
    response = _post(finance, f"{page}/bands", page, capacity="100")
    assert response.status_code == 400
    assert "Bands cannot be added or removed once the lead provider has a contract" in _errors(
        response
    )


def test_bands_of_a_frozen_contract_period_cannot_change(finance, engine):  # noqa: F811
    id = scalar(
        engine, "SELECT min(id) FROM active_lead_providers WHERE contract_period_year = 2021"
    )
    last = scalar(
        engine,
        "SELECT max(allocation_order) FROM active_lead_provider_bands "
        "WHERE active_lead_provider_id = :id",
        id=id,
    )
    page = f"{PERIODS}/2021/lead-providers/{id}"
    response = _post(finance, f"{page}/bands/{last}", page, capacity="999999")
    assert response.status_code == 400
    assert "Payments for 2021 are frozen, so its bands cannot change" in _errors(response)


@pytest.mark.parametrize("suffix", ["/bands/9/edit", "/bands/9/delete"])
def test_unknown_bands_are_not_found(finance, engine, suffix):  # noqa: F811
    id = scalar(
        engine, "SELECT min(id) FROM active_lead_providers WHERE contract_period_year = 2025"
    )
    assert finance.get(f"{PERIODS}/2025/lead-providers/{id}{suffix}").status_code == 404


# The flat rate for mentors on a 2025 (ittecf_ectp) contract.

FLAT_RATE = (
    "SELECT f.contract_id, c.active_lead_provider_id, f.id "
    "FROM contract_flat_rate_fee_structures f "
    "JOIN contracts c ON c.id = f.contract_id "
    "JOIN active_lead_providers a ON a.id = c.active_lead_provider_id "
    "WHERE a.contract_period_year = 2025 ORDER BY f.id"
)


def _flat_rate(engine: Engine) -> tuple[str, int]:  # noqa: F811
    with engine.connect() as connection:
        contract_id, active_id, flat_id = connection.execute(text(FLAT_RATE)).first()
    return f"{PERIODS}/2025/lead-providers/{active_id}/contracts/{contract_id}", flat_id


def test_changing_the_flat_rate_for_mentors(finance, engine, alter):  # noqa: F811
    base, flat_id = _flat_rate(engine)
    with engine.connect() as connection:
        before = connection.execute(
            text(
                "SELECT recruitment_target, fee_per_declaration "
                "FROM contract_flat_rate_fee_structures WHERE id = :id"
            ),
            {"id": flat_id},
        ).one()
    alter(
        "contract_flat_rate_fee_structures",
        {"id": flat_id},
        recruitment_target=before[0],
        fee_per_declaration=before[1],
    )
    form = finance.get(f"{base}/mentor-rate/edit")
    assert form.status_code == 200
    response = _post(
        finance,
        f"{base}/mentor-rate",
        f"{base}/mentor-rate/edit",
        fee_per_declaration="£1,234.50",
        mentor_recruitment_target="321",
    )
    assert response.status_code == 303
    fee = scalar(
        engine,
        "SELECT fee_per_declaration FROM contract_flat_rate_fee_structures WHERE id = :id",
        id=flat_id,
    )
    assert str(fee).startswith("1234.5")
    assert "£1,234.50" in finance.get(response.headers["location"].split("#")[0]).text


@pytest.mark.parametrize(
    ("fee", "target", "error"),
    [
        ("", "300", "Enter the price per mentor"),
        ("lots", "300", "The price per mentor must be an amount, like 1000.00"),
        ("0", "300", "Fee per declaration must be more than 0"),
        (
            "10.001",
            "300",
            "Fee per declaration must have at most 10 digits before the decimal point "
            "and 2 after it",
        ),
        ("1000", "", "Enter the mentor recruitment target"),
        ("1000", "0", "Recruitment target must be more than 0"),
    ],
)
def test_the_flat_rate_rules_are_shown_in_the_error_summary(finance, engine, fee, target, error):  # noqa: F811
    base, _ = _flat_rate(engine)
    response = _post(
        finance,
        f"{base}/mentor-rate",
        f"{base}/mentor-rate/edit",
        fee_per_declaration=fee,
        mentor_recruitment_target=target,
    )
    assert response.status_code == 400
    assert error in _errors(response)


def test_a_frozen_contract_period_keeps_its_flat_rate(finance, engine, alter):  # noqa: F811
    base, _ = _flat_rate(engine)
    alter("contract_periods", {"year": 2025}, payments_frozen_at=datetime(2026, 1, 1, tzinfo=UTC))
    response = _post(
        finance,
        f"{base}/mentor-rate",
        f"{base}/mentor-rate/edit",
        fee_per_declaration="1500",
        mentor_recruitment_target="300",
    )
    assert response.status_code == 400
    assert (
        "Payments for this contract period are frozen, so its contracts cannot change"
        in _errors(response)
    )


def test_a_contract_without_a_flat_rate_or_of_another_lead_provider_is_not_found(finance, engine):  # noqa: F811
    base, _ = _flat_rate(engine)
    ecf_contract = scalar(
        engine,
        "SELECT c.id FROM contracts c "
        "JOIN active_lead_providers a ON a.id = c.active_lead_provider_id "
        "WHERE a.contract_period_year = 2024 ORDER BY c.id LIMIT 1",
    )
    active_2024 = scalar(
        engine, "SELECT active_lead_provider_id FROM contracts WHERE id = :id", id=ecf_contract
    )
    ecf = f"{PERIODS}/2024/lead-providers/{active_2024}/contracts/{ecf_contract}/mentor-rate/edit"
    assert finance.get(ecf).status_code == 404
    elsewhere = base.replace("/contracts/", "/contracts/9999")
    assert finance.get(f"{elsewhere}/mentor-rate/edit").status_code == 404
    wrong_year = base.replace("/2025/", "/2024/")
    assert finance.get(f"{wrong_year}/mentor-rate/edit").status_code == 404


def test_a_flat_rate_form_without_the_token_is_refused(finance, engine):  # noqa: F811
    base, _ = _flat_rate(engine)
    response = finance.post(
        f"{base}/mentor-rate",
        data={"fee_per_declaration": "1", "mentor_recruitment_target": "1"},
        follow_redirects=False,
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        MILESTONE,
        f"{PERIODS}/2025",
        f"{PERIODS}/2025/lead-providers",
        "{active}/bands",
        "{active}/bands/1",
        "{active}/bands/1/delete",
    ],
)
def test_every_form_needs_the_token(finance, engine, path):  # noqa: F811
    events_before = _count(engine, "SELECT count(*) FROM events")
    active = scalar(
        engine, "SELECT min(id) FROM active_lead_providers WHERE contract_period_year = 2025"
    )
    path = path.format(active=f"{PERIODS}/2025/lead-providers/{active}")
    response = finance.post(path, data={"capacity": "5000"}, follow_redirects=False)
    assert response.status_code == 403
    assert _count(engine, "SELECT count(*) FROM events") == events_before
