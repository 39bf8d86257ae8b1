"""/healthcheck: is the database reachable and are the migrations at head?"""

from __future__ import annotations

from litestar import Response, get
from litestar.di import NamedDependency
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from ecf2 import __version__
from ecf2.adapters.db.migrations import current_revision, head_revision


@get("/healthcheck", sync_to_thread=True, include_in_schema=False)
def healthcheck(engine: NamedDependency[Engine]) -> Response[dict[str, str]]:
    report = {"status": "ok", "version": __version__}
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        report["database"] = "ok"
        current, head = current_revision(engine), head_revision(str(engine.url))
        report["migrations"] = "at head" if current == head else f"at {current}, head is {head}"
        if current != head:
            report["status"] = "migrations pending"
    except SQLAlchemyError as error:
        report["database"] = f"unreachable: {type(error).__name__}"
        report["status"] = "database unreachable"
    return Response(report, status_code=200 if report["status"] == "ok" else 503)
