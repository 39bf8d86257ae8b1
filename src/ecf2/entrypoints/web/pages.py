"""Pages everyone can see without signing in."""

from __future__ import annotations

from litestar import get
from litestar.response import Template


@get("/", sync_to_thread=False, include_in_schema=False)
def start_page() -> Template:
    return Template(template_name="start.html")
