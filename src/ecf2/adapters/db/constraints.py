"""Turn a database refusal into a domain error that names the rule.

The domain checks every rule first; these only fire when two transactions race, or a
write slips past the domain. Each constraint named here has a sentence a person can read.
"""

from __future__ import annotations

import re

from sqlalchemy import Index, UniqueConstraint
from sqlalchemy.exc import IntegrityError

from ecf2.adapters.db.base import Base
from ecf2.domain.shared.errors import ConcurrentUpdate, DomainError, RuleBroken

# Filled by each context's db module: constraint name -> (field, message).
CONSTRAINT_MESSAGES: dict[str, tuple[str | None, str]] = {}


def explain(constraint: str, field: str | None, message: str) -> str:
    CONSTRAINT_MESSAGES[constraint] = (field, message)
    return constraint


# SQLite names the columns of the unique constraint or index it refuses, not its name.
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)")


def _sqlite_unique_name(text: str) -> str | None:
    match = _SQLITE_UNIQUE.search(text)
    if match is None:
        return None
    qualified = match.group(1).split(", ")
    table = Base.metadata.tables.get(qualified[0].split(".")[0])
    if table is None:
        return None
    columns = [name.split(".", 1)[-1] for name in qualified]
    uniques = [
        item
        for item in (*table.indexes, *table.constraints)
        if isinstance(item, UniqueConstraint) or (isinstance(item, Index) and item.unique)
    ]
    names = (str(item.name) for item in uniques if [c.name for c in item.columns] == columns)
    return next(names, None)


def _constraint_name(error: IntegrityError) -> str | None:
    diag = getattr(error.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return str(name)
    text = str(error.orig)
    return _sqlite_unique_name(text) or next(
        (known for known in CONSTRAINT_MESSAGES if known in text), None
    )


def refusal_for(error: IntegrityError) -> DomainError:
    name = _constraint_name(error)
    if name in CONSTRAINT_MESSAGES:
        field, message = CONSTRAINT_MESSAGES[name]
        return RuleBroken(message, field=field, rule=name)
    return ConcurrentUpdate(
        "The change could not be saved because it conflicts with another change"
        + (f" ({name})" if name else "")
    )
