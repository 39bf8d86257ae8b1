"""axe-core over the page a browser test is on: every rule of WCAG 2.2 A and AA."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
_WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_OPTIONS = {"runOnly": {"type": "tag", "values": _WCAG_22_AA}}


def assert_accessible(page: Any) -> None:
    page.wait_for_load_state()  # after a click, the next page may still be on its way
    results = _AXE.run(page, options=_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"{page.url}: " + "; ".join(
        f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in violations
    )
