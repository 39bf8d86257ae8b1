"""Late funding eligibility through the app's own container, on the demo data: when the
participants side records that a teacher first became eligible for funded training, that
teacher's declarations still without payment become eligible on the next output
statement (participants-and-schools §4.2, finance-and-payments §4.2)."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from sqlalchemy import Engine, text

from ecf2.domain.participants.funding import FundedRole
from ecf2.domain.shared.actors import Actor
from tests.e2e.web.demo_site import (
    NOW,
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
)

# An ECT's declaration eligible on an open output statement whose deadline is still ahead.
ECT_DECLARATION = """
SELECT d.id, e.teacher_id, t.ect_first_became_eligible_for_training_at, d.payment_statement_id
FROM declarations d
JOIN training_periods tp ON tp.id = d.training_period_id
JOIN ect_at_school_periods e ON e.id = tp.ect_at_school_period_id
JOIN teachers t ON t.id = e.teacher_id
JOIN statements s ON s.id = d.payment_statement_id
WHERE d.payment_status = 'eligible' AND s.status = 'open' AND s.fee_type = 'output'
  AND s.deadline_date >= :today AND t.ect_became_ineligible_for_funding_on IS NULL
ORDER BY d.id
"""

# The lead provider's output statement in that contract period with the earliest deadline
# on or after today (§4.2).
NEXT_OUTPUT_STATEMENT = """
SELECT s.id FROM statements s
WHERE s.active_lead_provider_id = (SELECT active_lead_provider_id FROM statements WHERE id = :id)
  AND s.fee_type = 'output' AND s.deadline_date >= :today
ORDER BY s.deadline_date
"""


def _one(database: Engine, sql: str, **params: Any) -> Any:
    with database.connect() as connection:
        return connection.execute(text(sql), params).first()


def test_declarations_waiting_for_funding_become_eligible_when_it_arrives(
    app: Litestar,  # noqa: F811
    engine: Engine,  # noqa: F811
    alter,  # noqa: F811
) -> None:
    found = _one(engine, ECT_DECLARATION, today=NOW.date())
    assert found is not None, "the demo data has an eligible ECT declaration"
    declaration_id, teacher_id, _, statement_id = found
    # As if it had been declared before the teacher was eligible for funding.
    alter("teachers", {"id": teacher_id}, ect_first_became_eligible_for_training_at=None)
    alter(
        "declarations",
        {"id": declaration_id},
        payment_status="no_payment",
        payment_statement_id=None,
    )

    service = app.state.container.funding_eligibility()
    assert service.record_eligibility(teacher_id, FundedRole.ECT, Actor.system()) is True

    status, now_on = _one(
        engine,
        "SELECT payment_status, payment_statement_id FROM declarations WHERE id = :id",
        id=declaration_id,
    )
    assert status == "eligible"
    assert now_on == _one(engine, NEXT_OUTPUT_STATEMENT, id=statement_id, today=NOW.date())[0]
    recorded = _one(
        engine,
        "SELECT count(*) FROM events WHERE event_type = 'teacher_funding_eligibility_set' "
        "AND teacher_id = :id",
        id=teacher_id,
    )
    assert recorded[0] == 1
