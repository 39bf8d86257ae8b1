"""The school a school user acts for, checked on every request: access ends when GIAS
closes the school or it is otherwise blocked (participants-and-schools §3.0), and the
session ends if the school has gone (inductions-trs-sign-in-admin (c.3))."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import attrs
from litestar import Request
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException

from ecf2.adapters.db.queries.schools import EctAtSchool, MentorAtSchool, SqlSchoolHomeReads
from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.domain.participants.sign_in import SchoolAccess
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.auth import (
    AccessRefused,
    SignInRequired,
    end_session,
    school_user_required,
    signed_in_user,
)
from ecf2.entrypoints.web.session_user import SessionUser


@attrs.frozen
class SignedInSchool:
    id: int
    urn: str
    name: str
    user: SessionUser

    @property
    def actor(self) -> Actor:
        return self.user.actor()


def signed_in_school_user(request: Request[Any, Any, Any]) -> SessionUser:
    user = signed_in_user(request)
    if user is None or user.school_urn is None:
        raise SignInRequired()
    return user


def school_with_access(
    request: Request[Any, Any, Any], user: SessionUser, access: SchoolAccess | None
) -> SignedInSchool:
    """The user's school, if it exists and may use the service."""
    if access is None:
        end_session(request)
        raise SignInRequired()
    if access.denied or access.school_id is None:
        raise AccessRefused(access.name)
    return SignedInSchool(access.school_id, access.urn, access.name, user)


def signed_in_school(
    request: Request[Any, Any, Any], sign_in_reads: NamedDependency[SqlSignInReads]
) -> SignedInSchool:
    user = signed_in_school_user(request)
    return school_with_access(request, user, sign_in_reads.school_access(str(user.school_urn)))


# What every school page's controller declares: the role, then the school behind it.
SCHOOL_GUARDS = [school_user_required]
SCHOOL_DEPENDENCIES = {"school": Provide(signed_in_school, sync_to_thread=True)}


def _api_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFoundException() from None


def ect_seen_by(
    school: SignedInSchool, api_id: str, reads: SqlSchoolHomeReads, today: date
) -> tuple[uuid.UUID, EctAtSchool]:
    """Only an ECT the school sees now; anyone else's id, or no id, is "not found"."""
    teacher_api_id = _api_id(api_id)
    ect = reads.ect(school.id, teacher_api_id, today)
    if ect is None:
        raise NotFoundException()
    return teacher_api_id, ect


def mentor_seen_by(
    school: SignedInSchool, api_id: str, reads: SqlSchoolHomeReads, today: date
) -> tuple[uuid.UUID, MentorAtSchool]:
    """Only a mentor the school sees now; anyone else's id, or no id, is "not found"."""
    teacher_api_id = _api_id(api_id)
    mentor = reads.mentor(school.id, teacher_api_id, today)
    if mentor is None:
        raise NotFoundException()
    return teacher_api_id, mentor
