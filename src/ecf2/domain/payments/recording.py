"""A lead provider records a declaration (lead-provider-api-v3 §2.3, §4): the checks in
their order, then one declaration stored per event, and an identical resubmission answered
with the declaration it repeats."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from ecf2.domain.payments import declaration_rules as rules
from ecf2.domain.payments.declaration_checks import live_of, problems_with
from ecf2.domain.payments.declaration_facts import (
    DeclarationFacts,
    DeclarationRequest,
    Participant,
    Training,
)
from ecf2.domain.payments.declarations import Declaration, EvidenceType
from ecf2.domain.payments.mentor_completion import completed_declaration_changed
from ecf2.domain.payments.ports import MentorCompletion, PaymentsUnitOfWork
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import DomainError, RuleBroken
from ecf2.domain.shared.events import DomainEvent

UowFactory = Callable[[], PaymentsUnitOfWork]
ONE_PER_EVENT = "uq_declarations_billable_or_changeable"


class DeclarationRefused(DomainError):
    """Every problem found with the declaration, as (field, message) pairs."""

    rule = "declaration_refused"

    def __init__(self, problems: list[rules.Problem]) -> None:
        super().__init__("; ".join(message for _, message in problems), field=problems[0][0])
        self.problems = problems


def stored_evidence(request: DeclarationRequest, training: Training) -> EvidenceType | None:
    kind = DeclarationType(str(request.declaration_type))
    if rules.evidence_ignored(training, kind) or not request.evidence_held:
        return None
    return EvidenceType(request.evidence_held)


def identical(request: DeclarationRequest, participant: Participant | None) -> int | None:
    """The live declaration this request repeats exactly, if there is one."""
    training = None if participant is None else participant.training
    kind = rules.declaration_type_of(request.declaration_type)
    on = rules.parsed_date(request.declaration_date)
    if participant is None or training is None or kind is None or on is None:
        return None
    ignored = rules.evidence_ignored(training, kind)
    if not ignored and request.evidence_held and request.evidence_held not in set(EvidenceType):
        return None
    existing = live_of(participant, kind)
    same = existing is not None and (
        existing.training_period_id == training.training_period_id
        and existing.declaration_date == on
        and existing.evidence_type == stored_evidence(request, training)
    )
    return existing.declaration_id if same and existing is not None else None


class DeclarationRecording:
    """Records lead providers' declarations (§2.3 POST)."""

    def __init__(
        self,
        uow: UowFactory,
        facts: DeclarationFacts,
        clock: Clock,
        mentor_completion: MentorCompletion | None = None,
    ) -> None:
        self._uow, self._facts, self._clock = uow, facts, clock
        self._mentor_completion = mentor_completion

    def record_declaration(
        self, lead_provider_id: int, request: DeclarationRequest, by: Actor
    ) -> uuid.UUID:
        """The api id of the declaration recorded, or of the one this request repeats."""
        participant = self._participant(lead_provider_id, request)
        repeated = identical(request, participant)
        if repeated is not None:
            return self._api_id(repeated)
        problems = problems_with(request, participant, self._clock.now())
        if problems:
            raise DeclarationRefused(problems)
        assert participant is not None
        assert participant.training is not None
        try:
            return self._store(request, participant, participant.training, by)
        except RuleBroken as error:
            if error.rule != ONE_PER_EVENT:
                raise
            return self._after_race(lead_provider_id, request)

    def _participant(
        self, lead_provider_id: int, request: DeclarationRequest
    ) -> Participant | None:
        try:
            participant_id = uuid.UUID(str(request.participant_id))
        except ValueError:
            return None
        role = rules.role_of(request.course_identifier)
        return self._facts.participant(
            lead_provider_id, participant_id, role, self._clock.today(), self._clock.now()
        )

    def _after_race(self, lead_provider_id: int, request: DeclarationRequest) -> uuid.UUID:
        """Another request stored this event's declaration first: the same one is answered
        with it, a different one refused as a duplicate (§2.3)."""
        repeated = identical(request, self._participant(lead_provider_id, request))
        if repeated is None:
            raise DeclarationRefused([rules.not_a_duplicate_problem()])
        return self._api_id(repeated)

    def _api_id(self, declaration_id: int) -> uuid.UUID:
        with self._uow() as uow:
            return uow.declarations.get(declaration_id).api_id

    def _store(
        self, request: DeclarationRequest, participant: Participant, training: Training, by: Actor
    ) -> uuid.UUID:
        declaration = self._new(request, participant, training)
        with self._uow() as uow:
            uow.declarations.add(declaration)
            uow.record(_created(declaration, by))
            completed_declaration_changed(
                self._mentor_completion, uow, declaration, declaration.created_at, by
            )
            uow.commit()
        return declaration.api_id

    def _new(
        self, request: DeclarationRequest, participant: Participant, training: Training
    ) -> Declaration:
        kind = DeclarationType(str(request.declaration_type))
        on = rules.parsed_date(request.declaration_date)
        assert on is not None
        ect = rules.role_of(request.course_identifier) == "ect"
        # Uplifts are paid on started declarations in cohorts that pay them (§2.3).
        uplifts = kind is DeclarationType.STARTED and training.uplift_fees_enabled
        declaration = Declaration(
            training_period_id=training.training_period_id,
            declaration_type=kind,
            declaration_date=on,
            created_at=self._clock.now(),
            evidence_type=stored_evidence(request, training),
            mentorship_period_id=training.nearest_mentorship(on.date()) if ect else None,
            delivery_partner_when_created_id=training.delivery_partner_id,
            pupil_premium_uplift=uplifts and training.pupil_premium_uplift,
            sparsity_uplift=uplifts and training.sparsity_uplift,
        )
        if participant.funding_eligible and training.next_open_statement_id is not None:
            declaration.mark_as_eligible(training.next_open_statement_id)
        return declaration


def _created(declaration: Declaration, by: Actor) -> DomainEvent:
    kind = declaration.declaration_type.value.capitalize()
    return DomainEvent(
        event_type="teacher_declaration_created",
        heading=f"{kind} declaration submitted",
        happened_at=declaration.created_at,
        author=by,
        subjects={"declaration": declaration, "training_period": declaration.training_period_id},
        modifications=(f"Status set to '{declaration.overall_status}'",),
        metadata={"declaration_api_id": str(declaration.api_id)},
    )
