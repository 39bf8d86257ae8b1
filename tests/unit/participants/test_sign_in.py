"""Whether a school user's school may use the service (participants-and-schools §3.0), and
the record of each sign-in (inductions-trs-sign-in-admin (c.3))."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import attrs
import pytest

from ecf2.domain.participants import GiasSchoolStatus, School
from ecf2.domain.participants.sign_in import SchoolAccess, SchoolSignInService
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import FixedClock
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import Urn

OPEN_PRIMARY = SchoolAccess(
    urn="100101",
    name="Ashdown Primary School",
    gias_status=GiasSchoolStatus.OPEN,
    type_name="Community school",
    section_41_approved=False,
    has_unfinished_training=False,
    school_id=1,
)
INDEPENDENT = attrs.evolve(OPEN_PRIMARY, type_name="Other independent school")


def test_an_open_state_funded_school_may_use_the_service():
    assert not OPEN_PRIMARY.denied


def test_a_school_proposed_to_close_may_still_use_the_service():
    assert not attrs.evolve(OPEN_PRIMARY, gias_status=GiasSchoolStatus.PROPOSED_TO_CLOSE).denied


@pytest.mark.parametrize("status", [GiasSchoolStatus.CLOSED, GiasSchoolStatus.PROPOSED_TO_OPEN])
def test_a_closed_or_not_yet_open_school_is_refused(status):
    assert attrs.evolve(OPEN_PRIMARY, gias_status=status).denied


def test_a_school_gias_lists_but_the_service_does_not_have_is_refused():
    assert attrs.evolve(OPEN_PRIMARY, school_id=None).denied


def test_an_independent_school_without_section_41_keeps_access_only_while_training_goes_on():
    assert INDEPENDENT.denied
    assert not attrs.evolve(INDEPENDENT, has_unfinished_training=True).denied
    assert not attrs.evolve(INDEPENDENT, section_41_approved=True).denied


class _Schools:
    def __init__(self, school: School) -> None:
        self.school = school

    def get(self, school_id: int) -> School:
        assert school_id == self.school.id
        return self.school


@attrs.define
class _UnitOfWork:
    schools: _Schools
    recorded: list[DomainEvent] = attrs.field(factory=list)
    committed: list[DomainEvent] = attrs.field(factory=list)

    def __enter__(self) -> _UnitOfWork:
        return self

    def __exit__(self, *_: Any) -> None:
        self.recorded.clear()

    def record(self, event: DomainEvent) -> None:
        self.recorded.append(event)

    def commit(self) -> None:
        self.committed.extend(self.recorded)

    def rollback(self) -> None:
        self.recorded.clear()


def test_a_school_users_sign_in_is_recorded_against_their_school():
    school = School(id=7, urn=Urn("100101"))
    uow = _UnitOfWork(_Schools(school))
    now = datetime(2026, 11, 23, 10, tzinfo=UTC)
    user = Actor(AuthorType.SCHOOL_USER, email="ava@school.example", name="Ava", school_id=7)
    SchoolSignInService(lambda: uow, FixedClock(now)).record_sign_in(7, user)
    [event] = uow.committed
    assert event.event_type == "school_user_signs_in"
    assert event.heading == "Ava signed in"
    assert (event.author, event.happened_at, event.subject_ids()) == (user, now, {"school": 7})
