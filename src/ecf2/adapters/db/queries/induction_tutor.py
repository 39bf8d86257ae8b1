"""What the induction tutor pages and the yearly gate read (participants-and-schools §2.8,
§3.9): the school's tutor and the contract period it must be confirmed for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ecf2.adapters.db.contracts_rows import ContractPeriodRow
from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.adapters.db.queries.sign_in import school_access_from, school_access_query
from ecf2.domain.participants.induction_tutor import induction_tutor_confirmation_due
from ecf2.domain.participants.sign_in import SchoolAccess


@attrs.frozen
class InductionTutorStatus:
    name: str | None
    email: str | None
    last_nominated_in: int | None
    contract_period_year: int | None

    @property
    def confirmation_due(self) -> bool:
        return induction_tutor_confirmation_due(self.last_nominated_in, self.contract_period_year)

    @property
    def known(self) -> bool:
        return bool(self.name and self.email)


def _current_or_upcoming_year(today: date) -> ColumnElement[int | None]:
    """The year of the contract period containing today, else of the nearest one starting
    after it: `current_or_upcoming_contract_period` worked out by the database, so that
    the gate costs no query of its own."""
    period = ContractPeriodRow
    containing = select(period.year).where(period.started_on <= today, period.finished_on >= today)
    upcoming = select(period.year).where(period.started_on > today).order_by(period.started_on)
    return func.coalesce(containing.limit(1).scalar_subquery(), upcoming.limit(1).scalar_subquery())


def _tutor_columns(today: date) -> list[Any]:
    return [
        SchoolRow.induction_tutor_name,
        SchoolRow.induction_tutor_email,
        SchoolRow.induction_tutor_last_nominated_in,
        _current_or_upcoming_year(today),
    ]


class SqlInductionTutorReads:
    """Each read is one query in a short session of its own."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def status(self, school_id: int, today: date) -> InductionTutorStatus:
        statement = select(*_tutor_columns(today)).where(SchoolRow.id == school_id)
        with self._session_factory() as session:
            return InductionTutorStatus(*session.execute(statement).one())

    def school_at_gate(
        self, urn: str, today: date
    ) -> tuple[SchoolAccess | None, InductionTutorStatus | None]:
        """Whether the school may use the service (as `SqlSignInReads.school_access`) and
        its induction tutor's status, together: what every gated page checks first."""
        statement = school_access_query(urn).add_columns(*_tutor_columns(today))
        with self._session_factory() as session:
            found = session.execute(statement).first()
        if found is None:
            return None, None
        access = school_access_from(found)
        tutor = InductionTutorStatus(*found[-4:]) if access.school_id is not None else None
        return access, tutor
