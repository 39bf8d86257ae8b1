"""Steps for the participants scenarios: school eligibility from GIAS and who may use the
service (participants-and-schools §1.6, §3.0, §4.1)."""

from __future__ import annotations

from datetime import date

import pytest
from attrs import define
from pytest_bdd import given, parsers, then, when

from ecf2.domain.participants import GiasSchool, GiasSchoolStatus, School
from ecf2.domain.participants.rules import (
    gias_school_is_eligible,
    gias_school_is_imported,
    is_in_england_type,
)
from ecf2.domain.shared.identifiers import Urn
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.days import DAY

URN = Urn("100001")


@define
class GiasListing:
    """What GIAS says of one school, as the givens describe it."""

    type_name: str
    status: GiasSchoolStatus
    section_41_approved: bool = False
    closed_on: date | None = None

    @property
    def in_england(self) -> bool:
        # §4.1: England is decided by the type of establishment.
        return is_in_england_type(self.type_name)

    def eligible(self) -> bool:
        return gias_school_is_eligible(
            self.type_name, self.status, self.in_england, self.section_41_approved
        )


@define
class SchoolSetting:
    """What the service itself knows of the school, besides GIAS."""

    marked_as_eligible: bool = False
    has_unfinished_training: bool = False


@pytest.fixture
def school_setting() -> SchoolSetting:
    return SchoolSetting()


def _school(listing: GiasListing, setting: SchoolSetting) -> School:
    gias = GiasSchool(
        urn=URN,
        name="Hilltop School",
        type_name=listing.type_name,
        status=listing.status,
        local_authority_code=201,
        closed_on=listing.closed_on,
        section_41_approved=listing.section_41_approved,
        in_england=listing.in_england,
        eligible=listing.eligible(),
    )
    return School(urn=URN, marked_as_eligible=setting.marked_as_eligible, gias_school=gias)


# Givens.


@given(
    parsers.parse('GIAS lists a school of type "{type_name}" that is {status}'),
    target_fixture="listing",
)
def gias_lists(type_name: str, status: str) -> GiasListing:
    return GiasListing(type_name, GiasSchoolStatus(status.replace(" ", "_")))


@given("the school has section 41 approval")
def has_section_41(listing: GiasListing) -> None:
    listing.section_41_approved = True


@given("the school does not have section 41 approval")
def no_section_41(listing: GiasListing) -> None:
    listing.section_41_approved = False


@given(parsers.parse("the school closed on {day:Day}", extra_types=DAY))
def closed_on(listing: GiasListing, day: date) -> None:
    listing.closed_on = day


@given("the school has not closed")
@given("the school has no closing date in GIAS")
def no_closing_date(listing: GiasListing) -> None:
    listing.closed_on = None


@given("a DfE admin has marked the school as eligible")
def marked_as_eligible(school_setting: SchoolSetting) -> None:
    school_setting.marked_as_eligible = True


@given("the school still has teachers in training")
def still_training(school_setting: SchoolSetting) -> None:
    school_setting.has_unfinished_training = True


@given("the school has no teachers in training")
def no_one_training(school_setting: SchoolSetting) -> None:
    school_setting.has_unfinished_training = False


# Eligibility (§4.1, §1.6).


@when("the school's eligibility is worked out", target_fixture="outcome")
def eligibility(listing: GiasListing, school_setting: SchoolSetting) -> Outcome:
    return attempt(lambda: _school(listing, school_setting).eligible)


@then("the school is eligible")
def eligible(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value is True


@then("the school is not eligible")
def not_eligible(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value is False


@then(
    parsers.parse(
        'the school is refused because "{type_name}" is not a type of establishment GIAS uses'
    )
)
def unknown_type(outcome: Outcome, type_name: str) -> None:
    assert outcome.error is not None
    assert (outcome.error.rule, outcome.error.field) == (
        "gias_establishment_type_known",
        "type_name",
    )
    assert type_name in outcome.error.message
    assert "establishment type" in outcome.error.message


# Import from GIAS (§4.1).


@when("the GIAS data is imported", target_fixture="outcome")
def imported(listing: GiasListing) -> Outcome:
    return attempt(
        lambda: gias_school_is_imported(
            listing.type_name, listing.status, listing.closed_on, listing.in_england
        )
    )


@then("the school is brought into the service")
def brought_in(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value is True


@then("the school is left out of the service")
def left_out(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value is False


# Signing in (§3.0, §1.6).


@define
class SigningIn:
    school: School
    has_unfinished_training: bool

    @property
    def refused(self) -> bool:
        return self.school.access_denied(self.has_unfinished_training)

    @property
    def may_register_ects(self) -> bool:
        blocked = self.school.blocked_from_registering_new_ects(self.has_unfinished_training)
        return not self.refused and not blocked


@when("someone from the school signs in", target_fixture="outcome")
def signs_in(listing: GiasListing, school_setting: SchoolSetting) -> Outcome:
    return attempt(
        lambda: SigningIn(_school(listing, school_setting), school_setting.has_unfinished_training)
    )


@then("they can use the service")
def can_use(outcome: Outcome) -> None:
    assert not outcome.value.refused


@then("they are refused access to the service")
def refused_access(outcome: Outcome) -> None:
    assert outcome.value.refused


@then("they can register new ECTs")
def can_register(outcome: Outcome) -> None:
    assert outcome.value.may_register_ects


@then("they cannot register new ECTs")
def cannot_register(outcome: Outcome) -> None:
    assert not outcome.value.may_register_ects
