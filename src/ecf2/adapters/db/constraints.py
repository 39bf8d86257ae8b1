"""Turn a database refusal into a domain error that names the rule.

The domain checks every rule first; these only fire when two transactions race, or a
write slips past the domain. Each constraint named here has a sentence a person can read.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from ecf2.domain.shared.errors import ConcurrentUpdate, DomainError, RuleBroken

# Filled by each context's db module: constraint name -> (field, message).
CONSTRAINT_MESSAGES: dict[str, tuple[str | None, str]] = {}


def explain(constraint: str, field: str | None, message: str) -> str:
    CONSTRAINT_MESSAGES[constraint] = (field, message)
    return constraint


def _constraint_name(error: IntegrityError) -> str | None:
    diag = getattr(error.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return str(name)
    text = str(error.orig)
    return next((known for known in CONSTRAINT_MESSAGES if known in text), None)


def refusal_for(error: IntegrityError) -> DomainError:
    name = _constraint_name(error)
    if name in CONSTRAINT_MESSAGES:
        field, message = CONSTRAINT_MESSAGES[name]
        return RuleBroken(message, field=field, rule=name)
    return ConcurrentUpdate(
        "The change could not be saved because it conflicts with another change"
        + (f" ({name})" if name else "")
    )
