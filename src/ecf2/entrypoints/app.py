"""create_app(): the container, the web pages, the API and the assets, as one Litestar app."""

from __future__ import annotations

from litestar import Litestar
from litestar.static_files import create_static_files_router

from ecf2.container import Container, build_container
from ecf2.entrypoints.api.openapi.routes import OPENAPI_ROUTES
from ecf2.entrypoints.api.router import api_router
from ecf2.entrypoints.auth import AUTH_EXCEPTION_HANDLERS, TEMPLATE_CALLABLES, web_middleware
from ecf2.entrypoints.di import dependencies
from ecf2.entrypoints.errors import EXCEPTION_HANDLERS
from ecf2.entrypoints.health import healthcheck
from ecf2.entrypoints.web.admin.access import FINANCE_EXCEPTION_HANDLERS
from ecf2.entrypoints.web.admin.home import AdminHomeController, FinanceHomeController
from ecf2.entrypoints.web.admin.teachers import TeachersController
from ecf2.entrypoints.web.api_guidance import ApiGuidanceController, swagger_ui
from ecf2.entrypoints.web.appropriate_bodies.teachers import AppropriateBodyTeachersController
from ecf2.entrypoints.web.demo_emails import demo_emails
from ecf2.entrypoints.web.dfe_sign_in import DfeSignInController
from ecf2.entrypoints.web.finance.adjustments import AdjustmentsController
from ecf2.entrypoints.web.finance.statements import StatementsController
from ecf2.entrypoints.web.finance.voids import VoidsController
from ecf2.entrypoints.web.finance_admin.contract_periods import ContractPeriodsController
from ecf2.entrypoints.web.finance_admin.contracts import ContractsController
from ecf2.entrypoints.web.finance_admin.lead_providers import ActiveLeadProvidersController
from ecf2.entrypoints.web.finance_admin.milestones import MilestonesController
from ecf2.entrypoints.web.pages import start_page
from ecf2.entrypoints.web.schools.assign_mentor import AssignMentorController
from ecf2.entrypoints.web.schools.change_details import (
    ChangeEctDetailsController,
    ChangeMentorDetailsController,
)
from ecf2.entrypoints.web.schools.home import SchoolHomeController
from ecf2.entrypoints.web.schools.induction_tutor import InductionTutorController
from ecf2.entrypoints.web.schools.register_ect import RegisterEctController
from ecf2.entrypoints.web.schools.register_mentor import RegisterMentorController
from ecf2.entrypoints.web.schools.report_leaving import ReportEctLeavingController
from ecf2.entrypoints.web.schools.report_mentor_leaving import ReportMentorLeavingController
from ecf2.entrypoints.web.sign_in import SignInController
from ecf2.entrypoints.web.templating import GOVUK_ASSETS, STATIC, template_config


def create_app(container: Container | None = None) -> Litestar:
    container = container or build_container()
    app = Litestar(
        route_handlers=[
            start_page,
            healthcheck,
            api_router(container),
            *OPENAPI_ROUTES,
            ApiGuidanceController,
            swagger_ui,
            SignInController,
            DfeSignInController,
            demo_emails,
            SchoolHomeController,
            AppropriateBodyTeachersController,
            ContractPeriodsController,
            MilestonesController,
            ActiveLeadProvidersController,
            ContractsController,
            AdminHomeController,
            TeachersController,
            FinanceHomeController,
            StatementsController,
            AdjustmentsController,
            VoidsController,
            RegisterEctController,
            RegisterMentorController,
            AssignMentorController,
            ReportEctLeavingController,
            ReportMentorLeavingController,
            InductionTutorController,
            ChangeEctDetailsController,
            ChangeMentorDetailsController,
            create_static_files_router(path="/static", directories=[STATIC]),
            # GOV.UK Frontend's stylesheet asks for its fonts and images under /assets.
            create_static_files_router(path="/assets", directories=[GOVUK_ASSETS / "assets"]),
        ],
        dependencies=dependencies(container),
        template_config=template_config(),
        exception_handlers={
            **EXCEPTION_HANDLERS,
            **AUTH_EXCEPTION_HANDLERS,
            **FINANCE_EXCEPTION_HANDLERS,
        },
        middleware=web_middleware(container.settings(), container.clock),
        on_shutdown=[lambda: container.engine().dispose()],
        openapi_config=None,
    )
    app.state.container = container
    for name, template_callable in TEMPLATE_CALLABLES.items():
        app.template_engine.register_template_callable(name, template_callable)
    return app
