"""Participants policy: teacher names and GIAS school eligibility
(participants-and-schools §1.1, §1.6, §4.1)."""

from __future__ import annotations

import re
from datetime import date

from ecf2.domain.participants.values import GiasSchoolStatus
from ecf2.domain.shared.errors import InvalidValue

UNKNOWN_NAME = "Unknown"

# The 41 establishment types GIAS uses (§1.7).
GIAS_ESTABLISHMENT_TYPES = frozenset(
    {
        "Academy 16 to 19 sponsor led",
        "Academy 16-19 converter",
        "Academy alternative provision converter",
        "Academy alternative provision sponsor led",
        "Academy converter",
        "Academy secure 16 to 19",
        "Academy special converter",
        "Academy special sponsor led",
        "Academy sponsor led",
        "British schools overseas",
        "City technology college",
        "Children's centre",
        "Children's centre linked site",
        "Community school",
        "Community special school",
        "Foundation school",
        "Foundation special school",
        "Free schools",
        "Free schools 16 to 19",
        "Free schools alternative provision",
        "Free schools special",
        "Further education",
        "Higher education institutions",
        "Institution funded by other government department",
        "Local authority nursery school",
        "Miscellaneous",
        "Non-maintained special school",
        "Offshore schools",
        "Online provider",
        "Other independent school",
        "Other independent special school",
        "Pupil referral unit",
        "Secure units",
        "Service children's education",
        "Sixth form centres",
        "Special post 16 institution",
        "Studio schools",
        "University technical college",
        "Voluntary aided school",
        "Voluntary controlled school",
        "Welsh establishment",
    }
)

INDEPENDENT_SCHOOL_TYPES = frozenset(
    {"Other independent school", "Other independent special school"}
)

# §4.1: Secure units are eligible in RECT (ECF1 excluded them).
NOT_ELIGIBLE_TYPES = INDEPENDENT_SCHOOL_TYPES | {
    "Offshore schools",
    "Service children's education",
    "Miscellaneous",
    "Higher education institutions",
    "Welsh establishment",
    "British schools overseas",
    "Online provider",
    "Institution funded by other government department",
}

ELIGIBLE_TYPES = GIAS_ESTABLISHMENT_TYPES - NOT_ELIGIBLE_TYPES

NOT_IN_ENGLAND_TYPES = frozenset(
    {
        "British schools overseas",
        "Offshore schools",
        "Service children's education",
        "Welsh establishment",
    }
)

OPEN_STATUSES = frozenset({GiasSchoolStatus.OPEN, GiasSchoolStatus.PROPOSED_TO_CLOSE})

# §4.1: closed schools are imported only if they closed on or after this day.
IMPORT_CLOSED_SINCE = date(2020, 1, 1)

_WHITESPACE = re.compile(r"\s+")


def squish(text: str | None) -> str | None:
    """Trim and collapse runs of whitespace, as names from TRS and schools are stored."""
    if text is None:
        return None
    return _WHITESPACE.sub(" ", text).strip()


def teacher_display_name(
    corrected_name: str | None, trs_first_name: str | None, trs_last_name: str | None
) -> str:
    """The corrected name, else the TRS names without blank or "." parts, else "Unknown"."""
    if corrected_name and corrected_name.strip():
        return squish(corrected_name) or UNKNOWN_NAME
    parts = [squish(part) for part in (trs_first_name, trs_last_name)]
    shown = [part for part in parts if part and part != "."]
    return " ".join(shown) if shown else UNKNOWN_NAME


def known_establishment_type(type_name: str) -> str:
    if type_name not in GIAS_ESTABLISHMENT_TYPES:
        raise InvalidValue(
            f"{type_name!r} is not a GIAS establishment type",
            field="type_name",
            rule="gias_establishment_type_known",
        )
    return type_name


def is_eligible_type(type_name: str) -> bool:
    return known_establishment_type(type_name) in ELIGIBLE_TYPES


def is_independent_type(type_name: str) -> bool:
    return known_establishment_type(type_name) in INDEPENDENT_SCHOOL_TYPES


def is_in_england_type(type_name: str) -> bool:
    return known_establishment_type(type_name) not in NOT_IN_ENGLAND_TYPES


def gias_school_is_open(status: GiasSchoolStatus) -> bool:
    return GiasSchoolStatus(status) in OPEN_STATUSES


def gias_school_is_eligible(
    type_name: str, status: GiasSchoolStatus, in_england: bool, section_41_approved: bool
) -> bool:
    """Open, in England, and an eligible type or a section 41 approved independent (§4.1)."""
    if not (gias_school_is_open(status) and in_england):
        return False
    if is_eligible_type(type_name):
        return True
    return is_independent_type(type_name) and section_41_approved


def gias_school_is_imported(
    type_name: str, status: GiasSchoolStatus, closed_on: date | None, in_england: bool
) -> bool:
    """Only schools open or closed since 2020, in England, of an eligible or independent
    type are imported from GIAS (§4.1)."""
    recent = GiasSchoolStatus(status) != GiasSchoolStatus.CLOSED or (
        closed_on is not None and closed_on >= IMPORT_CLOSED_SINCE
    )
    wanted_type = is_eligible_type(type_name) or is_independent_type(type_name)
    return recent and in_england and wanted_type


def school_is_independent(type_name: str) -> bool:
    """Independent = GIAS type "Other independent (special) school"; any other is state-funded."""
    return is_independent_type(type_name)


def school_is_blocked_from_service_access(
    type_name: str, section_41_approved: bool, has_unfinished_training: bool
) -> bool:
    """An independent school without section 41 approval keeps access only while it still
    has unfinished training periods (§1.6)."""
    return (
        school_is_independent(type_name) and not section_41_approved and not has_unfinished_training
    )


def school_is_denied_access(
    status: GiasSchoolStatus,
    type_name: str,
    section_41_approved: bool,
    has_unfinished_training: bool,
) -> bool:
    """Refused sign-in: GIAS lists the school as closed or proposed to open, or it is
    blocked from service access (§3.0, scenarios 18 and 19)."""
    return not gias_school_is_open(status) or school_is_blocked_from_service_access(
        type_name, section_41_approved, has_unfinished_training
    )


def school_is_blocked_from_registering_new_ects(
    type_name: str, section_41_approved: bool, has_unfinished_training: bool
) -> bool:
    return school_is_independent(type_name) and not section_41_approved and has_unfinished_training
