"""The bridge from the dependency-injector container to Litestar: each provider is wrapped
in a plain function handed to `Provide`. No wiring, no @inject (STYLE.md §3.4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dependency_injector import providers
from litestar.di import Provide

from ecf2.container import Container
from ecf2.entrypoints.auth import session_actor


def _from(provider: providers.Provider[Any]) -> Callable[[], Any]:
    def provide() -> Any:
        return provider()

    return provide


def _with_clock(provider: providers.Provider[Any], name: str = "clock") -> Callable[[], Any]:
    """A factory of the service on a given clock: the API's is per request (§1.9)."""

    def provide() -> Callable[[Any], Any]:
        return lambda clock: provider(**{name: clock})

    return provide


def dependencies(container: Container) -> dict[str, Provide]:
    return {
        "settings": Provide(_from(container.settings), sync_to_thread=False),
        "clock": Provide(_from(container.clock), sync_to_thread=False),
        "uow": Provide(_from(container.uow), sync_to_thread=False),
        "engine": Provide(_from(container.engine), sync_to_thread=False),
        "api_access": Provide(_from(container.api_access), sync_to_thread=False),
        "statement_reads": Provide(_from(container.statement_reads), sync_to_thread=False),
        "delivery_partner_reads": Provide(
            _from(container.delivery_partner_reads), sync_to_thread=False
        ),
        "partnership_reads": Provide(_from(container.partnership_reads), sync_to_thread=False),
        "school_reads": Provide(_from(container.school_reads), sync_to_thread=False),
        "participant_reads": Provide(_from(container.participant_reads), sync_to_thread=False),
        "declaration_reads": Provide(_from(container.declaration_reads), sync_to_thread=False),
        "schedule_reads": Provide(_from(container.schedule_reads), sync_to_thread=False),
        "transfer_reads": Provide(_from(container.transfer_reads), sync_to_thread=False),
        "unfunded_mentor_reads": Provide(
            _from(container.unfunded_mentor_reads), sync_to_thread=False
        ),
        "provider_partnerships": Provide(
            _with_clock(container.provider_partnerships), sync_to_thread=False
        ),
        "declaration_recording": Provide(
            _with_clock(container.declaration_recording), sync_to_thread=False
        ),
        "participant_actions": Provide(
            _with_clock(container.participant_actions), sync_to_thread=False
        ),
        "declaration_voids": Provide(
            _with_clock(container.declaration_voids, "declarations__clock"), sync_to_thread=False
        ),
        # The web's author of changes; the API router provides its own from the token.
        "actor": Provide(session_actor, sync_to_thread=False),
        "sign_in_reads": Provide(_from(container.sign_in_reads), sync_to_thread=False),
        "school_home_reads": Provide(_from(container.school_home_reads), sync_to_thread=False),
        "appropriate_body_home_reads": Provide(
            _from(container.appropriate_body_home_reads), sync_to_thread=False
        ),
        "induction_tutor_reads": Provide(
            _from(container.induction_tutor_reads), sync_to_thread=False
        ),
        "school_sign_ins": Provide(_from(container.school_sign_ins), sync_to_thread=False),
        "dfe_sign_in": Provide(_from(container.dfe_sign_in), sync_to_thread=False),
        "email_outbox_reads": Provide(_from(container.email_outbox_reads), sync_to_thread=False),
        "admin_teacher_reads": Provide(_from(container.admin_teacher_reads), sync_to_thread=False),
        # The finance console.
        "finance_console_reads": Provide(
            _from(container.finance_console_reads), sync_to_thread=False
        ),
        "finance_declaration_reads": Provide(
            _from(container.finance_declaration_reads), sync_to_thread=False
        ),
        "statement_calculations": Provide(
            _from(container.statement_calculations), sync_to_thread=False
        ),
        "finance_statements": Provide(_from(container.finance_statements), sync_to_thread=False),
        "finance_declarations": Provide(
            _from(container.finance_declarations), sync_to_thread=False
        ),
        "ect_registrations": Provide(_from(container.ect_registrations), sync_to_thread=False),
        "ect_leavings": Provide(_from(container.ect_leavings), sync_to_thread=False),
        "mentor_assignments": Provide(_from(container.mentor_assignments), sync_to_thread=False),
        "mentor_leavings": Provide(_from(container.mentor_leavings), sync_to_thread=False),
        "mentor_registrations": Provide(
            _from(container.mentor_registrations), sync_to_thread=False
        ),
        "induction_tutors": Provide(_from(container.induction_tutors), sync_to_thread=False),
        "ect_details": Provide(_from(container.ect_details), sync_to_thread=False),
        "ect_lead_providers": Provide(_from(container.ect_lead_providers), sync_to_thread=False),
        "ect_programmes": Provide(_from(container.ect_programmes), sync_to_thread=False),
        "mentor_details": Provide(_from(container.mentor_details), sync_to_thread=False),
        "mentor_lead_providers": Provide(
            _from(container.mentor_lead_providers), sync_to_thread=False
        ),
    }
