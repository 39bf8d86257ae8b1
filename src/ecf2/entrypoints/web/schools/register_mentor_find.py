"""Finding the new mentor, the first questions of "register a new mentor"
(participants-and-schools §3.2 steps 1-3): by TRN and date of birth, then National
Insurance number, as for an ECT; a teacher already mentoring at the school is offered to
the ECT instead."""

from __future__ import annotations

import uuid
from datetime import date

import attrs

from ecf2.adapters.db.queries.school_views import EctAtSchool
from ecf2.domain.participants.mentor_registration import MentorRegistrationBlock
from ecf2.domain.participants.register_ect_commands import DateOfBirthDoesNotMatch
from ecf2.domain.participants.register_mentor import MentorRegistrationService
from ecf2.domain.participants.register_mentor_commands import EctTraining
from ecf2.domain.shared.errors import NotFound
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from ecf2.entrypoints.web.journeys import forms
from ecf2.entrypoints.web.journeys.forms import Form
from ecf2.entrypoints.web.journeys.journey import Answers
from ecf2.entrypoints.web.schools.access import SignedInSchool
from ecf2.entrypoints.web.schools.register_ect_find import (
    after_lookup,
    read_trn_and_date_of_birth,
    record_to_answers,
)


@attrs.frozen
class Mentoring:
    """Who asks, for which ECT, and the service to check each answer with."""

    school: SignedInSchool
    ect: EctAtSchool
    api_id: uuid.UUID
    registrations: MentorRegistrationService
    ect_training: EctTraining


# Find the mentor (§3.2 steps 1-3).


def _lookup(mentoring: Mentoring, answers: Answers, nino: NationalInsuranceNumber | None):
    trn, born = Trn(answers["trn"]), date.fromisoformat(answers["date_of_birth"])
    try:
        found = mentoring.registrations.find_mentor(
            mentoring.school.id, mentoring.api_id, trn, born, nino
        )
    except DateOfBirthDoesNotMatch:
        return {"lookup": "nino_needed", "found": None, "block": None}
    except NotFound:
        return {"lookup": "not_found", "found": None, "block": None}
    return {
        "lookup": "found",
        "found": record_to_answers(found.record),
        "block": None if found.block is None else str(found.block),
        "history": str(found.history),
        "eligible": found.eligible_for_funding,
        "previously_trained": found.previously_trained,
        "mentor_api_id": None if found.mentor_api_id is None else str(found.mentor_api_id),
    }


def after_mentor_lookup(answers: Answers) -> str | None:
    """§3.2 step 2: a teacher already mentoring at the school can be assigned instead."""
    if answers.get("block") == MentorRegistrationBlock.ALREADY_MENTOR_AT_SCHOOL:
        return "already-registered"
    return after_lookup(answers)


def submit_find(form: Form, _answers: Answers, mentoring: Mentoring) -> Answers:
    answers = read_trn_and_date_of_birth(form)
    return answers | _lookup(mentoring, answers, None)


def submit_nino(form: Form, answers: Answers, mentoring: Mentoring) -> Answers:
    raw = forms.required(form, "national_insurance_number", "Enter the National Insurance number")
    nino = NationalInsuranceNumber(raw)
    found = _lookup(mentoring, answers, nino)
    return found | {"national_insurance_number": nino.value, "nino_lookup": found["lookup"]}
