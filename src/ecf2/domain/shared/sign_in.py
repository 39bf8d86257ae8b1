"""Which kind of user a person signing in with DfE Sign-in is (inductions-trs-sign-in-admin
(c.2)): decided from their organisation and the roles DfE Sign-in gives them there."""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen


class DsiRole(StrEnum):
    """DfE Sign-in's role codes this service reads."""

    SCHOOL_USER = "SchoolUser"
    APPROPRIATE_BODY_USER = "AppropriateBodyUser"
    DFE_USER = "DfEUser"


class UserType(StrEnum):
    SCHOOL_USER = "school_user"
    APPROPRIATE_BODY_USER = "appropriate_body_user"
    DFE_STAFF_USER = "dfe_staff_user"


@frozen
class SignInFacts:
    """What the service knows about the person's organisation and account."""

    role_codes: frozenset[str]
    # The organisation's URN names a school the service or GIAS knows.
    school_known: bool
    # The organisation is an appropriate body's DfE Sign-in organisation.
    appropriate_body_known: bool
    # A DfE staff account has the person's email address.
    staff_account_known: bool
    in_development: bool


def user_type_for(facts: SignInFacts) -> UserType | None:
    """The first that applies (c.2); None means access is denied. DfE Sign-in's `DfEUser`
    role grants nothing: staff are recognised by their account, and only in development."""
    if facts.school_known and DsiRole.SCHOOL_USER in facts.role_codes:
        return UserType.SCHOOL_USER
    if facts.appropriate_body_known and DsiRole.APPROPRIATE_BODY_USER in facts.role_codes:
        return UserType.APPROPRIATE_BODY_USER
    if facts.in_development and facts.staff_account_known:
        return UserType.DFE_STAFF_USER
    return None
