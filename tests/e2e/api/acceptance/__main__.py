"""Run the acceptance check by hand against a running ECF2:

    python -m tests.e2e.api.acceptance http://127.0.0.1:8000 ambition-institute \\
        [--other-token best-practice-network] [--server-date 2026-11-23T12:00:00Z]

Exits 1 when any response differs from the spec or the reference contract, or an operation
of the contract was never replayed; scenarios the data gives nothing to run on are listed."""

from __future__ import annotations

import argparse
import sys

from tests.e2e.api.acceptance import accept


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.api.acceptance")
    parser.add_argument("base_url", help="where ECF2 answers, e.g. http://127.0.0.1:8000")
    parser.add_argument("token", help="a lead provider's API token")
    parser.add_argument("--other-token", help="another lead provider's token")
    parser.add_argument(
        "--server-date", help="sent as X-With-Server-Date (the server needs ECF2_TIME_TRAVEL)"
    )
    arguments = parser.parse_args()
    outcome = accept(
        arguments.base_url,
        arguments.token,
        other_token=arguments.other_token,
        server_date=arguments.server_date,
    )
    for difference in outcome.differences:
        print(difference)
    for scenario in outcome.unexercised:
        print(f"not run, the data holds nothing to run it on: {scenario}")
    for operation in sorted(outcome.unanswered):
        print(f"{operation}: never replayed")
    failed = bool(outcome.differences or outcome.unanswered)
    print(
        f"{outcome.requests} requests, {len(outcome.differences)} differences, "
        f"{len(outcome.unexercised)} scenarios not run, "
        f"{len(outcome.unanswered)} operations never replayed"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
