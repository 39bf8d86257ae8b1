"""The GOV.UK pagination of long lists: first, last, current and neighbouring pages, an
ellipsis for each gap, and "not found" for a page that is not there."""

from __future__ import annotations

import pytest
from litestar.exceptions import NotFoundException

from ecf2.entrypoints.web.pagination import page_number, pagination


def _shown(number: int, total: int) -> list[int | str]:
    found = pagination("/list", number, total, 20)
    assert found is not None
    return [item.get("number", "…") for item in found["items"]]


def test_a_middle_page_shows_its_neighbours_and_both_ends():
    assert _shown(8, 300) == [1, "…", 7, 8, 9, "…", 15]


def test_the_first_and_last_pages_link_one_way_only():
    first, last = pagination("/list", 1, 300, 20), pagination("/list", 15, 300, 20)
    assert first
    assert last
    assert first["previous"] is None
    assert first["next"] == {"href": "/list?page=2"}
    assert last["next"] is None
    assert last["previous"] == {"href": "/list?page=14"}
    assert _shown(1, 300) == [1, 2, "…", 15]
    assert _shown(3, 300) == [1, 2, 3, 4, "…", 15]


def test_the_current_page_is_marked():
    found = pagination("/list", 2, 60, 20)
    assert found
    assert [item["current"] for item in found["items"]] == [False, True, False]


def test_a_list_on_one_page_needs_no_pagination():
    assert pagination("/list", 1, 20, 20) is None
    assert pagination("/list", 1, 0, 20) is None


@pytest.mark.parametrize(("number", "total"), [(2, 20), (16, 300), (2, 0)])
def test_a_page_past_the_end_is_not_found(number, total):
    with pytest.raises(NotFoundException):
        pagination("/list", number, total, 20)


@pytest.mark.parametrize("text", ["0", "-2", "two", "1.5", ""])
def test_anything_but_a_page_number_is_not_found(text):
    with pytest.raises(NotFoundException):
        page_number(text)


def test_no_page_asked_for_is_the_first():
    assert page_number(None) == 1
    assert page_number("7") == 7
