"""An in-memory TeacherRecordLookup: TRS as the participants context sees it, for tests."""

from __future__ import annotations

from datetime import date

from ecf2.domain.participants.teacher_record import (
    TeacherNotFound,
    TeacherRecord,
    TeacherRecordUnavailable,
)
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn


class FakeTeacherRecords:
    def __init__(self) -> None:
        self._records: dict[Trn, tuple[TeacherRecord, NationalInsuranceNumber | None]] = {}
        self.unavailable = False

    def add(self, record: TeacherRecord, nino: NationalInsuranceNumber | None = None) -> None:
        self._records[record.trn] = (record, nino)

    def find(
        self,
        trn: Trn,
        *,
        date_of_birth: date | None = None,
        national_insurance_number: NationalInsuranceNumber | None = None,
    ) -> TeacherRecord:
        if self.unavailable:
            raise TeacherRecordUnavailable(trn)
        if trn not in self._records:
            raise TeacherNotFound(trn)
        record, nino = self._records[trn]
        if date_of_birth is not None and date_of_birth != record.date_of_birth:
            raise TeacherNotFound(trn)
        if national_insurance_number is not None and national_insurance_number != nino:
            raise TeacherNotFound(trn)
        return record
