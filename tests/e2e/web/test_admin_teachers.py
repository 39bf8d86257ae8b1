"""The DfE staff console's teacher pages over HTTP on the demo data: finding a teacher by
name, TRN or API id, a teacher's record, and their audit timeline after a school's journey
(inductions-trs-sign-in-admin (c.3), (c.5), (d.1), (d.3); participants-and-schools §5)."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine, delete, event, insert

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.participants.register_ect_commands import RegisterEct
from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.identifiers import Trn
from tests.e2e.web.demo_site import (
    ASHDOWN_URN,
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

TEACHERS = "/admin/teachers"
STAFF = {
    "admin": "alex.morgan@education.gov.uk",
    "user_manager": "una.mensah@education.gov.uk",
    "finance": "frances.hale@education.gov.uk",
    "product_team": "sam.okoro@education.gov.uk",
}
BENJAMIN = "3000034"  # an ECT at Ashdown Primary School, mentored by Evie Bennett
EVIE = "3000174"  # a mentor at Ashdown Primary School
NEW_ECT = Trn("4999991")
HUB = "Ashfield Teaching School Hub"


@pytest.fixture
def staff(client: TestClient[Any]) -> TestClient[Any]:
    assert sign_in(client, STAFF["admin"]).status_code == 303
    return client


def _text(page: httpx.Response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text)))


def _rows(page: httpx.Response) -> list[str]:
    body = page.text.split('<tbody class="govuk-table__body">')[1].split("</tbody>")[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)) for row in body.split("</tr>")[:-1]]


def _api_id(engine: Engine, trn: str, column: str = "api_id") -> uuid.UUID:  # noqa: F811
    found = scalar(engine, f"SELECT {column} FROM teachers WHERE trn = :trn", trn=trn)
    return found if isinstance(found, uuid.UUID) else uuid.UUID(str(found))


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
    api_id = _api_id(engine, BENJAMIN)
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
    rows = _rows(page)
    assert len(rows) == 1
    assert "Benjamin Cooper" in rows[0]
    assert BENJAMIN in rows[0]
    assert "ECT at Ashdown Primary School" in rows[0]
    assert f'href="{TEACHERS}/{_api_id(engine, BENJAMIN)}"' in page.text


def test_a_trn_finds_the_teacher_and_their_role_at_each_school(staff):
    rows = _rows(_search(staff, EVIE))
    assert len(rows) == 1
    assert "Evie Bennett" in rows[0]
    assert "Mentor at Ashdown Primary School" in rows[0]


@pytest.mark.parametrize(
    "column", ["api_id", "api_ect_training_record_id", "api_mentor_training_record_id"]
)
def test_an_api_id_finds_the_teacher(staff, engine, column):  # noqa: F811
    rows = _rows(_search(staff, str(_api_id(engine, BENJAMIN, column)).upper()))
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
    names = [row.split(" ")[1:3] for row in _rows(first)]
    assert len(names) == 25
    assert names == sorted(names, key=lambda name: " ".join(name).lower())
    assert not set(map(tuple, names)) & {tuple(row.split(" ")[1:3]) for row in _rows(second)}
    assert 'class="govuk-pagination' in first.text
    assert "q=a&amp;page=2" in first.text


@pytest.mark.parametrize("page", ["0", "-1", "two", "", "1e3", "9" * 40])
def test_a_bad_page_number_shows_the_first_page(staff, page):
    answer = _search(staff, "a", page)
    assert answer.status_code == 200
    assert _rows(answer) == _rows(_search(staff, "a"))


def test_a_page_past_the_end_says_there_are_no_more(staff):
    answer = _search(staff, "Benjamin", "500")
    assert answer.status_code == 200
    assert "There are no more teachers" in answer.text


def test_each_search_page_is_one_sql_query(app, engine, clock):  # noqa: F811
    reads = app.state.container.admin_teacher_reads()
    with _queries(engine) as issued:
        found = reads.search("a", Page(2, 25), clock.today())
    assert len(found.teachers) == 25
    assert len(issued) == 1


# A teacher's record (d.1).


def test_a_teachers_page_shows_their_schools_training_and_induction(staff, engine):  # noqa: F811
    page = staff.get(f"{TEACHERS}/{_api_id(engine, BENJAMIN)}")
    assert page.status_code == 200
    shown = _text(page)
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
    assert f'href="{TEACHERS}/{_api_id(engine, BENJAMIN)}/timeline"' in page.text


def test_withdrawn_and_deferred_training_is_shown(staff, engine, alter):  # noqa: F811
    teacher_id = scalar(engine, "SELECT id FROM teachers WHERE trn = :trn", trn=BENJAMIN)
    alter(
        "training_periods",
        {"teacher_id": teacher_id},
        finished_on=date(2026, 10, 31),
        withdrawn_at=datetime(2026, 10, 20, 9, tzinfo=UTC),
        withdrawal_reason="moved_school",
    )
    shown = _text(staff.get(f"{TEACHERS}/{_api_id(engine, BENJAMIN)}"))
    assert "Withdrawn 20 October 2026: Moved school" in shown
    assert "to 31 October 2026" in shown


def test_a_teachers_page_is_one_sql_query(app, engine):  # noqa: F811
    reads = app.state.container.admin_teacher_reads()
    evie = _api_id(engine, EVIE)
    with _queries(engine) as issued:
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


# The audit timeline (d.3).


def _school_user(engine: Engine) -> Actor:  # noqa: F811
    school_id = scalar(engine, "SELECT id FROM schools WHERE urn = :urn", urn=ASHDOWN_URN)
    return Actor(
        AuthorType.SCHOOL_USER, id="ava", email=AVA, name="Ava Thomas", school_id=school_id
    )


def _register_an_ect(app: Any, engine: Engine, today: date) -> uuid.UUID:  # noqa: F811
    container, by = app.state.container, _school_user(engine)
    body = scalar(
        engine, "SELECT id FROM appropriate_bodies WHERE name = 'Ashfield Teaching School Hub'"
    )
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
    staff = client
    sign_in(staff, STAFF["admin"])  # a day on, after the journey

    found = _rows(_search(staff, "okafor"))
    assert len(found) == 1
    assert "ECT at Ashdown Primary School" in found[0]
    record = _text(staff.get(f"{TEACHERS}/{api_id}"))
    assert "School-led" in record
    assert "23 November 2026 to now" in record

    page = staff.get(f"{TEACHERS}/{api_id}/timeline")
    assert page.status_code == 200
    shown = _text(page)
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
    yield _api_id(engine, EVIE)
    with engine.begin() as connection:
        connection.execute(delete(EventRow).where(EventRow.teacher_id == teacher_id))


def test_a_long_timeline_comes_a_page_at_a_time_newest_first(staff, many_events):
    path = f"{TEACHERS}/{many_events}/timeline"
    first, second = _text(staff.get(path)), _text(staff.get(f"{path}?page=2"))
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
        assert "Event 59 " in _text(staff.get(f"{path}?page={bad}"))
    past = staff.get(f"{path}?page=9")
    assert past.status_code == 200
    assert "There are no more events" in past.text


def test_a_teacher_with_no_events_says_so(staff, engine):  # noqa: F811
    page = staff.get(f"{TEACHERS}/{_api_id(engine, BENJAMIN)}/timeline")
    assert page.status_code == 200
    assert "Nothing has been recorded about Benjamin Cooper yet" in page.text


def test_each_timeline_page_is_one_sql_query(app, engine, many_events):  # noqa: F811
    reads = app.state.container.admin_teacher_reads()
    with _queries(engine) as issued:
        timeline = reads.timeline(many_events, Page(2, 50))
    assert timeline is not None
    assert (len(timeline.events), timeline.total) == (10, 60)
    assert len(issued) == 1


@contextmanager
def _queries(engine: Engine) -> Iterator[list[str]]:  # noqa: F811
    """The SQL statements run meanwhile, bar the session setting PostgreSQL is given."""
    issued: list[str] = []

    def count(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("SET LOCAL"):
            issued.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield issued
    finally:
        event.remove(engine, "before_cursor_execute", count)
