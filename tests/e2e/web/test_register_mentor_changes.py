"""Changing an answer from "register a new mentor"'s check your answers over HTTP on the demo
data (participants-and-schools §3.2 step 7): each Change link goes to the question that
asked, and answering it again comes back to check your answers with the new answer, or
first to the training questions a new start date opens."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from sqlalchemy import Engine, delete, insert

from ecf2.adapters.db.contracts_rows import ActiveLeadProviderRow, ContractPeriodRow
from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
    sign_in,
)
from tests.e2e.web.demo_site import app as demo_site_app  # noqa: F401 (fixture)
from tests.e2e.web.test_register_ect import (
    app,  # noqa: F401 (fixture)
    date_fields,
    school_user,  # noqa: F401 (fixture)
    trs_data,  # noqa: F401 (fixture)
    trs_url,  # noqa: F401 (fixture)
)
from tests.e2e.web.test_register_mentor import KIRSTY, Journey, shown
from tests.e2e.web.test_register_mentor_branches import UNTRAINED_ELSEWHERE, back_link

ECTS_LEAD_PROVIDER, OTHER_LEAD_PROVIDER = "Ambition Institute", "Teach First"


def change_links(page: httpx.Response) -> dict[str, str]:
    """Each Change link's visually hidden text -> where it goes."""
    links = re.findall(
        r'<a class="govuk-link" href="([^"]+)">\s*Change\s*'
        r'<span class="govuk-visually-hidden">\s*([^<]+?)\s*</span>',
        page.text,
    )
    return {hidden.replace("&#39;", "'"): href for href, hidden in links}


def lead_provider_id(db: Engine, name: str) -> int:
    return scalar(db, "SELECT id FROM lead_providers WHERE name = :name", name=name)


def test_each_answer_is_changed_from_check_your_answers(school_user, engine):  # noqa: F811
    journey = Journey(school_user, engine)
    journey.to_email(KIRSTY)
    journey.post("email-address", email="kirsty.mentor@example.org")
    journey.post("funded-training", use_ect_lead_provider="yes")
    check = school_user.get(f"{journey.base}/check-answers")
    assert change_links(check) == {
        "name": f"{journey.base}/review-details",
        "email address": f"{journey.base}/email-address",
        "whether they train with William Johnson's lead provider": (
            f"{journey.base}/funded-training"
        ),
        # Their lead provider is the ECT's because of that answer, so it is changed there.
        "lead provider": f"{journey.base}/funded-training",
    }

    assert back_link(school_user.get(f"{journey.base}/email-address")) == (
        f"{journey.base}/review-details"
    )
    changed = journey.post("email-address", email="kirsty.new@example.org")
    assert journey.goes_to(changed, "check-answers")
    assert "kirsty.new@example.org" in shown(school_user.get(f"{journey.base}/check-answers"))

    renamed = journey.post("review-details", details_correct="no", corrected_name="Kirsty Hall")
    assert journey.goes_to(renamed, "check-answers")
    assert "Kirsty Hall" in shown(school_user.get(f"{journey.base}/check-answers"))

    another = journey.post("funded-training", use_ect_lead_provider="no")
    assert journey.goes_to(another, "lead-provider")
    chosen = lead_provider_id(engine, OTHER_LEAD_PROVIDER)
    assert journey.goes_to(journey.post("lead-provider", lead_provider_id=chosen), "check-answers")
    check = school_user.get(f"{journey.base}/check-answers")
    assert OTHER_LEAD_PROVIDER in shown(check)
    assert change_links(check)["lead provider"] == f"{journey.base}/lead-provider"

    assert journey.goes_to(journey.post("check-answers"), "confirmation")
    assert "You have registered Kirsty Hall" in shown(
        school_user.get(f"{journey.base}/confirmation")
    )


@pytest.fixture
def next_year_open(engine: Engine) -> Iterator[None]:  # noqa: F811
    """Registration for 2027 is open, and the ECT's lead provider does not work in it."""
    with engine.begin() as connection:
        connection.execute(
            insert(ContractPeriodRow).values(
                year=2027, started_on=date(2027, 6, 1), finished_on=date(2028, 5, 31), enabled=True
            )
        )
        connection.execute(
            insert(ActiveLeadProviderRow).values(
                lead_provider_id=lead_provider_id(engine, OTHER_LEAD_PROVIDER),
                contract_period_year=2027,
                api_id=uuid.uuid4(),
            )
        )
    yield
    with engine.begin() as connection:
        alps = ActiveLeadProviderRow.contract_period_year == 2027
        connection.execute(delete(ActiveLeadProviderRow).where(alps))
        connection.execute(delete(ContractPeriodRow).where(ContractPeriodRow.year == 2027))


def test_a_new_start_date_that_changes_their_training_asks_the_training_questions_again(
    school_user,  # noqa: F811
    engine,  # noqa: F811
    clock,  # noqa: F811
    next_year_open,
):
    clock.set(date(2027, 3, 1))  # a start in June 2027 is within four months
    sign_in(school_user)  # the morning's sign-in has long expired
    journey = Journey(school_user, engine)
    journey.to_email(UNTRAINED_ELSEWHERE)
    journey.post("email-address", email="elsewhere@example.org")
    journey.post("only-this-school", only_this_school="yes")
    start = journey.post("start-date", **date_fields("start_date", date(2027, 5, 4)))
    assert journey.goes_to(start, "programme-choices")
    journey.post("programme-choices", use_ect_lead_provider="yes")
    check = school_user.get(f"{journey.base}/check-answers")
    assert ECTS_LEAD_PROVIDER in shown(check)
    assert change_links(check)["start date"] == f"{journey.base}/start-date"
    assert change_links(check)[
        "whether they use the same programme choices as William Johnson"
    ] == (f"{journey.base}/programme-choices")

    # Another day in the same contract period keeps the training answers.
    same_year = journey.post("start-date", **date_fields("start_date", date(2027, 5, 10)))
    assert journey.goes_to(same_year, "check-answers")
    assert "10 May 2027" in shown(school_user.get(f"{journey.base}/check-answers"))

    # A day in 2027, where the ECT's lead provider does not work: choose another.
    next_year = journey.post("start-date", **date_fields("start_date", date(2027, 6, 7)))
    assert journey.goes_to(next_year, "lead-provider")
    skipped = school_user.get(f"{journey.base}/check-answers", follow_redirects=False)
    assert skipped.status_code != 200
    choose = shown(school_user.get(f"{journey.base}/lead-provider"))
    assert OTHER_LEAD_PROVIDER in choose
    assert ECTS_LEAD_PROVIDER not in choose
    chosen = lead_provider_id(engine, OTHER_LEAD_PROVIDER)
    assert journey.goes_to(journey.post("lead-provider", lead_provider_id=chosen), "check-answers")
    check = school_user.get(f"{journey.base}/check-answers")
    assert "7 June 2027" in shown(check)
    assert OTHER_LEAD_PROVIDER in shown(check)
    assert change_links(check)["lead provider"] == f"{journey.base}/lead-provider"
    assert "whether they use the same programme choices as William Johnson" not in (
        change_links(check)
    )
