"""The admin console's page numbers and pagination links, and the timeline's words for who
did something and what it recorded (inductions-trs-sign-in-admin (d.1), (d.3))."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecf2.adapters.db.queries.admin_teacher_views import Author, TimelineEvent
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.shared.actors import AuthorType
from ecf2.entrypoints.web.admin.timeline_view import author_text, details
from ecf2.entrypoints.web.pagination import page_number, pagination


@pytest.mark.parametrize(
    ("typed", "number"),
    [("3", 3), (" 12 ", 12), (None, 1), ("", 1), ("0", 1), ("-2", 1), ("2.5", 1), ("9" * 30, 1)],
)
def test_a_page_number_is_a_whole_number_from_one_or_else_the_first_page(typed, number):
    assert page_number(typed, 25) == number


def _shown(links: dict | None) -> list[str]:
    assert links is not None
    return ["..." if item.get("ellipsis") else str(item["number"]) for item in links["items"]]


def test_one_page_of_results_needs_no_pagination():
    assert pagination("/x", {}, Page(1, 25), 25) is None
    assert pagination("/x", {}, Page(1, 25), 0) is None


def test_pagination_shows_the_ends_and_the_pages_near_the_current_one():
    links = pagination("/x", {"q": "ann lee"}, Page(6, 10), 200)
    assert _shown(links) == ["1", "...", "4", "5", "6", "7", "8", "...", "20"]
    assert links["previous"] == {"href": "/x?q=ann+lee&page=5"}
    assert links["next"] == {"href": "/x?q=ann+lee&page=7"}
    first = pagination("/x", {}, Page(1, 10), 30)
    assert _shown(first) == ["1", "2", "3"]
    assert first["previous"] is None


def test_from_a_page_past_the_end_previous_goes_to_the_last_page():
    links = pagination("/x", {}, Page(9, 10), 30)
    assert links["previous"] == {"href": "/x?page=3"}
    assert links["next"] is None


@pytest.mark.parametrize(
    ("author", "shown"),
    [
        (Author(AuthorType.SYSTEM, "ECF2", None), "The service (automatically)"),
        (
            Author(AuthorType.SCHOOL_USER, "Ava Thomas", "ava@school.example"),
            "Ava Thomas (school user, ava@school.example)",
        ),
        (
            Author(AuthorType.LEAD_PROVIDER_API, "Ambition Institute", None),
            "Ambition Institute (lead provider)",
        ),
        (
            Author(AuthorType.DFE_STAFF_USER, None, "alex@education.gov.uk"),
            "alex@education.gov.uk (DfE staff)",
        ),
        (
            Author(AuthorType.APPROPRIATE_BODY_USER, "Jo Bloggs", None),
            "Jo Bloggs (appropriate body user)",
        ),
    ],
)
def test_who_did_something_is_said_in_words(author, shown):
    assert author_text(author) == shown


def test_an_events_details_are_its_changes_then_what_else_it_recorded_in_words():
    event = TimelineEvent(
        heading="Something changed",
        happened_at=datetime(2026, 11, 23, tzinfo=UTC),
        author=Author(AuthorType.SYSTEM, None, None),
        body=None,
        modifications=("Email address changed from 'a@b.example' to 'c_d@e.example'",),
        metadata={
            "modifications": ["repeated"],
            "from": "awaiting_clawback",
            "corrected_name": "Jo_Bloggs Smith",
            "contract_period_year": 2025,
            "declaration_api_id": "1f0c",
            "empty": None,
        },
        zendesk_ticket_id=None,
    )
    assert details(event) == [
        "Email address changed from 'a@b.example' to 'c_d@e.example'",
        "Previously: awaiting clawback",
        "Corrected name: Jo_Bloggs Smith",
        "Contract period year: 2025",
        "Declaration API ID: 1f0c",
    ]
