"""Reporting that a mentor is leaving the school (participants-and-schools §3.7): the ECT
leaving journey's question, check your answers and confirmation, for a mentor."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, SkipValidation

from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.domain.participants.report_mentor_leaving import MentorLeavingService
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    mentor_seen_by,
)
from ecf2.entrypoints.web.schools.report_leaving import (
    Reporting,
    ReportLeavingController,
)
from ecf2.entrypoints.web.schools.tutor_gate import GATED_SCHOOL_DEPENDENCIES

School = NamedDependency[SignedInSchool]
Leavings = NamedDependency[MentorLeavingService]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
MENTORS = "/school/home/mentors"


def mentor_reporting(
    api_id: FromPath[str],
    school: School,
    school_home_reads: Reads,
    clock: InjectedClock,
    mentor_leavings: Leavings,
) -> Reporting:
    """The mentor whose leaving is reported, seen by this school, for every step."""
    teacher_api_id, mentor = mentor_seen_by(school, api_id, school_home_reads, clock.today())
    return Reporting(school, mentor, teacher_api_id, mentor_leavings, MENTORS)


class ReportMentorLeavingController(ReportLeavingController):
    path = "/school/mentors/{api_id:str}/leaving"
    role = "mentor"
    dependencies = {
        **GATED_SCHOOL_DEPENDENCIES,
        "reporting": Provide(mentor_reporting, sync_to_thread=True),
    }
