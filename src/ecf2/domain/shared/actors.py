"""Who did something: every change is recorded against an author (inductions-trs (d.3))."""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen


class AuthorType(StrEnum):
    APPROPRIATE_BODY_USER = "appropriate_body_user"
    SCHOOL_USER = "school_user"
    DFE_STAFF_USER = "dfe_staff_user"
    SYSTEM = "system"
    LEAD_PROVIDER_API = "lead_provider_api"


@frozen
class Actor:
    type: AuthorType
    id: int | str | None = None
    email: str | None = None
    name: str | None = None
    # The organisation the actor acts for, where there is one.
    school_id: int | None = None
    appropriate_body_id: int | None = None
    lead_provider_id: int | None = None

    def __attrs_post_init__(self) -> None:
        needs_identity = self.type not in (AuthorType.SYSTEM, AuthorType.LEAD_PROVIDER_API)
        if needs_identity and self.id is None and not self.email:
            raise ValueError(f"A {self.type} author needs an id or an email")

    @classmethod
    def system(cls) -> Actor:
        return cls(AuthorType.SYSTEM, name="ECF2")

    @classmethod
    def lead_provider(cls, lead_provider_id: int, name: str) -> Actor:
        return cls(AuthorType.LEAD_PROVIDER_API, name=name, lead_provider_id=lead_provider_id)
