"""What the induction tutor pages and the yearly gate read (participants-and-schools §2.8,
§3.9): the school's tutor and the contract period it must be confirmed for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecf2.adapters.db.contracts_mappers import contract_period_from_row
from ecf2.adapters.db.contracts_rows import ContractPeriodRow
from ecf2.adapters.db.participants_school_rows import SchoolRow
from ecf2.domain.contracts.contract_periods import current_or_upcoming_contract_period
from ecf2.domain.participants.induction_tutor import induction_tutor_confirmation_due


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


class SqlInductionTutorReads:
    """Two small queries in one short session: the school's tutor, the contract periods."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def status(self, school_id: int, today: date) -> InductionTutorStatus:
        with self._session_factory() as session:
            tutor = session.execute(
                select(
                    SchoolRow.induction_tutor_name,
                    SchoolRow.induction_tutor_email,
                    SchoolRow.induction_tutor_last_nominated_in,
                ).where(SchoolRow.id == school_id)
            ).one()
            periods = [
                contract_period_from_row(row) for row in session.scalars(select(ContractPeriodRow))
            ]
        period = current_or_upcoming_contract_period(today, periods)
        return InductionTutorStatus(*tutor, None if period is None else period.year)
