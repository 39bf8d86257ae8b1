"""The emails newly registered teachers get (inductions-trs-sign-in-admin (e.2)): "ECT
registered", worded for provider-led or school-led training, and "mentor registered"."""

from __future__ import annotations

from datetime import date

from ecf2.domain.participants.school import School
from ecf2.domain.participants.values import TrainingProgramme
from ecf2.domain.shared.emails import Email, EmailTemplate


def long_date(day: date) -> str:
    """As GOV.UK writes dates: 1 September 2026."""
    return f"{day.day} {day:%B %Y}"


def ect_registered_email(
    to: str,
    name: str,
    school_name: str,
    started_on: date,
    programme: TrainingProgramme,
    lead_provider_name: str | None,
) -> Email:
    personalisation = {
        "name": name,
        "school_name": school_name,
        "start_date": long_date(started_on),
    }
    if programme is TrainingProgramme.PROVIDER_LED:
        template = EmailTemplate.ECT_REGISTERED_PROVIDER_LED
        personalisation["lead_provider_name"] = lead_provider_name or "your lead provider"
    else:
        template = EmailTemplate.ECT_REGISTERED_SCHOOL_LED
    return Email(template, to, personalisation)


def mentor_registered_email(to: str, name: str, school_name: str, ect_name: str) -> Email:
    personalisation = {"name": name, "school_name": school_name, "ect_name": ect_name}
    return Email(EmailTemplate.MENTOR_REGISTERED, to, personalisation)


def school_name(school: School) -> str:
    return school.gias_school.name if school.gias_school else f"URN {school.urn}"
