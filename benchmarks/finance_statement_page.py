"""How long the finance console takes to serve one statement's page (its read model, its
calculation and the page itself) for a lead provider with 100,000 declarations over 36
statements, and that statement's declarations CSV.
Run: .venv/bin/python benchmarks/finance_statement_page.py

Seeds PostgreSQL as finance_statement.py does (ECF2_BENCH_POSTGRES_URL, default the database
`ecf2_bench` on 127.0.0.1, emptied and reseeded), adds a finance user, signs in as that
persona and requests the pages in process, so the figures are server time without a network.

Goal (finance console issue): the statement page in 300 ms.
"""

from __future__ import annotations

import logging
import statistics
import time
import uuid
from typing import Any

from finance_statement import URL, ensure_database, seed
from litestar.testing import TestClient
from sqlalchemy import insert, text

from ecf2.adapters.db.engine import make_engine
from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.container import build_container
from ecf2.entrypoints.app import create_app
from ecf2.settings import Settings

GOAL_MS = 300.0
RUNS = 30
FINANCE_USER = "frances.hale@education.gov.uk"  # a DfE staff persona with the finance role


def add_finance_user(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            insert(metadata.tables["dfe_staff_users"]).values(
                email=FINANCE_USER, name="Frances Hale", role="finance"
            )
        )
    engine.dispose()


def signed_in(client: TestClient[Any]) -> None:
    page = client.get("/personas")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post(
        "/personas", data={"persona": FINANCE_USER, "csrf_token": token}, follow_redirects=False
    )
    assert response.headers.get("location") == "/admin", response.text


def timings(client: TestClient[Any], path: str, runs: int = RUNS) -> list[float]:
    for _ in range(3):
        assert client.get(path).status_code == 200
    spent = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        spent.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return spent


def report(label: str, spent: list[float], goal: float | None = GOAL_MS) -> None:
    p50 = statistics.median(spent)
    p95 = statistics.quantiles(spent, n=20)[18]
    ratio = f"; p95 / goal = {p95 / goal:.2f} (goal {goal:.0f} ms)" if goal else ""
    print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(spent)} runs{ratio}")


def main() -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    ensure_database(URL)
    upgrade_to_head(URL)
    engine = make_engine(URL)
    api_ids: list[uuid.UUID] = seed(engine)
    with engine.connect() as connection:
        count = connection.scalar(text("SELECT count(*) FROM declarations"))
    engine.dispose()
    add_finance_user(URL)
    print(f"Seeded {count:,} declarations over {len(api_ids)} statements")
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": URL}))
    with TestClient(create_app(container)) as client:
        signed_in(client)
        # The floor: a page that reads one row, to show how loaded the machine is.
        report("admin home (one small query)", timings(client, "/admin"), goal=None)
        last, middle = (f"/admin/finance/statements/{api_ids[i]}" for i in (-1, 17))
        report("statement page, last statement (35 earlier)", timings(client, last))
        report("statement page, middle statement (17 earlier)", timings(client, middle))
        search = "/admin/finance/statements?fee_type=all"
        report("statement search, all 36 statements", timings(client, search))
        csv = timings(client, f"{last}/declarations.csv", runs=10)
        rows = client.get(f"{last}/declarations.csv").text.count("\n") - 1
        report(f"declarations CSV of the last statement ({rows:,} rows)", csv, goal=None)
    container.engine().dispose()


if __name__ == "__main__":
    main()
