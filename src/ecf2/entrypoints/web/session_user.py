"""The signed-in user a web session carries (inductions-trs-sign-in-admin (c.3)): who they
are, the roles they hold, the one they are acting in, and when they were last active."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import attrs

from ecf2.domain.shared.actors import Actor, AuthorType


class Role(StrEnum):
    SCHOOL_USER = "school_user"
    APPROPRIATE_BODY_USER = "appropriate_body_user"
    DFE_STAFF_USER = "dfe_staff_user"


class SignedInVia(StrEnum):
    PERSONA = "persona"
    DFE_SIGN_IN = "dfe_sign_in"
    OTP = "otp"


# After sign-in, and when a page belongs to a role the user is not acting in (c.3).
HOMES = {
    Role.SCHOOL_USER: "/school/home",
    Role.APPROPRIATE_BODY_USER: "/appropriate-body/teachers",
    # (c.3) names /admin/teachers; until the teacher search exists, the admin home.
    Role.DFE_STAFF_USER: "/admin",
}
ROLE_NAMES = {
    Role.SCHOOL_USER: "a school user",
    Role.APPROPRIATE_BODY_USER: "an appropriate body user",
    Role.DFE_STAFF_USER: "a DfE staff user",
}


def _roles(value: Any) -> tuple[Role, ...]:
    return tuple(Role(role) for role in value)


@attrs.frozen(kw_only=True)
class SessionUser:
    name: str
    email: str
    roles: tuple[Role, ...] = attrs.field(converter=_roles)
    active_role: Role = attrs.field(converter=Role)
    signed_in_via: SignedInVia = attrs.field(converter=SignedInVia)
    last_active_at: datetime
    # The organisation behind each role the user holds.
    school_urn: str | None = None
    school_id: int | None = None
    school_name: str | None = None
    appropriate_body_id: int | None = None
    appropriate_body_name: str | None = None
    dfe_staff_user_id: int | None = None
    staff_role: str | None = None
    # DfE Sign-in's id for the user, when they signed in that way.
    dsi_user_id: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.active_role not in self.roles:
            raise ValueError(f"{self.active_role} is not one of the user's roles")

    @property
    def home(self) -> str:
        return HOMES[self.active_role]

    @property
    def organisation_name(self) -> str | None:
        return {
            Role.SCHOOL_USER: self.school_name,
            Role.APPROPRIATE_BODY_USER: self.appropriate_body_name,
            Role.DFE_STAFF_USER: "Department for Education",
        }[self.active_role]

    @property
    def other_role(self) -> Role | None:
        """The role /switch-role moves to; None for a user with one role."""
        others = [role for role in self.roles if role is not self.active_role]
        return others[0] if others else None

    def switched(self) -> SessionUser:
        other = self.other_role
        return self if other is None else attrs.evolve(self, active_role=other)

    def touched(self, now: datetime) -> SessionUser:
        return attrs.evolve(self, last_active_at=now)

    def actor(self) -> Actor:
        """The author of whatever the user changes, as the active role."""
        if self.active_role is Role.SCHOOL_USER:
            return Actor(
                AuthorType.SCHOOL_USER,
                id=self.dsi_user_id,
                email=self.email,
                name=self.name,
                school_id=self.school_id,
            )
        if self.active_role is Role.APPROPRIATE_BODY_USER:
            return Actor(
                AuthorType.APPROPRIATE_BODY_USER,
                id=self.dsi_user_id,
                email=self.email,
                name=self.name,
                appropriate_body_id=self.appropriate_body_id,
            )
        return Actor(
            AuthorType.DFE_STAFF_USER, id=self.dfe_staff_user_id, email=self.email, name=self.name
        )

    def to_session(self) -> dict[str, Any]:
        values = attrs.asdict(self, recurse=False)
        values["roles"] = [str(role) for role in self.roles]
        values["last_active_at"] = self.last_active_at.isoformat()
        return values

    @classmethod
    def from_session(cls, values: Any) -> SessionUser | None:
        """None for anything that is not a whole, well-formed user (an old cookie, say)."""
        if not isinstance(values, dict):
            return None
        try:
            last_active_at = datetime.fromisoformat(values["last_active_at"])
            return cls(**{**values, "last_active_at": last_active_at})
        except (KeyError, TypeError, ValueError):
            return None
