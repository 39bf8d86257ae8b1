"""At most N requests in five minutes per Authorization header on /api/* (lead-provider-api-v3
§1.8); beyond, 429 with a plain-text body as Rack::Attack gives.

The window store is a port: this in-process store counts for one process only. Behind
several processes, put a shared store (a PostgreSQL table or Redis) behind `RateLimitStore`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from litestar.types import ASGIApp, Receive, Scope, Send

WINDOW = timedelta(minutes=5)
TOO_MANY = b"Retry later\n"


class RateLimitStore(Protocol):
    def hit(self, key: str, now: datetime) -> int:
        """Count a request for `key` and return how many fall in its current window."""
        ...


class InMemoryRateLimitStore:
    """Fixed windows of WINDOW, counted per key in this process."""

    def __init__(self, window: timedelta = WINDOW) -> None:
        self._window = window.total_seconds()
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, now: datetime) -> int:
        period = int(now.timestamp() // self._window)
        with self._lock:
            started, count = self._counts.get(key, (period, 0))
            count = count + 1 if started == period else 1
            self._counts[key] = (period, count)
            return count


def _authorization(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"authorization":
            return str(value.decode("latin-1"))
    return None


def rate_limit(
    store: RateLimitStore, limit: int, now: Callable[[], datetime]
) -> Callable[[ASGIApp], ASGIApp]:
    """Requests without the header are not counted here: they are refused by token checks."""

    def middleware(app: ASGIApp) -> ASGIApp:
        async def limited(scope: Scope, receive: Receive, send: Send) -> None:
            key = _authorization(scope) if scope["type"] == "http" else None
            if key is not None and store.hit(key, now()) > limit:
                await _too_many(send)
                return
            await app(scope, receive, send)

        return limited

    return middleware


async def _too_many(send: Send) -> None:
    headers: list[Any] = [(b"content-type", b"text/plain; charset=utf-8")]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": TOO_MANY})
