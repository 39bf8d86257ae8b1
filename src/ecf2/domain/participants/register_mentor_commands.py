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
    # Known to the service already: whom "already registered" assigns (§3.2 step 2).
    mentor_api_id: uuid.UUID | None = None
    # Has had mentor training at any school: the "previous training" page (§3.2 step 7).
    previously_trained: bool = False


@attrs.frozen
class PreviousMentorTraining:
    """The mentor's latest mentor training, as the school is shown it (§3.2 step 7)."""

    school_name: str
    lead_provider_name: str | None
    delivery_partner_name: str | None


@attrs.frozen
class EctTraining:
    """The ECT's current or next training, as a new mentor's training starts from it."""

    provider_led: bool
    lead_provider_id: int | None = None
    lead_provider_name: str | None = None
    # None while the lead provider has not confirmed a partnership (an expression of
    # interest only).
    delivery_partner_name: str | None = None


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
