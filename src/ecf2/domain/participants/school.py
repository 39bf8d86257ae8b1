"""The School aggregate: a school using the service (participants-and-schools §1.6)."""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial

import attrs

from ecf2.domain.participants.email_address import notify_email
from ecf2.domain.participants.gias import GiasSchool
from ecf2.domain.participants.invariants import require_both_or_neither
from ecf2.domain.participants.rules import (
    school_is_blocked_from_registering_new_ects,
    school_is_blocked_from_service_access,
    school_is_denied_access,
    school_is_independent,
    squish,
)
from ecf2.domain.participants.values import TrainingProgramme
from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import Urn, new_api_id


@attrs.define(kw_only=True)
class School:
    """A school, its induction tutor and the choices it made last; what GIAS says of it is
    read alongside (`gias_school`) and changed only through the GIAS import."""

    urn: Urn
    api_id: uuid.UUID = attrs.field(factory=new_api_id)
    marked_as_eligible: bool = False
    induction_tutor_name: str | None = attrs.field(default=None, converter=squish)
    induction_tutor_email: str | None = attrs.field(
        default=None, converter=partial(notify_email, field="induction_tutor_email")
    )
    induction_tutor_last_nominated_in: int | None = None
    last_chosen_appropriate_body_id: int | None = None
    last_chosen_training_programme: TrainingProgramme | None = attrs.field(
        default=None, converter=attrs.converters.optional(TrainingProgramme)
    )
    last_chosen_lead_provider_id: int | None = None
    opted_out_of_reminder_emails_until: date | None = None
    gias_school: GiasSchool | None = attrs.field(default=None, eq=False, repr=False)
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._check_induction_tutor()
        self._check_last_choices()

    def _check_induction_tutor(self) -> None:
        require_both_or_neither(
            ("induction_tutor_name", self.induction_tutor_name or None),
            ("induction_tutor_email", self.induction_tutor_email),
            rule="induction_tutor_has_name_and_email",
            message="An induction tutor needs both a name and an email address",
        )
        if self.induction_tutor_last_nominated_in is not None and not self.induction_tutor_email:
            raise InvalidValue(
                "An induction tutor can only be confirmed once their name and email are known",
                field="induction_tutor_last_nominated_in",
                rule="induction_tutor_nominated_with_name_and_email",
            )

    def _check_last_choices(self) -> None:
        provider_led = self.last_chosen_training_programme is TrainingProgramme.PROVIDER_LED
        if provider_led and self.last_chosen_lead_provider_id is None:
            raise InvalidValue(
                "A school that last chose provider-led training must have chosen a lead provider",
                field="last_chosen_lead_provider_id",
                rule="last_lead_provider_only_with_provider_led",
            )
        if not provider_led and self.last_chosen_lead_provider_id is not None:
            raise InvalidValue(
                "A lead provider can only be the last choice with provider-led training",
                field="last_chosen_lead_provider_id",
                rule="last_lead_provider_only_with_provider_led",
            )

    def nominate_induction_tutor(self, name: str, email: str, contract_period_year: int) -> None:
        """Record (or re-confirm) the induction tutor for a contract period (§3.9)."""
        checked = attrs.evolve(
            self,
            induction_tutor_name=name,
            induction_tutor_email=email,
            induction_tutor_last_nominated_in=contract_period_year,
        )
        self.induction_tutor_name = checked.induction_tutor_name
        self.induction_tutor_email = checked.induction_tutor_email
        self.induction_tutor_last_nominated_in = contract_period_year

    def record_last_choices(
        self,
        appropriate_body_id: int | None,
        training_programme: TrainingProgramme | None,
        lead_provider_id: int | None,
    ) -> None:
        checked = attrs.evolve(
            self,
            last_chosen_appropriate_body_id=appropriate_body_id,
            last_chosen_training_programme=training_programme,
            last_chosen_lead_provider_id=lead_provider_id,
        )
        self.last_chosen_appropriate_body_id = appropriate_body_id
        self.last_chosen_training_programme = checked.last_chosen_training_programme
        self.last_chosen_lead_provider_id = lead_provider_id

    # What GIAS says of the school (§1.6).

    @property
    def independent(self) -> bool:
        return self.gias_school is not None and school_is_independent(self.gias_school.type_name)

    @property
    def state_funded(self) -> bool:
        return self.gias_school is not None and not self.independent

    @property
    def eligible(self) -> bool:
        return self.marked_as_eligible or (
            self.gias_school is not None and self.gias_school.eligible
        )

    @property
    def section_41_approved(self) -> bool:
        return self.gias_school is not None and self.gias_school.section_41_approved

    def blocked_from_service_access(self, has_unfinished_training: bool) -> bool:
        gias = self._gias()
        return school_is_blocked_from_service_access(
            gias.type_name, gias.section_41_approved, has_unfinished_training
        )

    def access_denied(self, has_unfinished_training: bool) -> bool:
        gias = self._gias()
        return school_is_denied_access(
            gias.status, gias.type_name, gias.section_41_approved, has_unfinished_training
        )

    def blocked_from_registering_new_ects(self, has_unfinished_training: bool) -> bool:
        gias = self._gias()
        return school_is_blocked_from_registering_new_ects(
            gias.type_name, gias.section_41_approved, has_unfinished_training
        )

    def _gias(self) -> GiasSchool:
        if self.gias_school is None:
            raise ValueError(f"School {self.urn} was loaded without its GIAS record")
        return self.gias_school
