"""Which of a statement's declarations its declarations CSV lists: the ones it pays for and
claws back, as many of each type as the bands took, earliest first, and every voided one
(finance-and-payments §8.1)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ecf2.domain.payments.calculator import ContractType, StatementCalculation
from ecf2.domain.shared.declaration_types import DeclarationType


@attrs.frozen
class TypeLimit:
    """How many of one type's billable and refundable declarations the statement lists."""

    billable: int
    refundable: int


@attrs.frozen(kw_only=True)
class DeclarationSelection:
    """`limits` apply to the banded declarations (ECTs and mentors together on `ecf`
    contracts, ECTs alone on `ittecf_ectp`); mentors paid at a flat rate are all listed."""

    limits: Mapping[DeclarationType, TypeLimit]
    mentors_banded: bool


def declaration_selection(
    contract_type: ContractType, calculation: StatementCalculation
) -> DeclarationSelection:
    allocations = calculation.banded.allocations
    limits = {
        declaration_type: TypeLimit(
            billable=sum(band.billable for band in allocations[declaration_type]),
            refundable=sum(band.refundable for band in allocations[declaration_type]),
        )
        for declaration_type in DeclarationType
    }
    return DeclarationSelection(limits=limits, mentors_banded=contract_type is ContractType.ECF)


def csv_filename(lead_provider: str, contract_year: int, statement_name: str) -> str:
    """`<lead provider>-<year>-contract-<month-year>-declarations.csv`, in lower case
    words joined by hyphens."""
    words = f"{lead_provider} {contract_year} contract {statement_name} declarations"
    slug = "-".join("".join(c for c in word if c.isalnum()) for word in words.lower().split())
    return f"{slug}.csv"
