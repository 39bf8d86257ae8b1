"""What a school sends to register a new mentor for an ECT, and what it gets back
(participants-and-schools §3.2)."""

from __future__ import annotations

import uuid
from datetime import date

import attrs

from ecf2.domain.participants.mentor_registration import MentorHistory, MentorRegistrationBlock
from ecf2.domain.participants.teacher_record import TeacherRecord


@attrs.frozen
class FoundMentor:
    """A teacher found in TRS to mentor an ECT, whether (and why not) they can be
    registered, and which questions their history as a mentor leads to."""

    record: TeacherRecord
    block: MentorRegistrationBlock | None
    history: MentorHistory
    eligible_for_funding: bool


@attrs.frozen
class EctTraining:
    """The ECT's current or next training, as a new mentor's training starts from it."""

    provider_led: bool
    lead_provider_id: int | None = None
    lead_provider_name: str | None = None


@attrs.frozen(kw_only=True)
class RegisterMentor:
    school_id: int
    ect_api_id: uuid.UUID
    record: TeacherRecord
    corrected_name: str | None
    email: str
    # None when not asked: a mentor new to mentoring starts today (§3.2 step 6).
    started_on: date | None = None
    # "Mentoring at your school only?"; asked only of a mentor still at another school.
    only_this_school: bool = True
    lead_provider_id: int | None = None


@attrs.frozen
class RegisteredMentor:
    teacher_api_id: str
    name: str
    email: str
    ect_name: str
    started_on: date
    provider_led_training: bool
