"""DfE staff users of the admin and finance console (inductions-trs (c.4), (c.5))."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

import attrs

from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.events import DomainEvent

STAFF_EMAIL_DOMAIN = "@education.gov.uk"
MAX_OTP_FAILURES = 10
_SCHOOL_URN = re.compile(r"\d{5,6}")


class StaffRole(StrEnum):
    ADMIN = "admin"
    USER_MANAGER = "user_manager"
    FINANCE = "finance"
    PRODUCT_TEAM = "product_team"


# The roles that may use the finance console (c.5).
FINANCE_ROLES = frozenset({StaffRole.FINANCE, StaffRole.PRODUCT_TEAM})


def _email(value: str) -> str:
    email = (value or "").strip().lower()
    local_part = email.removesuffix(STAFF_EMAIL_DOMAIN)
    if not email.endswith(STAFF_EMAIL_DOMAIN) or not local_part or "@" in local_part:
        raise InvalidValue(
            "Enter a DfE email address ending in @education.gov.uk",
            field="email",
            rule="staff_email_at_education_gov_uk",
        )
    return email


def _school_urn(value: str | int | None) -> str | None:
    if value is None or value == "":
        return None
    urn = str(value).strip()
    if not _SCHOOL_URN.fullmatch(urn):
        raise InvalidValue(
            "A school URN must be 5 or 6 digits", field="otp_school_urn", rule="otp_school_urn"
        )
    return urn


@attrs.define(kw_only=True)
class DfeStaffUser:
    """Someone at DfE who signs in to the console; the role decides what they may do."""

    email: str = attrs.field(converter=_email)
    name: str
    role: StaffRole = attrs.field(default=StaffRole.ADMIN, converter=StaffRole)
    otp_school_urn: str | None = attrs.field(default=None, converter=_school_urn)
    otp_secret: str | None = None
    otp_verified_at: datetime | None = None
    otp_failed_attempts: int = 0
    otp_locked_at: datetime | None = None
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise InvalidValue("Enter a name", field="name", rule="staff_name_required")

    # Permissions (c.5).
    @property
    def super_admin(self) -> bool:
        return self.role is StaffRole.USER_MANAGER

    @property
    def can_manage_users(self) -> bool:
        # Deliberately not `admin`: that role runs the console but cannot add users.
        return self.role in (StaffRole.USER_MANAGER, StaffRole.FINANCE, StaffRole.PRODUCT_TEAM)

    @property
    def can_access_finance(self) -> bool:
        return self.role in FINANCE_ROLES

    def can_fix_data(self, *, data_fixes_enabled: bool) -> bool:
        return data_fixes_enabled and self.role is StaffRole.PRODUCT_TEAM

    # One-time passwords (c.4).
    @property
    def otp_locked(self) -> bool:
        return self.otp_locked_at is not None

    def record_otp_failure(self, at: datetime) -> bool:
        """Count a wrong code; the tenth locks the account. Returns True when it locks."""
        self.otp_failed_attempts += 1
        if self.otp_failed_attempts >= MAX_OTP_FAILURES and not self.otp_locked:
            self.otp_locked_at = at
            return True
        return False

    def record_otp_success(self, at: datetime) -> None:
        self.otp_verified_at, self.otp_failed_attempts = at, 0

    def unlock_otp(self) -> None:
        self.otp_locked_at, self.otp_failed_attempts = None, 0
