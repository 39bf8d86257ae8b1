"""GET /api/v3/participants and /api/v3/participants/{id} (lead-provider-api-v3 §2.1)."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from ecf2.adapters.db.queries.api.participant_enrolments import EnrolmentView, Reason
from ecf2.adapters.db.queries.api.participants import (
    ParticipantFilters,
    ParticipantView,
    SqlParticipantReads,
)
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import InjectedClock, lead_provider_of
from ecf2.entrypoints.api.errors import found
from ecf2.entrypoints.api.openapi.operation import (
    COHORT,
    UPDATED_SINCE,
    Filter,
    documented,
    many,
    one,
)
from ecf2.entrypoints.api.params import ApiQuery, path_id
from ecf2.entrypoints.api.schemas import (
    Resource,
    api_datetime,
    api_optional_date,
    api_optional_datetime,
    api_optional_uuid,
    document,
)


@attrs.frozen
class ReasonAttributes:
    reason: str
    date: str


@attrs.frozen
class EnrolmentAttributes:
    training_record_id: str
    email: str | None
    mentor_id: str | None
    school_urn: str
    participant_type: str
    cohort: str
    training_status: str
    participant_status: str
    eligible_for_funding: bool | None
    pupil_premium_uplift: bool
    sparsity_uplift: bool
    schedule_identifier: str
    delivery_partner_id: str
    withdrawal: ReasonAttributes | None
    deferral: ReasonAttributes | None
    created_at: str
    induction_end_date: str | None
    most_recent_induction_period_end_date: str | None
    overall_induction_start_date: str | None
    mentor_funding_end_date: str | None
    mentor_ineligible_for_funding_reason: str | None
    cohort_changed_after_payments_frozen: bool
    working_pattern: str | None


@attrs.frozen
class ParticipantAttributes:
    full_name: str
    teacher_reference_number: str | None
    updated_at: str | None
    ecf_enrolments: list[EnrolmentAttributes]
    participant_id_changes: list[dict[str, str]]


def _reason(reason: Reason | None) -> ReasonAttributes | None:
    return None if reason is None else ReasonAttributes(reason.reason, api_datetime(reason.date))


def enrolment_attributes(view: EnrolmentView) -> EnrolmentAttributes:
    return EnrolmentAttributes(
        training_record_id=str(view.training_record_id),
        email=view.email,
        mentor_id=api_optional_uuid(view.mentor_id),
        school_urn=view.school_urn,
        participant_type=view.participant_type,
        cohort=str(view.cohort),
        training_status=view.training_status,
        participant_status=view.participant_status,
        eligible_for_funding=view.eligible_for_funding,
        pupil_premium_uplift=view.pupil_premium_uplift,
        sparsity_uplift=view.sparsity_uplift,
        schedule_identifier=view.schedule_identifier,
        delivery_partner_id=str(view.delivery_partner_id),
        withdrawal=_reason(view.withdrawal),
        deferral=_reason(view.deferral),
        created_at=api_datetime(view.created_at),
        induction_end_date=api_optional_date(view.induction_end_date),
        most_recent_induction_period_end_date=api_optional_date(
            view.most_recent_induction_period_end_date
        ),
        overall_induction_start_date=api_optional_date(view.overall_induction_start_date),
        mentor_funding_end_date=api_optional_date(view.mentor_funding_end_date),
        mentor_ineligible_for_funding_reason=view.mentor_ineligible_for_funding_reason,
        cohort_changed_after_payments_frozen=view.cohort_changed_after_payments_frozen,
        working_pattern=view.working_pattern,
    )


def participant_resource(view: ParticipantView) -> Resource[ParticipantAttributes]:
    # A teacher never stamped since being recorded was last updated when first enrolled.
    first_enrolled = min((each.created_at for each in view.enrolments), default=None)
    return Resource(
        id=str(view.api_id),
        type="participant",
        attributes=ParticipantAttributes(
            full_name=view.full_name,
            teacher_reference_number=view.trn,
            updated_at=api_optional_datetime(view.updated_at or first_enrolled),
            ecf_enrolments=[enrolment_attributes(each) for each in view.enrolments],
            # An id changes only when one teacher's record is merged into another's, which
            # keeps the retired id (RECT:app/services/teachers/merge.rb). The spec lists the
            # field (lead-provider-api-v3 §2.1) but describes no merge; the reference service
            # never calls its merge, and ECF2 merges no teachers, so no id has ever changed.
            participant_id_changes=[],
        ),
    )


TRAINING_STATUS = Filter(
    "training_status",
    "Only participants with an enrolment in this training status.",
    {"type": "string", "enum": ["active", "deferred", "withdrawn"]},
)
FROM_PARTICIPANT_ID = Filter(
    "from_participant_id", "Only the participant whose ID was changed from this one."
)


def _one_or_none(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else (value,)


class ParticipantsController(Controller):
    path = "/participants"

    @get(
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve the participants you train",
            description=(
                "Every early career teacher and mentor you train or have trained, with "
                "up to two enrolments each: the ECT's first, then the mentor's."
            ),
            returns=many(ParticipantAttributes, "participant"),
            filters=(COHORT, UPDATED_SINCE, TRAINING_STATUS, FROM_PARTICIPANT_ID),
            paginated=True,
            sortable=True,
        ),
    )
    def index(
        self,
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_reads: NamedDependency[SqlParticipantReads],
    ) -> Response[bytes]:
        query = ApiQuery.of(request)
        filters = ParticipantFilters(
            cohorts=query.cohorts(),
            updated_since=query.updated_since(),
            training_statuses=_one_or_none(query.text("training_status")),
            from_participant_ids=query.uuids("from_participant_id"),
        )
        views = participant_reads.page(
            lead_provider_of(actor), filters, query.sort(), query.page(), today=clock.today()
        )
        return document([participant_resource(view) for view in views])

    @get(
        "/{participant_id:str}",
        sync_to_thread=True,
        opt=documented(
            summary="Retrieve a participant you train",
            returns=one(ParticipantAttributes, "participant"),
        ),
    )
    def show(
        self,
        participant_id: FromPath[str],
        request: Request[Any, Any, Any],
        actor: NamedDependency[Actor],
        clock: InjectedClock,
        participant_reads: NamedDependency[SqlParticipantReads],
    ) -> Response[bytes]:
        ApiQuery.of(request)
        view = participant_reads.one(
            lead_provider_of(actor), path_id(participant_id), today=clock.today()
        )
        return document(participant_resource(found(view)))
