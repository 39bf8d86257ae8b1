"""The DfE staff console's teacher pages: find a teacher, see their record, and read their
audit timeline. Any DfE staff user may read them (inductions-trs-sign-in-admin (d.1),
(c.5): the roles limit finance, users and data fixes, not reading)."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, SkipValidation
from litestar.response import Template

from ecf2.adapters.db.queries.admin_teachers import SqlAdminTeacherReads
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.admin.access import ADMIN_DEPENDENCIES, ADMIN_GUARDS, SignedInStaff
from ecf2.entrypoints.web.admin.navigation import navigation
from ecf2.entrypoints.web.admin.teacher_view import HELPERS
from ecf2.entrypoints.web.admin.timeline_view import timeline_entry
from ecf2.entrypoints.web.pagination import page_of, pagination

InjectedClock = NamedDependency[SkipValidation[Clock]]
Reads = NamedDependency[SqlAdminTeacherReads]
# Asking for the staff user checks their account on every request: a removed account ends
# the session at once (c.3, c.5).
Staff = NamedDependency[SignedInStaff]
BASE = "/admin/teachers"
SEARCH_PAGE_SIZE = 25
TIMELINE_PAGE_SIZE = 50
MAX_SEARCH_LENGTH = 100


def _api_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFoundException() from None


def _page(name: str, **context: Any) -> Template:
    context |= {"navigation": navigation(BASE), **HELPERS}
    return Template(f"admin/{name}.html", context=context)


class TeachersController(Controller):
    path = BASE
    guards = ADMIN_GUARDS
    dependencies = ADMIN_DEPENDENCIES
    include_in_schema = False

    @get("/", sync_to_thread=True)
    def search(
        self,
        request: Request[Any, Any, Any],
        staff: Staff,
        admin_teacher_reads: Reads,
        clock: InjectedClock,
    ) -> Template:
        query = request.query_params.get("q", "").strip()[:MAX_SEARCH_LENGTH]
        page = page_of(request.query_params.get("page"), SEARCH_PAGE_SIZE)
        if not query:
            return _page("teachers", query=query, results=None, pages=None)
        today = clock.today()
        results = admin_teacher_reads.search(query, page, today)
        pages = pagination(BASE, {"q": query}, page, results.total)
        return _page("teachers", query=query, results=results, pages=pages, page=page, today=today)

    @get("/{api_id:str}", sync_to_thread=True)
    def teacher(self, api_id: FromPath[str], staff: Staff, admin_teacher_reads: Reads) -> Template:
        record = admin_teacher_reads.record(_api_id(api_id))
        if record is None:
            raise NotFoundException()
        return _page("teacher", teacher=record)

    @get("/{api_id:str}/timeline", sync_to_thread=True)
    def timeline(
        self,
        request: Request[Any, Any, Any],
        api_id: FromPath[str],
        staff: Staff,
        admin_teacher_reads: Reads,
    ) -> Template:
        page = page_of(request.query_params.get("page"), TIMELINE_PAGE_SIZE)
        timeline = admin_teacher_reads.timeline(_api_id(api_id), page)
        if timeline is None:
            raise NotFoundException()
        path = f"{BASE}/{timeline.api_id}/timeline"
        return _page(
            "timeline",
            teacher=timeline,
            entries=[timeline_entry(event) for event in timeline.events],
            pages=pagination(path, {}, page, timeline.total),
            page=page,
        )
