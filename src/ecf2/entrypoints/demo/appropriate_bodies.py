"""Appropriate bodies: teaching school hubs and ISTIP, each linked to a DfE Sign-in
organisation, and one local authority from before 2023 that can no longer sign in."""

from __future__ import annotations

from typing import Any

from ecf2.domain.inductions import AppropriateBody, AppropriateBodyType
from ecf2.domain.shared.errors import NotFound
from ecf2.entrypoints.demo.reference import demo_uuid
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.summary import Tally, tally

TEACHING_SCHOOL_HUBS = (
    "Ashfield Teaching School Hub",
    "Bramblewood Teaching School Hub",
    "Castlegate Teaching School Hub",
    "Derwent Valley Teaching School Hub",
    "Elmsworth Teaching School Hub",
)
ISTIP = "Independent Schools Teacher Induction Panel (ISTIP)"
LOCAL_AUTHORITY = "Westshire County Council"
APPROPRIATE_BODIES = (*TEACHING_SCHOOL_HUBS, ISTIP, LOCAL_AUTHORITY)


def dfe_sign_in_organisation_id(name: str) -> Any:
    return None if name == LOCAL_AUTHORITY else demo_uuid("dfe-sign-in-organisation", name)


def appropriate_body(name: str) -> AppropriateBody:
    body_type = AppropriateBody.type_for_name(name)
    if name == LOCAL_AUTHORITY:
        body_type = AppropriateBodyType.LOCAL_AUTHORITY
    return AppropriateBody(
        name=name,
        body_type=body_type,
        dfe_sign_in_organisation_id=dfe_sign_in_organisation_id(name),
    )


def seed(uow_factory: UowFactory, refs: Refs) -> list[Tally]:
    bodies: dict[str, AppropriateBody] = {}
    created = 0
    with uow_factory() as uow:
        for name in APPROPRIATE_BODIES:
            try:
                bodies[name] = uow.appropriate_bodies.get_by_name(name)
            except NotFound:
                bodies[name] = appropriate_body(name)
                uow.appropriate_bodies.add(bodies[name])
                created += 1
        uow.commit()
    refs.appropriate_bodies.update({name: id_of(body) for name, body in bodies.items()})
    return [tally("appropriate bodies", len(bodies), created)]
