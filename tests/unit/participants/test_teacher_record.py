"""When a teacher's TRS record prohibits teaching (inductions-trs (b.1))."""

from __future__ import annotations

from datetime import date

from ecf2.domain.participants.teacher_record import (
    TeacherAlert,
    TeacherMerged,
    TeacherRecord,
    TeacherRecordUnavailable,
)
from ecf2.domain.shared.errors import NotFound
from ecf2.domain.shared.identifiers import Trn

TODAY = date(2026, 9, 1)


def a_teacher(*alerts: TeacherAlert) -> TeacherRecord:
    return TeacherRecord(
        trn=Trn("1234567"),
        first_name="Kirsty",
        last_name="Mclean",
        date_of_birth=date(1996, 3, 6),
        alerts=alerts,
    )


def test_a_prohibition_with_no_end_date_prohibits_teaching() -> None:
    assert a_teacher(TeacherAlert(prohibits_teaching=True)).is_prohibited_on(TODAY)


def test_a_prohibition_lasts_until_its_end_date_has_passed() -> None:
    teacher = a_teacher(TeacherAlert(prohibits_teaching=True, ends_on=TODAY))

    assert teacher.is_prohibited_on(date(2026, 8, 31))
    assert not teacher.is_prohibited_on(TODAY)


def test_other_alerts_are_shown_but_never_prohibit() -> None:
    teacher = a_teacher(TeacherAlert(prohibits_teaching=False))

    assert teacher.has_alerts
    assert not teacher.is_prohibited_on(TODAY)


def test_a_merged_record_is_not_found_and_names_the_surviving_trn() -> None:
    error = TeacherMerged(Trn("7000011"), Trn("7000012"))

    assert isinstance(error, NotFound)
    assert (error.rule, error.field, error.new_trn) == (
        "teacher_merged_in_trs",
        "trn",
        Trn("7000012"),
    )
    assert "7000012" in str(error)


def test_an_unreachable_trs_is_not_the_same_as_not_found() -> None:
    assert not isinstance(TeacherRecordUnavailable(Trn("7000011")), NotFound)
