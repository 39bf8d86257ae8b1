"""What the HTTP benchmarks share: a PostgreSQL database holding `ecf2 seed benchmark`'s
data, the real app served by uvicorn on loopback in a process of its own, statements
counted on an in-process app's engine, and percentiles."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from litestar.testing import TestClient
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from ecf2.adapters.db.engine import make_engine
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.container import build_container
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.benchmark_data import empty_database, seed_benchmark
from ecf2.settings import Settings

URL = os.environ.get(
    "ECF2_BENCH_API_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/ecf2_bench_api"
)
# Fewer teachers seed faster (the school benchmark needs only its large school).
TEACHERS = int(os.environ.get("ECF2_BENCH_TEACHERS", "100000"))
LARGE_SCHOOL_ECTS = 300
ECF2 = Path(sys.executable).with_name("ecf2")
SERVER_ENV = {
    "ECF2_DATABASE_URL": URL,
    "ECF2_API_RATE_LIMIT": "100000000",
    "ECF2_ENV": "development",
}


def ensure_seeded(reseed: bool) -> None:
    """Create, migrate and seed the database unless it already holds the data."""
    target = make_url(URL)
    server = make_engine(str(target.set(database="postgres")))
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        found = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        )
        if not found:
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    server.dispose()
    upgrade_to_head(URL)
    engine = make_engine(URL)
    with engine.connect() as connection:
        teachers = connection.scalar(text("SELECT count(*) FROM teachers"))
    if reseed or teachers < TEACHERS:
        started = time.perf_counter()
        empty_database(engine)
        summary = seed_benchmark(engine, TEACHERS, LARGE_SCHOOL_ECTS, datetime.now(UTC).date())
        print(
            f"Seeded {summary.teachers:,} teachers, {summary.declarations:,} declarations "
            f"in {time.perf_counter() - started:.0f} s"
        )
    engine.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served() -> Iterator[str]:
    """`ecf2 serve` on loopback; yields its base URL once it answers."""
    with served_process() as (base, _process):
        yield base


def cpu_seconds(process: subprocess.Popen[bytes]) -> float:
    """The CPU time the process has used so far, user and system (Linux's /proc)."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def served_process() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`ecf2 serve` on loopback; yields its base URL once it answers, and its process."""
    port = free_port()
    env = os.environ | SERVER_ENV
    process = subprocess.Popen(
        [str(ECF2), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not answer within 60 s")


class StatementCounter:
    """Counts the SQL statements the in-process app's engine runs."""

    def __init__(self, engine: Any) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: Any) -> None:
        self.count += 1

    def during(self, action: Callable[[], Any]) -> tuple[int, Any]:
        before = self.count
        result = action()
        return self.count - before, result


@contextmanager
def counted_app() -> Iterator[tuple[TestClient[Any], StatementCounter]]:
    """The same app in this process, for counting statements (not for timing)."""
    container = build_container(Settings.from_environment(SERVER_ENV))
    counter = StatementCounter(container.engine())
    with TestClient(create_app(container), raise_server_exceptions=True) as client:
        yield client, counter
    container.engine().dispose()


def p50_p95(spent: list[float]) -> tuple[float, float]:
    return statistics.median(spent), statistics.quantiles(spent, n=20)[18]


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result
