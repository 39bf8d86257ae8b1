"""GET /participants: the teachers a lead provider trains, with their enrolments and the
statuses computed for today (lead-provider-api-v3 §2.1, §3.1-§3.3; scenarios 1, 2, 6-8)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest

from ecf2.domain.participants import Teacher
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import TOKEN_B, Api, Providers
from tests.e2e.api.participant_world import Enrolments

SEPTEMBER_2025 = date(2025, 9, 1)


@attrs.frozen
class World:
    active: Teacher
    mentor: Teacher
    both: Teacher
    withdrawn: Teacher
    deferred: Teacher
    joining: Teacher
    leaving: Teacher
    from_2024: Teacher
    elsewhere: Teacher
    delivery_partner_id: str
    urn: str


def stamped(day: date) -> datetime:
    return at(day, 12)


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> World:
    s2024, s2025 = build.schedule(2024), build.schedule(2025)
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    beta = build.delivery_partner("Beta Schools Trust", created_at=at(date(2023, 1, 1)))
    oak = build.school("Oak Primary")
    oak_2024 = build.partnership(
        oak, build.works_with(providers.a_years[2024], alpha), created_at=at(date(2024, 6, 1))
    )
    oak_2025 = build.partnership(
        oak, build.works_with(providers.a_years[2025], alpha), created_at=at(date(2025, 6, 1))
    )
    oak_b = build.partnership(
        oak, build.works_with(providers.b_2025, beta), created_at=at(date(2025, 6, 1))
    )
    people = Enrolments(app.state.container.uow)

    active = people.teacher(
        "Ann",
        "Active",
        ect_first_became_eligible_for_training_at=at(SEPTEMBER_2025),
        api_updated_at=stamped(date(2025, 10, 1)),
    )
    active_ect = people.ect(active, oak, oak_2025, s2025, SEPTEMBER_2025)
    people.save(active)

    mentor = people.teacher("Max", "Mentor", api_updated_at=stamped(date(2025, 10, 2)))
    mentoring = people.mentor(mentor, oak, oak_2025, s2025, SEPTEMBER_2025)
    people.save(mentor)
    people.mentorship(active_ect, mentoring, SEPTEMBER_2025)
    people.induction(active, started_on=SEPTEMBER_2025)

    both = people.teacher("Bea", "Both", api_updated_at=stamped(date(2025, 8, 1)))
    people.ect(both, oak, oak_2024, s2024, date(2024, 9, 1), date(2025, 7, 31))
    people.mentor(both, oak, oak_2025, s2025, SEPTEMBER_2025)
    people.save(both)
    people.induction(
        both, started_on=date(2024, 9, 1), finished_on=date(2025, 7, 20), outcome="pass"
    )

    withdrawn = people.teacher(
        "Will",
        "Withdrawn",
        ect_became_ineligible_for_funding_on=date(2025, 10, 31),
        api_updated_at=stamped(date(2025, 11, 1)),
    )
    people.ect(
        withdrawn,
        oak,
        oak_2025,
        s2025,
        SEPTEMBER_2025,
        date(2025, 10, 31),
        withdrawn_at=datetime(2025, 10, 31, 15, 45, tzinfo=UTC),
        withdrawal_reason="moved_school",
    )
    people.save(withdrawn)

    deferred = people.teacher("Dee", "Deferred", api_updated_at=stamped(date(2025, 11, 10)))
    people.ect(
        deferred,
        oak,
        oak_2025,
        s2025,
        SEPTEMBER_2025,
        date(2025, 12, 31),
        deferred_at=datetime(2025, 11, 10, 8, tzinfo=UTC),
        deferral_reason="parental_leave",
    )
    people.save(deferred)

    joining = people.teacher("Jo", "Joining", api_updated_at=stamped(date(2025, 11, 15)))
    people.ect(joining, oak, oak_2025, s2025, date(2025, 12, 1))
    people.save(joining)

    leaving = people.teacher("Lee", "Leaving", api_updated_at=stamped(date(2025, 11, 16)))
    people.ect(leaving, oak, oak_2025, s2025, SEPTEMBER_2025, date(2025, 12, 15))
    people.save(leaving)

    from_2024 = people.teacher("Fay", "Earlier", api_updated_at=stamped(date(2025, 9, 15)))
    people.ect(from_2024, oak, oak_2024, s2024, date(2024, 9, 1))
    people.save(from_2024)

    elsewhere = people.teacher("Eli", "Elsewhere", api_updated_at=stamped(date(2025, 11, 17)))
    people.ect(elsewhere, oak, oak_b, s2025, SEPTEMBER_2025)
    people.save(elsewhere)
    return World(
        active,
        mentor,
        both,
        withdrawn,
        deferred,
        joining,
        leaving,
        from_2024,
        elsewhere,
        str(alpha.api_id),
        oak.urn.value,
    )


def ids(data: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in data]


def ids_of(world: World, *names: str) -> list[str]:
    return [str(getattr(world, name).api_id) for name in names]


BY_UPDATE = [
    "leaving",
    "joining",
    "deferred",
    "withdrawn",
    "mentor",
    "active",
    "from_2024",
    "both",
]
CREATED = ["active", "mentor", "both", "withdrawn", "deferred", "joining", "leaving", "from_2024"]


def enrolment_of(api: Api, teacher: Teacher, index: int = 0) -> dict[str, Any]:
    return api.data(f"/participants/{teacher.api_id}")["attributes"]["ecf_enrolments"][index]


def test_a_participant_shows_every_enrolment_field(api: Api, world: World):
    data = api.data(f"/participants/{world.active.api_id}")
    assert data == {
        "id": str(world.active.api_id),
        "type": "participant",
        "attributes": {
            "full_name": "Ann Active",
            "teacher_reference_number": world.active.trn.value,
            "updated_at": "2025-10-01T12:00:00Z",
            "ecf_enrolments": [
                {
                    "training_record_id": str(world.active.api_ect_training_record_id),
                    "email": f"ect.{world.active.trn.value}@example.com",
                    "mentor_id": str(world.mentor.api_id),
                    "school_urn": world.urn,
                    "participant_type": "ect",
                    "cohort": "2025",
                    "training_status": "active",
                    "participant_status": "active",
                    "eligible_for_funding": True,
                    "pupil_premium_uplift": False,
                    "sparsity_uplift": False,
                    "schedule_identifier": "ecf-standard-september",
                    "delivery_partner_id": world.delivery_partner_id,
                    "withdrawal": None,
                    "deferral": None,
                    "created_at": "2025-09-01T00:00:00Z",
                    "induction_end_date": None,
                    "most_recent_induction_period_end_date": None,
                    "overall_induction_start_date": "2025-09-01",
                    "mentor_funding_end_date": None,
                    "mentor_ineligible_for_funding_reason": None,
                    "cohort_changed_after_payments_frozen": False,
                    "working_pattern": "full_time",
                }
            ],
            # No id-change records exist yet: nothing de-duplicates teachers.
            "participant_id_changes": [],
        },
    }


def test_a_teacher_training_as_ect_and_mentor_has_two_enrolments_ect_first(api: Api, world: World):
    enrolments = api.data(f"/participants/{world.both.api_id}")["attributes"]["ecf_enrolments"]
    assert [each["participant_type"] for each in enrolments] == ["ect", "mentor"]
    ect, mentor = enrolments
    assert ect["training_record_id"] != mentor["training_record_id"]
    assert (ect["cohort"], mentor["cohort"]) == ("2024", "2025")
    # Induction passed before the ECT training ended: active, not left (§3.2).
    assert ect["participant_status"] == "active"
    assert ect["induction_end_date"] == "2025-07-20"
    assert ect["most_recent_induction_period_end_date"] == "2025-07-20"
    assert ect["overall_induction_start_date"] == "2024-09-01"
    assert mentor["mentor_id"] is None
    assert mentor["working_pattern"] is None
    assert mentor["induction_end_date"] is None
    assert mentor["eligible_for_funding"] is None


def test_a_withdrawn_participant_has_left(api: Api, world: World):
    enrolment = enrolment_of(api, world.withdrawn)
    assert enrolment["training_status"] == "withdrawn"
    assert enrolment["participant_status"] == "left"
    assert enrolment["withdrawal"] == {"reason": "moved-school", "date": "2025-10-31T15:45:00Z"}
    assert enrolment["deferral"] is None
    assert enrolment["eligible_for_funding"] is False


def test_a_participant_deferred_until_a_later_finish_is_leaving(api: Api, world: World):
    enrolment = enrolment_of(api, world.deferred)
    assert enrolment["training_status"] == "deferred"
    assert enrolment["participant_status"] == "leaving"
    assert enrolment["deferral"] == {"reason": "parental-leave", "date": "2025-11-10T08:00:00Z"}
    assert enrolment["withdrawal"] is None


def test_training_that_starts_later_is_joining_and_training_that_ends_later_leaving(
    api: Api, world: World
):
    assert enrolment_of(api, world.joining)["participant_status"] == "joining"
    assert enrolment_of(api, world.leaving)["participant_status"] == "leaving"


def test_statuses_follow_the_days_without_any_update(api: Api, app, world: World, clock):
    clock.set(datetime(2025, 12, 20, 9, tzinfo=UTC))
    assert enrolment_of(api, world.joining)["participant_status"] == "active"
    assert enrolment_of(api, world.leaving)["participant_status"] == "left"


def test_only_the_lead_providers_participants_are_listed_in_creation_order(api: Api, world: World):
    assert ids(api.data("/participants")) == ids_of(world, *CREATED)
    assert ids(api.as_(TOKEN_B).data("/participants")) == ids_of(world, "elsewhere")


def test_another_providers_participant_is_not_found(api: Api, world: World):
    response = api.get(f"/participants/{world.elsewhere.api_id}")
    assert response.status_code == 404
    assert response.json()["errors"] == [
        {"title": "Resource not found", "detail": "Nothing could be found for the provided details"}
    ]
    assert api.get("/participants/not-a-uuid").status_code == 404


def test_participants_need_a_token(api: Api, world: World):
    for token in (None, "not-a-token"):
        response = api.as_(token).get("/participants")
        assert response.status_code == 401
        assert response.json() == {"error": "HTTP Token: Access denied"}


def test_participants_come_in_pages(api: Api, world: World):
    assert len(api.data("/participants", {"page[per_page]": "5", "page[page]": "2"})) == 3
    assert api.data("/participants", {"page[per_page]": "5", "page[page]": "3"}) == []
    assert len(api.data("/participants", {"page[per_page]": "5000"})) == 8
    assert api.get("/participants", {"page[page]": "-1"}).status_code == 400


def test_participants_filter_by_cohort_of_either_enrolment(api: Api, world: World):
    data = api.data("/participants", {"filter[cohort]": "2024"})
    assert ids(data) == ids_of(world, "both", "from_2024")
    assert len(api.data("/participants", {"filter[cohort]": "2024,2025"})) == 8
    assert api.data("/participants", {"filter[cohort]": "abc"}) == []


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("withdrawn", ["withdrawn"]),
        ("deferred", ["deferred"]),
        ("active", ["active", "mentor", "both", "joining", "leaving", "from_2024"]),
        ("paused", []),
    ],
)
def test_participants_filter_by_training_status(api: Api, world: World, status, expected):
    data = api.data("/participants", {"filter[training_status]": status})
    assert ids(data) == ids_of(world, *expected)


def test_participants_updated_since(api: Api, world: World):
    data = api.data("/participants", {"filter[updated_since]": "2025-11-10T12:00:00Z"})
    assert ids(data) == ids_of(world, "deferred", "joining", "leaving")
    bad = api.get("/participants", {"filter[updated_since]": "2025-11-10"})
    assert bad.status_code == 400


def test_no_participant_has_changed_id_yet(api: Api, world: World):
    given = {"filter[from_participant_id]": str(world.active.api_id)}
    assert api.data("/participants", given) == []


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("bogus", CREATED),
        ("-created_at", list(reversed(CREATED))),
        (
            "-updated_at",
            BY_UPDATE,
        ),
    ],
)
def test_participants_sort(api: Api, world: World, sort, expected):
    assert ids(api.data("/participants", {"sort": sort})) == ids_of(world, *expected)
