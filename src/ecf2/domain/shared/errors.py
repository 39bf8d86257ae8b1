"""The errors every context raises; entrypoints turn them into pages and API errors."""


class DomainError(Exception):
    """A request the domain refuses. `rule` names the policy rule that was broken."""

    rule: str = "domain_error"

    def __init__(self, message: str, *, field: str | None = None, rule: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if rule is not None:
            self.rule = rule

    def __str__(self) -> str:
        return self.message


class RuleBroken(DomainError):
    """A policy rule forbids the change."""

    rule = "rule_broken"


class InvalidValue(DomainError):
    """A value that can never be valid, such as an 8-digit TRN."""

    rule = "invalid_value"


class NotFound(DomainError):
    """The thing asked for does not exist, or is not visible to the one asking."""

    rule = "not_found"


class ConcurrentUpdate(DomainError):
    """Someone else changed the record after it was read: read it again and retry."""

    rule = "concurrent_update"
