"""Contracts use cases: one method, one unit of work, one commit."""

from __future__ import annotations

from collections.abc import Callable

from attrs import frozen

from ecf2.domain.contracts.api_tokens import ApiToken, issue_api_token
from ecf2.domain.contracts.lead_providers import LeadProvider
from ecf2.domain.contracts.ports import ApiTokensUnitOfWork
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.events import DomainEvent


@frozen
class NewApiToken:
    lead_provider_name: str
    token: str


class ApiTokenService:
    """Issues and revokes lead providers' API tokens (lead-provider-api-v3 §1.2)."""

    def __init__(self, uow: Callable[[], ApiTokensUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def issue(self, lead_provider_name: str, description: str, by: Actor) -> NewApiToken:
        with self._uow() as uow:
            lead_provider = uow.lead_providers.get_by_name(lead_provider_name)
            issued = issue_api_token(lead_provider.id, description, now=self._clock.now())
            uow.api_tokens.add(issued.record)
            uow.record(
                self._event(
                    "lead_provider_api_token_created", "created", lead_provider, issued.record, by
                )
            )
            uow.commit()
        return NewApiToken(lead_provider.name, issued.token)

    def revoke_all(self, lead_provider_name: str, by: Actor) -> int:
        """Revoke every live token of a lead provider; returns how many were revoked."""
        with self._uow() as uow:
            lead_provider = uow.lead_providers.get_by_name(lead_provider_name)
            live = [t for t in uow.api_tokens.for_lead_provider(lead_provider.id) if not t.revoked]
            for token in live:
                token.revoke(self._clock.now())
                uow.api_tokens.save(token)
                uow.record(
                    self._event(
                        "lead_provider_api_token_revoked", "revoked", lead_provider, token, by
                    )
                )
            uow.commit()
        return len(live)

    def _event(
        self, event_type: str, verb: str, lead_provider: LeadProvider, token: ApiToken, by: Actor
    ) -> DomainEvent:
        return DomainEvent(
            event_type=event_type,
            heading=f"An API token for {lead_provider.name} was {verb}",
            happened_at=self._clock.now(),
            author=by,
            subjects={"lead_provider": lead_provider, "api_token": token},
            body=token.description,
        )
