"""The finance console's forms and filters: each turns what was typed into values, or into
errors keyed by field, worded for the GOV.UK error summary."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ecf2.adapters.db.queries.finance_console import FilterOptions, StatementFilters
from ecf2.domain.payments.model import FeeType

Errors = dict[str, str]
FEE_TYPES = {"output": FeeType.OUTPUT, "service": FeeType.SERVICE, "all": None}


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _whole_number(text: str) -> int | None:
    return int(text) if re.fullmatch(r"\d{1,4}", text) else None


@attrs.frozen
class SearchForm:
    """The statement search as typed, to fill the form back in."""

    lead_provider: str = ""
    contract_period: str = ""
    month: str = ""
    year: str = ""
    fee_type: str = "output"


def search_filters(
    data: Mapping[str, Any], options: FilterOptions
) -> tuple[SearchForm, StatementFilters, Errors]:
    form = SearchForm(
        lead_provider=_text(data, "lead_provider"),
        contract_period=_text(data, "contract_period"),
        month=_text(data, "month"),
        year=_text(data, "year"),
        fee_type=_text(data, "fee_type") or "output",
    )
    errors: Errors = {}
    provider = _choice(form.lead_provider, [str(pid) for pid, _ in options.lead_providers])
    if provider is False:
        errors["lead_provider"] = "Select a lead provider from the list"
    period = _choice(form.contract_period, [str(year) for year in options.contract_periods])
    if period is False:
        errors["contract_period"] = "Select a contract period from the list"
    month, year = _month_and_year(form, errors)
    if form.fee_type not in FEE_TYPES:
        errors["fee_type"] = "Select output, service fee or all statements"
    filters = StatementFilters(
        lead_provider_id=int(provider) if isinstance(provider, str) else None,
        contract_period_year=int(period) if isinstance(period, str) else None,
        month=month,
        year=year,
        fee_type=FEE_TYPES.get(form.fee_type, FeeType.OUTPUT),
    )
    return form, filters, errors


def _choice(value: str, allowed: list[str]) -> str | bool | None:
    """None when left empty, the value when allowed, False otherwise."""
    if not value:
        return None
    return value if value in allowed else False


def _month_and_year(form: SearchForm, errors: Errors) -> tuple[int | None, int | None]:
    month = _whole_number(form.month) if form.month else None
    year = _whole_number(form.year) if form.year else None
    if form.month and (month is None or not 1 <= month <= 12):
        errors["month"] = "Statement month must be a number from 1 to 12"
        month = None
    if form.year and (year is None or year < 2020):
        errors["year"] = "Statement year must be a 4 digit year, 2020 or later"
        year = None
    return month, year


# Adjustments ------------------------------------------------------------------------------

_AMOUNT = re.compile(r"-?£?-?[\d,]*\.?\d*")


@attrs.frozen
class AdjustmentForm:
    payment_type: str = ""
    amount: str = ""


def adjustment_form(data: Mapping[str, Any]) -> tuple[AdjustmentForm, Decimal | None, Errors]:
    """The domain checks the limits (§1.9); here only that an amount is a number."""
    form = AdjustmentForm(_text(data, "payment_type"), _text(data, "amount"))
    errors: Errors = {}
    amount = _amount(form.amount)
    if not form.amount:
        errors["amount"] = "Enter an amount"
    elif amount is None:
        errors["amount"] = "Enter the amount as a number, like 250 or -99.50"
    return form, amount, errors


def _amount(text: str) -> Decimal | None:
    cleaned = text.replace(",", "").replace("£", "").replace(" ", "")
    if not cleaned or not _AMOUNT.fullmatch(text.replace(" ", "")):
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def ticked(data: Mapping[str, Any], name: str) -> bool:
    value = data.get(name)
    if isinstance(value, list):
        return "yes" in value
    return value == "yes"


def declaration_id(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None
