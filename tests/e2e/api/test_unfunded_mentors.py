"""GET /unfunded-mentors: mentors of a lead provider's ECTs whom it does not train
(lead-provider-api-v3 §2.8, scenario 46)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import attrs
import pytest

from ecf2.domain.participants import MentorAtSchoolPeriod, Teacher
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import TOKEN_B, Api, Providers
from tests.e2e.api.participant_world import Enrolments


@attrs.frozen
class World:
    trained_by_b: Teacher
    trained_by_a: Teacher
    no_training: Teacher
    mentored_last_term: Teacher
    mentor_of_bs_ect: Teacher


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> World:
    created = at(date(2023, 1, 1))
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=created)
    beta = build.delivery_partner("Beta Schools Trust", created_at=created)
    x = build.school("Xylem Primary")
    a_x = build.partnership(x, build.works_with(providers.a_years[2025], alpha), created)
    b_x = build.partnership(x, build.works_with(providers.b_2025, beta), created)
    schedule = build.schedule(2025)
    people = Enrolments(app.state.container.uow)
    september = date(2025, 9, 1)

    def mentor(partnership=None, first: str = "Ada") -> tuple[Teacher, MentorAtSchoolPeriod]:
        teacher = people.teacher(first=first, last="Mentor")
        if partnership is None:
            placement = teacher.add_mentor_placement(
                MentorAtSchoolPeriod(school_id=x.id, started_on=september, email="m@x.sch.uk")
            )
        else:
            placement = people.mentor(teacher, x, partnership, schedule, september)
        people.save(teacher)
        return teacher, placement

    def ect_of(partnership, *mentors, finished_on=None) -> None:
        teacher = people.teacher(first="Ect")
        placement = people.ect(teacher, x, partnership, schedule, september)
        people.save(teacher)
        for _, mentor_placement in mentors:
            people.mentorship(placement, mentor_placement, september, finished_on)

    trained_by_b, trained_by_a = mentor(b_x, "Bea"), mentor(a_x, "Abe")
    no_training, last_term = mentor(None, "Noa"), mentor(b_x, "Lee")
    of_bs_ect = mentor(a_x, "Obi")
    ect_of(a_x, trained_by_b)
    ect_of(a_x, trained_by_a)
    ect_of(a_x, no_training)
    ect_of(a_x, last_term, finished_on=date(2025, 10, 31))
    ect_of(b_x, of_bs_ect)
    people.stamp(no_training[0], datetime(2025, 11, 2, tzinfo=UTC))
    return World(trained_by_b[0], trained_by_a[0], no_training[0], last_term[0], of_bs_ect[0])


def test_the_mentors_of_the_providers_ects_it_does_not_train_are_listed(api: Api, world: World):
    listed = [item["id"] for item in api.data("/unfunded-mentors")]
    assert listed == [str(world.trained_by_b.api_id), str(world.no_training.api_id)]


def test_an_unfunded_mentor_shows_name_email_trn_and_times(api: Api, world: World):
    data = api.data(f"/unfunded-mentors/{world.no_training.api_id}")
    assert data == {
        "id": str(world.no_training.api_id),
        "type": "unfunded-mentor",
        "attributes": {
            "full_name": "Noa Mentor",
            "email": "m@x.sch.uk",
            "teacher_reference_number": world.no_training.trn.value,
            "created_at": "2025-09-01T00:00:00Z",
            "updated_at": "2025-11-02T00:00:00Z",
        },
    }


def test_the_other_provider_sees_its_own_unfunded_mentors(api: Api, world: World):
    listed = [item["id"] for item in api.as_(TOKEN_B).data("/unfunded-mentors")]
    assert listed == [str(world.mentor_of_bs_ect.api_id)]


@pytest.mark.parametrize("who", ["trained_by_a", "mentored_last_term", "mentor_of_bs_ect"])
def test_mentors_the_provider_trains_or_no_longer_concern_it_are_not_found(
    api: Api, world: World, who
):
    response = api.get(f"/unfunded-mentors/{getattr(world, who).api_id}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["title"] == "Resource not found"


def test_unfunded_mentors_filter_sort_and_page(api: Api, world: World):
    since = api.data("/unfunded-mentors", {"filter[updated_since]": "2025-11-01T00:00:00Z"})
    assert [item["id"] for item in since] == [str(world.no_training.api_id)]
    newest = api.data("/unfunded-mentors", {"sort": "-created_at"})
    assert [item["id"] for item in newest] == [
        str(world.no_training.api_id),
        str(world.trained_by_b.api_id),
    ]
    latest = api.data("/unfunded-mentors", {"sort": "-updated_at"})
    assert latest[0]["id"] == str(world.no_training.api_id)
    assert len(api.data("/unfunded-mentors", {"page[per_page]": "1", "page[page]": "2"})) == 1
    assert api.get("/unfunded-mentors", {"page[page]": "0"}).status_code == 400


def test_only_the_ects_mentor_now_is_listed_not_the_next_one(
    api: Api, app, build: Builder, providers: Providers
):
    """The ECT's mentor now, else next (§2.8), as the participant's mentor_id names."""
    created = at(date(2023, 1, 1))
    x = build.school("Xylem Primary")
    a_x = build.partnership(
        x, build.works_with(providers.a_years[2025], build.delivery_partner("A", created)), created
    )
    schedule = build.schedule(2025)
    people = Enrolments(app.state.container.uow)
    mentors = []
    for first in ("Now", "Next"):
        teacher = people.teacher(first=first, last="Mentor")
        placement = teacher.add_mentor_placement(
            MentorAtSchoolPeriod(
                school_id=x.id, started_on=date(2025, 9, 1), email=f"{first}@x.sch.uk"
            )
        )
        people.save(teacher)
        mentors.append((teacher, placement))
    ect = people.teacher(first="Ect")
    ect_placement = people.ect(ect, x, a_x, schedule, date(2025, 9, 1))
    people.save(ect)
    (_, now), (_, after) = mentors
    people.mentorship(ect_placement, now, date(2025, 9, 1), date(2025, 12, 31))
    people.mentorship(ect_placement, after, date(2026, 1, 1))

    listed = [item["attributes"]["full_name"] for item in api.data("/unfunded-mentors")]

    assert listed == ["Now Mentor"]
