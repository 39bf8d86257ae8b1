"""The fake TRS data set: the special TRNs of inductions-trs (b.1) and the generated people."""

from __future__ import annotations

from collections import Counter

import pytest

from ecf2.adapters.trs.demo_data import (
    DEMO_FIRST_TRN,
    DEMO_PEOPLE_COUNT,
    REFERENCE_DATE,
    TrsOutcome,
    demo_people,
    demo_trs_records,
    special_trs_records,
)
from ecf2.adapters.trs.payloads import TrsPerson
from ecf2.domain.participants.values import TrsInductionStatus
from ecf2.domain.shared.identifiers import NationalInsuranceNumber

SPECIALS = special_trs_records()


def special(trn: str) -> TrsPerson:
    person = SPECIALS[trn].person
    assert person is not None
    return person


def age_on_reference_date(person: TrsPerson) -> int:
    born = person.date_of_birth
    had_birthday = (REFERENCE_DATE.month, REFERENCE_DATE.day) >= (born.month, born.day)
    return REFERENCE_DATE.year - born.year - (0 if had_birthday else 1)


def test_the_specials_cover_7000001_to_7000012() -> None:
    assert sorted(SPECIALS) == [f"70000{n:02d}" for n in range(1, 13)]


def test_special_trns_that_are_not_people() -> None:
    assert SPECIALS["7000002"].outcome is TrsOutcome.NOT_FOUND
    assert SPECIALS["7000004"].outcome is TrsOutcome.GONE
    assert SPECIALS["7000011"].outcome is TrsOutcome.MERGED
    assert SPECIALS["7000011"].merged_into == "7000012"


def test_special_people_each_show_one_behaviour() -> None:
    assert not special("7000001").has_qts
    assert special("7000003").is_prohibited(REFERENCE_DATE)
    assert special("7000005").has_alerts
    assert not special("7000005").is_prohibited(REFERENCE_DATE)
    for ordinary in ("7000006", "7000012"):
        person = special(ordinary)
        assert person.has_qts
        assert not person.has_alerts
        assert person.induction.status.allows_claim


@pytest.mark.parametrize(
    ("trn", "status"),
    [
        ("7000007", TrsInductionStatus.PASSED),
        ("7000008", TrsInductionStatus.FAILED),
        ("7000009", TrsInductionStatus.EXEMPT),
        ("7000010", TrsInductionStatus.FAILED_IN_WALES),
    ],
)
def test_special_people_who_cannot_be_claimed(trn: str, status: TrsInductionStatus) -> None:
    assert special(trn).induction.status is status
    assert not status.allows_claim


def test_demo_people_are_the_same_every_time_and_a_prefix_of_more() -> None:
    assert demo_people(30) == demo_people(30)
    assert demo_people(10) == demo_people(30)[:10]


def test_demo_people_take_consecutive_trns() -> None:
    people = demo_people(5, first_trn=4000000)

    assert [p.trn.value for p in people] == [f"{n}" for n in range(4000000, 4000005)]


def test_demo_people_look_like_teachers() -> None:
    people = demo_people()

    assert len(people) == DEMO_PEOPLE_COUNT
    assert people[0].trn.value == f"{DEMO_FIRST_TRN:07d}"
    for person in people:
        assert 22 <= age_on_reference_date(person) <= 60
        assert person.national_insurance_number is not None
        assert NationalInsuranceNumber(person.national_insurance_number.value)
        assert person.qts is not None
        assert person.date_of_birth.year + 21 <= person.qts.holds_from.year
        assert person.qts.holds_from <= REFERENCE_DATE
        assert not person.is_prohibited(REFERENCE_DATE)


def test_demo_people_are_mostly_waiting_for_or_in_induction() -> None:
    statuses = Counter(p.induction.status for p in demo_people())
    waiting_or_in = (
        statuses[TrsInductionStatus.REQUIRED_TO_COMPLETE] + statuses[TrsInductionStatus.IN_PROGRESS]
    )

    assert waiting_or_in >= 0.9 * DEMO_PEOPLE_COUNT
    assert statuses[TrsInductionStatus.IN_PROGRESS] > 0


def test_induction_dates_follow_qts_and_precede_the_reference_date() -> None:
    for person in demo_people():
        induction, qts = person.induction, person.qts
        assert qts is not None
        if induction.start_date:
            assert qts.holds_from < induction.start_date < REFERENCE_DATE
        if induction.completed_date:
            assert induction.start_date
            assert induction.start_date < induction.completed_date < REFERENCE_DATE


def test_all_records_hold_the_specials_and_the_people() -> None:
    records = demo_trs_records(count=20)

    assert len(records) == 20 + 12
    assert records["7000002"].outcome is TrsOutcome.NOT_FOUND
    assert records[f"{DEMO_FIRST_TRN + 19:07d}"].outcome is TrsOutcome.FOUND


def test_demo_people_refuse_trns_past_seven_digits() -> None:
    with pytest.raises(ValueError, match="seven-digit"):
        demo_people(2, first_trn=9_999_999)
