"""From a school's registration to the lead provider's API, on the demo data: an ECT
registered as provider-led with a lead provider the school has no partnership with that
year trains under an expression of interest, unseen by the provider's participants
(lead-provider-api-v3 §0, §2.1); once the provider confirms a partnership with the
school, the ECT joins it and shows with the school and the delivery partner
(participants-and-schools §3.10, scenario 16; lead-provider-api-v3 §2.6)."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from typing import Any

import attrs
from litestar.testing import TestClient
from sqlalchemy import Engine, select, text

from ecf2.adapters.db.metadata import metadata
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.schemas import api_datetime
from ecf2.entrypoints.demo.providers import DEMO_TOKENS
from tests.e2e.api.conftest import Api
from tests.e2e.api.contract import check
from tests.e2e.web.demo_site import (
    AVA,
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
)
from tests.e2e.web.demo_site import app as demo_site_app  # noqa: F401 (fixture)
from tests.e2e.web.test_register_ect import (
    BASE,
    KIRSTY,
    answer_details,
    app,  # noqa: F401 (fixture)
    find,
    goes_to,
    post,
    school_user,  # noqa: F401 (fixture)
    trs_data,  # noqa: F401 (fixture)
    trs_url,  # noqa: F401 (fixture)
)

SCHOOLS = metadata.tables["schools"]


@attrs.frozen
class Choice:
    """The signed-in user's school, this year, and a lead provider active this year,
    working with delivery partners, that has no partnership with the school this year."""

    school_id: int
    school_api_id: str
    urn: str
    year: int
    lead_provider_id: int
    lead_provider_name: str


def choose(db: Engine, today: date) -> Choice:
    with db.connect() as connection:
        school_id, school_api_id, urn = connection.execute(
            select(SCHOOLS.c.id, SCHOOLS.c.api_id, SCHOOLS.c.urn).where(
                SCHOOLS.c.induction_tutor_email == AVA
            )
        ).one()
        year = connection.execute(
            text(
                "SELECT year FROM contract_periods WHERE started_on <= :today "
                "AND finished_on >= :today"
            ),
            {"today": today},
        ).scalar_one()
        provider = connection.execute(
            text(
                "SELECT lp.id, lp.name FROM lead_providers lp "
                "JOIN active_lead_providers alp ON alp.lead_provider_id = lp.id "
                "WHERE alp.contract_period_year = :year "
                "AND EXISTS (SELECT 1 FROM lead_provider_delivery_partnerships lpdp "
                "  WHERE lpdp.active_lead_provider_id = alp.id) "
                "AND NOT EXISTS (SELECT 1 FROM school_partnerships sp "
                "  JOIN lead_provider_delivery_partnerships lpdp "
                "    ON lpdp.id = sp.lead_provider_delivery_partnership_id "
                "  WHERE lpdp.active_lead_provider_id = alp.id AND sp.school_id = :school) "
                "ORDER BY lp.name"
            ),
            {"year": year, "school": school_id},
        ).first()
    assert provider is not None, "every lead provider is partnered with the school this year"
    lead_provider_id, name = provider
    return Choice(school_id, str(school_api_id), urn, year, lead_provider_id, name)


def api_id_of(db: Engine, table_name: str, column: str, value: str) -> uuid.UUID:
    table = metadata.tables[table_name]
    with db.connect() as connection:
        return connection.execute(select(table.c.api_id).where(table.c[column] == value)).one()[0]


def id_of(db: Engine, table_name: str, api_id: uuid.UUID) -> int:
    table = metadata.tables[table_name]
    with db.connect() as connection:
        return connection.execute(select(table.c.id).where(table.c.api_id == api_id)).one()[0]


def training_of(db: Engine, trn: str) -> tuple[Any, Any]:
    """The ECT's (only) training period: its partnership and its expression of interest."""
    with db.connect() as connection:
        return tuple(
            connection.execute(
                text(
                    "SELECT tp.school_partnership_id, tp.expression_of_interest_id "
                    "FROM training_periods tp JOIN teachers t ON t.id = tp.teacher_id "
                    "WHERE t.trn = :trn"
                ),
                {"trn": trn},
            ).one()
        )


def participant_ids(api: Api) -> set[str]:
    """Every participant the lead provider sees, page by page until an empty one (§1.4)."""
    seen: set[str] = set()
    for page in range(1, 100):
        data = api.data("/participants", {"page[per_page]": "1000", "page[page]": str(page)})
        if not data:
            return seen
        seen |= {item["id"] for item in data}
    raise AssertionError("more pages of participants than expected")


def confirm_partnership(api: Api, **attributes: str) -> Any:
    body = {"data": {"type": "partnership", "attributes": attributes}}
    response = api.client.post(
        "/api/v3/partnerships",
        content=json.dumps(body),
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"},
    )
    check(response)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_an_ect_registered_with_a_provider_not_yet_partnered_reaches_it_once_it_partners(
    school_user: TestClient[Any],  # noqa: F811
    engine: Engine,  # noqa: F811
    clock,  # noqa: F811
):
    today = clock.today()
    chosen = choose(engine, today)
    provider = Api(school_user, DEMO_TOKENS[chosen.lead_provider_name])

    # The school registers the ECT as provider-led with that lead provider, from today.
    assert goes_to(find(school_user, KIRSTY), "review-details")
    answer_details(school_user, engine, today, trn=KIRSTY)
    post(school_user, "training-programme", training_programme="provider_led")
    chosen_provider = post(school_user, "lead-provider", lead_provider_id=chosen.lead_provider_id)
    assert goes_to(chosen_provider, "check-answers")
    assert chosen.lead_provider_name in school_user.get(f"{BASE}/check-answers").text
    assert goes_to(post(school_user, "check-answers"), "confirmation")
    teacher_id = str(api_id_of(engine, "teachers", "trn", KIRSTY))
    partnership_id, interest_id = training_of(engine, KIRSTY)
    assert partnership_id is None
    # The API's updated_at is never null, even for a teacher no provider sees yet.
    updated = "SELECT api_updated_at FROM teachers WHERE trn = :trn"
    assert scalar(engine, updated, trn=KIRSTY) is not None
    assert interest_id == scalar(
        engine,
        "SELECT id FROM active_lead_providers WHERE lead_provider_id = :lp "
        "AND contract_period_year = :year",
        lp=chosen.lead_provider_id,
        year=chosen.year,
    )

    # Under an expression of interest alone the ECT is no participant of the provider's
    # (§0, §2.1), though the school shows the interest to it (§2.7).
    assert provider.get(f"/participants/{teacher_id}").status_code == 404
    assert teacher_id not in participant_ids(provider)
    cohort = {"filter[cohort]": str(chosen.year)}
    school = provider.data(f"/schools/{chosen.school_api_id}", cohort)["attributes"]
    assert school["expression_of_interest"] is True

    # The provider confirms a partnership with the school through a delivery partner it
    # works with this year.
    partners = provider.data("/delivery-partners", cohort)
    assert partners
    partner = partners[0]
    assert str(chosen.year) in partner["attributes"]["cohort"]
    partnership = confirm_partnership(
        provider,
        cohort=str(chosen.year),
        school_id=chosen.school_api_id,
        delivery_partner_id=partner["id"],
    )
    assert partnership["attributes"]["urn"] == chosen.urn
    assert partnership["attributes"]["delivery_partner_id"] == partner["id"]
    assert partnership["attributes"]["participants_currently_training"] >= 1

    # The ECT's training joins the partnership, keeping its expression of interest (§3.10),
    # and the provider now sees the ECT, at the school, with the delivery partner.
    confirmed = id_of(engine, "school_partnerships", uuid.UUID(partnership["id"]))
    assert training_of(engine, KIRSTY) == (confirmed, interest_id)
    participant = provider.data(f"/participants/{teacher_id}")
    # Shown as changed when it joined, so a sync by `updated_since` picks the ECT up.
    assert participant["attributes"]["updated_at"] == partnership["attributes"]["created_at"]
    assert participant["attributes"]["teacher_reference_number"] == KIRSTY
    [enrolment] = participant["attributes"]["ecf_enrolments"]
    assert enrolment["participant_type"] == "ect"
    assert enrolment["school_urn"] == chosen.urn
    assert enrolment["cohort"] == str(chosen.year)
    assert enrolment["delivery_partner_id"] == partner["id"]
    assert enrolment["email"] == f"{KIRSTY}@example.org"
    # Neither withdrawn nor deferred (§3.1); training started today, so not joining (§3.2).
    assert enrolment["training_status"] == "active"
    assert enrolment["participant_status"] == "active"
    assert enrolment["withdrawal"] is None
    assert enrolment["deferral"] is None
    assert teacher_id in participant_ids(provider)

    # The school reports the ECT leaving three days later: news to the provider, who finds
    # the ECT by `updated_since` (§2.1 updated_at).
    clock.advance(timedelta(days=3))
    container = school_user.app.state.container
    container.ect_leavings().report_ect_leaving(
        chosen.school_id, uuid.UUID(teacher_id), clock.today() + timedelta(days=30), Actor.system()
    )
    since = {"filter[updated_since]": api_datetime(clock.now())}
    assert teacher_id in {item["id"] for item in provider.data("/participants", since)}
    left = provider.data(f"/participants/{teacher_id}")["attributes"]
    assert left["updated_at"] == api_datetime(clock.now())
    assert left["ecf_enrolments"][0]["participant_status"] == "leaving"
