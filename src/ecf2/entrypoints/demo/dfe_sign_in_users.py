"""The people the fake DfE Sign-in offers on the embedded default: the demo's school and
appropriate body personas, each at their organisation with its DfE Sign-in role, and one
person whose organisation cannot use the service (inductions-trs (c.2))."""

from __future__ import annotations

from ecf2.adapters.dfe_sign_in.fake_data import FakeDsiOrganisation, FakeDsiUser
from ecf2.domain.shared.sign_in import DsiRole
from ecf2.entrypoints.demo.appropriate_bodies import dfe_sign_in_organisation_id
from ecf2.entrypoints.demo.personas import PERSONAS, Persona, PersonaKind
from ecf2.entrypoints.demo.reference import demo_uuid


def _user(persona: Persona, organisation: FakeDsiOrganisation, role: DsiRole) -> FakeDsiUser:
    given, _, family = persona.name.partition(" ")
    return FakeDsiUser(
        id=str(demo_uuid("dfe-sign-in-user", persona.email)),
        email=persona.email,
        given_name=given,
        family_name=family,
        organisation=organisation,
        role_codes=(role,),
        description=persona.description,
    )


def _school_user(persona: Persona) -> FakeDsiUser:
    urn = persona.school_urn or ""
    school = FakeDsiOrganisation(
        str(demo_uuid("dfe-sign-in-organisation", urn)), persona.organisation, urn
    )
    return _user(persona, school, DsiRole.SCHOOL_USER)


def _body_user(persona: Persona) -> FakeDsiUser:
    name = persona.appropriate_body or ""
    body = FakeDsiOrganisation(str(dfe_sign_in_organisation_id(name)), name)
    return _user(persona, body, DsiRole.APPROPRIATE_BODY_USER)


def _outsider() -> FakeDsiUser:
    college = FakeDsiOrganisation(
        str(demo_uuid("dfe-sign-in-organisation", "Northgate College")), "Northgate College"
    )
    return FakeDsiUser(
        id=str(demo_uuid("dfe-sign-in-user", "sam.okafor")),
        email="sam.okafor@northgate.example.ac.uk",
        given_name="Sam",
        family_name="Okafor",
        organisation=college,
        role_codes=(DsiRole.SCHOOL_USER,),
        description="an organisation that cannot use the service",
    )


def demo_dfe_sign_in_users() -> tuple[FakeDsiUser, ...]:
    schools = [_school_user(p) for p in PERSONAS if p.kind is PersonaKind.SCHOOL_USER]
    bodies = [_body_user(p) for p in PERSONAS if p.kind is PersonaKind.APPROPRIATE_BODY_USER]
    return (*schools, *bodies, _outsider())
