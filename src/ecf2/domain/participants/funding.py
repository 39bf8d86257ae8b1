"""A teacher first becoming eligible for funded training (participants-and-schools §4.2,
§4.3): recorded once per role, with `teacher_funding_eligibility_set`. The payments
context then makes the teacher's waiting declarations eligible (finance-and-payments §4.2);
it hears of it through the FundingEligibilityListener port, after this change commits."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from ecf2.domain.participants.model import Teacher
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.unit_of_work import UnitOfWork


class FundedRole(StrEnum):
    ECT = "ect"
    MENTOR = "mentor"


class TeacherRepository(Protocol):
    def get(self, teacher_id: int) -> Teacher: ...

    def save(self, teacher: Teacher) -> Teacher: ...


class FundingEligibilityUnitOfWork(UnitOfWork, Protocol):
    teachers: TeacherRepository


class FundingEligibilityListener(Protocol):
    """Told, after the commit, that a teacher became eligible for funding in a role."""

    def funding_eligibility_set(self, teacher_id: int, role: str) -> None: ...


class FundingEligibilityService:
    def __init__(
        self,
        uow: Callable[[], FundingEligibilityUnitOfWork],
        clock: Clock,
        listener: FundingEligibilityListener,
    ) -> None:
        self._uow, self._clock, self._listener = uow, clock, listener

    def record_eligibility(self, teacher_id: int, role: FundedRole, by: Actor) -> bool:
        """Set the first day of eligibility for the role unless it is already set (it never
        moves); returns whether this call set it."""
        now = self._clock.now()
        with self._uow() as uow:
            teacher = uow.teachers.get(teacher_id)
            recorded = {
                FundedRole.ECT: teacher.record_ect_eligibility_for_training,
                FundedRole.MENTOR: teacher.record_mentor_eligibility_for_training,
            }[FundedRole(role)](now)
            if not recorded:
                return False
            uow.teachers.save(teacher)
            uow.record(
                DomainEvent(
                    event_type="teacher_funding_eligibility_set",
                    heading=f"{teacher.display_name} became eligible for funded training "
                    f"as {'an ECT' if role == FundedRole.ECT else 'a mentor'}",
                    happened_at=now,
                    author=by,
                    subjects={"teacher": teacher},
                    metadata={"role": str(role)},
                )
            )
            uow.commit()
        self._listener.funding_eligibility_set(teacher_id, str(role))
        return True
