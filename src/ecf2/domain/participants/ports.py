"""What the participants context needs from the outside world."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn


class TeacherRecordLookup(Protocol):
    """Finds a teacher in the Teaching Record System (inductions-trs (b.2), (b.3)).

    Schools look up by TRN alone, then by TRN and National Insurance number when the date
    of birth TRS holds differs from the one entered (participants-and-schools §3.1 steps
    1-2); appropriate bodies by TRN and date of birth. A record counts as found only when
    it has a first name. Raises TeacherNotFound (also when a given date of birth or NINO
    does not match), TeacherDeactivated, TeacherMerged (with the surviving TRN) or
    TeacherRecordUnavailable when TRS cannot be asked. Call it before opening a unit of
    work, never inside one."""

    def find(
        self,
        trn: Trn,
        *,
        date_of_birth: date | None = None,
        national_insurance_number: NationalInsuranceNumber | None = None,
    ) -> TeacherRecord: ...
