"""The people a demo visitor can sign in as (persona sign-in), and the lead providers'
demo API tokens. Every persona's organisation exists in the demo data."""

from __future__ import annotations

from enum import StrEnum

import attrs

from ecf2.domain.staff import StaffRole
from ecf2.entrypoints.demo.appropriate_bodies import ISTIP, TEACHING_SCHOOL_HUBS
from ecf2.entrypoints.demo.providers import DEMO_TOKENS
from ecf2.entrypoints.demo.school_plan import SchoolPlan, plan_schools
from ecf2.entrypoints.demo.staff import STAFF_USERS

__all__ = ["DEMO_TOKENS", "PERSONAS", "Persona", "PersonaKind", "personas", "trns_to_try"]


class PersonaKind(StrEnum):
    SCHOOL_USER = "school_user"
    APPROPRIATE_BODY_USER = "appropriate_body_user"
    DFE_STAFF_USER = "dfe_staff_user"


@attrs.frozen
class Persona:
    name: str
    email: str
    kind: PersonaKind
    organisation: str
    # What the persona reads in the demo: the school, the appropriate body, the role.
    description: str
    school_urn: str | None = None
    appropriate_body: str | None = None
    staff_role: StaffRole | None = None


# (school index in the demo's school plan, what it shows)
SCHOOL_PERSONAS = (
    (0, "provider-led training with a confirmed partnership every year"),
    (2, "a lead provider chosen for 2026 but not yet confirmed (expression of interest)"),
    (21, "school-led training"),
    (51, "an independent school with section 41 approval (appropriate body: ISTIP)"),
)
APPROPRIATE_BODY_PERSONAS = (
    (TEACHING_SCHOOL_HUBS[0], "Jamie Fletcher"),
    (TEACHING_SCHOOL_HUBS[1], "Morgan Reid"),
    (ISTIP, "Robin Ashby"),
)


def _school_persona(school: SchoolPlan, description: str) -> Persona:
    name, email = school.induction_tutor or ("Headteacher", f"head@{school.domain}")
    return Persona(
        name=name,
        email=email,
        kind=PersonaKind.SCHOOL_USER,
        organisation=school.name,
        description=f"Induction tutor at {school.name} (URN {school.urn}): {description}",
        school_urn=school.urn,
    )


def _body_persona(body: str, name: str) -> Persona:
    user = name.lower().replace(" ", ".")
    return Persona(
        name=name,
        email=f"{user}@inductions.example.org",
        kind=PersonaKind.APPROPRIATE_BODY_USER,
        organisation=body,
        description=f"Records inductions for {body}",
        appropriate_body=body,
    )


def personas() -> tuple[Persona, ...]:
    schools = plan_schools()
    made = [_school_persona(schools[index], text) for index, text in SCHOOL_PERSONAS]
    made += [_body_persona(body, name) for body, name in APPROPRIATE_BODY_PERSONAS]
    made += [
        Persona(
            name=user.name,
            email=user.email,
            kind=PersonaKind.DFE_STAFF_USER,
            organisation="Department for Education",
            description=f"DfE staff: {user.role.replace('_', ' ')}",
            staff_role=user.role,
        )
        for user in STAFF_USERS
    ]
    return tuple(made)


PERSONAS = personas()


def trns_to_try(count: int = 6) -> list[str]:
    """Ordinary TRNs in the fake TRS that the demo leaves unregistered, with QTS and an
    induction still to do: a school can register any of them as an ECT."""
    from ecf2.adapters.trs.demo_data import demo_people
    from ecf2.domain.participants import TrsInductionStatus
    from ecf2.entrypoints.demo.teacher_plan import plan_teachers

    registered = {plan.trn for plan in plan_teachers(plan_schools())}
    return [
        person.trn.value
        for person in demo_people()
        if person.trn.value not in registered
        and person.induction.status is TrsInductionStatus.REQUIRED_TO_COMPLETE
        and person.qts is not None
    ][:count]
