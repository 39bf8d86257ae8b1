"""Requests to a running ECF2 over HTTP, each answered response checked three ways: the
status the spec expects, the error title it names (lead-provider-api-v3 §7: "422 f" is a
422 with an error titled f) and the reference contract. A difference is kept, not raised,
so that one run reports every difference at once."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import httpx
import yaml

from tests.e2e.api.contract import REFERENCE, check

METHODS = ("get", "put", "post", "patch", "delete")
PREFIX = "/api/v3"
LONDON = ZoneInfo("Europe/London")


def contract_operations() -> set[str]:
    """Every operation of the reference contract, as "GET /participants/{id}"."""
    paths = yaml.safe_load(REFERENCE.read_text())["paths"]
    return {
        f"{method.upper()} {path.removeprefix(PREFIX)}"
        for path, operations in paths.items()
        for method in operations
        if method in METHODS
    }


def unknown_id() -> str:
    return str(uuid.uuid4())


@attrs.define
class Replay:
    """One lead provider's session; `server_date` is sent as `X-With-Server-Date` (§1.9),
    and `other_token`, another lead provider's, shows what stays out of this one's reach."""

    client: httpx.Client
    token: str
    server_date: str | None = None
    other_token: str | None = None
    differences: list[str] = attrs.Factory(list)
    unexercised: list[str] = attrs.Factory(list)  # scenarios the data gave nothing to run on
    answered: set[str] = attrs.Factory(set)
    requests: int = 0

    def call(
        self,
        operation: str,
        path: str,
        *,
        status: int,
        title: str | None = None,
        body: Any = None,
        params: dict[str, str] | None = None,
        token: str | None = "",
        scenario: str = "",
        at: str | None = None,
    ) -> httpx.Response:
        """`operation` names the contract's operation ("PUT /partnerships/{id}") and
        `path` the concrete one; `token=None` sends no Authorization header, and `at` is
        another server date for this request alone."""
        method = operation.split()[0]
        headers = self._headers(token, at or self.server_date)
        response = self.client.request(
            method, PREFIX + path, json=body, params=params, headers=headers
        )
        self.answered.add(operation)
        self.requests += 1
        where = f"{method} {path}" + (f" [{scenario}]" if scenario else "")
        for problem in _problems(response, status, title):
            self.differences.append(f"{where}: {problem}")
        return response

    def data(self, operation: str, path: str, params: dict[str, str] | None = None) -> Any:
        """A read that must succeed; its `data`, or None when it did not."""
        response = self.call(operation, path, status=200, params=params)
        return response.json()["data"] if response.status_code == 200 else None

    def expect(self, holds: bool, scenario: str, seen: Any) -> None:
        """A difference in what a successful response says, rather than in its shape."""
        if not holds:
            self.differences.append(f"{scenario}: got {seen!r}")

    def missing(self, scenario: str) -> None:
        self.unexercised.append(scenario)

    def today(self) -> date:
        """The server's day as the requests run it (Europe/London, §1.9)."""
        now = datetime.now(UTC) if self.server_date is None else _instant(self.server_date)
        return now.astimezone(LONDON).date()

    def _headers(self, token: str | None, server_date: str | None) -> dict[str, str]:
        headers = {} if server_date is None else {"X-With-Server-Date": server_date}
        sent = self.token if token == "" else token
        if sent is not None:
            headers["Authorization"] = f"Bearer {sent}"
        return headers


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _problems(response: httpx.Response, status: int, title: str | None) -> list[str]:
    problems, text = [], response.text[:300]
    if response.status_code != status:
        problems.append(f"answered {response.status_code}, expected {status}: {text}")
    elif title is not None and title not in _titles(response):
        problems.append(f"no error titled {title!r}: {text}")
    try:
        check(response)
    except Exception as error:
        problems.append(f"breaks the reference contract: {str(error)[:300]}")
    return problems


def _titles(response: httpx.Response) -> set[str]:
    try:
        return {error["title"] for error in response.json().get("errors", [])}
    except (ValueError, AttributeError, KeyError, TypeError):
        return set()
