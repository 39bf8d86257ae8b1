"""What the DfE staff console's teacher page tests share: the staff of the demo data,
signing in as one, reading a page's words and table rows, and counting SQL statements."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from litestar.testing import TestClient
from sqlalchemy import Engine, event

from tests.e2e.web.demo_site import scalar, sign_in

TEACHERS = "/admin/teachers"
STAFF = {
    "admin": "alex.morgan@education.gov.uk",
    "user_manager": "una.mensah@education.gov.uk",
    "finance": "frances.hale@education.gov.uk",
    "product_team": "sam.okoro@education.gov.uk",
}
BENJAMIN = "3000034"  # an ECT at Ashdown Primary School, mentored by Evie Bennett
EVIE = "3000174"  # an ECT at Ashdown Primary School until 2024, now a mentor there


def sign_in_as_staff(client: TestClient[Any], role: str = "admin") -> TestClient[Any]:
    assert sign_in(client, STAFF[role]).status_code == 303
    return client


def words(page: httpx.Response) -> str:
    """The page's text without its tags, its spacing squashed."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text)))


def table_rows(page: httpx.Response) -> list[str]:
    body = page.text.split('<tbody class="govuk-table__body">')[1].split("</tbody>")[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)) for row in body.split("</tr>")[:-1]]


def teacher_api_id(engine: Engine, trn: str, column: str = "api_id") -> uuid.UUID:
    found = scalar(engine, f"SELECT {column} FROM teachers WHERE trn = :trn", trn=trn)
    return found if isinstance(found, uuid.UUID) else uuid.UUID(str(found))


@contextmanager
def statements_run(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements run meanwhile, bar the session setting PostgreSQL is given."""
    issued: list[str] = []

    def count(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("SET LOCAL"):
            issued.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield issued
    finally:
        event.remove(engine, "before_cursor_execute", count)
