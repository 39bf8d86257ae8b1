"""Driving a whole DfE Sign-in round trip in tests: the app through its TestClient, the
fake DfE Sign-in over real HTTP on loopback, following each redirect to whichever of the
two it points at, as a browser would."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
from litestar.testing import TestClient

APP_ORIGIN = "http://testserver.local"
REDIRECT_URI = f"{APP_ORIGIN}/auth/dfe/callback"


def browse(
    client: TestClient[Any], url: str, stop_at_app: bool = False, **extra: str
) -> httpx.Response:
    """GET `url` and follow redirects across the app and the fake. `extra` query
    parameters are added when the fake's authorisation page is reached (`login_hint`).
    With `stop_at_app`, stop at the fake's redirect back to the app."""
    response = _get(client, url, extra)
    while response.is_redirect:
        url = _absolute(response.headers["location"], response.url)
        from_fake = not str(response.url).startswith(APP_ORIGIN)
        if stop_at_app and from_fake and url.startswith(APP_ORIGIN):
            return response
        response = _get(client, url, extra)
    return response


def _get(client: TestClient[Any], url: str, extra: dict[str, str]) -> httpx.Response:
    if url.startswith(APP_ORIGIN) or url.startswith("/"):
        return client.get(url.removeprefix(APP_ORIGIN), follow_redirects=False)
    if urlsplit(url).path == "/auth" and extra:
        url = f"{url}&{urlencode(extra)}"
    return httpx.get(url, follow_redirects=False, timeout=5)


def _absolute(location: str, base: httpx.URL) -> str:
    if location.startswith("/"):
        return f"{base.scheme}://{base.netloc.decode()}{location}"
    return location


def sign_in_with_dfe_sign_in(client: TestClient[Any], user_id: str) -> httpx.Response:
    """Start at the app's sign-in, choose `user_id` at the fake, land wherever it leads."""
    return browse(client, "/sign-in", login_hint=user_id)


def callback_for(client: TestClient[Any], user_id: str) -> str:
    """The app's callback URL the fake answers with, not yet visited."""
    redirect = browse(client, "/sign-in", stop_at_app=True, login_hint=user_id)
    return str(redirect.headers["location"]).removeprefix(APP_ORIGIN)
