"""Read-model ports of the payments context: what one statement's calculation reads
(finance-and-payments §5.1, §5.2). The counts come grouped, never as declarations."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

import attrs

from ecf2.domain.payments.calculator import (
    ContractTerms,
    DeclarationCounts,
    DeclarationSet,
    StatementCounts,
)
from ecf2.domain.shared.declaration_types import DeclarationType


class ParticipantRole(StrEnum):
    """Whose training a declaration is for, as the training period says."""

    ECT = "ect"
    MENTOR = "mentor"


@attrs.frozen(kw_only=True)
class DeclarationGroup:
    """How many of one role's declarations of one type fall in one set of one statement,
    with or without an uplift."""

    statement_id: int
    payment_date: date
    role: ParticipantRole = attrs.field(converter=ParticipantRole)
    declaration_type: DeclarationType = attrs.field(converter=DeclarationType)
    declaration_set: DeclarationSet = attrs.field(converter=DeclarationSet)
    uplift: bool
    count: int


@attrs.frozen(kw_only=True)
class StatementToCalculate:
    """One statement with all its calculation reads: its contract's terms, its adjustments,
    and the grouped counts of its own declarations and of the active lead provider's
    statements paid earlier (§3.2: previous statements by payment date)."""

    statement_id: int
    api_id: uuid.UUID
    active_lead_provider_id: int
    payment_date: date
    contract: ContractTerms
    adjustments: tuple[Decimal, ...] = attrs.field(converter=tuple)
    groups: tuple[DeclarationGroup, ...] = attrs.field(converter=tuple)

    @property
    def counts(self) -> StatementCounts:
        return self._counts_by_statement()[self.statement_id]

    @property
    def statements(self) -> list[StatementCounts]:
        """This statement and every earlier one that holds counted declarations."""
        return list(self._counts_by_statement().values())

    def _counts_by_statement(self) -> dict[int, StatementCounts]:
        this = {self.statement_id: StatementCounts(payment_date=self.payment_date)}
        return this | statement_counts(self.groups)


def _counts(groups: Iterable[DeclarationGroup]) -> DeclarationCounts:
    return DeclarationCounts.of(
        (group.declaration_type, group.declaration_set, group.uplift, group.count)
        for group in groups
    )


def statement_counts(groups: Iterable[DeclarationGroup]) -> dict[int, StatementCounts]:
    """The calculator's input per statement, ECTs and mentors apart (§5.1 selectors)."""
    by_statement: dict[int, list[DeclarationGroup]] = defaultdict(list)
    for group in groups:
        by_statement[group.statement_id].append(group)
    return {
        statement_id: StatementCounts(
            payment_date=held[0].payment_date,
            ects=_counts(group for group in held if group.role is ParticipantRole.ECT),
            mentors=_counts(group for group in held if group.role is ParticipantRole.MENTOR),
        )
        for statement_id, held in by_statement.items()
    }


class StatementCalculationReads(Protocol):
    """Reads everything one statement's calculation needs in a few aggregate queries."""

    def to_calculate(self, statement_api_id: uuid.UUID) -> StatementToCalculate:
        """Raises NotFound when there is no such statement."""
        ...
