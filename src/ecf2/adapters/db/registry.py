"""Every context's repositories, by the attribute name the unit of work gives them."""

from __future__ import annotations

from functools import cache

from ecf2.adapters.db import contracts, emails, inductions, participants, payments, staff
from ecf2.adapters.db.repository import SqlRepository

_MODULES = (participants, inductions, contracts, payments, staff, emails)


@cache
def repository_classes() -> dict[str, type[SqlRepository]]:
    classes: dict[str, type[SqlRepository]] = {}
    for module in _MODULES:
        classes.update(module.REPOSITORIES)
    return classes
