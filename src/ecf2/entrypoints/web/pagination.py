"""Long lists a page at a time, with the GOV.UK pagination component: the first and last
pages, the current one and those either side of it, and an ellipsis for each gap."""

from __future__ import annotations

from math import ceil
from typing import Any

from litestar.exceptions import NotFoundException


def page_number(text: str | None) -> int:
    """The `page` a link asked for: the first when none; anything but a page number is
    "not found", like any other address that leads nowhere."""
    if text is None:
        return 1
    if not text.isdigit() or int(text) < 1:
        raise NotFoundException()
    return int(text)


def pagination(path: str, number: int, total: int, size: int) -> dict[str, Any] | None:
    """The component's parameters for page `number` of `total` items, `size` a page; None
    when everything fits on one page. A page past the end is "not found"."""
    last = max(1, ceil(total / size))
    if number > last:
        raise NotFoundException()
    if last == 1:
        return None

    def link(page: int) -> dict[str, Any]:
        return {"href": f"{path}?page={page}"}

    shown = sorted({1, last, number - 1, number, number + 1} & set(range(1, last + 1)))
    items: list[dict[str, Any]] = []
    for previous, page in zip([0, *shown], shown, strict=False):
        if page - previous > 1:
            items.append({"ellipsis": True})
        items.append({**link(page), "number": page, "current": page == number})
    return {
        "items": items,
        "previous": link(number - 1) if number > 1 else None,
        "next": link(number + 1) if number < last else None,
    }
