"""An appropriate body's home: the ECTs whose induction it is responsible for now, found by
name or TRN, fifty to a page; and a page for each teacher with its induction periods at this
body and their extensions (inductions-trs-sign-in-admin (a.12)). Anyone else's teacher is
"not found"."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from litestar import get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, SkipValidation
from litestar.response import Template

from ecf2.adapters.db.queries.appropriate_body_home import (
    PAGE_SIZE,
    SqlAppropriateBodyHomeReads,
)
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.appropriate_bodies.access import (
    AppropriateBodyController,
    SignedInAppropriateBody,
)
from ecf2.entrypoints.web.induction_status import induction_status_badge
from ecf2.entrypoints.web.pagination import page_of, pagination
from ecf2.entrypoints.web.schools.tags import PROGRAMMES

HOME = "/appropriate-body/teachers"
SignedInBody = NamedDependency[SignedInAppropriateBody]
Reads = NamedDependency[SqlAppropriateBodyHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
OUTCOMES = {"pass": "Passed", "fail": "Failed"}


def terms(value: Decimal) -> str:
    """6.0 as "6", 2.5 as "2.5"."""
    return f"{value.normalize():f}"


def _page(name: str, body: SignedInAppropriateBody, **context: Any) -> Template:
    context |= {
        "body": body,
        "programmes": PROGRAMMES,
        "outcomes": OUTCOMES,
        "terms": terms,
        "induction_status_badge": induction_status_badge,
    }
    return Template(f"appropriate_bodies/{name}.html", context=context)


def _teacher_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFoundException() from None


class AppropriateBodyTeachersController(AppropriateBodyController):
    path = HOME

    @get("/", sync_to_thread=True)
    def teachers(
        self,
        appropriate_body: SignedInBody,
        appropriate_body_home_reads: Reads,
        clock: InjectedClock,
        q: FromQuery[str] = "",
        page: FromQuery[str] = "1",
    ) -> Template:
        search = " ".join(q.split())[:100]
        current = page_of(page, PAGE_SIZE)
        found = appropriate_body_home_reads.ects(
            appropriate_body.id, search, current, clock.today()
        )
        return _page(
            "teachers",
            appropriate_body,
            found=found,
            search=search,
            pagination=pagination(HOME, {"q": search} if search else {}, current, found.total),
        )

    @get("/{api_id:str}", sync_to_thread=True)
    def teacher(
        self,
        api_id: FromPath[str],
        appropriate_body: SignedInBody,
        appropriate_body_home_reads: Reads,
    ) -> Template:
        teacher = appropriate_body_home_reads.teacher(appropriate_body.id, _teacher_id(api_id))
        if teacher is None:
            raise NotFoundException()
        return _page("teacher", appropriate_body, teacher=teacher)
