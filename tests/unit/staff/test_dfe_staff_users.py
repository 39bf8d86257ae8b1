"""DfE staff users: emails, roles and one-time passwords (inductions-trs (c.4), (c.5))."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.staff import DfeStaffUser, StaffRole

NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)


def a_user(**overrides: Any) -> DfeStaffUser:
    return DfeStaffUser(**({"email": "ada.lovelace@education.gov.uk", "name": "Ada"} | overrides))


def test_a_staff_user_is_an_admin_by_default() -> None:
    assert a_user().role is StaffRole.ADMIN


def test_a_staff_email_is_kept_in_lower_case() -> None:
    assert a_user(email=" Ada.Lovelace@Education.gov.uk ").email == "ada.lovelace@education.gov.uk"


@pytest.mark.parametrize(
    "email",
    [
        "ada@example.com",
        "ada@digital.education.gov.uk",
        "@education.gov.uk",
        "ada@education.gov.uk.evil.com",
        "a@b@education.gov.uk",
    ],
)
def test_a_staff_email_must_end_at_education_gov_uk(email: str) -> None:
    with pytest.raises(InvalidValue) as error:
        a_user(email=email)
    assert error.value.rule == "staff_email_at_education_gov_uk"


@pytest.mark.parametrize("urn", ["12345", "123456", None])
def test_an_otp_school_urn_is_5_or_6_digits(urn: str | None) -> None:
    assert a_user(otp_school_urn=urn).otp_school_urn == urn


@pytest.mark.parametrize("urn", ["1234", "1234567", "12a45"])
def test_other_otp_school_urns_are_refused(urn: str) -> None:
    with pytest.raises(InvalidValue):
        a_user(otp_school_urn=urn)


@pytest.mark.parametrize(
    ("role", "super_admin", "manage_users", "finance", "data_fixes"),
    [
        ("admin", False, False, False, False),
        ("user_manager", True, True, False, False),
        ("finance", False, True, True, False),
        ("product_team", False, True, True, True),
    ],
)
def test_what_each_role_may_do(
    role: str, super_admin: bool, manage_users: bool, finance: bool, data_fixes: bool
) -> None:
    user = a_user(role=role)
    assert (
        user.super_admin,
        user.can_manage_users,
        user.can_access_finance,
        user.can_fix_data(data_fixes_enabled=True),
    ) == (super_admin, manage_users, finance, data_fixes)


def test_nobody_fixes_data_while_data_fixes_are_switched_off() -> None:
    assert not a_user(role="product_team").can_fix_data(data_fixes_enabled=False)


def test_the_tenth_wrong_code_locks_the_account_until_unlocked() -> None:
    user = a_user()
    locked = [user.record_otp_failure(NOW) for _ in range(10)]
    assert locked == [False] * 9 + [True]
    assert user.otp_locked
    assert user.otp_locked_at == NOW
    user.unlock_otp()
    assert not user.otp_locked
    assert user.otp_failed_attempts == 0


def test_a_right_code_resets_the_failures() -> None:
    user = a_user()
    user.record_otp_failure(NOW)
    user.record_otp_success(NOW)
    assert (user.otp_failed_attempts, user.otp_verified_at) == (0, NOW)
