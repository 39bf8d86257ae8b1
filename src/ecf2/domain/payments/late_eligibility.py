"""Declarations waiting for funding eligibility (finance-and-payments §4.2): a declaration
submitted before the teacher was eligible for funded training stays without payment; when
eligibility arrives, it becomes eligible on the next output statement.

The participants context says when a teacher's eligibility is set (it calls
`funding_eligibility_set` after its change commits). In case that call is lost, for
instance if the process stops between the two, `catch_up` finds every declaration still
waiting although its teacher is now eligible, and the daily payment step runs it."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ecf2.domain.payments.services import DeclarationService


class WaitingForFunding(Protocol):
    def training_periods(
        self, *, teacher_id: int | None = None, role: str | None = None
    ) -> list[int]:
        """Training periods (of the teacher in the role, when given) that have declarations
        without payment although their teacher is now eligible for funding in that role."""
        ...


class LateEligibility:
    def __init__(self, waiting: WaitingForFunding, declarations: DeclarationService) -> None:
        self._waiting, self._declarations = waiting, declarations

    def funding_eligibility_set(self, teacher_id: int, role: str) -> list[int]:
        """Returns the ids of the declarations made eligible."""
        return self._make_eligible(self._waiting.training_periods(teacher_id=teacher_id, role=role))

    def catch_up(self, today: date | None = None) -> list[int]:
        return self._make_eligible(self._waiting.training_periods(), today)

    def _make_eligible(
        self, training_period_ids: list[int], today: date | None = None
    ) -> list[int]:
        if not training_period_ids:
            return []
        return self._declarations.mark_declarations_eligible(training_period_ids, today)
