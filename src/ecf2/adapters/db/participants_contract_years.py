"""Which contract period a school's yearly confirmations are for (participants-and-schools
§2.3, §2.8), decided by the contracts context's own rule."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ecf2.adapters.db.contracts_mappers import contract_period_from_row
from ecf2.adapters.db.contracts_rows import ContractPeriodRow
from ecf2.adapters.db.repository import SqlRepository
from ecf2.domain.contracts.contract_periods import current_or_upcoming_contract_period


class SqlContractPeriodYears(SqlRepository):
    """Served inside the unit of work, as `uow.contract_period_years`."""

    def current_or_upcoming_year(self, today: date) -> int | None:
        rows = self._session.scalars(select(ContractPeriodRow))
        found = current_or_upcoming_contract_period(
            today, [contract_period_from_row(row) for row in rows]
        )
        return None if found is None else found.year
