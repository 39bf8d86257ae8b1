"""Steps reading a teacher's audit trail as DfE staff see it (participants-and-schools §5,
inductions-trs-sign-in-admin (d.3))."""

from __future__ import annotations

from typing import Any

from pytest_bdd import parsers, then

from ecf2.adapters.db.queries.admin_teacher_views import Timeline
from ecf2.adapters.db.queries.admin_teachers import SqlAdminTeacherReads
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.shared.actors import AuthorType
from ecf2.domain.shared.clock import LONDON
from tests.features.steps.common import a_day
from tests.features.steps.register_ect_world import RegistrationWorld

MADE_BY = {
    AuthorType.SCHOOL_USER: "the school user",
    AuthorType.APPROPRIATE_BODY_USER: "the appropriate body user",
    AuthorType.LEAD_PROVIDER_API: "the lead provider",
    AuthorType.DFE_STAFF_USER: "the DfE staff user",
    AuthorType.SYSTEM: "the service",
}


def _audit_trail(world: RegistrationWorld, names: dict[str, str], name: str) -> Timeline:
    reads = SqlAdminTeacherReads(world.session_factory)
    timeline = reads.timeline(world.teacher(names[name]).api_id, Page(1, 100))
    assert timeline is not None
    return timeline


@then(parsers.parse("{name}'s audit trail reads, newest first:"))
def audit_trail_reads(
    world: RegistrationWorld, names: dict[str, str], name: str, datatable: list[list[str]]
) -> None:
    expected: list[dict[str, Any]] = [
        dict(zip(datatable[0], row, strict=True)) for row in datatable[1:]
    ]
    read = [
        {
            "what happened": event.heading,
            "on": event.happened_at.astimezone(LONDON).date(),
            "made by": f"{MADE_BY[event.author.type]} {event.author.name}",
        }
        for event in _audit_trail(world, names, name).events
    ]
    for row in expected:
        row["on"] = a_day(row["on"])
    assert read == expected


@then(parsers.parse("{name}'s audit trail is empty"))
def audit_trail_is_empty(world: RegistrationWorld, names: dict[str, str], name: str) -> None:
    timeline = _audit_trail(world, names, name)
    assert (timeline.events, timeline.total) == ((), 0)
