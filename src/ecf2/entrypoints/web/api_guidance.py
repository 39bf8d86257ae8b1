"""The Lead Provider API's guidance pages under /api/guidance and its reference, Swagger
UI at /api/docs/v3 (lead-provider-api-v3 §1.1): open to everyone, no sign-in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import groupby
from typing import Any

import attrs
from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Template

from ecf2.adapters.db.queries.schedules import MilestoneDatesView, SqlScheduleReads


@attrs.frozen
class GuidancePage:
    slug: str
    title: str

    @property
    def href(self) -> str:
        return f"/api/guidance/{self.slug}" if self.slug else "/api/guidance"


PAGES = (
    GuidancePage("", "Lead Provider API guidance"),
    GuidancePage("getting-started", "Getting started and authentication"),
    GuidancePage("pagination-and-filters", "Pagination, filters and sorting"),
    GuidancePage("definitions-and-states", "Definitions and states"),
    GuidancePage("schedules-and-milestone-dates", "Schedules and milestone dates"),
    GuidancePage("declarations", "Declarations"),
    GuidancePage("partnerships", "Partnerships"),
    GuidancePage("release-notes", "Release notes"),
)
_BY_SLUG = {page.slug: page for page in PAGES}


def _guidance(page: GuidancePage, **context: Any) -> Template:
    name = page.slug.replace("-", "_") or "index"
    return Template(
        template_name=f"api_guidance/{name}.html",
        context={"pages": PAGES, "current": page, "page_title": page.title, **context},
    )


def long_date(value: date | None) -> str:
    """GOV.UK style: 1 June 2025."""
    return "No deadline" if value is None else f"{value.day} {value:%B %Y}"


def _milestone_row(view: MilestoneDatesView) -> list[dict[str, str]]:
    cells = (view.declaration_type, long_date(view.start_date), long_date(view.milestone_date))
    return [{"text": str(cell)} for cell in cells]


def milestone_tables(views: Iterable[MilestoneDatesView]) -> list[dict[str, Any]]:
    """Cohort by cohort, a table of each schedule's milestones."""
    cohorts = []
    for cohort, of_cohort in groupby(views, key=lambda view: view.cohort):
        schedules = [
            {
                "identifier": str(identifier),
                "rows": [_milestone_row(each) for each in milestones],
            }
            for identifier, milestones in groupby(of_cohort, key=lambda v: v.schedule_identifier)
        ]
        cohorts.append({"year": cohort, "schedules": schedules})
    return cohorts


class ApiGuidanceController(Controller):
    path = "/api/guidance"
    include_in_schema = False

    @get("/", sync_to_thread=False)
    def index(self) -> Template:
        return _guidance(_BY_SLUG[""])

    @get("/schedules-and-milestone-dates", sync_to_thread=True)
    def schedules(self, schedule_reads: NamedDependency[SqlScheduleReads]) -> Template:
        cohorts = milestone_tables(schedule_reads.milestone_dates())
        return _guidance(_BY_SLUG["schedules-and-milestone-dates"], cohorts=cohorts)

    @get("/{slug:str}", sync_to_thread=False)
    def page(self, slug: FromPath[str]) -> Template:
        if not slug or slug not in _BY_SLUG:
            raise NotFoundException()
        return _guidance(_BY_SLUG[slug])


@get("/api/docs/v3", sync_to_thread=False, include_in_schema=False)
def swagger_ui() -> Template:
    """The API reference, drawn by Swagger UI from /api/v3/openapi.yaml."""
    return Template(template_name="api_guidance/swagger_ui.html")
