"""The school home: its ECTs and its mentors, 20 to a page in name order as in the service
this one replaces, and a page for each person. A school sees only people placed with it
now or from a later date; any other teacher id is "not found". Every page here is behind
the yearly induction tutor gate (§2.8)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from litestar import get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, SkipValidation
from litestar.response import Redirect, Template

from ecf2.adapters.db.queries.listing import Page
from ecf2.adapters.db.queries.schools import PeopleOnPage, SqlSchoolHomeReads
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.induction_status import induction_status_badge
from ecf2.entrypoints.web.pagination import page_of, pagination
from ecf2.entrypoints.web.schools.access import (
    SignedInSchool,
    ect_seen_by,
    mentor_seen_by,
)
from ecf2.entrypoints.web.schools.tags import (
    PROGRAMMES,
    delivery_partner_shown,
    ect_tags,
    mentor_tags,
)
from ecf2.entrypoints.web.schools.tutor_gate import GatedSchoolController

PER_PAGE = 20
InjectedClock = NamedDependency[SkipValidation[Clock]]
Reads = NamedDependency[SqlSchoolHomeReads]
School = NamedDependency[SignedInSchool]
HELPERS = {
    "ect_tags": ect_tags,
    "mentor_tags": mentor_tags,
    "delivery_partner_shown": delivery_partner_shown,
    "programmes": PROGRAMMES,
    "induction_status_badge": induction_status_badge,
}


def _navigation(tab: str) -> list[dict[str, Any]]:
    return [
        {"href": "/school/home/ects", "text": "ECTs", "current": tab == "ects"},
        {"href": "/school/home/mentors", "text": "Mentors", "current": tab == "mentors"},
        {
            "href": "/school/home/responsibilities",
            "text": "Your responsibilities",
            "current": tab == "responsibilities",
        },
    ]


def _page(name: str, school: School, tab: str, **context: Any) -> Template:
    context |= {"school": school, "navigation": _navigation(tab), **HELPERS}
    return Template(f"schools/{name}.html", context=context)


def _listed(
    tab: str, school: School, page: str | None, read: Callable[[Page], PeopleOnPage[Any]]
) -> Template:
    """A page of one of the school's lists, `tab` naming both the list and its template."""
    current = page_of(page, PER_PAGE)
    listed = read(current)
    if current.number > 1 and not listed.people:
        raise NotFoundException()
    pages = pagination(f"/school/home/{tab}", {}, current, listed.total)
    return _page(tab, school, tab, **{tab: listed.people}, pagination=pages)


class SchoolHomeController(GatedSchoolController):
    path = "/school"

    @get("/home", sync_to_thread=False)
    def home(self) -> Redirect:
        return Redirect("/school/home/ects")

    @get("/home/ects", sync_to_thread=True)
    def ects(
        self,
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        page: FromQuery[str | None] = None,
    ) -> Template:
        reads = partial(school_home_reads.ects, school.id, clock.today())
        return _listed("ects", school, page, reads)

    @get("/home/mentors", sync_to_thread=True)
    def mentors(
        self,
        school: School,
        school_home_reads: Reads,
        clock: InjectedClock,
        page: FromQuery[str | None] = None,
    ) -> Template:
        reads = partial(school_home_reads.mentors, school.id, clock.today())
        return _listed("mentors", school, page, reads)

    @get("/home/responsibilities", sync_to_thread=False)
    def responsibilities(self, school: School) -> Template:
        return _page("responsibilities", school, "responsibilities")

    @get("/ects/{api_id:str}", sync_to_thread=True)
    def ect(
        self, api_id: FromPath[str], school: School, school_home_reads: Reads, clock: InjectedClock
    ) -> Template:
        _, ect = ect_seen_by(school, api_id, school_home_reads, clock.today())
        return _page("ect", school, "ects", ect=ect)

    @get("/mentors/{api_id:str}", sync_to_thread=True)
    def mentor(
        self, api_id: FromPath[str], school: School, school_home_reads: Reads, clock: InjectedClock
    ) -> Template:
        _, mentor = mentor_seen_by(school, api_id, school_home_reads, clock.today())
        return _page("mentor", school, "mentors", mentor=mentor)
