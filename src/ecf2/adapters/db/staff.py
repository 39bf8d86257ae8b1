"""Rows, mappers and repositories for DfE staff users."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String, select, text
from sqlalchemy.orm import Mapped, mapped_column

from ecf2.adapters.db.base import Base, enum_column, version_column
from ecf2.adapters.db.constraints import explain
from ecf2.adapters.db.repository import SqlRepository
from ecf2.adapters.db.row_sync import PairingRepository, copy_changed_fields
from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound
from ecf2.domain.staff.model import DfeStaffUser, StaffRole

explain("uq_dfe_staff_users_email", "email", "A DfE staff user with this email already exists")
explain(
    "ck_dfe_staff_users_email_at_education_gov_uk",
    "email",
    "Enter a DfE email address ending in @education.gov.uk",
)
explain(
    "ck_dfe_staff_users_otp_failed_attempts_not_negative",
    "otp_failed_attempts",
    "Failed attempts cannot be negative",
)


class DfeStaffUserRow(Base):
    __tablename__ = "dfe_staff_users"
    __table_args__ = (
        # The domain stores emails in lower case (inductions-trs (c.5)).
        CheckConstraint("email LIKE '%_@education.gov.uk'", name="email_at_education_gov_uk"),
        CheckConstraint("otp_failed_attempts >= 0", name="otp_failed_attempts_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    role: Mapped[StaffRole] = mapped_column(
        enum_column(StaffRole, "staff_role"), server_default=StaffRole.ADMIN.value
    )
    otp_school_urn: Mapped[str | None] = mapped_column(String(6))
    otp_secret: Mapped[str | None] = mapped_column(String(64))
    otp_verified_at: Mapped[datetime | None]
    otp_failed_attempts: Mapped[int] = mapped_column(server_default=text("0"))
    otp_locked_at: Mapped[datetime | None]
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}


_FIELDS = (
    "email",
    "name",
    "role",
    "otp_school_urn",
    "otp_secret",
    "otp_verified_at",
    "otp_failed_attempts",
    "otp_locked_at",
)


def _user_from_row(row: DfeStaffUserRow) -> DfeStaffUser:
    fields = {name: getattr(row, name) for name in _FIELDS}
    return DfeStaffUser(id=row.id, version=row.version, **fields)


class SqlDfeStaffUserRepository(PairingRepository):
    """DfE staff users, found by id or by email."""

    def get(self, user_id: int) -> DfeStaffUser:
        row = self._session.get(DfeStaffUserRow, user_id)
        if row is None:
            raise NotFound(f"No DfE staff user {user_id}")
        return self._track(row)

    def get_by_email(self, email: str) -> DfeStaffUser:
        query = select(DfeStaffUserRow).where(DfeStaffUserRow.email == email.strip().lower())
        row = self._session.scalars(query).one_or_none()
        if row is None:
            raise NotFound("No DfE staff user has that email address")
        return self._track(row)

    def add(self, user: DfeStaffUser) -> None:
        row = DfeStaffUserRow()
        copy_changed_fields(row, user, _FIELDS)
        self._session.add(self._pair(user, row))
        self._seen(user)

    def save(self, user: DfeStaffUser) -> None:
        row = self._row_of(user, DfeStaffUserRow)
        if row is None:
            raise NotFound(f"No DfE staff user {user.id}")
        if row.version is not None and row.version != user.version:
            raise ConcurrentUpdate("This user was changed by someone else")
        copy_changed_fields(row, user, _FIELDS)
        self._seen(user)

    def _track(self, row: DfeStaffUserRow) -> DfeStaffUser:
        user = _user_from_row(row)
        self._pair(user, row)
        return self._seen(user)


REPOSITORIES: dict[str, type[SqlRepository]] = {"dfe_staff_users": SqlDfeStaffUserRepository}
