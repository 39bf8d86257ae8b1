"""GET /participants/transfers and /participants/{id}/transfers: participants who moved
school, seen by the lead providers involved (lead-provider-api-v3 §2.2, §5.2, scenario 45)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest

from ecf2.domain.contracts import SchoolPartnership
from ecf2.domain.participants import School, Teacher
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import TOKEN_B, Api, Providers
from tests.e2e.api.participant_world import Enrolments


@attrs.frozen
class World:
    x: School
    y: School
    to_b_next_month: Teacher
    no_destination: Teacher
    same_provider: Teacher
    within_school: Teacher
    completed_induction: Teacher
    only_b: Teacher


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> World:
    created = at(date(2023, 1, 1))
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=created)
    beta = build.delivery_partner("Beta Schools Trust", created_at=created)
    x, y = build.school("Xylem Primary"), build.school("Yew Academy")
    a_link = build.works_with(providers.a_years[2025], alpha)
    a_x, a_y = build.partnership(x, a_link, created), build.partnership(y, a_link, created)
    b_link = build.works_with(providers.b_2025, beta)
    b_x, b_y = build.partnership(x, b_link, created), build.partnership(y, b_link, created)
    schedule = build.schedule(2025)
    people = Enrolments(app.state.container.uow)

    def moves(*stints: tuple[School, SchoolPartnership, date, date | None]) -> Teacher:
        teacher = people.teacher()
        for school, partnership, started_on, finished_on in stints:
            people.ect(teacher, school, partnership, schedule, started_on, finished_on)
        return people.save(teacher)

    world = World(
        x=x,
        y=y,
        to_b_next_month=moves(
            (x, a_x, date(2025, 9, 1), date(2025, 12, 14)), (y, b_y, date(2025, 12, 15), None)
        ),
        no_destination=moves((x, a_x, date(2025, 9, 1), date(2025, 10, 31))),
        same_provider=moves(
            (x, a_x, date(2025, 9, 1), date(2025, 10, 31)), (y, a_y, date(2025, 11, 3), None)
        ),
        within_school=moves(
            (x, a_x, date(2025, 9, 1), date(2025, 10, 31)), (x, a_x, date(2025, 11, 1), None)
        ),
        completed_induction=_completed(people, moves, x, a_x),
        only_b=moves(
            (x, b_x, date(2025, 9, 1), date(2025, 10, 31)), (y, b_y, date(2025, 11, 1), None)
        ),
    )
    for teacher in attrs.astuple(world, recurse=False)[2:]:
        people.training_changed(teacher, datetime(2025, 10, 1, tzinfo=UTC))
    people.stamp(world.to_b_next_month, datetime(2025, 11, 1, tzinfo=UTC))
    people.training_changed(world.to_b_next_month, datetime(2025, 11, 1, tzinfo=UTC))
    people.stamp(world.no_destination, datetime(2025, 11, 5, tzinfo=UTC))
    people.training_changed(world.no_destination, datetime(2025, 11, 5, tzinfo=UTC))
    return world


def _completed(people: Enrolments, moves: Any, x: School, a_x: SchoolPartnership) -> Teacher:
    teacher = moves((x, a_x, date(2025, 9, 1), date(2025, 10, 31)))
    people.induction(
        teacher, started_on=date(2023, 9, 1), finished_on=date(2025, 7, 20), outcome="pass"
    )
    return teacher


def transfers_of(api: Api, teacher: Teacher) -> list[dict[str, Any]]:
    return api.data(f"/participants/{teacher.api_id}/transfers")["attributes"]["transfers"]


def test_a_move_to_another_provider_next_month_is_an_incomplete_new_provider_transfer(
    api: Api, world: World
):
    data = api.data(f"/participants/{world.to_b_next_month.api_id}/transfers")
    assert data["type"] == "participant-transfer"
    assert data["id"] == str(world.to_b_next_month.api_id)
    assert list(data["attributes"]) == ["transfers", "updated_at"]
    assert data["attributes"]["updated_at"] == "2025-11-01T00:00:00Z"
    assert data["attributes"]["transfers"] == [
        {
            "training_record_id": str(world.to_b_next_month.api_ect_training_record_id),
            "transfer_type": "new_provider",
            "status": "incomplete",
            "created_at": "2025-09-01",
            "leaving": {
                "school_urn": world.x.urn.value,
                "provider": "Ambition Institute",
                "date": "2025-12-14",
            },
            "joining": {
                "school_urn": world.y.urn.value,
                "provider": "Best Practice Network",
                "date": "2025-12-15",
            },
        }
    ]


def test_a_leaver_without_a_destination_is_an_unknown_transfer(api: Api, world: World):
    [transfer] = transfers_of(api, world.no_destination)
    assert transfer["transfer_type"] == "unknown"
    assert transfer["status"] == "complete"
    assert transfer["joining"] is None
    assert transfer["leaving"]["date"] == "2025-10-31"


def test_a_move_to_another_school_with_the_same_provider_is_a_new_school_transfer(
    api: Api, world: World
):
    [transfer] = transfers_of(api, world.same_provider)
    assert (transfer["transfer_type"], transfer["status"]) == ("new_school", "complete")


def test_the_joining_provider_sees_the_transfer_too(api: Api, world: World):
    theirs = api.as_(TOKEN_B).data(f"/participants/{world.to_b_next_month.api_id}/transfers")
    assert theirs["attributes"]["transfers"][0]["transfer_type"] == "new_provider"


def test_only_participants_whose_transfers_involve_the_provider_are_listed(api: Api, world: World):
    listed = {item["id"] for item in api.data("/participants/transfers")}
    assert listed == {
        str(teacher.api_id)
        for teacher in (world.to_b_next_month, world.no_destination, world.same_provider)
    }


@pytest.mark.parametrize("who", ["within_school", "completed_induction", "only_b"])
def test_no_transfer_or_another_providers_transfer_is_not_found(api: Api, world: World, who):
    response = api.get(f"/participants/{getattr(world, who).api_id}/transfers")
    assert response.status_code == 404
    assert response.json()["errors"][0]["title"] == "Resource not found"


def test_the_list_is_not_read_as_a_participant_id(api: Api, world: World):
    response = api.get("/participants/transfers")
    assert response.status_code == 200
    assert all(item["type"] == "participant-transfer" for item in response.json()["data"])


def test_transfers_page_filter_and_sort(api: Api, world: World):
    first, second = (
        api.data("/participants/transfers", {"page[per_page]": "2", "page[page]": n})
        for n in ("1", "2")
    )
    assert len(first) == 2
    assert len(second) == 1
    since = api.data("/participants/transfers", {"filter[updated_since]": "2025-11-03T00:00:00Z"})
    assert [item["id"] for item in since] == [str(world.no_destination.api_id)]
    newest = api.data("/participants/transfers", {"sort": "-updated_at"})
    assert newest[0]["id"] == str(world.no_destination.api_id)
    assert (
        api.get("/participants/transfers", {"filter[updated_since]": "2025-11-03"}).status_code
        == 400
    )


def test_since_a_time_a_provider_sees_the_moves_whose_own_ends_changed_after_it(
    api: Api, world: World, app
):
    """Provider A trained the leaving period and provider B trains the joining one: a
    change to B's period is news to B alone, though both see it in the move's time."""
    joining = world.to_b_next_month.ect_at_school_periods[1].training_periods[0]
    people = Enrolments(app.state.container.uow)
    people.training_changed(
        world.to_b_next_month, datetime(2025, 11, 10, 9, 0, tzinfo=UTC), only=joining
    )
    since = {"filter[updated_since]": "2025-11-08T00:00:00Z"}

    seen_by_a = [item["id"] for item in api.data("/participants/transfers", since)]
    seen_by_b = [item["id"] for item in api.as_(TOKEN_B).data("/participants/transfers", since)]

    assert str(world.to_b_next_month.api_id) not in seen_by_a
    assert seen_by_b == [str(world.to_b_next_month.api_id)]
    for provider in (api, api.as_(TOKEN_B)):
        moved = provider.data(f"/participants/{world.to_b_next_month.api_id}/transfers")
        assert moved["attributes"]["updated_at"] == "2025-11-10T09:00:00Z"


def test_a_participant_id_that_is_not_a_uuid_has_no_transfers(api: Api, world: World):
    assert api.get("/participants/nope/transfers").status_code == 404
