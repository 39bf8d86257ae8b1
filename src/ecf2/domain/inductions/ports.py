"""What the inductions context needs from the outside world."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from ecf2.domain.shared.errors import DomainError
from ecf2.domain.shared.identifiers import Trn


class InductionStatusNotReported(DomainError):
    """TRS could not be reached, even after retrying: the same report may be sent again."""

    rule = "induction_status_not_reported"

    def __init__(self, trn: Trn) -> None:
        super().__init__(
            f"The Teaching Record System could not be reached to update TRN {trn}'s induction",
            field="trn",
        )
        self.trn = trn


class InductionStatusReporter(Protocol):
    """Tells the Teaching Record System where a teacher's induction stands (inductions-trs
    (b.1), (b.2)). `modified_on` is when the change was made here (UTC-aware).

    Each call returns True when TRS accepted the update and False when TRS refused it (the
    refusal is logged; sending the same update again would not help). Unlike the reference
    service, which loses a write TRS could not receive (b.4), it raises
    InductionStatusNotReported when TRS could not be reached, so the caller can retry later.
    Updates replace TRS's state, so sending one twice is harmless."""

    def begin_induction(self, trn: Trn, *, started_on: date, modified_on: datetime) -> bool:
        """InProgress from the start of the earliest open period."""
        ...

    def pass_induction(
        self, trn: Trn, *, started_on: date, finished_on: date, modified_on: datetime
    ) -> bool:
        """Passed, from the first period's start to the last period's end."""
        ...

    def fail_induction(
        self, trn: Trn, *, started_on: date, finished_on: date, modified_on: datetime
    ) -> bool:
        """Failed, from the first period's start to the last period's end."""
        ...

    def reset_induction(self, trn: Trn, *, modified_on: datetime) -> bool:
        """RequiredToComplete, with no dates: the teacher's only period was deleted."""
        ...

    def reopen_induction(self, trn: Trn, *, started_on: date, modified_on: datetime) -> bool:
        """InProgress again from the earliest start, after an admin reopened the induction."""
        ...
