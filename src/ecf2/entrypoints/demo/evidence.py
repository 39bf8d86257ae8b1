"""The evidence a lead provider holds for a declaration, from the values allowed for its
contract period, role and type (lead-provider-api-v3 §4 step 12)."""

from __future__ import annotations

import random

from ecf2.domain.contracts import DeclarationType
from ecf2.domain.participants import TrainingRole
from ecf2.domain.payments import EvidenceType
from ecf2.entrypoints.demo.contract_periods import MENTOR_FUNDING_FROM

E = EvidenceType
BEFORE_2025 = (E.TRAINING_EVENT_ATTENDED, E.SELF_STUDY_MATERIAL_COMPLETED, E.OTHER)
SIMPLE = (*BEFORE_2025[:2], E.MATERIALS_ENGAGED_WITH_OFFLINE, E.OTHER)
ENGAGEMENT = (E.ENGAGEMENT_MET_75_PERCENT, E.ENGAGEMENT_MET_75_PERCENT_REDUCED_INDUCTION)


def evidence_for(
    role: TrainingRole, year: int, kind: DeclarationType, rng: random.Random
) -> EvidenceType | None:
    choices = _allowed(role, year, kind)
    return rng.choice(choices) if choices else None


def _allowed(role: TrainingRole, year: int, kind: DeclarationType) -> tuple[EvidenceType, ...]:
    if year < MENTOR_FUNDING_FROM:
        # Evidence given with a pre-2025 `started` is ignored and stored empty.
        return () if kind is DeclarationType.STARTED else BEFORE_2025
    if kind is DeclarationType.COMPLETED:
        return ENGAGEMENT if role is TrainingRole.MENTOR else (*ENGAGEMENT, E.ONE_TERM_INDUCTION)
    if kind is DeclarationType.RETAINED_2:
        return ENGAGEMENT
    return SIMPLE
