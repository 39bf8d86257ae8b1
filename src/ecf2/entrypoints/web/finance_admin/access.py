"""Who may use the finance console's contract pages: DfE staff whose role gives finance
access, finance or product team (inductions-trs-sign-in-admin (c.5), (d)). Anyone else
signed in as DfE staff is told they cannot; other users go to their own home."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.di import Provide
from litestar.handlers import BaseRouteHandler
from litestar.response import Template
from litestar.status_codes import HTTP_403_FORBIDDEN

from ecf2.domain.staff import StaffRole
from ecf2.domain.staff.model import role_has_finance_access
from ecf2.entrypoints.auth import SignInRequired, WrongRole, signed_in_user
from ecf2.entrypoints.web.session_user import Role


class FinanceAccessRefused(Exception):
    """A DfE staff user whose role has no finance access."""


def finance_staff_required(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    user = signed_in_user(connection)
    if user is None:
        raise SignInRequired()
    if user.active_role is not Role.DFE_STAFF_USER:
        raise WrongRole(user.home)
    if user.staff_role is None or not role_has_finance_access(StaffRole(user.staff_role)):
        raise FinanceAccessRefused()


def _refused(_: Request[Any, Any, Any], __: FinanceAccessRefused) -> Template:
    return Template("finance_admin/not_allowed.html", status_code=HTTP_403_FORBIDDEN)


def _from_container(name: str) -> Callable[[Request[Any, Any, Any]], Any]:
    def provide(request: Request[Any, Any, Any]) -> Any:
        return getattr(request.app.state.container, name)()

    return provide


FINANCE_GUARDS = [finance_staff_required]
FINANCE_EXCEPTION_HANDLERS = {FinanceAccessRefused: _refused}
FINANCE_DEPENDENCIES = {
    name: Provide(_from_container(name), sync_to_thread=False)
    for name in (
        "contracts_console_reads",
        "contract_periods_console",
        "active_lead_providers_console",
    )
}
