"""Payments: statements, adjustments and declarations with their payment lifecycle."""

from ecf2.domain.payments.declarations import (
    ClawbackStatus,
    Declaration,
    EvidenceType,
    PaymentStatus,
)
from ecf2.domain.payments.model import (
    Adjustment,
    AuditNote,
    FeeType,
    Statement,
    StatementStatus,
)

__all__ = [
    "Adjustment",
    "AuditNote",
    "ClawbackStatus",
    "Declaration",
    "EvidenceType",
    "FeeType",
    "PaymentStatus",
    "Statement",
    "StatementStatus",
]
