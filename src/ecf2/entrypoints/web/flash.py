"""A success message carried across a post/redirect/get in the session and shown once, as
a GOV.UK notification banner on the page the redirect leads to."""

from __future__ import annotations

from typing import Any

from litestar import Request

FLASH = "flash"


def flash(request: Request[Any, Any, Any], heading: str) -> None:
    request.session[FLASH] = heading


def take_flash(request: Request[Any, Any, Any]) -> str | None:
    message = request.session.pop(FLASH, None) if request.session else None
    return message if isinstance(message, str) else None
