"""The query string every API endpoint reads: `filter[...]`, `page[...]` and `sort`
(lead-provider-api-v3 §1.4-§1.6), parsed the way Rails parses nested parameters."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

import attrs
from litestar import Request

from ecf2.adapters.db.queries.listing import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, SortKey
from ecf2.entrypoints.api.errors import BadParameter, BadRequest, ResourceNotFound

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_SUBKEY = re.compile(r"\[([^\[\]]*)\]")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_INTEGER_PREFIX = re.compile(r"^\s*([+-]?\d+)")
# Ruby's Time.iso8601: a full date and time, optional fraction and offset (§1.5).
_ISO8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
BAD_PAGE = (
    "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number"
)


def nested(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """`filter[cohort]=2024` becomes {"filter": {"cohort": "2024"}}, `a[]=1&a[]=2` a list."""
    tree: dict[str, Any] = {}
    for key, value in pairs:
        match = _KEY.match(key)
        path = [match.group(1), *_SUBKEY.findall(match.group(2))] if match else [key]
        _assign(tree, path, value)
    return tree


def _assign(tree: dict[str, Any], path: list[str], value: str) -> None:
    node = tree
    for name, following in pairwise(path):
        if following == "":
            _child(node, name, list).append(value)
            return
        node = _child(node, name, dict)
    if isinstance(node.get(path[-1]), dict | list):
        raise BadRequest(f"The query parameter '{path[0]}' is given in two shapes")
    node[path[-1]] = value


def _child(node: dict[str, Any], name: str, kind: type) -> Any:
    child = node.setdefault(name, kind())
    if not isinstance(child, kind):
        raise BadRequest(f"The query parameter '{name}' is given in two shapes")
    return child


def ruby_integer(value: str) -> int:
    """String#to_i: the leading digits, or 0 ("abc", "0.8" and "" are all 0 or less)."""
    match = _INTEGER_PREFIX.match(value)
    return int(match.group(1)) if match else 0


def _blank(value: Any) -> bool:
    """Rails' blank?: nothing, only spaces, or an empty list or hash."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | dict) and not value)


# A cohort is a year: longer runs of digits name no cohort, and would overflow the
# database's integers.
YEAR_DIGITS = 4


def _digits(item: str) -> int | None:
    if not (item.isascii() and item.isdigit()) or len(item) > YEAR_DIGITS:
        return None
    return int(item)


def _items(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def parse_updated_since(value: str) -> datetime:
    if not _ISO8601.match(value):
        raise ValueError(value)
    instant = datetime.fromisoformat(value)
    instant = instant if instant.tzinfo else instant.replace(tzinfo=UTC)
    try:
        return instant.astimezone(UTC)
    except OverflowError:
        # An offset that moves the instant before year 1 or past 9999 in UTC: still a valid
        # date (§1.5), earlier or later than anything recorded.
        earliest, latest = datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)
        return earliest if instant.year == 1 else latest


def path_id(value: str) -> uuid.UUID:
    """A resource id that is not a UUID names nothing (§2: 404)."""
    if not _UUID.match(value):
        raise ResourceNotFound()
    return uuid.UUID(value)


@attrs.frozen
class ApiQuery:
    """The parsed query string; `filter` is checked as soon as it is read, every other
    parameter when the endpoint asks for it."""

    params: Mapping[str, Any]
    filters: Mapping[str, Any]

    @classmethod
    def of(cls, request: Request[Any, Any, Any], *, required: Sequence[str] = ()) -> ApiQuery:
        params = nested(request.query_params.multi_items())
        filters = params.get("filter", {})
        if not isinstance(filters, dict):
            raise BadParameter("Filter must be a hash")
        missing = [name for name in required if name not in filters]
        if missing:
            raise BadParameter(
                *(f"The filter '#/{name}' must be included in your request" for name in missing)
            )
        return cls(params, filters)

    def page(self) -> Page:
        page = self.params.get("page", {})
        if not isinstance(page, dict):
            raise BadRequest(BAD_PAGE)
        number = self._page_value(page.get("page"), 1)
        size = self._page_value(page.get("per_page"), DEFAULT_PAGE_SIZE)
        return Page(number=number, size=min(size, MAX_PAGE_SIZE))

    @staticmethod
    def _page_value(value: Any, default: int) -> int:
        number = default if value is None else ruby_integer(value) if isinstance(value, str) else 0
        if number <= 0:
            raise BadRequest(BAD_PAGE)
        return number

    def sort(self) -> tuple[SortKey, ...]:
        """`-updated_at,created_at`: a leading "-" is descending; "+" (or the space an
        unencoded "+" becomes) ascending."""
        value = self.params.get("sort")
        items = [item.strip() for item in _items(value) if item.strip()]
        return tuple(SortKey(item.lstrip("+-"), descending=item.startswith("-")) for item in items)

    def cohorts(self) -> tuple[int, ...] | None:
        """Years as a comma list or an array; anything not all digits is dropped (§1.5)."""
        return self._list("cohort", _digits)

    def cohort(self) -> int | None:
        """One year, for endpoints that show a year at a time; anything else names none."""
        years = self.cohorts()
        return years[0] if years is not None and len(years) == 1 else None

    def uuids(self, name: str) -> tuple[uuid.UUID, ...] | None:
        return self._list(name, lambda item: uuid.UUID(item) if _UUID.match(item) else None)

    def _list(self, name: str, convert: Any) -> tuple[Any, ...] | None:
        value = self.filters.get(name)
        if _blank(value):
            return None
        converted = (convert(item.strip()) for item in _items(value))
        return tuple(dict.fromkeys(item for item in converted if item is not None))

    def text(self, name: str) -> str | None:
        value = self.filters.get(name)
        return value.strip() if isinstance(value, str) and value.strip() else None

    def updated_since(self) -> datetime | None:
        value = self.filters.get("updated_since")
        if _blank(value):
            return None
        try:
            return parse_updated_since(value)
        except (TypeError, ValueError):
            raise BadRequest("The filter '#/updated_since' must be a valid ISO 8601 date") from None
