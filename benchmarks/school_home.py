"""A large school's ECT list (participants-and-schools §2.3), over HTTP to `ecf2 serve` on
loopback, on PostgreSQL holding `ecf2 seed benchmark`'s data: the school the first school
persona signs in to has 300 ECTs and 150 mentors.
Run: .venv/bin/python benchmarks/school_home.py [--reseed]

The lists show 20 people a page. Prints p50 and p95 (time to the whole response, as the
client on the same machine sees it) of the first and a middle page of the ECT list and
the first page of the mentor list, and the SQL statements each page runs, counted on an
in-process app's engine.

Goal (schools issue): the ECT list in 50 ms at p50, in one or two SQL statements.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import httpx
from served import counted_app, ensure_seeded, p50_p95, served, timed

from ecf2.entrypoints.benchmark_data.plan import large_school_urn
from ecf2.entrypoints.demo.personas import PERSONAS

GOAL_MS, RUNS = 50.0, 100
PAGES = {
    "ECT list, page 1": "/school/home/ects",
    "ECT list, page 8": "/school/home/ects?page=8",
    "mentor list, page 1": "/school/home/mentors",
}


def persona_email() -> str:
    return next(each.email for each in PERSONAS if each.school_urn == large_school_urn())


def sign_in(client: Any) -> None:
    page = client.get("/personas")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "the personas page has no form"
    data = {"persona": persona_email(), "csrf_token": token.group(1)}
    assert client.post("/personas", data=data).status_code in (200, 303)


def timings(client: httpx.Client, path: str) -> tuple[list[float], int]:
    spent, cards = [], 0
    for run in range(RUNS + 10):
        ms, response = timed(lambda: client.get(path))
        assert response.status_code == 200, response.status_code
        cards = response.text.count('class="govuk-summary-card"')
        if run >= 10:
            spent.append(ms)
    return spent, cards


def statements() -> dict[str, int]:
    with counted_app() as (client, counter):
        sign_in(client)
        client.get(PAGES["ECT list, page 1"])  # warm up
        return {
            label: counter.during(lambda path=path: client.get(path))[0]
            for label, path in PAGES.items()
        }


def main() -> None:
    ensure_seeded("--reseed" in sys.argv)
    with served() as base, httpx.Client(base_url=base, follow_redirects=True, timeout=60) as client:
        sign_in(client)
        measured = {label: timings(client, path) for label, path in PAGES.items()}
    counts = statements()
    for label, (spent, cards) in measured.items():
        p50, p95 = p50_p95(spent)
        print(
            f"{label} ({cards} people shown): p50 {p50:.1f} ms, p95 {p95:.1f} ms over {RUNS} runs; "
            f"p50 / goal = {p50 / GOAL_MS:.2f} (goal {GOAL_MS:.0f} ms); "
            f"{counts[label]} SQL statements a page"
        )


if __name__ == "__main__":
    main()
