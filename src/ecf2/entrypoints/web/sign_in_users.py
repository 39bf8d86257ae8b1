"""Turning a person who signs in, by persona or by DfE Sign-in, into the session's user
(inductions-trs-sign-in-admin (c.2), (c.3)), with their organisations checked on the way
(participants-and-schools §3.0), and recording school users' sign-ins."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

import attrs

from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.adapters.dfe_sign_in.identity import DsiIdentity
from ecf2.domain.participants.sign_in import SchoolSignInService
from ecf2.domain.shared.sign_in import SignInFacts, user_type_for
from ecf2.entrypoints.auth import AccessRefused
from ecf2.entrypoints.web.session_user import Role, SessionUser, SignedInVia

logger = logging.getLogger("ecf2")


def with_school(
    user: SessionUser, urn: str, reads: SqlSignInReads, organisation: str
) -> SessionUser:
    """Raises AccessRefused when the school may not use the service (§3.0)."""
    access = reads.school_access(urn)
    if access is None or access.denied:
        raise AccessRefused(organisation if access is None else access.name)
    return attrs.evolve(
        user, school_urn=access.urn, school_id=access.school_id, school_name=access.name
    )


def with_appropriate_body(
    user: SessionUser, body_id: int | None, body_name: str | None, organisation: str
) -> SessionUser:
    if body_id is None:
        raise AccessRefused(organisation)
    return attrs.evolve(user, appropriate_body_id=body_id, appropriate_body_name=body_name)


def with_staff_account(user: SessionUser, reads: SqlSignInReads, organisation: str) -> SessionUser:
    account = reads.staff_account(user.email)
    if account is None:
        raise AccessRefused(organisation)
    return attrs.evolve(user, dfe_staff_user_id=account.id, staff_role=account.role)


def user_for_dsi(
    identity: DsiIdentity,
    role_codes: frozenset[str],
    reads: SqlSignInReads,
    in_development: bool,
    now: datetime,
) -> SessionUser:
    """The first user type that fits (c.2); AccessRefused, naming the organisation, if none
    does or the school may not use the service (§3.0)."""
    organisation = identity.organisation
    school = reads.school_access(organisation.urn) if organisation.urn else None
    body = reads.appropriate_body_for_dsi_organisation(_uuid(organisation.id))
    facts = SignInFacts(
        role_codes=role_codes,
        school_known=school is not None,
        appropriate_body_known=body is not None,
        staff_account_known=bool(identity.email)
        and reads.staff_account(identity.email) is not None,
        in_development=in_development,
    )
    user_type = user_type_for(facts)
    if user_type is None:
        raise AccessRefused(organisation.name)
    role = Role(user_type.value)
    user = SessionUser(
        name=identity.name,
        email=identity.email,
        roles=(role,),
        active_role=role,
        signed_in_via=SignedInVia.DFE_SIGN_IN,
        last_active_at=now,
        dsi_user_id=identity.user_id,
    )
    if role is Role.SCHOOL_USER and organisation.urn:
        return with_school(user, organisation.urn, reads, organisation.name)
    if role is Role.APPROPRIATE_BODY_USER and body is not None:
        return with_appropriate_body(user, body.id, body.name, organisation.name)
    return with_staff_account(user, reads, organisation.name)


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def record_school_sign_in(service: SchoolSignInService, user: SessionUser) -> None:
    """`school_user_signs_in`; if it cannot be recorded, sign-in still goes ahead (c.3)."""
    if user.school_id is None or Role.SCHOOL_USER not in user.roles:
        return
    school_user = attrs.evolve(user, active_role=Role.SCHOOL_USER)
    try:
        service.record_sign_in(user.school_id, school_user.actor())
    except Exception:
        logger.exception("Could not record that %s signed in", user.email)
