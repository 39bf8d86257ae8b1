"""GET /schools: the schools a lead provider may partner with in a cohort, and what it
needs to know of each that year (lead-provider-api-v3 §2.7, scenarios 4 and 42)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ecf2.domain.participants import School
from ecf2.entrypoints.api.schemas import api_datetime
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import TOKEN_B, Api, Providers

COHORT_REQUIRED = {
    "errors": [
        {
            "title": "Bad parameter",
            "detail": "The filter '#/cohort' must be included in your request",
        }
    ]
}


@pytest.fixture
def schools(build: Builder, providers: Providers) -> dict[str, School]:
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    with_a = build.works_with(providers.a_years[2025], alpha)
    with_b = build.works_with(providers.b_2025, alpha)
    schedule = build.schedule(2025)
    tutor = ("Tess Tutor", "tess@school.sch.uk")
    made = {
        "oak": build.school("Oak Primary", tutor=tutor),
        "elm": build.school("Elm Academy", tutor=tutor),
        "ash": build.school("Ash Infants", tutor=tutor),
        "birch": build.school("Birch Juniors"),
        "maple": build.school("Maple High", contact="office@maple.sch.uk"),
        "pine": build.school("Pine Independent", eligible=False),
        "marked": build.school("Marked Eligible School", eligible=False, marked_as_eligible=True),
        "yew": build.school("Yew Overseas", eligible=False),
    }
    oak_with_a = build.partnership(made["oak"], with_a, created_at=at(date(2025, 6, 10)))
    build.partnership(made["pine"], with_b, created_at=at(date(2025, 6, 12)))
    build.ect(made["oak"], date(2025, 9, 1), partnership=oak_with_a, schedule=schedule)
    build.ect(made["elm"], date(2025, 9, 1), interest=providers.a_years[2025], schedule=schedule)
    build.ect(made["ash"], date(2025, 9, 1))
    build.mentor(made["maple"], date(2025, 9, 1), interest=providers.b_2025, schedule=schedule)
    # Recorded a month apart from May 2021, and unchanged since (stamped once the training
    # at them, which changes a school's record, is in place).
    for month, school in enumerate(made.values(), start=5):
        build.stamp_school(school, at(date(2021 + (month - 1) // 12, (month - 1) % 12 + 1, 1)))
    return made


def by_name(data: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["attributes"]["name"]: item["attributes"] for item in data}


def names(data: list[dict[str, Any]]) -> list[str]:
    return [item["attributes"]["name"] for item in data]


def test_a_school_shows_the_year_as_the_lead_provider_sees_it(api: Api, schools):
    oak = schools["oak"]
    data = api.data(f"/schools/{oak.api_id}", {"filter[cohort]": "2025"})
    assert data == {
        "id": str(oak.api_id),
        "type": "school",
        "attributes": {
            "name": "Oak Primary",
            "urn": oak.urn.value,
            "cohort": "2025",
            "in_partnership": True,
            "induction_programme_choice": "provider_led",
            "expression_of_interest": True,
            "induction_tutor_name": "Tess Tutor",
            "induction_tutor_email": "tess@school.sch.uk",
            "created_at": "2021-05-01T09:00:00Z",
            # Partnered on 10 June 2025: the school's record for the year changed then.
            "updated_at": "2025-06-10T09:00:00Z",
        },
    }


def test_eligible_schools_and_any_partnered_that_year_are_listed_oldest_first(api: Api, schools):
    expected = ["Oak Primary", "Elm Academy", "Ash Infants", "Birch Juniors", "Maple High"]
    expected += ["Pine Independent", "Marked Eligible School"]
    assert names(api.data("/schools", {"filter[cohort]": "2025"})) == expected
    # Pine is partnered only in 2025, so in 2024 only eligibility counts.
    assert "Pine Independent" not in names(api.data("/schools", {"filter[cohort]": "2024"}))


def test_what_each_school_chose_for_the_year(api: Api, schools):
    seen = by_name(api.data("/schools", {"filter[cohort]": "2025"}))
    choices = {name: attributes["induction_programme_choice"] for name, attributes in seen.items()}
    assert choices == {
        "Oak Primary": "provider_led",
        "Elm Academy": "provider_led",
        "Ash Infants": "school_led",
        "Birch Juniors": "not_yet_known",
        "Maple High": "provider_led",
        "Pine Independent": "not_yet_known",
        "Marked Eligible School": "not_yet_known",
    }
    partnered = {name for name, attributes in seen.items() if attributes["in_partnership"]}
    assert partnered == {"Oak Primary", "Pine Independent"}


def test_training_in_another_year_does_not_count(api: Api, schools):
    seen = by_name(api.data("/schools", {"filter[cohort]": "2024"}))
    assert {attributes["induction_programme_choice"] for attributes in seen.values()} == {
        "not_yet_known"
    }
    assert not any(attributes["in_partnership"] for attributes in seen.values())


def test_the_induction_tutor_is_shown_only_to_a_provider_the_school_expressed_interest_in(
    api: Api, schools
):
    seen = by_name(api.data("/schools", {"filter[cohort]": "2025"}))
    interested = {name for name, attributes in seen.items() if attributes["expression_of_interest"]}
    assert interested == {"Oak Primary", "Elm Academy"}
    assert seen["Elm Academy"]["induction_tutor_name"] == "Tess Tutor"
    assert seen["Ash Infants"]["induction_tutor_name"] is None
    assert seen["Ash Infants"]["induction_tutor_email"] is None


def test_another_provider_sees_its_own_interest_and_no_one_elses_tutor(api: Api, schools):
    seen = by_name(api.as_(TOKEN_B).data("/schools", {"filter[cohort]": "2025"}))
    interested = {name for name, attributes in seen.items() if attributes["expression_of_interest"]}
    # B's partnership with Pine has no one training on it yet (§2.7).
    assert interested == {"Maple High"}
    assert seen["Maple High"]["induction_tutor_email"] == "office@maple.sch.uk"
    assert seen["Oak Primary"]["induction_tutor_email"] is None


def test_an_ineligible_school_no_one_partnered_is_not_found(api: Api, schools):
    response = api.get(f"/schools/{schools['yew'].api_id}", {"filter[cohort]": "2025"})
    assert response.status_code == 404


@pytest.mark.parametrize("cohort", ["1999", "abc", "", "2024,2025"])
def test_a_cohort_that_is_not_one_known_year_lists_nothing_and_shows_nothing(
    api: Api, schools, cohort
):
    assert api.data("/schools", {"filter[cohort]": cohort}) == []
    response = api.get(f"/schools/{schools['oak'].api_id}", {"filter[cohort]": cohort})
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/schools", "/schools/d0b4a32e-a272-489e-b30a-cb17131457fc"])
def test_the_cohort_filter_is_required(api: Api, providers, path):
    response = api.get(path)
    assert response.status_code == 400
    assert response.json() == COHORT_REQUIRED
    other_filter = api.get(path, {"filter[urn]": "100001"})
    assert other_filter.json() == COHORT_REQUIRED


def test_schools_filter_by_urn(api: Api, schools):
    urn = schools["ash"].urn.value
    assert names(api.data("/schools", {"filter[cohort]": "2025", "filter[urn]": urn})) == [
        "Ash Infants"
    ]
    assert api.data("/schools", {"filter[cohort]": "2025", "filter[urn]": "999999"}) == []


def test_schools_updated_since_counts_the_years_partnerships(api: Api, build: Builder, schools):
    build.stamp_school(schools["birch"], at(date(2021, 8, 1)), updated_at=at(date(2025, 7, 1)))
    params = {"filter[cohort]": "2025", "filter[updated_since]": "2025-06-10T09:00:00Z"}
    assert names(api.data("/schools", params)) == [
        "Oak Primary",
        "Birch Juniors",
        "Pine Independent",
    ]
    later = params | {"filter[updated_since]": "2025-06-12T09:00:01Z"}
    assert names(api.data("/schools", later)) == ["Birch Juniors"]


def test_schools_sort_by_when_they_changed(api: Api, schools):
    data = api.data("/schools", {"filter[cohort]": "2025", "sort": "-updated_at,created_at"})
    assert names(data)[:2] == ["Pine Independent", "Oak Primary"]
    newest_first = api.data("/schools", {"filter[cohort]": "2025", "sort": "-created_at"})
    assert names(newest_first)[0] == "Marked Eligible School"


def test_schools_are_paged(api: Api, schools):
    params = {"filter[cohort]": "2025", "page[per_page]": "3", "page[page]": "3"}
    assert names(api.data("/schools", params)) == ["Marked Eligible School"]


def test_a_school_changes_when_training_there_is_recorded(api: Api, build: Builder, schools, clock):
    """§2.7: the school's record changes with what decides its programme choice."""
    build.ect(schools["elm"], date(2025, 10, 1))
    params = {"filter[cohort]": "2025", "filter[updated_since]": "2025-11-01T00:00:00Z"}

    changed = api.data("/schools", params)

    assert names(changed) == ["Elm Academy"]
    assert changed[0]["attributes"]["updated_at"] == api_datetime(clock.now())
