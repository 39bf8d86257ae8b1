"""Sandbox time travel (lead-provider-api-v3 §1.9): with time travel enabled, a request with
`X-With-Server-Date: <RFC 3339>` runs on a clock of its own fixed at that instant. The
shared clock is never moved, so concurrent requests keep their own times."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from litestar import Request

from ecf2.domain.shared.clock import Clock, FixedClock
from ecf2.entrypoints.api.errors import BadRequest

HEADER = "x-with-server-date"
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
BAD_DATE = "The X-With-Server-Date header must be a date and time in RFC 3339 format"


def server_date(value: str) -> datetime:
    if not _RFC3339.match(value.strip()):
        raise BadRequest(BAD_DATE)
    try:
        return datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        raise BadRequest(BAD_DATE) from None


def request_clock(enabled: bool, shared: Callable[[], Clock]) -> Callable[..., Clock]:
    """The `clock` dependency of the API's routes."""

    def clock(request: Request[Any, Any, Any]) -> Clock:
        value = request.headers.get(HEADER) if enabled else None
        return shared() if value is None else FixedClock(server_date(value))

    return clock
