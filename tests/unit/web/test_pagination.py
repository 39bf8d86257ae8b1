"""GOV.UK pagination for lists paged by number."""

from __future__ import annotations

import pytest

from ecf2.entrypoints.web.pagination import page_number, pagination


def _shown(current: int, pages: int) -> list[int | str]:
    found = pagination("/list", current, pages)
    assert found is not None
    return ["…" if item.get("ellipsis") else item["number"] for item in found["items"]]


def test_one_page_needs_no_pagination():
    assert pagination("/list", 1, 1) is None


@pytest.mark.parametrize(
    ("current", "pages", "shown"),
    [
        (1, 2, [1, 2]),
        (1, 7, [1, 2, "…", 7]),
        (4, 7, [1, "…", 3, 4, 5, "…", 7]),
        (3, 7, [1, 2, 3, 4, "…", 7]),
        (7, 7, [1, "…", 6, 7]),
    ],
)
def test_the_first_last_current_and_neighbouring_pages_are_shown(current, pages, shown):
    assert _shown(current, pages) == shown


def test_links_keep_the_search_and_mark_the_current_page():
    found = pagination("/list", 2, 3, q="ava smith", empty="")
    assert found is not None
    assert found["previous"] == {"href": "/list?q=ava+smith&page=1"}
    assert found["next"] == {"href": "/list?q=ava+smith&page=3"}
    assert [item["current"] for item in found["items"]] == [False, True, False]


def test_the_first_page_has_no_previous_and_the_last_no_next():
    first, last = pagination("/list", 1, 3), pagination("/list", 3, 3)
    assert first is not None
    assert first["previous"] is None
    assert last is not None
    assert last["next"] is None


@pytest.mark.parametrize(
    ("asked", "number"), [("3", 3), (None, 1), ("", 1), ("0", 1), ("-2", 1), ("two", 1)]
)
def test_anything_but_a_positive_page_number_is_the_first_page(asked, number):
    assert page_number(asked) == number
