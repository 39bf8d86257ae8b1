from datetime import date

import pytest

from ecf2.domain.participants import GiasSchoolStatus
from ecf2.domain.participants.email_address import is_notify_email
from ecf2.domain.participants.rules import (
    ELIGIBLE_TYPES,
    GIAS_ESTABLISHMENT_TYPES,
    NOT_IN_ENGLAND_TYPES,
    gias_school_is_eligible,
    gias_school_is_imported,
    gias_school_is_open,
    is_in_england_type,
    school_is_blocked_from_registering_new_ects,
    school_is_blocked_from_service_access,
    school_is_denied_access,
    school_is_independent,
    teacher_display_name,
)
from ecf2.domain.shared import InvalidValue

OPEN, CLOSED = GiasSchoolStatus.OPEN, GiasSchoolStatus.CLOSED


def test_gias_has_41_establishment_types_of_which_31_are_eligible():
    assert len(GIAS_ESTABLISHMENT_TYPES) == 41
    assert len(ELIGIBLE_TYPES) == 31


@pytest.mark.parametrize(
    "type_name",
    ["Secure units", "Children's centre", "Further education", "Academy converter"],
)
def test_an_open_school_in_england_of_an_eligible_type_is_eligible(type_name):
    assert gias_school_is_eligible(type_name, OPEN, True, False)


@pytest.mark.parametrize(
    "type_name",
    ["Online provider", "Miscellaneous", "Higher education institutions", "Welsh establishment"],
)
def test_a_school_of_a_type_that_is_not_eligible_is_not(type_name):
    assert not gias_school_is_eligible(type_name, OPEN, True, True)


def test_an_independent_school_is_eligible_only_with_section_41_approval():
    assert gias_school_is_eligible("Other independent school", OPEN, True, True)
    assert not gias_school_is_eligible("Other independent special school", OPEN, True, False)


@pytest.mark.parametrize(
    ("status", "eligible"),
    [
        (GiasSchoolStatus.OPEN, True),
        (GiasSchoolStatus.PROPOSED_TO_CLOSE, True),
        (GiasSchoolStatus.PROPOSED_TO_OPEN, False),
        (GiasSchoolStatus.CLOSED, False),
    ],
)
def test_only_an_open_school_is_eligible(status, eligible):
    assert gias_school_is_open(status) is eligible
    assert gias_school_is_eligible("Community school", status, True, False) is eligible


def test_a_school_outside_england_is_not_eligible():
    assert not gias_school_is_eligible("Community school", OPEN, False, False)


def test_four_types_are_not_in_england():
    assert {
        t for t in GIAS_ESTABLISHMENT_TYPES if not is_in_england_type(t)
    } == NOT_IN_ENGLAND_TYPES
    assert len(NOT_IN_ENGLAND_TYPES) == 4


def test_an_unknown_establishment_type_is_refused_by_name():
    with pytest.raises(InvalidValue) as error:
        gias_school_is_eligible("Hogwarts", OPEN, True, False)
    assert error.value.field == "type_name"
    assert "Hogwarts" in error.value.message


@pytest.mark.parametrize(
    ("type_name", "status", "closed_on", "in_england", "imported"),
    [
        ("Community school", OPEN, None, True, True),
        ("Other independent school", OPEN, None, True, True),
        ("Online provider", OPEN, None, True, False),
        ("Community school", OPEN, None, False, False),
        ("Community school", CLOSED, date(2020, 1, 1), True, True),
        ("Community school", CLOSED, date(2019, 12, 31), True, False),
        ("Community school", CLOSED, None, True, False),
        ("Community school", GiasSchoolStatus.PROPOSED_TO_OPEN, None, True, True),
    ],
)
def test_which_gias_schools_are_imported(type_name, status, closed_on, in_england, imported):
    assert gias_school_is_imported(type_name, status, closed_on, in_england) is imported


def test_independent_schools_are_the_two_other_independent_types():
    assert school_is_independent("Other independent school")
    assert school_is_independent("Other independent special school")
    assert not school_is_independent("Academy converter")


def test_an_independent_school_without_section_41_keeps_access_only_with_training():
    independent = "Other independent school"
    assert school_is_blocked_from_service_access(independent, False, False)
    assert not school_is_blocked_from_service_access(independent, False, True)
    assert not school_is_blocked_from_service_access(independent, True, False)
    assert school_is_blocked_from_registering_new_ects(independent, False, True)
    assert not school_is_blocked_from_registering_new_ects("Community school", False, True)


@pytest.mark.parametrize(
    ("status", "denied"),
    [
        (GiasSchoolStatus.OPEN, False),
        (GiasSchoolStatus.PROPOSED_TO_CLOSE, False),
        (GiasSchoolStatus.PROPOSED_TO_OPEN, True),
        (GiasSchoolStatus.CLOSED, True),
    ],
)
def test_a_school_gias_lists_as_closed_or_proposed_to_open_is_denied_access(status, denied):
    assert school_is_denied_access(status, "Community school", False, False) is denied


def test_an_independent_school_without_section_41_or_training_is_denied_access():
    assert school_is_denied_access(OPEN, "Other independent school", False, False)
    assert not school_is_denied_access(OPEN, "Other independent school", False, True)


def test_the_display_name_falls_back_to_unknown():
    assert teacher_display_name(None, None, None) == "Unknown"
    assert teacher_display_name("", "Ada", ".") == "Ada"


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("ada@example.org", True),
        ("ada.lovelace+ect@school.sch.uk", True),
        ("ada@xn--bcher-kva.example", True),
        ("ada@localhost", False),
        ("ada..lovelace@example.org", False),
        ("ada@example.c", False),
        ("ada@-example.org", False),
        ("ada@example.org-", False),
        ("ada@@example.org", False),
        ("ada lovelace@example.org", False),
    ],
)
def test_email_addresses_follow_notify_rules(address, valid):
    assert is_notify_email(address) is valid
