"""The status tags on a school's ECT and mentor lists."""

from __future__ import annotations

from ecf2.adapters.db.queries.schools import EctAtSchool, MentorAtSchool, Training
from ecf2.entrypoints.web.induction_status import Tag

ACTION_REQUIRED = Tag("Action required", "red")
LEAVING_SCHOOL = Tag("Leaving school", "yellow")
PENDING_CONFIRMATION = Tag("Pending lead provider confirmation", "light-blue")
PENDING_CONFIRMATION_TEXT = "Pending lead provider confirmation"
PROGRAMMES = {"provider_led": "Provider-led", "school_led": "School-led"}


def ect_tags(ect: EctAtSchool) -> list[Tag]:
    tags = [ACTION_REQUIRED] if ect.mentor is None else []
    return tags + _common_tags(ect.leaving, ect.training)


def mentor_tags(mentor: MentorAtSchool) -> list[Tag]:
    return _common_tags(mentor.leaving, mentor.training)


def _common_tags(leaving: bool, training: Training) -> list[Tag]:
    tags = [LEAVING_SCHOOL] if leaving else []
    return tags + ([PENDING_CONFIRMATION] if training.awaiting_confirmation else [])


def delivery_partner_shown(training: Training) -> str | None:
    """An expression of interest has no delivery partner yet: say why (§1.5)."""
    if training.awaiting_confirmation:
        return PENDING_CONFIRMATION_TEXT
    return training.delivery_partner
