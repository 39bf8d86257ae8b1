"""DfE staff users through the SQL unit of work (inductions-trs (c.5))."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from ecf2.adapters.db.constraints import refusal_for
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.shared.errors import NotFound, RuleBroken
from ecf2.domain.staff import DfeStaffUser

NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)


def add(uow: SqlAlchemyUnitOfWork, user: DfeStaffUser) -> DfeStaffUser:
    with uow:
        uow.dfe_staff_users.add(user)
        uow.commit()
    return user


def test_a_staff_user_comes_back_by_id_and_by_email(uow: SqlAlchemyUnitOfWork) -> None:
    user = add(
        uow,
        DfeStaffUser(
            email="grace.hopper@education.gov.uk",
            name="Grace Hopper",
            role="finance",
            otp_school_urn="123456",
            otp_secret="JBSWY3DPEHPK3PXP",
            otp_verified_at=NOW,
        ),
    )
    with uow:
        assert uow.dfe_staff_users.get(user.id) == user
        assert uow.dfe_staff_users.get_by_email(" Grace.Hopper@education.gov.uk") == user
        with pytest.raises(NotFound):
            uow.dfe_staff_users.get_by_email("nobody@education.gov.uk")


def test_a_locked_account_is_saved(uow: SqlAlchemyUnitOfWork) -> None:
    user = add(uow, DfeStaffUser(email="ada@education.gov.uk", name="Ada"))
    with uow:
        loaded = uow.dfe_staff_users.get(user.id)
        for _ in range(10):
            loaded.record_otp_failure(NOW)
        uow.dfe_staff_users.save(loaded)
        uow.commit()
    with uow:
        reloaded = uow.dfe_staff_users.get(user.id)
    assert (reloaded.otp_locked_at, reloaded.otp_failed_attempts, reloaded.version) == (NOW, 10, 2)


def test_two_staff_users_cannot_share_an_email(uow: SqlAlchemyUnitOfWork) -> None:
    add(uow, DfeStaffUser(email="ada@education.gov.uk", name="Ada"))
    with pytest.raises(RuleBroken) as error:
        add(uow, DfeStaffUser(email="ADA@education.gov.uk", name="Another Ada"))
    assert error.value.rule == "uq_dfe_staff_users_email"


def test_the_database_refuses_an_email_outside_education_gov_uk(
    uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    add(uow, DfeStaffUser(email="ada@education.gov.uk", name="Ada"))
    with pytest.raises(IntegrityError) as error, engine.begin() as connection:
        connection.execute(text("UPDATE dfe_staff_users SET email = 'ada@example.com'"))
    assert refusal_for(error.value).rule == "ck_dfe_staff_users_email_at_education_gov_uk"
