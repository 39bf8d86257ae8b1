"""An appropriate body's home (inductions-trs-sign-in-admin (a.12)) when one body holds
every ECT's induction in `ecf2 seed benchmark`'s data (tens of thousands ongoing): the
list's first and last page of 50, a name search and a TRN search, and one teacher's page,
each read straight from the read model on PostgreSQL.
Run: .venv/bin/python benchmarks/appropriate_body_home.py [--reseed]

Prints each read's p50 and p95 and the SQL statements it runs.

Goal (as the school home's): each page in 50 ms at p50, in one query.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from served import URL, StatementCounter, ensure_seeded, p50_p95, timed
from sqlalchemy import text

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.queries.appropriate_body_home import PAGE_SIZE, SqlAppropriateBodyHomeReads
from ecf2.adapters.db.queries.listing import Page

GOAL_MS, RUNS = 50.0, 40


def main() -> None:
    ensure_seeded("--reseed" in sys.argv)
    engine = make_engine(URL)
    reads = SqlAppropriateBodyHomeReads(make_session_factory(engine))
    with engine.connect() as connection:
        body, ongoing, trn, api_id = connection.execute(
            text(
                "SELECT p.appropriate_body_id, count(*) OVER (), t.trn, t.api_id "
                "FROM induction_periods p JOIN teachers t ON t.id = p.teacher_id "
                "WHERE p.finished_on IS NULL LIMIT 1"
            )
        ).one()
    today = datetime.now(UTC).date()
    last_page = -(-ongoing // PAGE_SIZE)
    reads_to_time: dict[str, Callable[[], Any]] = {
        "first page": lambda: reads.ects(body, "", Page(1, PAGE_SIZE), today),
        f"last page ({last_page})": lambda: reads.ects(body, "", Page(last_page, PAGE_SIZE), today),
        "name search 'a'": lambda: reads.ects(body, "a", Page(1, PAGE_SIZE), today),
        "TRN search": lambda: reads.ects(body, trn, Page(1, PAGE_SIZE), today),
        "teacher page": lambda: reads.teacher(body, api_id),
    }
    counter = StatementCounter(engine)
    print(f"{ongoing:,} ECTs in induction with one appropriate body")
    for label, read in reads_to_time.items():
        statements, _ = counter.during(read)
        spent = [timed(read)[0] for _ in range(RUNS + 5)][5:]
        p50, p95 = p50_p95(spent)
        print(
            f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {RUNS} runs; "
            f"p50 / goal = {p50 / GOAL_MS:.2f} (goal {GOAL_MS:.0f} ms); "
            f"{statements} SQL statement(s)"
        )
    engine.dispose()


if __name__ == "__main__":
    main()
