"""School users signing in: whether their school may use the service, and the audit trail
of each sign-in (participants-and-schools §3.0, inductions-trs-sign-in-admin (c.3))."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import attrs

from ecf2.domain.participants.rules import school_is_denied_access
from ecf2.domain.participants.school import School
from ecf2.domain.participants.values import GiasSchoolStatus
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.unit_of_work import UnitOfWork


@attrs.frozen
class SchoolAccess:
    """What GIAS and the service know of the school a user signs in for."""

    urn: str
    name: str
    gias_status: GiasSchoolStatus
    type_name: str
    section_41_approved: bool
    has_unfinished_training: bool
    # None when GIAS lists the school but the service has no School for it.
    school_id: int | None = None

    @property
    def denied(self) -> bool:
        """§3.0: refused when there is no School row, GIAS says closed or proposed to open,
        or an independent school without section 41 approval has no training left."""
        return self.school_id is None or school_is_denied_access(
            self.gias_status,
            self.type_name,
            self.section_41_approved,
            self.has_unfinished_training,
        )


class SchoolAccessQuery(Protocol):
    def school_access(self, urn: str) -> SchoolAccess | None:
        """None when neither GIAS nor the service knows the URN."""
        ...


class SchoolRepository(Protocol):
    def get(self, school_id: int) -> School: ...


class SchoolSignInUnitOfWork(UnitOfWork, Protocol):
    schools: SchoolRepository


class SchoolSignInService:
    """Records `school_user_signs_in` for each school user who signs in (c.3)."""

    def __init__(self, uow: Callable[[], SchoolSignInUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def record_sign_in(self, school_id: int, by: Actor) -> None:
        with self._uow() as uow:
            school = uow.schools.get(school_id)
            uow.record(
                DomainEvent(
                    event_type="school_user_signs_in",
                    heading=f"{by.name or by.email} signed in",
                    happened_at=self._clock.now(),
                    author=by,
                    subjects={"school": school},
                )
            )
            uow.commit()
