"""`ecf2 finance mark-payable`: the daily step, run by hand or by a scheduler
(finance-and-payments §3.3)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.adapters.db.payments_rows import DeclarationRow, StatementRow
from ecf2.container import Container, build_container
from ecf2.domain.payments import FeeType, PaymentStatus, StatementStatus
from ecf2.domain.shared.clock import FixedClock
from ecf2.entrypoints.cli import main
from ecf2.entrypoints.demo import seed_demo
from ecf2.settings import Settings

pytestmark = pytest.mark.payments
DAY = date(2027, 1, 1)


@pytest.fixture
def container(tmp_path, monkeypatch) -> Container:
    url = f"sqlite:///{tmp_path}/finance.sqlite3"
    monkeypatch.setenv("ECF2_DATABASE_URL", url)
    upgrade_to_head(url)
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": url}))
    seed_demo(container.uow, FixedClock(datetime(2026, 11, 23, 9, tzinfo=UTC)))
    return container


def _count(container: Container, *conditions) -> int:
    with container.session_factory()() as session:
        return session.scalar(select(func.count()).where(*conditions)) or 0


def test_open_output_statements_past_their_deadline_become_payable_once(container) -> None:
    due = (
        StatementRow.status == StatementStatus.OPEN,
        StatementRow.fee_type == FeeType.OUTPUT,
        StatementRow.deadline_date < DAY,
    )
    statements_due = _count(container, *due)
    eligible = (
        DeclarationRow.payment_statement_id == StatementRow.id,
        DeclarationRow.payment_status == PaymentStatus.ELIGIBLE,
    )
    assert statements_due > 0
    assert _count(container, *eligible, *due) > 0

    result = CliRunner().invoke(main, ["finance", "mark-payable", "--on", DAY.isoformat()])

    assert result.exit_code == 0, result.output
    assert f"Marked {statements_due} statements payable." in result.output
    assert _count(container, *due) == 0
    assert _count(container, *eligible, StatementRow.deadline_date < DAY) == 0
    again = CliRunner().invoke(main, ["finance", "mark-payable", "--on", DAY.isoformat()])
    assert "Marked 0 statements payable." in again.output
