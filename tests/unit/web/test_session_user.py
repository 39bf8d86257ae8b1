"""The user a web session carries, the key its cookie is sealed with, and the induction
status badge (inductions-trs-sign-in-admin (a.12), (c.3))."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecf2.domain.participants import TrsInductionStatus
from ecf2.domain.shared.actors import AuthorType
from ecf2.entrypoints.auth import session_key
from ecf2.entrypoints.web.induction_status import induction_status_badge
from ecf2.entrypoints.web.session_user import Role, SessionUser, SignedInVia

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
TWO_ROLES = SessionUser(
    name="Kai Osei",
    email="kai@example.org",
    roles=(Role.SCHOOL_USER, Role.APPROPRIATE_BODY_USER),
    active_role=Role.SCHOOL_USER,
    signed_in_via=SignedInVia.PERSONA,
    last_active_at=NOW,
    school_urn="100101",
    school_id=1,
    school_name="Ashdown Primary School",
    appropriate_body_id=3,
    appropriate_body_name="Ashfield Teaching School Hub",
)


def test_a_session_user_survives_the_session_cookie():
    assert SessionUser.from_session(TWO_ROLES.to_session()) == TWO_ROLES


@pytest.mark.parametrize(
    "stored", [None, "text", {}, {"name": "Kai"}, {**TWO_ROLES.to_session(), "roles": ["x"]}]
)
def test_anything_else_in_the_session_is_nobody(stored):
    assert SessionUser.from_session(stored) is None


def test_a_user_with_two_roles_switches_between_them():
    switched = TWO_ROLES.switched()
    assert switched.active_role is Role.APPROPRIATE_BODY_USER
    assert switched.home == "/appropriate-body/teachers"
    assert switched.organisation_name == "Ashfield Teaching School Hub"
    assert switched.switched() == TWO_ROLES


def test_the_actor_is_the_user_in_their_active_role():
    school_actor, body_actor = TWO_ROLES.actor(), TWO_ROLES.switched().actor()
    assert (school_actor.type, school_actor.school_id) == (AuthorType.SCHOOL_USER, 1)
    assert (body_actor.type, body_actor.appropriate_body_id) == (
        AuthorType.APPROPRIATE_BODY_USER,
        3,
    )
    assert school_actor.email == body_actor.email == "kai@example.org"


def test_the_session_key_is_32_bytes_derived_from_the_secret():
    key = session_key("a" * 64)
    assert len(key) == 32
    assert key == session_key("a" * 64) != session_key("b" * 64)
    assert b"a" * 32 not in key


@pytest.mark.parametrize(
    ("status", "open_period", "badge"),
    [
        (TrsInductionStatus.REQUIRED_TO_COMPLETE, False, "Required to complete"),
        (TrsInductionStatus.EXEMPT, False, "Exempt"),
        (TrsInductionStatus.IN_PROGRESS, True, "In progress"),
        (TrsInductionStatus.IN_PROGRESS, False, "Induction paused"),
        (TrsInductionStatus.FAILED, False, "Failed"),
        (TrsInductionStatus.PASSED, False, "Passed"),
        (TrsInductionStatus.FAILED_IN_WALES, False, "Failed in Wales"),
        (TrsInductionStatus.NONE, False, "None"),
        ("Something new", False, "Unknown"),
        (None, False, "Unknown"),
    ],
)
def test_the_induction_status_badge_follows_trs(status, open_period, badge):
    assert induction_status_badge(status, open_period).text == badge
