"""A teacher's record as the Teaching Record System holds it, and the ways a look-up fails
(inductions-trs (b.1), (b.3); participants-and-schools §3.1 steps 1-3)."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from ecf2.domain.participants.values import TrsInductionStatus
from ecf2.domain.shared.errors import DomainError, NotFound
from ecf2.domain.shared.identifiers import Trn


@frozen
class TeacherAlert:
    """An alert on a teacher's record. Only a prohibition from teaching blocks anything."""

    prohibits_teaching: bool
    # None when TRS gave no end date or one it could not read: such an alert never ends.
    ends_on: date | None = None

    def prohibits_teaching_on(self, day: date) -> bool:
        return self.prohibits_teaching and (self.ends_on is None or self.ends_on > day)


@frozen(kw_only=True)
class TeacherRecord:
    """What TRS knows of one teacher, read for registration, claims and the regular refresh."""

    trn: Trn
    first_name: str
    last_name: str
    date_of_birth: date
    email_address: str | None = None
    induction_status: TrsInductionStatus = TrsInductionStatus.NONE
    induction_start_date: date | None = None
    induction_completed_date: date | None = None
    qts_awarded_on: date | None = None
    qts_status_description: str | None = None
    initial_teacher_training_provider_name: str | None = None
    initial_teacher_training_end_date: date | None = None
    alerts: tuple[TeacherAlert, ...] = field(default=(), converter=tuple)

    @property
    def has_qts(self) -> bool:
        return self.qts_awarded_on is not None

    @property
    def has_alerts(self) -> bool:
        return bool(self.alerts)

    def is_prohibited_on(self, day: date) -> bool:
        """An unended prohibition blocks registration and claims (b.1; §3.1 step 3)."""
        return any(alert.prohibits_teaching_on(day) for alert in self.alerts)


# 404, 410 and 308 all count as "no match" (b.3), so each is a NotFound.
class TeacherNotFound(NotFound):
    rule = "teacher_not_found_in_trs"

    def __init__(self, trn: Trn) -> None:
        super().__init__(
            f"No teacher with TRN {trn} was found in the Teaching Record System", field="trn"
        )
        self.trn = trn


class TeacherDeactivated(NotFound):
    rule = "teacher_deactivated_in_trs"

    def __init__(self, trn: Trn) -> None:
        super().__init__(f"The teacher with TRN {trn} has been deactivated in TRS", field="trn")
        self.trn = trn


class TeacherMerged(NotFound):
    """TRS merged this record into another; `new_trn` is the one that survives."""

    rule = "teacher_merged_in_trs"

    def __init__(self, trn: Trn, new_trn: Trn) -> None:
        super().__init__(f"The teacher with TRN {trn} now has the TRN {new_trn}", field="trn")
        self.trn = trn
        self.new_trn = new_trn


class TeacherRecordUnavailable(DomainError):
    """TRS could not be asked (down, slow or answering nonsense): try again later."""

    rule = "teacher_record_unavailable"

    def __init__(self, trn: Trn) -> None:
        super().__init__(
            f"The Teaching Record System could not be reached to look up TRN {trn}: try again later"
        )
        self.trn = trn
