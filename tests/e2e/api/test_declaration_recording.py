"""POST /participant-declarations: the checks of lead-provider-api-v3 §4 through HTTP
(scenarios 20-32), and an identical resubmission answered with the original."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from ecf2.adapters.db.contracts_rows import (
    ContractPeriodRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_teacher_rows import TeacherRow, TrainingPeriodRow
from ecf2.adapters.db.payments_rows import DeclarationRow
from ecf2.domain.participants import Teacher
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.contract import check
from tests.e2e.api.declaration_world import (
    DeclarationWorld,
    declaration_world,
    teacher_training_period,
)

SIMPLE = "training-event-attended"
ENGAGED = "75-percent-engagement-met"


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> DeclarationWorld:
    made = declaration_world(app, build, providers)
    execute(
        made,
        update(ContractPeriodRow)
        .where(ContractPeriodRow.year == 2025)
        .values(
            mentor_funding_enabled=True,
            detailed_evidence_types_enabled=True,
            uplift_fees_enabled=False,
        ),
    )
    return made


def execute(world: DeclarationWorld, statement: Any) -> None:
    with world.uow() as uow:
        uow.session.execute(statement)
        uow.commit()


def eligible(world: DeclarationWorld, teacher: Teacher) -> None:
    execute(
        world,
        update(TeacherRow)
        .where(TeacherRow.id == teacher.id)
        .values(
            ect_first_became_eligible_for_training_at=at(date(2024, 9, 1)),
            mentor_first_became_eligible_for_training_at=at(date(2024, 9, 1)),
        ),
    )


def post(api: Api, headers: dict[str, str] | None = None, **attributes: Any) -> httpx.Response:
    response = api.client.post(
        "/api/v3/participant-declarations",
        json={"data": {"type": "participant-declaration", "attributes": attributes}},
        headers={"Authorization": f"Bearer {api.token}"} | (headers or {}),
    )
    check(response)
    return response


def declare(
    api: Api,
    teacher: Teacher,
    kind: str,
    on: str,
    course: str = "ecf-induction",
    headers: dict[str, str] | None = None,
    **more: Any,
) -> httpx.Response:
    return post(
        api,
        headers,
        participant_id=str(teacher.api_id),
        declaration_type=kind,
        declaration_date=on,
        course_identifier=course,
        **more,
    )


def refused_on(response: httpx.Response) -> list[str]:
    assert response.status_code == 422, response.text
    return [error["title"] for error in response.json()["errors"]]


def accepted(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_a_started_declaration_for_a_participant_not_yet_eligible_is_submitted(
    api: Api, world: DeclarationWorld
) -> None:
    made = accepted(declare(api, world.ect(2024), "started", "2024-10-01T10:00:00Z"))

    assert made["type"] == "participant-declaration"
    assert made["attributes"]["state"] == "submitted"
    assert made["attributes"]["statement_id"] is None
    assert made["attributes"]["delivery_partner_id"] == str(world.partner.api_id)
    assert api.data(f"/participant-declarations/{made['id']}")["id"] == made["id"]


def test_an_eligible_participants_declaration_lands_on_the_next_open_output_statement(
    api: Api, world: DeclarationWorld
) -> None:
    world.build.statement(world.contracts[2024], 2026, 1)
    earliest = world.build.statement(world.contracts[2024], 2025, 12)
    teacher = world.ect(2024)
    eligible(world, teacher)

    made = accepted(declare(api, teacher, "started", "2024-10-01T10:00:00Z"))

    assert made["attributes"]["state"] == "eligible"
    assert made["attributes"]["statement_id"] == str(earliest.api_id)


def test_an_eligible_participant_without_an_open_statement_is_refused_on_the_cohort(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)
    eligible(world, teacher)

    assert refused_on(declare(api, teacher, "started", "2024-10-01T10:00:00Z")) == ["cohort"]


def test_an_exact_resubmission_answers_with_the_original_declaration(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)
    first = accepted(declare(api, teacher, "started", "2024-10-01T10:00:00Z"))

    again = accepted(declare(api, teacher, "started", "2024-10-01T10:00:00Z"))

    assert again["id"] == first["id"]
    assert len(api.data("/participant-declarations")) == 1


def test_a_different_declaration_for_an_event_already_declared_is_refused(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)
    accepted(declare(api, teacher, "started", "2024-10-01T10:00:00Z"))

    different = declare(api, teacher, "started", "2024-10-02T10:00:00Z")

    assert refused_on(different) == ["declaration_type"]


def test_a_declaration_dated_in_the_future_is_refused(api: Api, world: DeclarationWorld) -> None:
    tomorrow = "2025-11-21T10:00:00Z"

    response = declare(api, world.ect(2025), "started", tomorrow, evidence_held=SIMPLE)

    assert refused_on(response) == ["declaration_date"]


@pytest.mark.parametrize(
    ("on", "kind"),
    [
        ("2024-11-15 10:00:00 +0000", "started"),
        ("2024-12-15T10:00:00Z", "retained-1"),
        ("2025-04-02T10:00:00Z", "retained-1"),
    ],
)
def test_a_declaration_date_that_is_not_rfc_3339_or_outside_the_milestone_is_refused(
    api: Api, world: DeclarationWorld, on: str, kind: str
) -> None:
    response = declare(api, world.ect(2024), kind, on, evidence_held=SIMPLE)

    assert refused_on(response) == ["declaration_date"]


def test_a_type_the_schedule_does_not_have_is_refused(api: Api, world: DeclarationWorld) -> None:
    response = declare(
        api, world.ect(2024), "extended-1", "2025-01-10T10:00:00Z", evidence_held=SIMPLE
    )

    assert refused_on(response) == ["declaration_type"]


def test_a_2025_mentor_is_paid_on_started_and_completed_only(
    api: Api, world: DeclarationWorld
) -> None:
    response = declare(
        api,
        world.mentor(2025),
        "retained-1",
        "2025-10-10T10:00:00Z",
        "ecf-mentor",
        evidence_held=SIMPLE,
    )

    assert refused_on(response) == ["declaration_type"]


def test_2025_evidence_is_required_and_must_suit_the_declaration_type(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2025)
    on = "2025-10-10T10:00:00Z"

    assert refused_on(declare(api, teacher, "started", on)) == ["evidence_held"]
    wrong = declare(api, teacher, "retained-2", on, evidence_held=SIMPLE)
    assert refused_on(wrong) == ["evidence_held"]
    made = accepted(declare(api, teacher, "retained-2", on, evidence_held=ENGAGED))
    assert made["attributes"]["evidence_held"] == ENGAGED


def test_before_2025_evidence_is_from_the_short_list_and_ignored_on_started(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)

    offline = declare(
        api,
        teacher,
        "retained-1",
        "2025-01-10T10:00:00Z",
        evidence_held="materials-engaged-with-offline",
    )
    started = declare(
        api, teacher, "started", "2024-10-01T10:00:00Z", evidence_held="one-term-induction"
    )

    assert refused_on(offline) == ["evidence_held"]
    assert accepted(started)["attributes"]["evidence_held"] is None


def test_from_2025_declarations_must_follow_the_order_of_their_types(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2025)
    accepted(declare(api, teacher, "started", "2025-10-01T10:00:00Z", evidence_held=SIMPLE))

    response = declare(api, teacher, "completed", "2025-09-15T10:00:00Z", evidence_held=ENGAGED)

    assert refused_on(response) == ["declaration_date"]


def test_a_withdrawn_participant_is_declared_for_only_before_the_withdrawal(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)
    withdrawn_at = datetime(2025, 3, 1, 10, tzinfo=UTC)
    execute(
        world,
        update(TrainingPeriodRow)
        .where(TrainingPeriodRow.teacher_id == teacher.id)
        .values(
            withdrawn_at=withdrawn_at,
            withdrawal_reason="moved_school",
            finished_on=date(2025, 3, 1),
        ),
    )

    after = declare(api, teacher, "retained-1", "2025-03-02T10:00:00Z", evidence_held=SIMPLE)
    before = declare(api, teacher, "retained-1", "2025-02-20T10:00:00Z", evidence_held=SIMPLE)

    assert refused_on(after) == ["participant_id"]
    accepted(before)


def test_a_participant_the_provider_never_trained_or_nobody_knows_is_not_recognised(
    api: Api, world: DeclarationWorld
) -> None:
    elsewhere = world.ect(2025, partnership=world.partnership_b)
    on = "2025-10-01T10:00:00Z"

    theirs = declare(api, elsewhere, "started", on, evidence_held=SIMPLE)
    unknown = post(
        api,
        participant_id="6b0d3c8e-0000-4000-8000-000000000000",
        declaration_type="started",
        declaration_date=on,
        course_identifier="ecf-induction",
    )

    assert refused_on(theirs) == ["participant_id"]
    assert refused_on(unknown) == ["participant_id"]


def test_a_course_the_participant_does_not_take_with_the_provider_is_not_recognised(
    api: Api, world: DeclarationWorld
) -> None:
    response = declare(api, world.ect(2024), "started", "2024-10-01T10:00:00Z", "ecf-mentor")

    assert refused_on(response) == ["course_identifier"]


def test_a_body_without_attributes_is_a_bad_request(api: Api, world: DeclarationWorld) -> None:
    response = api.client.post(
        "/api/v3/participant-declarations",
        json={"data": {}},
        headers={"Authorization": f"Bearer {api.token}"},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["title"] == "Bad request"


def test_a_participant_training_in_a_cohort_whose_payments_are_frozen_is_refused(
    api: Api, world: DeclarationWorld
) -> None:
    frozen = {"payments_frozen_at": datetime(2025, 6, 16, tzinfo=UTC)}
    execute(world, update(ContractPeriodRow).where(ContractPeriodRow.year == 2024).values(frozen))

    response = declare(api, world.ect(2024), "started", "2024-10-01T10:00:00Z")

    assert refused_on(response) == ["cohort"]


def test_payments_that_freeze_later_do_not_stop_a_declaration_yet(
    api: Api, world: DeclarationWorld
) -> None:
    later = {"payments_frozen_at": datetime(2026, 6, 16, tzinfo=UTC)}
    execute(world, update(ContractPeriodRow).where(ContractPeriodRow.year == 2024).values(later))

    accepted(declare(api, world.ect(2024), "started", "2024-10-01T10:00:00Z"))


def test_training_under_an_expression_of_interest_alone_cannot_be_declared_for(
    api: Api, world: DeclarationWorld
) -> None:
    """Until the lead provider confirms a partnership, the training is no lead provider's
    (lead-provider-api-v3 §0): nothing is stored and the participant is not recognised."""
    teacher = world.ect(2025)
    training = teacher_training_period(teacher)
    with world.uow() as uow:
        interest = uow.session.scalar(
            select(LeadProviderDeliveryPartnershipRow.active_lead_provider_id)
            .join(
                SchoolPartnershipRow,
                SchoolPartnershipRow.lead_provider_delivery_partnership_id
                == LeadProviderDeliveryPartnershipRow.id,
            )
            .where(SchoolPartnershipRow.id == world.partnerships[2025].id)
        )
        uow.session.execute(
            update(TrainingPeriodRow)
            .where(TrainingPeriodRow.id == training)
            .values(school_partnership_id=None, expression_of_interest_id=interest)
        )
        uow.commit()

    response = declare(api, teacher, "started", "2025-10-01T10:00:00Z", evidence_held=SIMPLE)

    assert refused_on(response) == ["participant_id"]
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DeclarationRow)) == 0
