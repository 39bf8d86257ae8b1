"""GOV.UK Design System pagination for a list paged by number: the first, last, current
and neighbouring pages, with ellipses for the gaps between them."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode


def page_number(text: str | None) -> int:
    """What a `page` query parameter asks for: anything but a positive number is page 1."""
    try:
        number = int(text or "1")
    except ValueError:
        return 1
    return number if number >= 1 else 1


def pagination(path: str, current: int, pages: int, **query: str) -> dict[str, Any] | None:
    """The govukPagination parameters, or None when everything fits on one page."""
    if pages <= 1:
        return None

    def href(number: int) -> str:
        kept = {name: value for name, value in query.items() if value}
        return f"{path}?{urlencode({**kept, 'page': number})}"

    shown = sorted({1, pages, *range(max(1, current - 1), min(pages, current + 1) + 1)})
    items: list[dict[str, Any]] = []
    for number in shown:
        if items and number > items[-1]["number"] + 1:
            items.append({"ellipsis": True, "number": number - 1})
        items.append({"number": number, "href": href(number), "current": number == current})
    return {
        "items": items,
        "previous": {"href": href(current - 1)} if current > 1 else None,
        "next": {"href": href(current + 1)} if current < pages else None,
    }
