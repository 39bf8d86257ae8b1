"""Steps for who a person signing in with DfE Sign-in is (inductions-trs-sign-in-admin (c.2))."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from ecf2.domain.shared.sign_in import DsiRole, SignInFacts, UserType, user_type_for

ROLES = {
    "school user": DsiRole.SCHOOL_USER,
    "appropriate body user": DsiRole.APPROPRIATE_BODY_USER,
    "DfE user": DsiRole.DFE_USER,
}


@pytest.fixture
def sign_in_facts() -> dict[str, Any]:
    return {
        "role_codes": frozenset(),
        "school_known": False,
        "appropriate_body_known": False,
        "staff_account_known": False,
        "in_development": False,
    }


@given("a person whose organisation is a school the service knows")
def at_a_known_school(sign_in_facts: dict[str, Any]) -> None:
    sign_in_facts["school_known"] = True


@given("a person whose organisation is an appropriate body's")
@given("it is also an appropriate body's")
def at_an_appropriate_body(sign_in_facts: dict[str, Any]) -> None:
    sign_in_facts["appropriate_body_known"] = True


@given("a person whose organisation is not one the service knows")
def at_an_unknown_organisation(sign_in_facts: dict[str, Any]) -> None:
    sign_in_facts["school_known"] = sign_in_facts["appropriate_body_known"] = False


@given(parsers.re(r"DfE Sign-in gives them the (?P<names>.+?) roles?$"))
def with_roles(sign_in_facts: dict[str, Any], names: str) -> None:
    sign_in_facts["role_codes"] = frozenset(ROLES[name] for name in names.split(" and "))


@given("DfE Sign-in gives them no roles")
def with_no_roles(sign_in_facts: dict[str, Any]) -> None:
    sign_in_facts["role_codes"] = frozenset()


@given(parsers.re(r"they (?P<account>have|do not have) a DfE staff account$"))
def staff_account(sign_in_facts: dict[str, Any], account: str) -> None:
    sign_in_facts["staff_account_known"] = account == "have"


@given(parsers.re(r"the service (?P<where>is being developed|is live)$"))
def service_stage(sign_in_facts: dict[str, Any], where: str) -> None:
    sign_in_facts["in_development"] = where == "is being developed"


@when("they sign in with DfE Sign-in", target_fixture="user_type")
def sign_in_with_dfe_sign_in(sign_in_facts: dict[str, Any]) -> UserType | None:
    return user_type_for(SignInFacts(**sign_in_facts))


@then(parsers.parse("they use the service as {kind}"))
def uses_the_service_as(user_type: UserType | None, kind: str) -> None:
    expected = {
        "a school user": UserType.SCHOOL_USER,
        "an appropriate body user": UserType.APPROPRIATE_BODY_USER,
        "a DfE staff user": UserType.DFE_STAFF_USER,
    }[kind]
    assert user_type is expected


@then("they are refused and told their organisation cannot use the service")
def refused(user_type: UserType | None) -> None:
    assert user_type is None
