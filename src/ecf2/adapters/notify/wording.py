"""What each email says (inductions-trs-sign-in-admin (e.2)). GOV.UK Notify sends them all
through one template that takes a subject and a body, so the words live here."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from ecf2.domain.shared.emails import Email, EmailTemplate

SERVICE = "Register early career teachers"


@frozen
class Wording:
    subject: str
    body: str


_WORDING = {
    EmailTemplate.ECT_REGISTERED_PROVIDER_LED: Wording(
        "You have been registered for early career teacher training",
        "Dear {name},\n\n{school_name} has registered you as an early career teacher "
        "starting on {start_date}.\n\nYour training will be provided by {lead_provider_name}, "
        "who will contact you about it.\n\n" + SERVICE,
    ),
    EmailTemplate.ECT_REGISTERED_SCHOOL_LED: Wording(
        "You have been registered as an early career teacher",
        "Dear {name},\n\n{school_name} has registered you as an early career teacher "
        "starting on {start_date}.\n\nYour school will run your training itself and will "
        "tell you how it will work.\n\n" + SERVICE,
    ),
    EmailTemplate.MENTOR_REGISTERED: Wording(
        "You have been registered as a mentor",
        "Dear {name},\n\n{school_name} has registered you as a mentor for {ect_name}.\n\n"
        "Your school will tell you about mentor training.\n\n" + SERVICE,
    ),
    EmailTemplate.INDUCTION_TUTOR_CONFIRMED: Wording(
        "You are the induction tutor for your school",
        "Dear {name},\n\nYou have been confirmed as the induction tutor for {school_name}. "
        "You can now register early career teachers and mentors for the school.\n\n" + SERVICE,
    ),
}


def wording(email: Email) -> Wording:
    template = _WORDING[email.template]
    values: Mapping[str, str] = email.personalisation
    return Wording(template.subject.format_map(values), template.body.format_map(values))
