"""The composition root: the only place that knows which adapter serves which port."""

from __future__ import annotations

from dependency_injector import containers, providers

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.queries.api.access import SqlApiAccess
from ecf2.adapters.db.queries.api.declarations import SqlDeclarationReads
from ecf2.adapters.db.queries.api.delivery_partners import SqlDeliveryPartnerReads
from ecf2.adapters.db.queries.api.participants import SqlParticipantReads
from ecf2.adapters.db.queries.api.partnerships import SqlPartnershipReads
from ecf2.adapters.db.queries.api.schools import SqlSchoolReads
from ecf2.adapters.db.queries.api.statements import SqlStatementReads
from ecf2.adapters.db.queries.declaration_facts import SqlDeclarationFacts
from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.adapters.db.queries.statements import SqlStatementCalculationReads
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.adapters.trs.client import TrsClient
from ecf2.domain.contracts.services import ApiTokenService
from ecf2.domain.participants.mentor_assignment import MentorAssignmentService
from ecf2.domain.participants.register_ect import EctRegistrationService
from ecf2.domain.participants.register_mentor import MentorRegistrationService
from ecf2.domain.participants.report_leaving import EctLeavingService
from ecf2.domain.participants.report_mentor_leaving import MentorLeavingService
from ecf2.domain.participants.sign_in import SchoolSignInService
from ecf2.domain.payments.provider_voids import ProviderVoids
from ecf2.domain.payments.recording import DeclarationRecording
from ecf2.domain.payments.services import (
    DeclarationService,
    StatementCalculationService,
    StatementService,
)
from ecf2.domain.shared.clock import SystemClock
from ecf2.entrypoints.api.rate_limit import InMemoryRateLimitStore
from ecf2.settings import Settings


class Container(containers.DeclarativeContainer):
    settings = providers.Singleton(Settings.from_environment)

    engine = providers.Singleton(make_engine, url=settings.provided.database_url)
    session_factory = providers.Singleton(make_session_factory, engine=engine)
    clock = providers.Singleton(SystemClock)

    uow = providers.Factory(SqlAlchemyUnitOfWork, session_factory=session_factory, clock=clock)

    # TeacherRecordLookup and InductionStatusReporter. A real HTTP client in both TRS modes:
    # in fake mode `ecf2 serve` points it at the fake TRS on loopback (entrypoints/startup.py).
    trs = providers.Singleton(
        TrsClient, base_url=settings.provided.trs_url, api_key=settings.provided.trs_api_key
    )

    # Use cases: each service gets the unit of work factory, never a shared instance.
    api_tokens = providers.Factory(ApiTokenService, uow=uow.provider, clock=clock)
    school_sign_ins = providers.Factory(SchoolSignInService, uow=uow.provider, clock=clock)

    # Lead provider API v3: token look-up and read models.
    api_access = providers.Factory(SqlApiAccess, session_factory=session_factory)
    statement_reads = providers.Factory(SqlStatementReads, session_factory=session_factory)
    delivery_partner_reads = providers.Factory(
        SqlDeliveryPartnerReads, session_factory=session_factory
    )
    partnership_reads = providers.Factory(SqlPartnershipReads, session_factory=session_factory)
    school_reads = providers.Factory(SqlSchoolReads, session_factory=session_factory)
    participant_reads = providers.Factory(SqlParticipantReads, session_factory=session_factory)
    declaration_reads = providers.Factory(SqlDeclarationReads, session_factory=session_factory)
    # Counted in this process; several processes need a shared RateLimitStore (§1.8).
    api_rate_limits = providers.Singleton(InMemoryRateLimitStore)

    # Web sessions and the school home page.
    sign_in_reads = providers.Factory(SqlSignInReads, session_factory=session_factory)
    school_home_reads = providers.Factory(SqlSchoolHomeReads, session_factory=session_factory)
    # Schools' journeys.
    ect_registrations = providers.Factory(
        EctRegistrationService, uow=uow.provider, trs=trs, clock=clock
    )
    ect_leavings = providers.Factory(EctLeavingService, uow=uow.provider, clock=clock)
    mentor_leavings = providers.Factory(MentorLeavingService, uow=uow.provider, clock=clock)
    mentor_assignments = providers.Factory(MentorAssignmentService, uow=uow.provider, clock=clock)
    mentor_registrations = providers.Factory(
        MentorRegistrationService, uow=uow.provider, trs=trs, clock=clock
    )

    # Finance: statements from open to payable to paid, declarations voided or clawed back,
    # and one statement's figures from aggregate reads.
    finance_statements = providers.Factory(StatementService, uow=uow.provider, clock=clock)
    finance_declarations = providers.Factory(DeclarationService, uow=uow.provider, clock=clock)
    # Lead providers' declarations; the API passes each request's own clock (§1.9).
    declaration_facts = providers.Factory(SqlDeclarationFacts, session_factory=session_factory)
    declaration_recording = providers.Factory(
        DeclarationRecording, uow=uow.provider, facts=declaration_facts, clock=clock
    )
    declaration_voids = providers.Factory(
        ProviderVoids,
        uow=uow.provider,
        declarations=providers.Factory(DeclarationService, uow=uow.provider, clock=clock),
    )
    statement_calculation_reads = providers.Factory(
        SqlStatementCalculationReads, session_factory=session_factory
    )
    statement_calculations = providers.Factory(
        StatementCalculationService, reads=statement_calculation_reads
    )


def build_container(settings: Settings | None = None) -> Container:
    container = Container()
    if settings is not None:
        container.settings.override(providers.Object(settings))
    return container
