"""A teacher's time at a school, as an ECT or as a mentor, and the mentorships that pair
them (participants-and-schools §1.2-§1.4)."""

from __future__ import annotations

import uuid
from datetime import date

import attrs

from ecf2.domain.participants.dated import Dated
from ecf2.domain.participants.email_address import notify_email
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import WorkingPattern
from ecf2.domain.shared.period import Period


def _valid_period(instance: ECTAtSchoolPeriod | MentorAtSchoolPeriod | MentorshipPeriod) -> None:
    _ = instance.period  # a period cannot finish before it starts


@attrs.define(kw_only=True)
class MentorshipPeriod(Dated):
    """The ECT's side of a mentorship; the mentor's placement belongs to another teacher."""

    started_on: date
    finished_on: date | None = None
    mentor_at_school_period_id: int | None = None
    # A mentor placement not saved yet (registered in the same unit of work); the
    # repository takes its id from it once the database assigns one.
    mentor_placement: MentorAtSchoolPeriod | None = attrs.field(default=None, eq=False, repr=False)
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        _valid_period(self)
        if self.mentor_at_school_period_id is None and self.mentor_placement is None:
            raise ValueError("A mentorship needs the mentor's placement")


class SchoolPlacement(Dated):
    """What ECT and mentor placements share."""

    __slots__ = ()
    school_id: int
    reported_leaving_by_school_id: int | None

    def leaving_reported_for(self, school_id: int, today: date) -> bool:
        """The school reported this teacher leaving it, today or on a day still to come."""
        return self.leaving_today_or_in_future(today) and (
            self.reported_leaving_by_school_id == school_id
        )


@attrs.define(kw_only=True)
class ECTAtSchoolPeriod(SchoolPlacement):
    """An ECT's placement at one school (its start is the school start, not induction)."""

    school_id: int
    started_on: date
    finished_on: date | None = None
    email: str | None = attrs.field(default=None, converter=notify_email)
    working_pattern: WorkingPattern | None = attrs.field(
        default=None, converter=attrs.converters.optional(WorkingPattern)
    )
    school_reported_appropriate_body_id: int | None = None
    reported_leaving_by_school_id: int | None = None
    ecf_start_induction_record_id: uuid.UUID | None = None
    ecf_end_induction_record_id: uuid.UUID | None = None
    training_periods: list[TrainingPeriod] = attrs.field(factory=list)
    mentorship_periods: list[MentorshipPeriod] = attrs.field(factory=list)
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        _valid_period(self)


@attrs.define(kw_only=True)
class MentorAtSchoolPeriod(SchoolPlacement):
    """A mentor's placement at one school; a mentor may be at several schools at once."""

    school_id: int
    started_on: date
    finished_on: date | None = None
    email: str | None = attrs.field(default=None, converter=notify_email)
    reported_leaving_by_school_id: int | None = None
    ecf_start_induction_record_id: uuid.UUID | None = None
    ecf_end_induction_record_id: uuid.UUID | None = None
    training_periods: list[TrainingPeriod] = attrs.field(factory=list)
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        _valid_period(self)


@attrs.frozen
class MentorPlacement:
    """What an ECT's aggregate needs to know of a mentor's placement (another teacher's)."""

    id: int | None
    teacher_id: int | None
    school_id: int
    period: Period
    placement: MentorAtSchoolPeriod | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, teacher_id: int | None, placement: MentorAtSchoolPeriod) -> MentorPlacement:
        return cls(placement.id, teacher_id, placement.school_id, placement.period, placement)
