"""Small builders for participants tests: valid by default, changed by keyword."""

from __future__ import annotations

from datetime import date
from typing import Any

from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    GiasSchool,
    MentorAtSchoolPeriod,
    School,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.shared import Trn, Urn

SCHOOL_A, SCHOOL_B = 11, 12


def a_teacher(**changes: Any) -> Teacher:
    fields: dict[str, Any] = {
        "trn": Trn("1234567"),
        "trs_first_name": "Ada",
        "trs_last_name": "Lovelace",
    }
    return Teacher(**(fields | changes))


def an_ect_placement(started_on: date, finished_on: date | None = None, **changes: Any):
    fields: dict[str, Any] = {"school_id": SCHOOL_A, "started_on": started_on}
    return ECTAtSchoolPeriod(**(fields | {"finished_on": finished_on} | changes))


def a_mentor_placement(started_on: date, finished_on: date | None = None, **changes: Any):
    fields: dict[str, Any] = {"school_id": SCHOOL_A, "started_on": started_on}
    return MentorAtSchoolPeriod(**(fields | {"finished_on": finished_on} | changes))


def provider_led(
    started_on: date,
    finished_on: date | None = None,
    role: TrainingRole = TrainingRole.ECT,
    **kw: Any,
) -> TrainingPeriod:
    fields: dict[str, Any] = {
        "role": role,
        "training_programme": TrainingProgramme.PROVIDER_LED,
        "started_on": started_on,
        "finished_on": finished_on,
        "schedule_id": 1,
        "expression_of_interest_id": 1,
    }
    return TrainingPeriod(**(fields | kw))


def school_led(started_on: date, finished_on: date | None = None, **kw: Any) -> TrainingPeriod:
    fields: dict[str, Any] = {
        "role": TrainingRole.ECT,
        "training_programme": TrainingProgramme.SCHOOL_LED,
        "started_on": started_on,
        "finished_on": finished_on,
    }
    return TrainingPeriod(**(fields | kw))


def a_gias_school(**changes: Any) -> GiasSchool:
    fields: dict[str, Any] = {
        "urn": Urn("123456"),
        "name": "Hilltop Primary",
        "type_name": "Community school",
        "local_authority_code": 201,
        "eligible": True,
    }
    return GiasSchool(**(fields | changes))


def a_school(**changes: Any) -> School:
    fields: dict[str, Any] = {"urn": Urn("123456"), "gias_school": a_gias_school()}
    return School(**(fields | changes))
