"""Browser tests: the app served by uvicorn on loopback over the demo data as `ecf2 serve`
serves it with DfE Sign-in switched on (a fake DfE Sign-in and a fake TRS on loopback),
driven by Playwright in headless Debian chromium, with an axe-core accessibility check on
each of our pages.

They run on SQLite only: the HTTP and service tests cover both databases, and what a browser
adds (forms, links, scripts, accessibility) does not depend on the database. Without chromium
they skip, unless ECF2_REQUIRE_BROWSER=1 (as CI sets), when its absence is a failure."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import closing
from typing import Any

import pytest
from dependency_injector.providers import Object

from ecf2.adapters.loopback import serve_on_loopback
from ecf2.container import build_container
from ecf2.domain.shared.clock import FixedClock
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.startup import dfe_sign_in_for_serving, trs_for_serving
from ecf2.settings import Settings
from tests.e2e.web.demo_site import NOW, POSTGRES_URL, _seeded_sqlite_file

CHROMIUM = os.environ.get("ECF2_CHROMIUM") or shutil.which("chromium")
# Chromium's own calls home are refused on a closed network, and slow every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _why_not_run()
    if reason is None:
        return
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.skip(reason=reason))


def _why_not_run() -> str | None:
    if POSTGRES_URL:
        return "browser tests run on SQLite only"
    if CHROMIUM is None and os.environ.get("ECF2_REQUIRE_BROWSER") != "1":
        return "needs chromium (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    seeded = _seeded_sqlite_file(tmp_path_factory)
    path = tmp_path_factory.mktemp("browser") / "demo.sqlite3"
    shutil.copy(seeded, path)
    settings = Settings.from_environment(
        {"ECF2_DATABASE_URL": f"sqlite:///{path}", "ECF2_SIGN_IN_MODE": "dfe_sign_in"}
    )
    host, port = "127.0.0.1", _free_port()
    quiet = lambda _message: None  # noqa: E731
    with (
        trs_for_serving(settings, echo=quiet) as with_trs,
        dfe_sign_in_for_serving(with_trs, host, port, echo=quiet) as served,
    ):
        container = build_container(served)
        container.clock.override(Object(FixedClock(NOW)))
        url, stop = serve_on_loopback(create_app(container), "ECF2", "/healthcheck", host, port)
        yield url
        stop()
        container.engine().dispose()


def _free_port() -> int:
    """DfE Sign-in needs the service's address before the service starts."""
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "ECF2_REQUIRE_BROWSER=1 but chromium is not installed"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    yield page
    context.close()
