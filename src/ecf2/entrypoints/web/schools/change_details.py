"""Changing an ECT's or a mentor's details from their page (participants-and-schools
§3.4-§3.6): each detail is a short journey on the journey kit, ending in one service call
and a confirmation. Only a person the school sees now can be changed; anyone else is not
found."""

from __future__ import annotations

from typing import Any, ClassVar

from litestar import Request, get, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, SkipValidation, URLEncodedBody
from litestar.response import Redirect

from ecf2.adapters.db.queries.schools import SqlSchoolHomeReads
from ecf2.domain.participants.change_ect_details import EctDetailsService
from ecf2.domain.participants.change_lead_provider import (
    EctLeadProviderService,
    MentorLeadProviderService,
)
from ecf2.domain.participants.change_mentor_details import MentorDetailsService
from ecf2.domain.participants.change_training_programme import EctProgrammeService
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.entrypoints.web.journeys import web as journey_pages
from ecf2.entrypoints.web.journeys.web import Page
from ecf2.entrypoints.web.schools.access import SignedInSchool, ect_seen_by, mentor_seen_by
from ecf2.entrypoints.web.schools.change_details_steps import (
    ECT_DETAILS,
    MENTOR_DETAILS,
    Changing,
    Detail,
    change,
)
from ecf2.entrypoints.web.schools.change_steps_kit import CHECK
from ecf2.entrypoints.web.schools.tutor_gate import (
    GATED_SCHOOL_DEPENDENCIES,
    GatedSchoolController,
)

Body = URLEncodedBody[dict[str, Any]]
School = NamedDependency[SignedInSchool]
Reads = NamedDependency[SqlSchoolHomeReads]
InjectedClock = NamedDependency[SkipValidation[Clock]]
Changed = NamedDependency[SkipValidation[Changing]]
DONE = "person_change_done"


def ect_changing(
    api_id: FromPath[str],
    school: School,
    school_home_reads: Reads,
    clock: InjectedClock,
    ect_details: NamedDependency[EctDetailsService],
    ect_lead_providers: NamedDependency[EctLeadProviderService],
    ect_programmes: NamedDependency[EctProgrammeService],
) -> Changing:
    teacher_api_id, ect = ect_seen_by(school, api_id, school_home_reads, clock.today())
    return Changing(
        school, ect, teacher_api_id, "ects", ect_details, ect_lead_providers, ect_programmes
    )


def mentor_changing(
    api_id: FromPath[str],
    school: School,
    school_home_reads: Reads,
    clock: InjectedClock,
    mentor_details: NamedDependency[MentorDetailsService],
    mentor_lead_providers: NamedDependency[MentorLeadProviderService],
) -> Changing:
    teacher_api_id, mentor = mentor_seen_by(school, api_id, school_home_reads, clock.today())
    return Changing(
        school, mentor, teacher_api_id, "mentors", mentor_details, mentor_lead_providers
    )


class _ChangeDetailsController(GatedSchoolController):
    """The pages of every detail's journey; a subclass names whose details they change."""

    details: ClassVar[dict[str, Detail]]

    def _detail(self, slug: str) -> Detail:
        if slug not in self.details:
            raise NotFoundException()
        return self.details[slug]

    @get("/", sync_to_thread=True)
    def start(
        self, detail: FromPath[str], request: Request[Any, Any, Any], changing: Changed
    ) -> Redirect:
        journey = self._detail(detail).journey(changing.api_id, changing.people)
        journey.forget(request.session)
        return Redirect(journey.url(journey.first.name))

    @get("/confirmation", sync_to_thread=True)
    def confirmation(
        self,
        api_id: FromPath[str],
        detail: FromPath[str],
        request: Request[Any, Any, Any],
        school: School,
    ) -> Page:
        return journey_pages.person_confirmation(
            request.session,
            DONE,
            "path",
            request.url.path,
            "schools/change_details/confirmation.html",
        )

    @get("/{step:str}", sync_to_thread=True)
    def show(
        self,
        detail: FromPath[str],
        step: FromPath[str],
        request: Request[Any, Any, Any],
        changing: Changed,
    ) -> Page:
        journey = self._detail(detail).journey(changing.api_id, changing.people)
        return journey_pages.show(journey, step, request.session, changing)

    @post("/{step:str}", sync_to_thread=True)
    def answer(
        self,
        detail: FromPath[str],
        step: FromPath[str],
        request: Request[Any, Any, Any],
        data: Body,
        changing: Changed,
    ) -> Page:
        found = self._detail(detail)
        journey = found.journey(changing.api_id, changing.people)
        if step != CHECK:
            return journey_pages.submit(journey, step, request.session, data, changing)
        return _change(found, request, changing)


class ChangeEctDetailsController(_ChangeDetailsController):
    path = "/school/ects/{api_id:str}/change/{detail:str}"
    details = ECT_DETAILS
    dependencies = {
        **GATED_SCHOOL_DEPENDENCIES,
        "changing": Provide(ect_changing, sync_to_thread=True),
    }


class ChangeMentorDetailsController(_ChangeDetailsController):
    path = "/school/mentors/{api_id:str}/change/{detail:str}"
    details = MENTOR_DETAILS
    dependencies = {
        **GATED_SCHOOL_DEPENDENCIES,
        "changing": Provide(mentor_changing, sync_to_thread=True),
    }


def _change(detail: Detail, request: Request[Any, Any, Any], changing: Changing) -> Page:
    journey = detail.journey(changing.api_id, changing.people)
    answers = journey.answers(request.session)
    if not journey.on_path(CHECK, answers):
        return Redirect(journey.url(journey.first.name), status_code=303)
    try:
        change(detail, answers, changing)
    except (InvalidValue, RuleBroken) as error:
        # Something changed since the question was answered (another user, a new address).
        step = journey_pages.found_step(journey, CHECK)
        errors = {error.field or detail.rows[0].key: error.message}
        return journey_pages.render(journey, step, answers, changing, errors=errors)
    journey.forget(request.session)
    request.session[DONE] = {
        "path": journey.url("confirmation"),
        "person_path": f"/school/{changing.people}/{changing.api_id}",
        "name": changing.person.name if detail.slug != "name" else detail.shown(answers),
        "label": detail.label,
        "value": detail.shown(answers),
    }
    return Redirect(journey.url("confirmation"), status_code=303)
