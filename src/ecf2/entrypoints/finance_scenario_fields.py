"""Reading a scenario's JSON with every refusal naming the field by its path
(`declarations[2].payment_status`), for the scenario calculator (finance_scenario.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

import attrs

from ecf2.domain.shared.errors import InvalidValue

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
REQUIRED: Any = object()
# Far beyond any contract, and small enough that no figure overflows or runs to pages.
LIMIT = 10**12
DECIMAL_PLACES = 12
Json = dict[str, Any]


class ScenarioError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")


@attrs.frozen
class JsonObject:
    """A JSON object being read; every message names the field by its path."""

    fields: Json
    path: str

    @classmethod
    def read(cls, value: Any, path: str, required: str, optional: str = "") -> JsonObject:
        if not isinstance(value, dict):
            raise ScenarioError(path or "scenario", "must be an object")
        known = required.split() + optional.split()
        unknown = [key for key in value if key not in known]
        if unknown:
            expected = ", ".join(known)
            raise ScenarioError(
                cls(value, path).at(unknown[0]), f"unknown field; expected {expected}"
            )
        missing = [key for key in required.split() if key not in value]
        if missing:
            raise ScenarioError(cls(value, path).at(missing[0]), "is required")
        return cls(value, path)

    def at(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def objects(self, name: str, required: str, optional: str = "") -> list[JsonObject]:
        items = self.fields.get(name, [])
        if not isinstance(items, list):
            raise ScenarioError(self.at(name), "must be a list")
        return [
            JsonObject.read(item, f"{self.at(name)}[{i}]", required, optional)
            for i, item in enumerate(items)
        ]

    def decimal(self, name: str, default: Any = REQUIRED) -> Decimal:
        value = self.fields.get(name, default)
        if isinstance(value, str | int | Decimal) and not isinstance(value, bool):
            try:
                amount = Decimal(value)
            except InvalidOperation:
                pass
            else:
                if amount.is_finite():
                    return self._sized(name, amount)
        raise ScenarioError(self.at(name), 'must be a decimal number, such as "0.20"')

    def _sized(self, name: str, amount: Decimal) -> Decimal:
        if abs(amount) >= LIMIT or amount.as_tuple().exponent < -DECIMAL_PLACES:  # type: ignore[operator]
            raise ScenarioError(
                self.at(name),
                f"must be less than {LIMIT:,} either side of 0, "
                f"with at most {DECIMAL_PLACES} decimal places",
            )
        return amount

    def optional_decimal(self, name: str) -> Decimal | None:
        return None if self.fields.get(name) is None else self.decimal(name)

    def integer(self, name: str, minimum: int = 0, default: Any = REQUIRED) -> int:
        value = self.fields.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value < LIMIT:
            raise ScenarioError(
                self.at(name), f"must be a whole number, {minimum} or more and below {LIMIT:,}"
            )
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self.fields.get(name, default)
        if not isinstance(value, bool):
            raise ScenarioError(self.at(name), "must be true or false")
        return value

    def choice(self, name: str, choices: type[E], default: Any = REQUIRED) -> E:
        value = self.fields.get(name, default)
        if value not in [choice.value for choice in choices]:
            raise ScenarioError(self.at(name), f"must be one of {', '.join(choices)}")
        return choices(value)

    def date(self, name: str) -> date:
        try:
            return date.fromisoformat(self.fields[name])
        except (TypeError, ValueError):
            raise ScenarioError(self.at(name), "must be a date written YYYY-MM-DD") from None

    def statement(self, name: str, dates: dict[str, date]) -> str | None:
        value = self.fields.get(name)
        if value is not None and (not isinstance(value, str) or value not in dates):
            raise ScenarioError(
                self.at(name), f"no statement has the id {json.dumps(value, default=str)}"
            )
        return value

    def built(
        self, build: Callable[..., T], renamed: dict[str, str] | None = None, **values: Any
    ) -> T:
        """The domain checks its own invariants; its field names become scenario paths."""
        try:
            return build(**values)
        except InvalidValue as error:
            field = (renamed or {}).get(error.field or "", error.field)
            raise ScenarioError(self.at(field) if field else self.path, error.message) from None
