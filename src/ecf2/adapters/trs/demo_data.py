"""A deterministic fake TRS data set: the special TRNs of inductions-trs (b.1) plus a few
hundred ordinary teachers, the same on every run so the demo seeding can rely on them."""

from __future__ import annotations

import random
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from attrs import evolve, frozen

from ecf2.adapters.trs.payloads import (
    PROHIBITED_FROM_TEACHING,
    TrsAlert,
    TrsExemptionReason,
    TrsInduction,
    TrsInitialTeacherTraining,
    TrsPerson,
    TrsQts,
)
from ecf2.domain.participants.values import TrsInductionStatus
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn

REFERENCE_DATE = date(2026, 9, 1)
DEMO_PEOPLE_COUNT = 400
DEMO_FIRST_TRN = 3000001
QTS = "QualifiedTeacherStatus"
# Any category but the prohibition one: shown to users, never blocks (b.1).
NON_BLOCKING_ALERT_CATEGORY = "0ae0707b-1503-477d-bc0f-1505ed95dbdf"
SCOTLAND_EXEMPTION = TrsExemptionReason(
    "a112e691-1694-46a7-8f33-5ec5b845c181",
    "Has, or is eligible for, full registration in Scotland",
)


class TrsOutcome(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"
    GONE = "gone"
    MERGED = "merged"


@frozen
class TrsRecord:
    """What TRS answers for one TRN: a person, 404, 410 or a 308 to the surviving TRN."""

    outcome: TrsOutcome
    person: TrsPerson | None = None
    merged_into: str | None = None

    @classmethod
    def found(cls, person: TrsPerson) -> TrsRecord:
        return cls(TrsOutcome.FOUND, person=person)

    @classmethod
    def not_found(cls) -> TrsRecord:
        return cls(TrsOutcome.NOT_FOUND)

    @classmethod
    def gone(cls) -> TrsRecord:
        return cls(TrsOutcome.GONE)

    @classmethod
    def merged(cls, into: str) -> TrsRecord:
        return cls(TrsOutcome.MERGED, merged_into=Trn(into).value)


FIRST_NAMES = (
    "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Charlie", "Grace",
    "Thomas", "Sophie", "James", "Emily", "William", "Lily", "Alfie", "Ella", "Henry", "Freya",
    "Samuel", "Poppy", "Joseph", "Evie", "Daniel", "Ruby", "Edward", "Alice", "Lucas", "Chloe",
    "Benjamin", "Hannah", "Matthew", "Rosie", "Adam", "Zara", "Ryan", "Megan", "Owen", "Holly",
)  # fmt: skip
LAST_NAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper",
    "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee",
    "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "Bennett", "Young",
)  # fmt: skip
ITT_PROVIDERS = (
    ("Northern Lights Teacher Training", "10090001"),
    ("Riverside University School of Education", "10090002"),
    ("South Downs SCITT", "10090003"),
    ("Midlands Teaching Partnership", "10090004"),
    ("Capital City Institute of Education", "10090005"),
    ("Pennine Schools Alliance SCITT", "10090006"),
)
# HMRC's rules (b.3): no D, F, I, Q, U, V first; no O second either; some pairs never issued.
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NINO_BANNED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
_STATUS_WEIGHTS = {
    TrsInductionStatus.REQUIRED_TO_COMPLETE: 55,
    TrsInductionStatus.IN_PROGRESS: 40,
    TrsInductionStatus.PASSED: 5,  # mentors-to-be: finished their own induction
}
# Old enough to have had QTS at 22 and then the induction's years (see _qts_year).
_MINIMUM_AGE = {TrsInductionStatus.IN_PROGRESS: 23, TrsInductionStatus.PASSED: 27}


def demo_trs_records(
    count: int = DEMO_PEOPLE_COUNT, first_trn: int = DEMO_FIRST_TRN
) -> dict[str, TrsRecord]:
    """Every record the fake TRS serves, keyed by TRN: the specials and `demo_people`."""
    records = {
        person.trn.value: TrsRecord.found(person) for person in demo_people(count, first_trn)
    }
    records.update(special_trs_records())
    return records


def special_trs_records() -> dict[str, TrsRecord]:
    """TRNs 7000001-7000012, each showing one behaviour from inductions-trs (b.1)."""
    status = TrsInductionStatus
    required = TrsInduction(status.REQUIRED_TO_COMPLETE)
    prohibited = TrsAlert(PROHIBITED_FROM_TEACHING)
    other_alert = TrsAlert(NON_BLOCKING_ALERT_CATEGORY)
    return {
        "7000001": _special("7000001", "Nadia", "Okafor", TrsInduction(status.NONE), qts=None),
        "7000002": TrsRecord.not_found(),
        "7000003": _special("7000003", "Gavin", "Rudd", required, alerts=(prohibited,)),
        "7000004": TrsRecord.gone(),
        "7000005": _special("7000005", "Priya", "Sharma", required, alerts=(other_alert,)),
        "7000006": _special("7000006", "Kirsty", "Mclean", required),
        "7000007": _special("7000007", "Peter", "Lawson", _finished(status.PASSED)),
        "7000008": _special("7000008", "Fiona", "Grant", _finished(status.FAILED)),
        "7000009": _special("7000009", "Ewan", "Stewart", _exempt()),
        "7000010": _special("7000010", "Rhys", "Pritchard", _finished(status.FAILED_IN_WALES)),
        "7000011": TrsRecord.merged("7000012"),
        "7000012": _special("7000012", "Laura", "Bishop", required),
    }


def _special(trn: str, first: str, last: str, induction: TrsInduction, **changes: Any) -> TrsRecord:
    person = TrsPerson(
        trn=Trn(trn),
        date_of_birth=date(1996, 3, int(trn[-2:])),
        first_name=first,
        last_name=last,
        email_address=f"{first}.{last}@example.com".lower(),
        # 7000003 -> JS000003A: unique among the specials
        national_insurance_number=NationalInsuranceNumber(f"JS{trn[1:]}A"),
        induction=induction,
        qts=TrsQts(date(2026, 7, 10), QTS),
        initial_teacher_training=TrsInitialTeacherTraining(
            *ITT_PROVIDERS[0], date(2025, 9, 1), date(2026, 6, 30)
        ),
    )
    return TrsRecord.found(evolve(person, **changes))


def _finished(status: TrsInductionStatus) -> TrsInduction:
    return TrsInduction(status, date(2023, 9, 4), date(2025, 7, 18))


def _exempt() -> TrsInduction:
    return TrsInduction(TrsInductionStatus.EXEMPT, exemption_reasons=(SCOTLAND_EXEMPTION,))


def demo_people(count: int = DEMO_PEOPLE_COUNT, first_trn: int = DEMO_FIRST_TRN) -> list[TrsPerson]:
    """`count` ordinary teachers with TRNs first_trn, first_trn + 1, ...

    Each person depends only on their TRN, so a shorter list is a prefix of a longer one."""
    if count < 0 or first_trn < 1 or first_trn + count - 1 > 9_999_999:
        raise ValueError(f"No room for {count} seven-digit TRNs from {first_trn}")
    return [_demo_person(f"{trn:07d}") for trn in range(first_trn, first_trn + count)]


def _demo_person(trn: str) -> TrsPerson:
    rng = random.Random(f"ecf2-demo-trs:{trn}")
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    age = rng.randint(22, 60)
    status = _status_for(rng, age)
    qts_year = _qts_year(rng, age, status)
    return TrsPerson(
        trn=Trn(trn),
        date_of_birth=_birth_date(rng, age),
        first_name=first,
        last_name=last,
        email_address=f"{first}.{last}.{trn}@example.com".lower(),
        national_insurance_number=_nino(rng, trn),
        induction=_induction(rng, status, qts_year),
        qts=TrsQts(date(qts_year, 7, rng.randint(1, 28)), QTS),
        initial_teacher_training=_itt(rng, qts_year),
    )


def _birth_date(rng: random.Random, age: int) -> date:
    birthday = date(REFERENCE_DATE.year - age, REFERENCE_DATE.month, REFERENCE_DATE.day)
    return birthday - timedelta(days=rng.randint(0, 364))


def _status_for(rng: random.Random, age: int) -> TrsInductionStatus:
    weights = {s: w for s, w in _STATUS_WEIGHTS.items() if age >= _MINIMUM_AGE.get(s, 22)}
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _qts_year(rng: random.Random, age: int, status: TrsInductionStatus) -> int:
    """QTS at 22 or later; an induction in progress began the September after QTS."""
    latest = {TrsInductionStatus.PASSED: 2023, TrsInductionStatus.IN_PROGRESS: 2025}.get(
        status, REFERENCE_DATE.year
    )
    earliest = max(REFERENCE_DATE.year - age + 22, latest - 3)
    return rng.randint(earliest, latest)


def _induction(rng: random.Random, status: TrsInductionStatus, qts_year: int) -> TrsInduction:
    if status is TrsInductionStatus.REQUIRED_TO_COMPLETE:
        return TrsInduction(status)
    started = date(qts_year, 9, rng.randint(1, 20))
    if status is TrsInductionStatus.IN_PROGRESS:
        return TrsInduction(status, started)
    return TrsInduction(status, started, date(qts_year + 2, 7, rng.randint(1, 20)))


def _nino(rng: random.Random, trn: str) -> NationalInsuranceNumber:
    prefix = "ZZ"
    while prefix in _NINO_BANNED:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
    return NationalInsuranceNumber(f"{prefix}{trn[1:]}{rng.choice('ABCD')}")


def _itt(rng: random.Random, qts_year: int) -> TrsInitialTeacherTraining:
    name, ukprn = rng.choice(ITT_PROVIDERS)
    return TrsInitialTeacherTraining(
        name, ukprn, date(qts_year - 1, 9, 1), date(qts_year, 6, rng.randint(20, 30))
    )
