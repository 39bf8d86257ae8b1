"""The lead provider API under load, over HTTP to `ecf2 serve` on loopback, on PostgreSQL
holding `ecf2 seed benchmark`'s 100,000 teachers (about half of them Bench Provider A's).
Run: .venv/bin/python benchmarks/lead_provider_api.py [--reseed] [--posts-only | --get-only]
(--posts-only measures only the POSTs, then deletes the declarations they made, so it can
be run again and again on the same seeded data; --get-only: the GET measures alone, leaving
the POST benchmark's participants undeclared.)

Measures, for provider A:
- GET /api/v3/participants?page[per_page]=100, p50 and p95, beside the same pages fetched
  by one hand-written SQL query through psycopg (raw_participants.sql), each page by both
  in turn;
- a full sync of the provider's participants at page[per_page]=3000;
- POST /api/v3/participant-declarations from 4 concurrent clients, each POST a new valid
  started declaration for a participant who has none;
- the SQL statements each request runs, counted on an in-process app's engine.

Goals (lead provider API issue): page p50 within 20 ms and within 2x raw SQL; full sync
within 10 s; at least 150 declarations a second.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psycopg
from served import (
    URL,
    counted_app,
    cpu_seconds,
    ensure_seeded,
    p50_p95,
    served,
    served_process,
    timed,
)
from sqlalchemy.engine import make_url

from ecf2.entrypoints.benchmark_data import TOKENS

PAGE_GOAL_MS, RAW_RATIO_GOAL, SYNC_GOAL_S, POSTS_GOAL = 20.0, 2.0, 10.0, 150.0
PAGES, PAGE_RUNS, CLIENTS, POSTS = 20, 200, 4, 1200
HEADERS = {"Authorization": f"Bearer {TOKENS[0]}"}
RAW_SQL = (Path(__file__).parent / "raw_participants.sql").read_text()
FRESH_SQL = """
SELECT t.api_id, alp.contract_period_year
FROM teachers t
JOIN training_periods tp ON tp.teacher_id = t.id AND tp.role = 'ect' AND tp.finished_on IS NULL
JOIN school_partnerships sp ON sp.id = tp.school_partnership_id
JOIN lead_provider_delivery_partnerships lpdp ON lpdp.id = sp.lead_provider_delivery_partnership_id
JOIN active_lead_providers alp ON alp.id = lpdp.active_lead_provider_id
WHERE alp.lead_provider_id = %(lead_provider)s
  AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d.training_period_id = tp.id)
ORDER BY t.id
LIMIT %(limit)s
"""


def psycopg_dsn() -> str:
    return make_url(URL).set(drivername="postgresql").render_as_string(hide_password=False)


def provider_a(connection: psycopg.Connection[Any]) -> int:
    row = connection.execute("SELECT id FROM lead_providers ORDER BY id LIMIT 1").fetchone()
    assert row is not None
    return int(row[0])


def page_params(number: int, size: int) -> dict[str, Any]:
    return {"page[per_page]": size, "page[page]": number}


def page_timings(
    base: str, connection: psycopg.Connection[Any], lead_provider: int
) -> tuple[list[float], list[float]]:
    """Milliseconds for each page through the API and for the same page by the raw query,
    taken in turn, so both are measured under the same conditions on a shared machine."""
    api, raw = [], []
    with httpx.Client(base_url=base, headers=HEADERS, timeout=60) as client:
        for run in range(PAGE_RUNS + 20):
            number = run % PAGES + 1
            ms, response = timed(
                lambda number=number: client.get(
                    "/api/v3/participants", params=page_params(number, 100)
                )
            )
            assert response.status_code == 200, response.text
            assert len(response.json()["data"]) == 100
            params = {"lead_provider": lead_provider, "size": 100, "offset": (number - 1) * 100}
            raw_ms, rows = timed(
                lambda params=params: connection.execute(RAW_SQL, params).fetchall()
            )
            assert rows
            if run >= 20:  # the first ones warm the server's pool and caches
                api.append(ms)
                raw.append(raw_ms)
    return api, raw


def full_sync(base: str) -> tuple[float, int, int]:
    """Seconds, participants and pages."""
    started, participants, number = time.perf_counter(), 0, 1
    with httpx.Client(base_url=base, headers=HEADERS, timeout=120) as client:
        while True:
            response = client.get("/api/v3/participants", params=page_params(number, 3000))
            assert response.status_code == 200, response.text
            found = len(response.json()["data"])
            participants += found
            if found < 3000:
                return time.perf_counter() - started, participants, number
            number += 1


def declaration_body(api_id: Any, year: int) -> dict[str, Any]:
    return {
        "data": {
            "type": "participant-declaration",
            "attributes": {
                "participant_id": str(api_id),
                "declaration_type": "started",
                "declaration_date": f"{year}-10-01T10:00:00Z",
                "course_identifier": "ecf-induction",
                "evidence_held": "training-event-attended",
            },
        }
    }


def post_declarations(base: str, fresh: list[tuple[Any, int]]) -> tuple[float, int]:
    """Declarations a second over CLIENTS concurrent clients, and how many were refused."""
    shares = [fresh[n::CLIENTS] for n in range(CLIENTS)]
    refused: list[str] = []

    def client_run(share: list[tuple[Any, int]]) -> None:
        with httpx.Client(base_url=base, headers=HEADERS, timeout=60) as client:
            for api_id, year in share:
                response = client.post(
                    "/api/v3/participant-declarations", json=declaration_body(api_id, year)
                )
                if response.status_code != 200:
                    refused.append(response.text)

    threads = [threading.Thread(target=client_run, args=(share,)) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(fresh) / (time.perf_counter() - started), len(refused)


def statements_per_request(fresh: tuple[Any, int] | None) -> dict[str, int]:
    with counted_app() as (client, counter):
        # Warms up: the first connection, and the token holder a busy client has remembered.
        client.get("/api/v3/participants", headers=HEADERS)
        counts = {}
        for label, size in (
            ("GET participants, 100 a page", 100),
            ("GET participants, 3000 a page", 3000),
        ):
            counts[label], _ = counter.during(
                lambda size=size: client.get(
                    "/api/v3/participants", params=page_params(2, size), headers=HEADERS
                )
            )
        if fresh is None:
            return counts
        counts["POST participant-declarations"], response = counter.during(
            lambda: client.post(
                "/api/v3/participant-declarations",
                json=declaration_body(*fresh),
                headers=HEADERS,
            )
        )
        assert response.status_code == 200, response.text
    return counts


def report(label: str, figure: str, ratio: float, goal: str) -> None:
    print(f"{label}: {figure}; ratio to goal {ratio:.2f} (goal {goal})")


def fresh_participants(connection: psycopg.Connection[Any], lead_provider: int) -> list[Any]:
    rows = connection.execute(FRESH_SQL, {"lead_provider": lead_provider, "limit": POSTS + 1})
    fresh = [(row[0], row[1]) for row in rows]
    if len(fresh) < POSTS + 1:
        sys.exit("Too few participants left without declarations: run again with --reseed")
    return fresh


def posts_only() -> None:
    """The POSTs alone; the declarations they made are deleted afterwards."""
    with psycopg.connect(psycopg_dsn(), autocommit=True) as connection:
        fresh = fresh_participants(connection, provider_a(connection))
        row = connection.execute("SELECT coalesce(max(id), 0) FROM declarations").fetchone()
        assert row is not None
        try:
            with served_process() as (base, server):
                before = cpu_seconds(server)
                rate, refused = post_declarations(base, fresh[:POSTS])
                cpu_ms = (cpu_seconds(server) - before) * 1000 / POSTS
            counts = statements_per_request(fresh[POSTS])
        finally:
            connection.execute("DELETE FROM events WHERE declaration_id > %s", row)
            connection.execute("DELETE FROM declarations WHERE id > %s", row)
    report(
        f"POST declarations, {CLIENTS} clients",
        f"{rate:.0f} a second ({refused} refused of {POSTS})",
        POSTS_GOAL / rate,
        "150 a second",
    )
    print(f"the server's CPU time per POST: {cpu_ms:.1f} ms")
    print(f"SQL statements per POST: {counts['POST participant-declarations']}")


def main() -> None:
    get_only = "--get-only" in sys.argv
    ensure_seeded("--reseed" in sys.argv)
    if "--posts-only" in sys.argv:
        posts_only()
        return
    with psycopg.connect(psycopg_dsn(), autocommit=True) as connection, served() as base:
        lead_provider = provider_a(connection)
        fresh = [] if get_only else fresh_participants(connection, lead_provider)
        page, raw = page_timings(base, connection, lead_provider)
        sync_s, participants, pages = full_sync(base)
        if not get_only:
            rate, refused = post_declarations(base, fresh[:POSTS])
    counts = statements_per_request(None if get_only else fresh[POSTS])
    p50, p95 = p50_p95(page)
    raw50, raw95 = p50_p95(raw)
    print(f"Provider A sees {participants:,} participants.")
    report(
        "GET participants (100 a page) p50",
        f"{p50:.1f} ms (p95 {p95:.1f} ms)",
        p50 / PAGE_GOAL_MS,
        "20 ms",
    )
    report(
        "the same pages by raw SQL p50",
        f"{raw50:.1f} ms (p95 {raw95:.1f} ms)",
        p50 / raw50 / RAW_RATIO_GOAL,
        "API within 2x raw SQL",
    )
    report(
        "full sync at 3000 a page",
        f"{sync_s:.2f} s over {pages} pages",
        sync_s / SYNC_GOAL_S,
        "10 s",
    )
    if not get_only:
        report(
            f"POST declarations, {CLIENTS} clients",
            f"{rate:.0f} a second ({refused} refused of {POSTS})",
            POSTS_GOAL / rate,
            "150 a second",
        )
    for label, count in counts.items():
        print(f"SQL statements for {label}: {count}")


if __name__ == "__main__":
    main()
