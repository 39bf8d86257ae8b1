"""Sixty GIAS-shaped schools: mostly eligible state-funded types, independent schools
with and without section 41 approval, ineligible types, one closed, one proposed to open
and one in Wales; and, for those that train ECTs, their choices year by year."""

from __future__ import annotations

import random
from datetime import date

import attrs

from ecf2.adapters.trs.demo_data import FIRST_NAMES, LAST_NAMES
from ecf2.domain.participants import GiasSchoolStatus
from ecf2.domain.participants.rules import gias_school_is_eligible
from ecf2.entrypoints.demo.appropriate_bodies import ISTIP, TEACHING_SCHOOL_HUBS
from ecf2.entrypoints.demo.contract_periods import YEARS
from ecf2.entrypoints.demo.providers import LEAD_PROVIDERS, delivery_partners_of
from ecf2.entrypoints.demo.reference import DEMO_SEED, slug

PLACES = (
    "Ashdown", "Beechwood", "Brookfield", "Castleton", "Dovecote", "Eastfield", "Fairview",
    "Glenmoor", "Hollybank", "Ivy Lane", "Juniper Hill", "Kingsmead", "Larkrise", "Meadowbank",
    "Northgate", "Oakfield", "Parkside", "Queensway", "Riverside", "Saxon Hill", "Thornbury",
    "Upton Park", "Valley Road", "Westbrook", "Yewtree", "Abbey Lane", "Bishops Park", "Cedars",
    "Deanery", "Elmhurst", "Foxhill", "Greenacres", "Harbourside", "Kestrel", "Linden",
    "Millbrook", "Newlands", "Orchard Vale", "Priory", "Redwood", "Sandhill", "Trinity Road",
    "Willowbank", "Heathfield", "Moorside", "Springfield", "Longmeadow", "Hawthorn", "Chalkhill",
    "Bramley", "Coppice", "Dunmore", "Fernhill", "Goldcrest", "Highcliffe", "Lindisfarne",
    "Marshgate", "Netherby", "Oldfield", "Pinewood",
)  # fmt: skip
# (GIAS type, name ending, phase), cycled through the state-funded schools.
STATE_FUNDED = (
    ("Community school", "Primary School", "Primary"),
    ("Academy converter", "Academy", "Secondary"),
    ("Community school", "Infant School", "Primary"),
    ("Academy sponsor led", "Academy", "Secondary"),
    ("Voluntary aided school", "Church of England Primary School", "Primary"),
    ("Free schools", "Free School", "All-through"),
    ("Community school", "Junior School", "Primary"),
    ("Foundation school", "High School", "Secondary"),
    ("Voluntary controlled school", "Church of England Primary School", "Primary"),
    ("Academy converter", "Primary Academy", "Primary"),
    ("Community special school", "School", "Not applicable"),
    ("Academy special converter", "Academy", "Not applicable"),
    ("Pupil referral unit", "Learning Centre", "Not applicable"),
    ("Further education", "College", "16 plus"),
)
STATE_FUNDED_COUNT = 51
LOCAL_AUTHORITIES = ((951, "Westshire"), (952, "Eastmoor"), (953, "Northvale"), (954, "Southwold"))
# (GIAS type, name ending, status, section 41 approved, in England, opened, closed)
OtherSchool = tuple[str, str, GiasSchoolStatus, bool, bool, date | None, date | None]
OTHERS: tuple[OtherSchool, ...] = (
    ("Other independent school", "School", GiasSchoolStatus.OPEN, True, True, None, None),
    ("Other independent special school", "School", GiasSchoolStatus.OPEN, True, True, None, None),
    ("Other independent school", "Preparatory School", GiasSchoolStatus.OPEN, False, True,
     None, None),
    ("Other independent school", "College", GiasSchoolStatus.OPEN, False, True, None, None),
    ("Online provider", "Online School", GiasSchoolStatus.OPEN, False, True, None, None),
    ("Institution funded by other government department", "Training School",
     GiasSchoolStatus.OPEN, False, True, None, None),
    ("Community school", "Primary School", GiasSchoolStatus.CLOSED, False, True,
     None, date(2025, 8, 31)),
    ("Free schools", "Free School", GiasSchoolStatus.PROPOSED_TO_OPEN, False, True,
     date(2027, 9, 1), None),
    ("Welsh establishment", "Primary School", GiasSchoolStatus.OPEN, False, False, None, None),
)  # fmt: skip


@attrs.frozen
class YearChoice:
    """A school's training choice for a contract period: no lead provider is school-led;
    a lead provider without a delivery partner is only an expression of interest."""

    lead_provider: str | None = None
    delivery_partner: str | None = None

    @property
    def provider_led(self) -> bool:
        return self.lead_provider is not None

    @property
    def confirmed(self) -> bool:
        return self.delivery_partner is not None


@attrs.frozen
class SchoolPlan:
    index: int
    urn: str
    name: str
    type_name: str
    phase_name: str
    status: GiasSchoolStatus = GiasSchoolStatus.OPEN
    section_41_approved: bool = False
    in_england: bool = True
    opened_on: date | None = None
    closed_on: date | None = None
    local_authority: tuple[int, str] = LOCAL_AUTHORITIES[0]
    induction_tutor: tuple[str, str] | None = None
    nominated_in: int | None = None
    appropriate_body: str | None = None
    choices: dict[int, YearChoice] = attrs.field(factory=dict, eq=False)
    # year -> (pupil premium uplift, sparsity uplift)
    uplifts: dict[int, tuple[bool, bool]] = attrs.field(factory=dict, eq=False)

    @property
    def eligible(self) -> bool:
        return gias_school_is_eligible(
            self.type_name, self.status, self.in_england, self.section_41_approved
        )

    @property
    def trains_teachers(self) -> bool:
        return bool(self.choices)

    @property
    def domain(self) -> str:
        return f"{slug(self.name)}.sch.uk"

    def choice(self, year: int) -> YearChoice:
        return self.choices[year]


def urn_for(index: int) -> str:
    return str(100101 + index * 37)


def plan_schools() -> list[SchoolPlan]:
    rng = random.Random(f"{DEMO_SEED}:schools")
    plans = [_state_funded(index, rng) for index in range(STATE_FUNDED_COUNT)]
    plans += [_other(STATE_FUNDED_COUNT + n, spec, rng) for n, spec in enumerate(OTHERS)]
    return plans


def _state_funded(index: int, rng: random.Random) -> SchoolPlan:
    type_name, ending, phase = STATE_FUNDED[index % len(STATE_FUNDED)]
    school = SchoolPlan(
        index=index,
        urn=urn_for(index),
        name=f"{PLACES[index]} {ending}",
        type_name=type_name,
        phase_name=phase,
        local_authority=LOCAL_AUTHORITIES[index % len(LOCAL_AUTHORITIES)],
        appropriate_body=TEACHING_SCHOOL_HUBS[index % len(TEACHING_SCHOOL_HUBS)],
    )
    return _with_training(school, rng)


def _other(index: int, spec: OtherSchool, rng: random.Random) -> SchoolPlan:
    type_name, ending, status, section_41, in_england, opened_on, closed_on = spec
    school = SchoolPlan(
        index=index,
        urn=urn_for(index),
        name=f"{PLACES[index]} {ending}",
        type_name=type_name,
        phase_name="All-through",
        status=status,
        section_41_approved=section_41,
        in_england=in_england,
        opened_on=opened_on,
        closed_on=closed_on,
        local_authority=(681, "Powys") if not in_england else LOCAL_AUTHORITIES[index % 4],
        appropriate_body=ISTIP if "independent" in type_name else TEACHING_SCHOOL_HUBS[0],
    )
    if school.eligible or closed_on is not None:
        return _with_training(school, rng)
    return school


def _with_training(school: SchoolPlan, rng: random.Random) -> SchoolPlan:
    years = [year for year in YEARS if school.closed_on is None or year < school.closed_on.year]
    choices = {year: _choice(school.index, year) for year in years}
    uplifts = {year: (rng.random() < 0.35, rng.random() < 0.15) for year in years}
    tutor = None if school.index % 10 == 7 else _induction_tutor(school, rng)
    nominated_in = None if tutor is None else (2025 if school.index % 5 == 1 else 2026)
    return attrs.evolve(
        school, choices=choices, uplifts=uplifts, induction_tutor=tutor, nominated_in=nominated_in
    )


def _choice(index: int, year: int) -> YearChoice:
    if index % 8 == 5 or (index % 11 == 4 and year < 2024):
        return YearChoice()
    switches = index % 7 == 3 and year >= 2025
    lead_provider = LEAD_PROVIDERS[(index + switches) % len(LEAD_PROVIDERS)]
    if year == 2026 and index % 6 == 2:
        return YearChoice(lead_provider)
    partners = delivery_partners_of(lead_provider, year)
    return YearChoice(lead_provider, partners[index % 3])


def _induction_tutor(school: SchoolPlan, rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return f"{first} {last}", f"{first}.{last}@{school.domain}".lower()
