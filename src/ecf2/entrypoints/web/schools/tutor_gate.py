"""The yearly induction tutor gate (participants-and-schools §2.8): the school home's lists
and the register and change journeys send a school user to confirm the induction tutor
when it was never confirmed or was last confirmed for an earlier contract period than the
current (or upcoming) one. DfE staff acting for a school are not stopped."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request
from litestar.di import NamedDependency, Provide
from litestar.params import SkipValidation
from litestar.response import Redirect

from ecf2.adapters.db.queries.induction_tutor import SqlInductionTutorReads
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.schools.access import (
    SCHOOL_GUARDS,
    SignedInSchool,
    school_with_access,
    signed_in_school_user,
)
from ecf2.entrypoints.web.session_user import Role

INDUCTION_TUTOR_HOME = "/school/induction-tutor"


class InductionTutorToConfirm(Exception):
    """The school must confirm its induction tutor for this contract period first."""


def confirmed_school(
    request: Request[Any, Any, Any],
    induction_tutor_reads: NamedDependency[SqlInductionTutorReads],
    clock: NamedDependency[SkipValidation[Clock]],
) -> SignedInSchool:
    """One query answers both checks: the school's access and its tutor's confirmation."""
    user = signed_in_school_user(request)
    access, tutor = induction_tutor_reads.school_at_gate(str(user.school_urn), clock.today())
    school = school_with_access(request, user, access)
    if Role.DFE_STAFF_USER in user.roles or tutor is None:
        return school
    if tutor.confirmation_due:
        raise InductionTutorToConfirm()
    return school


def _to_confirmation(request: Request[Any, Any, Any], _: InductionTutorToConfirm) -> Redirect:
    return Redirect(INDUCTION_TUTOR_HOME, status_code=303 if request.method == "POST" else 302)


# What a gated controller declares instead of SCHOOL_DEPENDENCIES.
GATED_SCHOOL_DEPENDENCIES = {"school": Provide(confirmed_school, sync_to_thread=True)}
GATE_EXCEPTION_HANDLERS: dict[type[Exception], Any] = {InductionTutorToConfirm: _to_confirmation}


class GatedSchoolController(Controller):
    """A school's pages that wait for the induction tutor's yearly confirmation (§2.8)."""

    guards = SCHOOL_GUARDS
    dependencies = GATED_SCHOOL_DEPENDENCIES
    exception_handlers = GATE_EXCEPTION_HANDLERS
    include_in_schema = False
