"""How long `ecf2 serve` takes from launch to its first 200 response, and how long
`ecf2 seed demo` takes. Run: .venv/bin/python benchmarks/cold_start.py

Goal (foundation issue): cold start to the first 200 within 3 seconds once installed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ECF2 = os.environ.get("ECF2_BENCH_COMMAND", str(ROOT / ".venv" / "bin" / "ecf2"))
GOAL_SECONDS = 3.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def time_command(*args: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([ECF2, *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def time_to_first_200(env: dict[str, str]) -> float:
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [ECF2, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - started < 120:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=0.5).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                time.sleep(0.02)
        raise RuntimeError("ecf2 serve did not answer within 120 seconds")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {"ECF2_DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"}
        first_run = time_to_first_200(env)
        warm_runs = sorted(time_to_first_200(env) for _ in range(3))
        seed = time_command("seed", "demo", env=env)
    cold = warm_runs[1]
    print(f"first run (migrate + seed demo + serve) to first 200: {first_run:.2f} s")
    print(f"cold start to first 200 (median of 3):               {cold:.2f} s")
    print(f"  goal {GOAL_SECONDS:.1f} s, ratio to goal: {cold / GOAL_SECONDS:.2f}")
    print(f"ecf2 seed demo on an already seeded database:         {seed:.2f} s")
    sys.exit(0)


if __name__ == "__main__":
    main()
