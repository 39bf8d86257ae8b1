"""A lead provider voids its own declaration (lead-provider-api-v3 §2.3 PUT void): an
unpaid one is voided, a paid one awaits clawback; finance's DeclarationService does both."""

from __future__ import annotations

from collections.abc import Callable

from ecf2.domain.payments.declarations import ClawbackStatus, Declaration, PaymentStatus
from ecf2.domain.payments.ports import PaymentsUnitOfWork
from ecf2.domain.payments.recording import DeclarationRefused
from ecf2.domain.payments.services import DeclarationService
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.errors import RuleBroken

FIELD = "participant_declaration_id"
NO_STATEMENT = "clawback_needs_future_output_statement"


def void_refusal(declaration: Declaration) -> tuple[str, str] | None:
    """Voided, or already being clawed back: nothing more to do (§2.3)."""
    if declaration.payment_status is PaymentStatus.VOIDED:
        return (FIELD, "This declaration has already been voided.")
    if declaration.clawback_status is not ClawbackStatus.NO_CLAWBACK:
        return (FIELD, "The declaration has already been refunded and can only be viewed.")
    return None


class ProviderVoids:
    """Voids for the API, refusing what finance's service would refuse in the API's words."""

    def __init__(
        self, uow: Callable[[], PaymentsUnitOfWork], declarations: DeclarationService
    ) -> None:
        self._uow, self._declarations = uow, declarations

    def void_declaration(self, declaration_id: int, by: Actor) -> None:
        with self._uow() as uow:
            refusal = void_refusal(uow.declarations.get(declaration_id))
        if refusal is not None:
            raise DeclarationRefused([refusal])
        try:
            self._declarations.void_declaration(declaration_id, by, confirmed=True)
        except RuleBroken as error:
            if error.rule != NO_STATEMENT:
                raise
            raise DeclarationRefused(
                [
                    (
                        FIELD,
                        "You cannot void this declaration: the funding contract for its "
                        "cohort has ended. Get in touch if you need to discuss this with us.",
                    )
                ]
            ) from None
