"""A teacher's audit timeline in the DfE staff console over HTTP on the demo data: a
school's journey done through the services, newest first with who did it, and a long
timeline a page at a time (inductions-trs-sign-in-admin (d.1), (d.3);
participants-and-schools §5)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine, delete, insert

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.participants.register_ect_commands import RegisterEct
from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.identifiers import Trn
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
    ASHDOWN_URN,
    AVA,
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
)

NEW_ECT = Trn("4999991")
HUB = "Ashfield Teaching School Hub"


@pytest.fixture
def staff(client: TestClient[Any]) -> TestClient[Any]:
    return sign_in_as_staff(client)


# The audit timeline (d.3).


def _school_user(engine: Engine) -> Actor:  # noqa: F811
    school_id = scalar(engine, "SELECT id FROM schools WHERE urn = :urn", urn=ASHDOWN_URN)
    return Actor(
        AuthorType.SCHOOL_USER, id="ava", email=AVA, name="Ava Thomas", school_id=school_id
    )


def _register_an_ect(app: Any, engine: Engine, today: date) -> uuid.UUID:  # noqa: F811
    container, by = app.state.container, _school_user(engine)
    body = scalar(engine, "SELECT id FROM appropriate_bodies WHERE name = :name", name=HUB)
    record = TeacherRecord(
        trn=NEW_ECT,
        first_name="Nadia",
        last_name="Okafor",
        date_of_birth=date(1998, 4, 2),
        qts_awarded_on=date(2026, 7, 20),
    )
    registered = container.ect_registrations().register_ect(
        RegisterEct(
            school_id=by.school_id,
            record=record,
            corrected_name=None,
            email="nadia.okafor@example.com",
            started_on=today,
            working_pattern="full_time",
            appropriate_body_id=body,
            training_programme="school_led",
        ),
        by,
    )
    return uuid.UUID(registered.teacher_api_id)


def test_the_timeline_shows_a_schools_journey_newest_first_with_who_did_it(
    client,
    app,  # noqa: F811
    engine,  # noqa: F811
    clock,  # noqa: F811
):
    """Registered by Ava Thomas, then given a new email address a day later. The teacher is
    left in this module's copy of the demo data."""
    api_id = _register_an_ect(app, engine, clock.today())
    clock.advance(timedelta(days=1))
    by = _school_user(engine)
    app.state.container.ect_details().change_email(by.school_id, api_id, "nadia@example.com", by)
    staff = sign_in_as_staff(client)  # a day on, after the journey

    found = table_rows(staff.get(TEACHERS, params={"q": "okafor"}))
    assert len(found) == 1
    assert "ECT at Ashdown Primary School" in found[0]
    record = words(staff.get(f"{TEACHERS}/{api_id}"))
    assert "School-led" in record
    assert "23 November 2026 to now" in record

    page = staff.get(f"{TEACHERS}/{api_id}/timeline")
    assert page.status_code == 200
    shown = words(page)
    headings = [
        "Nadia Okafor's email address was changed by their school",
        "Nadia Okafor started school-led training",
        "Nadia Okafor was registered as an ECT at Ashdown Primary School",
    ]
    places = [shown.find(heading) for heading in headings]
    assert -1 not in places, (headings, shown)
    assert places == sorted(places)
    assert "10:00am on 24 November 2026 by Ava Thomas (school user, " + AVA + ")" in shown
    assert "10:00am on 23 November 2026 by Ava Thomas (school user, " + AVA + ")" in shown
    assert "Email address changed from 'nadia.okafor@example.com' to 'nadia@example.com'" in shown


@pytest.fixture
def many_events(engine: Engine) -> Iterator[uuid.UUID]:  # noqa: F811
    """Evie Bennett with 60 events: from the service itself, a lead provider and DfE staff
    (one with a Zendesk ticket), an hour apart."""
    teacher_id = scalar(engine, "SELECT id FROM teachers WHERE trn = :trn", trn=EVIE)
    authors = [
        {"author_type": "system", "author_name": "ECF2", "author_email": None},
        {
            "author_type": "lead_provider_api",
            "author_name": "Ambition Institute",
            "author_email": None,
        },
        {
            "author_type": "dfe_staff_user",
            "author_name": "Alex Morgan",
            "author_email": STAFF["admin"],
        },
    ]
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    rows = [
        {
            "event_type": "teacher_trs_attributes_updated",
            "heading": f"Event {number}",
            "happened_at": start + timedelta(hours=number),
            "created_at": start,
            "teacher_id": teacher_id,
            "modifications": [],
            "metadata": {"declaration_state": "awaiting_clawback"} if number == 59 else {},
            "zendesk_ticket_id": "123456" if number == 59 else None,
            **authors[number % 3],
        }
        for number in range(60)
    ]
    with engine.begin() as connection:
        connection.execute(insert(EventRow), rows)
    yield teacher_api_id(engine, EVIE)
    with engine.begin() as connection:
        connection.execute(delete(EventRow).where(EventRow.teacher_id == teacher_id))


def test_a_long_timeline_comes_a_page_at_a_time_newest_first(staff, many_events):
    path = f"{TEACHERS}/{many_events}/timeline"
    first, second = words(staff.get(path)), words(staff.get(f"{path}?page=2"))
    assert "60 events, newest first" in first
    assert first.find("Event 59 ") < first.find("Event 58 ") < first.find("Event 10 ")
    assert "Event 9 " not in first
    assert "Event 9 " in second
    assert "Event 0 " in second
    assert "Event 10 " not in second
    assert "by Alex Morgan (DfE staff, alex.morgan@education.gov.uk)" in first
    assert "by Ambition Institute (lead provider)" in first
    assert "by The service (automatically)" in first
    assert "Declaration state: awaiting clawback" in first
    assert "https://becomingateacher.zendesk.com/agent/tickets/123456" in staff.get(path).text
    for bad in ("0", "x", "9" * 40):
        assert "Event 59 " in words(staff.get(f"{path}?page={bad}"))
    past = staff.get(f"{path}?page=9")
    assert past.status_code == 200
    assert "There are no more events" in past.text


def test_a_teacher_with_no_events_says_so(staff, engine):  # noqa: F811
    page = staff.get(f"{TEACHERS}/{teacher_api_id(engine, BENJAMIN)}/timeline")
    assert page.status_code == 200
    assert "Nothing has been recorded about Benjamin Cooper yet" in page.text


def test_each_timeline_page_is_one_sql_query(app, engine, many_events):  # noqa: F811
    reads = app.state.container.admin_teacher_reads()
    with statements_run(engine) as issued:
        timeline = reads.timeline(many_events, Page(2, 50))
    assert timeline is not None
    assert (len(timeline.events), timeline.total) == (10, 60)
    assert len(issued) == 1
