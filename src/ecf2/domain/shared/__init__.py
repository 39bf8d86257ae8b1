"""The shared kernel: value objects, errors, events, time and the unit of work port."""

from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import Clock, FixedClock, SystemClock, TimeTravelClock
from ecf2.domain.shared.errors import (
    ConcurrentUpdate,
    DomainError,
    InvalidValue,
    NotFound,
    RuleBroken,
)
from ecf2.domain.shared.events import DomainEvent
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn, Urn, new_api_id
from ecf2.domain.shared.period import Period

__all__ = [
    "Actor",
    "AuthorType",
    "Clock",
    "ConcurrentUpdate",
    "DomainError",
    "DomainEvent",
    "FixedClock",
    "InvalidValue",
    "NationalInsuranceNumber",
    "NotFound",
    "Period",
    "RuleBroken",
    "SystemClock",
    "TimeTravelClock",
    "Trn",
    "Urn",
    "new_api_id",
]
