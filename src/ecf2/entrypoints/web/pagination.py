"""Page numbers in the service's long lists (a school's people, an appropriate body's ECTs,
the staff console's searches): read from the query string, and turned into GOV.UK
pagination links."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from ecf2.adapters.db.queries.listing import MAX_OFFSET, Page

# Pages shown either side of the current one before the list is cut short with "...".
NEIGHBOURS = 2


def page_number(value: str | None, size: int) -> int:
    """A page number as typed in the address bar: anything but a whole number from 1, or
    a number too big to be a page, is the first page."""
    text = (value or "").strip()
    if not text.isdigit() or int(text) < 1 or int(text) > MAX_OFFSET // size:
        return 1
    return int(text)


def page_of(value: str | None, size: int) -> Page:
    return Page(page_number(value, size), size)


def pagination(
    path: str, params: Mapping[str, str], page: Page, total: int
) -> dict[str, Any] | None:
    """The govukPagination parameters, or None when everything fits on one page."""
    last = max(1, -(-total // page.size))
    if last == 1 and page.number == 1:
        return None

    def href(number: int) -> str:
        return f"{path}?{urlencode({**params, 'page': number})}"

    numbers = [
        number
        for number in range(1, last + 1)
        if number in (1, last) or abs(number - page.number) <= NEIGHBOURS
    ]
    items: list[dict[str, Any]] = []
    for number in numbers:
        if items and number - items[-1]["number"] > 1:
            items.append({"ellipsis": True, "number": number - 1})
        items.append({"number": number, "href": href(number), "current": number == page.number})
    return {
        "items": items,
        # From a page past the end, "previous" goes back to the last page there is.
        "previous": {"href": href(min(page.number - 1, last))} if page.number > 1 else None,
        "next": {"href": href(page.number + 1)} if page.number < last else None,
    }
