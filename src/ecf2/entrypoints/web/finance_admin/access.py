"""The contract pages of the finance console sit behind the console's own guard (DfE staff
whose role gives finance access, checked against their account on every request; see
web/admin/access.py) and take their services from the container."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.di import Provide

from ecf2.entrypoints.web.admin import access


def _from_container(name: str) -> Callable[[Request[Any, Any, Any]], Any]:
    def provide(request: Request[Any, Any, Any]) -> Any:
        return getattr(request.app.state.container, name)()

    return provide


FINANCE_GUARDS = access.FINANCE_GUARDS
FINANCE_EXCEPTION_HANDLERS = access.FINANCE_EXCEPTION_HANDLERS
FINANCE_DEPENDENCIES = {
    **access.FINANCE_DEPENDENCIES,
    **{
        name: Provide(_from_container(name), sync_to_thread=False)
        for name in (
            "contracts_console_reads",
            "contract_periods_console",
            "active_lead_providers_console",
        )
    },
}
