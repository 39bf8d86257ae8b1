"""The composition root: the only place that knows which adapter serves which port."""

from __future__ import annotations

from dependency_injector import containers, providers

from ecf2.adapters.db.engine import (
    make_engine,
    make_read_session_factory,
    make_session_factory,
)
from ecf2.adapters.db.mentor_completion import SqlMentorCompletion
from ecf2.adapters.db.queries.admin_teachers import SqlAdminTeacherReads
from ecf2.adapters.db.queries.api.access import RecentHolders, SqlApiAccess
from ecf2.adapters.db.queries.api.declarations import SqlDeclarationReads
from ecf2.adapters.db.queries.api.delivery_partners import SqlDeliveryPartnerReads
from ecf2.adapters.db.queries.api.participants import SqlParticipantReads
from ecf2.adapters.db.queries.api.partnerships import SqlPartnershipReads
from ecf2.adapters.db.queries.api.schools import SqlSchoolReads
from ecf2.adapters.db.queries.api.statements import SqlStatementReads
from ecf2.adapters.db.queries.api.transfers import SqlTransferReads
from ecf2.adapters.db.queries.api.unfunded_mentors import SqlUnfundedMentorReads
from ecf2.adapters.db.queries.appropriate_body_home import SqlAppropriateBodyHomeReads
from ecf2.adapters.db.queries.contracts_console import SqlContractsConsoleReads
from ecf2.adapters.db.queries.declaration_facts import SqlDeclarationFacts
from ecf2.adapters.db.queries.emails import SqlEmailOutboxReads
from ecf2.adapters.db.queries.finance_console import SqlFinanceConsoleReads
from ecf2.adapters.db.queries.finance_declarations import SqlFinanceDeclarationReads
from ecf2.adapters.db.queries.induction_tutor import SqlInductionTutorReads
from ecf2.adapters.db.queries.partnership_facts import SqlPartnershipFacts
from ecf2.adapters.db.queries.provider_training_facts import SqlProviderTrainingFacts
from ecf2.adapters.db.queries.schedules import SqlScheduleReads
from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.adapters.db.queries.statements import SqlStatementCalculationReads
from ecf2.adapters.db.queries.waiting_for_funding import SqlWaitingForFunding
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.adapters.dfe_sign_in.oidc import dfe_sign_in_client
from ecf2.adapters.notify.delivery import EmailDelivery
from ecf2.adapters.notify.senders import email_sender_for
from ecf2.adapters.trs.client import TrsClient
from ecf2.domain.contracts.console import ActiveLeadProviderService, ContractPeriodService
from ecf2.domain.contracts.provider_partnerships import ProviderPartnerships
from ecf2.domain.contracts.services import ApiTokenService
from ecf2.domain.participants.change_ect_details import EctDetailsService
from ecf2.domain.participants.change_lead_provider import (
    EctLeadProviderService,
    MentorLeadProviderService,
)
from ecf2.domain.participants.change_mentor_details import MentorDetailsService
from ecf2.domain.participants.change_training_programme import EctProgrammeService
from ecf2.domain.participants.funding import FundingEligibilityService
from ecf2.domain.participants.induction_tutor import InductionTutorService
from ecf2.domain.participants.mentor_assignment import MentorAssignmentService
from ecf2.domain.participants.register_ect import EctRegistrationService
from ecf2.domain.participants.register_mentor import MentorRegistrationService
from ecf2.domain.participants.report_leaving import EctLeavingService
from ecf2.domain.participants.report_mentor_leaving import MentorLeavingService
from ecf2.domain.participants.services import ParticipantActions
from ecf2.domain.participants.sign_in import SchoolSignInService
from ecf2.domain.payments.late_eligibility import LateEligibility
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
    read_session_factory = providers.Singleton(make_read_session_factory, engine=engine)
    clock = providers.Singleton(SystemClock)

    # EmailSender: GOV.UK Notify, or (by default) the outbox table alone. Emails a use case
    # queues are handed to delivery once its unit of work commits (e.2).
    email_sender = providers.Singleton(
        email_sender_for,
        mode=settings.provided.email_mode,
        notify=settings.provided.notify,
    )
    email_delivery = providers.Singleton(
        EmailDelivery, session_factory=session_factory, sender=email_sender, clock=clock
    )

    uow = providers.Factory(
        SqlAlchemyUnitOfWork,
        session_factory=session_factory,
        clock=clock,
        deliver_emails=email_delivery.provided.deliver,
    )

    # TeacherRecordLookup and InductionStatusReporter. A real HTTP client in both TRS modes:
    # in fake mode `ecf2 serve` points it at the fake TRS on loopback (entrypoints/startup.py).
    trs = providers.Singleton(
        TrsClient, base_url=settings.provided.trs_url, api_key=settings.provided.trs_api_key
    )

    # Use cases: each service gets the unit of work factory, never a shared instance.
    api_tokens = providers.Factory(ApiTokenService, uow=uow.provider, clock=clock)
    school_sign_ins = providers.Factory(SchoolSignInService, uow=uow.provider, clock=clock)

    # Lead provider API v3: token look-up (each holder remembered for two seconds in this
    # process) and read models.
    api_token_holders = providers.Singleton(RecentHolders)
    api_access = providers.Factory(
        SqlApiAccess, session_factory=read_session_factory, recent=api_token_holders
    )
    statement_reads = providers.Factory(SqlStatementReads, session_factory=read_session_factory)
    delivery_partner_reads = providers.Factory(
        SqlDeliveryPartnerReads, session_factory=read_session_factory
    )
    partnership_reads = providers.Factory(SqlPartnershipReads, session_factory=read_session_factory)
    school_reads = providers.Factory(SqlSchoolReads, session_factory=read_session_factory)
    participant_reads = providers.Factory(SqlParticipantReads, session_factory=read_session_factory)
    declaration_reads = providers.Factory(SqlDeclarationReads, session_factory=read_session_factory)
    # The published schedules and milestone dates, on the API guidance.
    schedule_reads = providers.Factory(SqlScheduleReads, session_factory=read_session_factory)
    # In a transaction: its queries set a planner option for themselves (SET LOCAL).
    transfer_reads = providers.Factory(SqlTransferReads, session_factory=session_factory)
    unfunded_mentor_reads = providers.Factory(
        SqlUnfundedMentorReads, session_factory=read_session_factory
    )
    # Lead providers' partnerships; the API passes each request's own clock (§1.9).
    partnership_facts = providers.Factory(SqlPartnershipFacts, session_factory=read_session_factory)
    provider_partnerships = providers.Factory(
        ProviderPartnerships, uow=uow.provider, facts=partnership_facts, clock=clock
    )
    # Counted in this process; several processes need a shared RateLimitStore (§1.8).
    api_rate_limits = providers.Singleton(InMemoryRateLimitStore)

    # SignInProvider: DfE Sign-in over OpenID Connect; in development `ecf2 serve` starts a
    # fake one on loopback and points this at it (entrypoints/startup.py).
    dfe_sign_in = providers.Singleton(dfe_sign_in_client, settings=settings.provided.dfe_sign_in)

    # Web sessions and the school home page.
    sign_in_reads = providers.Factory(SqlSignInReads, session_factory=read_session_factory)
    school_home_reads = providers.Factory(SqlSchoolHomeReads, session_factory=read_session_factory)
    appropriate_body_home_reads = providers.Factory(
        SqlAppropriateBodyHomeReads, session_factory=read_session_factory
    )
    induction_tutor_reads = providers.Factory(
        SqlInductionTutorReads, session_factory=read_session_factory
    )
    email_outbox_reads = providers.Factory(
        SqlEmailOutboxReads, session_factory=read_session_factory
    )
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
    induction_tutors = providers.Factory(InductionTutorService, uow=uow.provider, clock=clock)
    ect_details = providers.Factory(EctDetailsService, uow=uow.provider, clock=clock)
    ect_lead_providers = providers.Factory(EctLeadProviderService, uow=uow.provider, clock=clock)
    ect_programmes = providers.Factory(EctProgrammeService, uow=uow.provider, clock=clock)
    mentor_details = providers.Factory(MentorDetailsService, uow=uow.provider, clock=clock)
    mentor_lead_providers = providers.Factory(
        MentorLeadProviderService, uow=uow.provider, clock=clock
    )

    # Finance: statements from open to payable to paid, declarations voided or clawed back,
    # and one statement's figures from aggregate reads.
    # A mentor's completed declaration ends their funded training (lead-provider-api-v3 §3.6).
    mentor_completion = providers.Singleton(SqlMentorCompletion)
    finance_statements = providers.Factory(
        StatementService, uow=uow.provider, clock=clock, mentor_completion=mentor_completion
    )
    finance_declarations = providers.Factory(
        DeclarationService, uow=uow.provider, clock=clock, mentor_completion=mentor_completion
    )
    # Lead providers' declarations; the API passes each request's own clock (§1.9).
    declaration_facts = providers.Factory(SqlDeclarationFacts, session_factory=read_session_factory)
    declaration_recording = providers.Factory(
        DeclarationRecording,
        uow=uow.provider,
        facts=declaration_facts,
        clock=clock,
        mentor_completion=mentor_completion,
    )
    declaration_voids = providers.Factory(
        ProviderVoids,
        uow=uow.provider,
        declarations=providers.Factory(
            DeclarationService, uow=uow.provider, clock=clock, mentor_completion=mentor_completion
        ),
    )
    # Lead providers' withdrawals, deferrals, resumptions and schedule changes (§2.1).
    provider_training_facts = providers.Factory(
        SqlProviderTrainingFacts, session_factory=read_session_factory
    )
    participant_actions = providers.Factory(
        ParticipantActions, uow=uow.provider, facts=provider_training_facts, clock=clock
    )
    statement_calculation_reads = providers.Factory(
        SqlStatementCalculationReads, session_factory=read_session_factory
    )
    statement_calculations = providers.Factory(
        StatementCalculationService, reads=statement_calculation_reads
    )
    # The finance console's pages.
    finance_console_reads = providers.Factory(
        SqlFinanceConsoleReads, session_factory=read_session_factory
    )
    finance_declaration_reads = providers.Factory(
        SqlFinanceDeclarationReads, session_factory=read_session_factory
    )

    # Late funding eligibility: participants record it, payments make the teacher's
    # waiting declarations eligible (finance-and-payments §4.2).
    late_eligibility = providers.Factory(
        LateEligibility,
        waiting=providers.Factory(SqlWaitingForFunding, session_factory=read_session_factory),
        declarations=finance_declarations,
    )
    funding_eligibility = providers.Factory(
        FundingEligibilityService, uow=uow.provider, clock=clock, listener=late_eligibility
    )

    # The finance console's contract periods, schedules, lead providers and bands.
    contract_periods_console = providers.Factory(
        ContractPeriodService, uow=uow.provider, clock=clock
    )
    active_lead_providers_console = providers.Factory(
        ActiveLeadProviderService, uow=uow.provider, clock=clock
    )
    contracts_console_reads = providers.Factory(
        SqlContractsConsoleReads, session_factory=read_session_factory
    )
    # The DfE staff console's teacher pages.
    admin_teacher_reads = providers.Factory(
        SqlAdminTeacherReads, session_factory=read_session_factory
    )


def build_container(settings: Settings | None = None) -> Container:
    container = Container()
    if settings is not None:
        container.settings.override(providers.Object(settings))
    return container
