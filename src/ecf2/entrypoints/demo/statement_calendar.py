"""Each lead provider's monthly statements for a contract period: November of its year to
August three years on (34), deadline the last day of the month before, paid on the 25th;
output in January, April, August and November, service otherwise (finance §3.1, §3.2).
Their status follows the demo's today: paid once the payment date has come, payable
once the deadline has passed, else open."""

from __future__ import annotations

from datetime import date

from ecf2.domain.payments import FeeType, StatementStatus
from ecf2.entrypoints.demo.reference import DEMO_TODAY, ONE_DAY

OUTPUT_MONTHS = frozenset({1, 4, 8, 11})
STATEMENTS = 34
Month = tuple[int, int]  # (year, month)


def statement_months(contract_year: int) -> list[Month]:
    first = contract_year * 12 + 10  # November, counting months from 0
    return [(index // 12, index % 12 + 1) for index in range(first, first + STATEMENTS)]


def fee_type(month: Month) -> FeeType:
    return FeeType.OUTPUT if month[1] in OUTPUT_MONTHS else FeeType.SERVICE


def deadline_date(month: Month) -> date:
    year, number = month
    return date(year, number, 1) - ONE_DAY


def payment_date(month: Month) -> date:
    return date(month[0], month[1], 25)


def status_on(month: Month, today: date = DEMO_TODAY) -> StatementStatus:
    if payment_date(month) <= today:
        return StatementStatus.PAID
    if deadline_date(month) < today:
        return StatementStatus.PAYABLE
    return StatementStatus.OPEN


def next_output_statement(contract_year: int, day: date) -> Month | None:
    """The output statement a declaration submitted on `day` lands on: the earliest
    whose deadline is on or after that day (finance §4.2)."""
    return next(
        (
            month
            for month in statement_months(contract_year)
            if fee_type(month) is FeeType.OUTPUT and deadline_date(month) >= day
        ),
        None,
    )
