"""A school changes a mentor's name or email address (participants-and-schools §3.4), by
the same rules and with the same events as an ECT's."""

from __future__ import annotations

from ecf2.domain.participants.change_person_details import PersonDetailsService
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod
from ecf2.domain.participants.report_mentor_leaving import mentor_placement_at


class MentorDetailsService(PersonDetailsService):
    role_name = "mentor"
    placement_subject = "mentor_at_school_period"

    def _placement(self, teacher: Teacher, school_id: int) -> MentorAtSchoolPeriod:
        return mentor_placement_at(teacher, school_id, self._clock.today())
