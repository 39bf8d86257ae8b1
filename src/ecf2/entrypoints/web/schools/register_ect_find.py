"""Finding the ECT, the first questions of "register an ECT" (participants-and-schools §3.1
steps 1-3, inductions-trs (b.3)): by TRN and date of birth, then by National Insurance
number; the teacher found is kept in the answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ecf2.domain.participants.register_ect import DateOfBirthDoesNotMatch, EctRegistrationService
from ecf2.domain.participants.teacher_record import TeacherAlert, TeacherRecord
from ecf2.domain.shared.errors import DomainError, InvalidValue, NotFound
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form, FormErrors
from ecf2.entrypoints.web.journeys.journey import Answers
from ecf2.entrypoints.web.schools.access import SignedInSchool


@attrs.frozen
class Asking:
    """What the questions need besides the answers: who asks, and the service to check with."""

    school: SignedInSchool
    registrations: EctRegistrationService


# The teacher found in TRS is kept in the answers between requests.


def record_to_answers(record: TeacherRecord) -> dict[str, Any]:
    return {
        "trn": record.trn.value,
        "first_name": record.first_name,
        "last_name": record.last_name,
        "date_of_birth": record.date_of_birth.isoformat(),
        "induction_status": str(record.induction_status),
        "qts_awarded_on": _iso(record.qts_awarded_on),
        "prohibitions": [_iso(a.ends_on) for a in record.alerts if a.prohibits_teaching],
    }


def record_from_answers(kept: dict[str, Any]) -> TeacherRecord:
    return TeacherRecord(
        trn=Trn(kept["trn"]),
        first_name=kept["first_name"],
        last_name=kept["last_name"],
        date_of_birth=date.fromisoformat(kept["date_of_birth"]),
        induction_status=kept["induction_status"],
        qts_awarded_on=_day(kept["qts_awarded_on"]),
        alerts=[TeacherAlert(True, _day(ends)) for ends in kept["prohibitions"]],
    )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def trs_name(answers: Answers) -> str:
    found = answers["found"]
    return f"{found['first_name']} {found['last_name']}"


def ect_name(answers: Answers) -> str:
    return answers.get("corrected_name") or trs_name(answers)


# Find the ECT (steps 1-3).


def _lookup(asking: Asking, answers: Answers, nino: NationalInsuranceNumber | None) -> Answers:
    trn, born = Trn(answers["trn"]), date.fromisoformat(answers["date_of_birth"])
    try:
        found = asking.registrations.find_ect(asking.school.id, trn, born, nino)
    except DateOfBirthDoesNotMatch:
        return {"lookup": "nino_needed", "found": None, "block": None}
    except NotFound:
        return {"lookup": "not_found", "found": None, "block": None}
    return {
        "lookup": "found",
        "found": record_to_answers(found.record),
        "block": None if found.block is None else str(found.block),
        "registered_before": found.registered_before,
    }


def submit_find(form: Form, _answers: Answers, asking: Asking) -> Answers:
    answers = read_trn_and_date_of_birth(form)
    return answers | _lookup(asking, answers, None)


def read_trn_and_date_of_birth(form: Form) -> Answers:
    """The find page's two answers, both checked before anyone is looked up."""
    errors: dict[str, str] = {}
    trn = born = None
    try:
        trn = Trn.from_school_input(
            forms.required(form, "trn", "Enter the teacher reference number (TRN)")
        )
    except (FormErrors, InvalidValue) as problem:
        errors["trn"] = _message(problem)
    try:
        born = forms.a_date(form, "date_of_birth", "date of birth")
    except FormErrors as problem:
        errors.update(problem.errors)
    if errors or trn is None or born is None:
        raise FormErrors(errors)
    return {"trn": trn.value, "date_of_birth": born.isoformat()}


def _message(problem: FormErrors | DomainError) -> str:
    return (
        next(iter(problem.errors.values())) if isinstance(problem, FormErrors) else problem.message
    )


def after_lookup(answers: Answers) -> str | None:
    lookup = answers.get("nino_lookup") or answers.get("lookup")
    if lookup == "nino_needed":
        return "national-insurance-number"
    if lookup == "not_found":
        return "not-found"
    return "cannot-register" if answers.get("block") else "review-details"


def submit_nino(form: Form, answers: Answers, asking: Asking) -> Answers:
    raw = forms.required(form, "national_insurance_number", "Enter the National Insurance number")
    nino = NationalInsuranceNumber(raw)
    found = _lookup(asking, answers, nino)
    return found | {"national_insurance_number": nino.value, "nino_lookup": found["lookup"]}
