"""Persona sign-in, for test and demo environments only (inductions-trs-sign-in-admin (c.1)):
the demo's people, plus one who holds two roles (c.3 "Several roles"), each turned into a
session user the way DfE Sign-in's users are, organisation checks included."""

from __future__ import annotations

from datetime import datetime

import attrs

from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.entrypoints.demo.personas import PERSONAS, Persona, PersonaKind
from ecf2.entrypoints.web.session_user import Role, SessionUser, SignedInVia
from ecf2.entrypoints.web.sign_in_users import (
    with_appropriate_body,
    with_school,
    with_staff_account,
)


def _several_roles() -> Persona:
    school = next(p for p in PERSONAS if p.kind is PersonaKind.SCHOOL_USER)
    body = next(p for p in PERSONAS if p.kind is PersonaKind.APPROPRIATE_BODY_USER)
    return Persona(
        name="Kai Osei",
        email="kai.osei@inductions.example.org",
        kind=PersonaKind.SCHOOL_USER,
        organisation=f"{school.organisation} and {body.organisation}",
        description=(
            f"Induction tutor at {school.organisation} who also records inductions for "
            f"{body.organisation}: starts as the school user and can switch role"
        ),
        school_urn=school.school_urn,
        appropriate_body=body.appropriate_body,
    )


SIGN_IN_PERSONAS = (*PERSONAS, _several_roles())


@attrs.frozen
class PersonaGroup:
    heading: str
    personas: tuple[Persona, ...]


def persona_groups() -> list[PersonaGroup]:
    def holding(kind: PersonaKind, several: bool) -> tuple[Persona, ...]:
        return tuple(p for p in SIGN_IN_PERSONAS if p.kind is kind and _several(p) is several)

    return [
        PersonaGroup("School users", holding(PersonaKind.SCHOOL_USER, False)),
        PersonaGroup("Appropriate body users", holding(PersonaKind.APPROPRIATE_BODY_USER, False)),
        PersonaGroup("DfE staff", holding(PersonaKind.DFE_STAFF_USER, False)),
        PersonaGroup("Users with several roles", holding(PersonaKind.SCHOOL_USER, True)),
    ]


def _several(persona: Persona) -> bool:
    return len(roles_of(persona)) > 1


def persona_by_email(email: str) -> Persona | None:
    return next((p for p in SIGN_IN_PERSONAS if p.email == email), None)


def roles_of(persona: Persona) -> tuple[Role, ...]:
    """In this order: a user with several roles starts as the school user (c.3)."""
    held = (
        (Role.SCHOOL_USER, persona.school_urn),
        (Role.APPROPRIATE_BODY_USER, persona.appropriate_body),
        (Role.DFE_STAFF_USER, persona.staff_role),
    )
    return tuple(role for role, organisation in held if organisation)


def user_for_persona(persona: Persona, reads: SqlSignInReads, now: datetime) -> SessionUser:
    """Raises AccessRefused when an organisation of the persona may not use the service."""
    roles = roles_of(persona)
    user = SessionUser(
        name=persona.name,
        email=persona.email,
        roles=roles,
        active_role=roles[0],
        signed_in_via=SignedInVia.PERSONA,
        last_active_at=now,
    )
    if persona.school_urn:
        user = with_school(user, persona.school_urn, reads, persona.organisation)
    if persona.appropriate_body:
        body = reads.appropriate_body_named(persona.appropriate_body)
        body_id, body_name = (None, None) if body is None else (body.id, body.name)
        user = with_appropriate_body(user, body_id, body_name, persona.organisation)
    if persona.staff_role:
        user = with_staff_account(user, reads, persona.organisation)
    return user
