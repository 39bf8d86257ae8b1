"""The admin console's service navigation: one entry per section, in this order. Finance
pages add their own sections under it."""

from __future__ import annotations

from typing import Any

# (path, text).
ADMIN_SECTIONS: list[tuple[str, str]] = [
    ("/admin", "Home"),
    ("/admin/teachers", "Teachers"),
    ("/admin/finance", "Finance"),
]
FINANCE_SECTIONS: list[tuple[str, str]] = [
    ("/admin/finance/statements", "Statements"),
    ("/admin/contract-periods", "Contract periods, schedules, contracts and bands"),
    ("/admin/finance/declarations", "Void a declaration"),
]


def navigation(current: str) -> list[dict[str, Any]]:
    """GOV.UK service navigation items; `current` is the path of the section shown."""
    return [
        {"href": path, "text": text, "current": path == current} for path, text in ADMIN_SECTIONS
    ]


def finance_sections() -> list[tuple[str, str]]:
    return list(FINANCE_SECTIONS)
