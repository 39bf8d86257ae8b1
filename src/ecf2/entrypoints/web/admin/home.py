"""The DfE staff home and the finance console's landing page."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.response import Template

from ecf2.entrypoints.web.admin.access import (
    ADMIN_DEPENDENCIES,
    ADMIN_GUARDS,
    FINANCE_DEPENDENCIES,
    FINANCE_EXCEPTION_HANDLERS,
    FINANCE_GUARDS,
    SignedInStaff,
)
from ecf2.entrypoints.web.admin.navigation import finance_sections, navigation

Staff = NamedDependency[SignedInStaff]


class AdminHomeController(Controller):
    path = "/admin"
    guards = ADMIN_GUARDS
    dependencies = ADMIN_DEPENDENCIES
    include_in_schema = False

    @get("/", sync_to_thread=False)
    def home(self, staff: Staff) -> Template:
        context = {"staff": staff, "navigation": navigation("/admin")}
        return Template("admin/home.html", context=context)


class FinanceHomeController(Controller):
    path = "/admin/finance"
    guards = FINANCE_GUARDS
    dependencies = FINANCE_DEPENDENCIES
    exception_handlers = FINANCE_EXCEPTION_HANDLERS
    include_in_schema = False

    @get("/", sync_to_thread=False)
    def finance(self) -> Template:
        context = {"sections": finance_sections(), "navigation": navigation("/admin/finance")}
        return Template("finance/index.html", context=context)
