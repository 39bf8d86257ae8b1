"""Every operation of the reference that names a resource by id answers 404 with the
API's envelope for another lead provider's resource, and writes nothing
(lead-provider-api-v3 §1.2: "other LPs' resources → 404"; scenarios 7, 35, 41).

The operations come from the reference document, so an operation added there without an
entry in OTHERS fails here. Each entry says how to find the other provider's resource in
the world below and how to find the caller's own one: the own one must not answer 404 or
405, which proves the route is real and it is the scope that hides the other's."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
import pytest
import yaml
from litestar import Litestar
from sqlalchemy import func, select, text

from ecf2.adapters.db.events import EventRow
from ecf2.domain.contracts import DeliveryPartner, SchoolPartnership
from ecf2.domain.participants import MentorAtSchoolPeriod, School, Teacher
from ecf2.domain.payments.model import Statement
from ecf2.entrypoints.api.errors import NOT_FOUND_DETAIL
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.contract import REFERENCE, check
from tests.e2e.api.declaration_world import teacher_training_period
from tests.e2e.api.participant_world import Enrolments

if not REFERENCE.exists():
    pytest.skip("the reference OpenAPI document is not beside the project", allow_module_level=True)

METHODS = ("get", "put", "post", "patch", "delete")


def operations_by_id() -> list[tuple[str, str, str]]:
    """(operationId, method, path) of every operation whose path names a resource by id."""
    document = yaml.safe_load(REFERENCE.read_text())
    return [
        (operation["operationId"], method, path)
        for path, item in document["paths"].items()
        if "{id}" in path
        for method, operation in item.items()
        if method in METHODS
    ]


@attrs.frozen
class Side:
    """One lead provider's resources of every kind."""

    ect: Teacher
    mover: Teacher
    unfunded_mentor: Teacher
    declaration_id: str
    partnership: SchoolPartnership
    delivery_partner: DeliveryPartner
    statement: Statement


@attrs.frozen
class World:
    mine: Side
    theirs: Side
    shared_partner: DeliveryPartner
    open_school: School
    closed_school: School


Pick = Callable[[World, Side], object]
# How each operation finds a resource of a side; `None` body for operations without one.
OTHERS: dict[str, tuple[Pick, dict[str, Any] | None]] = {
    "getDeclaration": (lambda w, s: s.declaration_id, None),
    "voidDeclaration": (lambda w, s: s.declaration_id, None),
    "getDeliveryPartner": (lambda w, s: s.delivery_partner.api_id, None),
    "getParticipant": (lambda w, s: s.ect.api_id, None),
    "withdrawParticipant": (
        lambda w, s: s.ect.api_id,
        {"reason": "other", "course_identifier": "ecf-induction"},
    ),
    "deferParticipant": (
        lambda w, s: s.ect.api_id,
        {"reason": "other", "course_identifier": "ecf-induction"},
    ),
    "resumeParticipant": (lambda w, s: s.ect.api_id, {"course_identifier": "ecf-induction"}),
    "changeScheduleParticipant": (
        lambda w, s: s.ect.api_id,
        {"schedule_identifier": "ecf-extended-september", "course_identifier": "ecf-induction"},
    ),
    "getPartnership": (lambda w, s: s.partnership.api_id, None),
    # A delivery partner both providers work with, so only the scope can refuse it.
    "updatePartnership": (
        lambda w, s: s.partnership.api_id,
        {"delivery_partner_id": "shared"},
    ),
    # No provider owns a school: the register is shared (§2.7), so the stand-in for
    # "theirs" is a school out of every provider's scope, and "mine" an eligible one.
    "getSchool": (lambda w, s: (w.open_school if s is w.mine else w.closed_school).api_id, None),
    "getStatement": (lambda w, s: s.statement.api_id, None),
    "getTransfer": (lambda w, s: s.mover.api_id, None),
    "getUnfundedMentor": (lambda w, s: s.unfunded_mentor.api_id, None),
}
QUERIES = {"getSchool": {"filter[cohort]": "2025"}}
OPERATIONS = operations_by_id()


def test_every_operation_by_id_in_the_reference_has_an_entry():
    assert {operation_id for operation_id, _, _ in OPERATIONS} == set(OTHERS)


@pytest.fixture
def world(app: Litestar, build: Builder, providers: Providers) -> World:
    created = at(date(2023, 1, 1))
    shared = build.delivery_partner("Shared Partners", created_at=created)
    open_school, closed_school = build.school("Oak Primary"), build.school("Shut", eligible=False)
    schedule = build.schedule(2025)
    people = Enrolments(app.state.container.uow)

    def side(name: str, alp: Any) -> Side:
        partner = build.delivery_partner(f"{name} Partners", created_at=created)
        school = build.school(f"{name} School")
        build.works_with(alp, shared)
        partnership = build.partnership(school, build.works_with(alp, partner), created)
        ect = people.teacher(first=name)
        people.ect(ect, school, partnership, schedule, date(2025, 9, 1))
        people.save(ect)
        mover = people.teacher(first=name)
        people.ect(mover, school, partnership, schedule, date(2025, 9, 1), date(2025, 10, 31))
        people.save(mover)
        mentor = people.teacher(first=name)
        placement = mentor.add_mentor_placement(
            MentorAtSchoolPeriod(
                school_id=school.id, started_on=date(2025, 9, 1), email="mentor@example.com"
            )
        )
        people.save(mentor)
        people.mentorship(ect.ect_at_school_periods[0], placement, date(2025, 9, 1))
        contract = build.contract(alp)
        statement = build.statement(contract, 2026, 1)
        declaration = _declaration(app, ect, partner)
        return Side(ect, mover, mentor, declaration, partnership, partner, statement)

    mine, theirs = side("Ambition", providers.a_years[2025]), side("Best", providers.b_2025)
    return World(mine, theirs, shared, open_school, closed_school)


def _declaration(app: Litestar, teacher: Teacher, partner: DeliveryPartner) -> str:
    from ecf2.domain.payments.declarations import Declaration

    declaration = Declaration(
        training_period_id=teacher_training_period(teacher),
        declaration_type="started",
        declaration_date=at(date(2025, 9, 15)),
        created_at=at(date(2025, 9, 15)),
        delivery_partner_when_created_id=partner.id,
    )
    with app.state.container.uow() as uow:
        uow.declarations.add(declaration)
        uow.commit()
    return str(declaration.api_id)


def _call(api: Api, world: World, side: Side, operation: tuple[str, str, str]) -> Any:
    operation_id, method, path = operation
    pick, attributes = OTHERS[operation_id]
    url = path.replace("{id}", str(pick(world, side)))
    body = None
    if attributes is not None:
        values = {
            name: str(world.shared_partner.api_id) if value == "shared" else value
            for name, value in attributes.items()
        }
        body = json.dumps({"data": {"type": "x", "attributes": values}})
    response = api.client.request(
        method.upper(),
        url,
        params=QUERIES.get(operation_id),
        content=body,
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"},
    )
    check(response)
    return response


TABLES = ("school_partnerships", "training_periods", "declarations", "teachers")


def _fingerprint(app: Litestar) -> tuple[Any, ...]:
    with app.state.container.uow() as uow:
        rows = tuple(
            tuple(map(tuple, uow.session.execute(text(f"SELECT * FROM {table} ORDER BY id"))))
            for table in TABLES
        )
        return (*rows, uow.session.scalar(select(func.count(EventRow.id))))


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op[0] for op in OPERATIONS])
def test_another_providers_resource_is_not_found_and_left_alone(
    api: Api, app: Litestar, world: World, operation: tuple[str, str, str]
):
    before = _fingerprint(app)
    response = _call(api, world, world.theirs, operation)

    # A routing 404 would pass the first checks, so the route must really be served.
    assert _served(app, operation), f"{operation[1].upper()} {operation[2]} is not served"
    assert response.status_code == 404, response.text
    assert [error["title"] for error in response.json()["errors"]] == ["Resource not found"]
    assert _fingerprint(app) == before
    assert response.json()["errors"][0]["detail"] == NOT_FOUND_DETAIL
    own = _call(api, world, world.mine, operation)
    assert own.status_code not in (404, 405), own.text


def _served(app: Litestar, operation: tuple[str, str, str]) -> bool:
    _, method, path = operation
    for route in app.routes:
        template = "/".join(
            "{id}" if part.startswith("{") else part for part in route.path.split("/")
        )
        if template == path and method.upper() in getattr(route, "methods", ()):
            return True
    return False
