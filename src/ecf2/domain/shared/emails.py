"""Emails the service sends (inductions-trs-sign-in-admin (e.2)), and the ports that send them.

A service never sends an email itself: inside its unit of work it puts the email in the
outbox (`uow.emails.queue(...)`), which is written in the same transaction as the change,
and the email goes out only once that transaction has committed.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Protocol

from attrs import field, frozen


class EmailTemplate(StrEnum):
    ECT_REGISTERED_PROVIDER_LED = "ect_registered_provider_led"
    ECT_REGISTERED_SCHOOL_LED = "ect_registered_school_led"
    MENTOR_REGISTERED = "mentor_registered"
    INDUCTION_TUTOR_CONFIRMED = "induction_tutor_confirmed"

    @property
    def fields(self) -> tuple[str, ...]:
        """What each email needs to be written."""
        return _FIELDS[self]


_FIELDS = {
    EmailTemplate.ECT_REGISTERED_PROVIDER_LED: (
        "name",
        "school_name",
        "lead_provider_name",
        "start_date",
    ),
    EmailTemplate.ECT_REGISTERED_SCHOOL_LED: ("name", "school_name", "start_date"),
    EmailTemplate.MENTOR_REGISTERED: ("name", "school_name", "ect_name"),
    EmailTemplate.INDUCTION_TUTOR_CONFIRMED: ("name", "school_name"),
}


def _text_values(values: Mapping[str, object]) -> dict[str, str]:
    return {str(name): str(value) for name, value in values.items()}


@frozen
class Email:
    """One email to one address, written from a template and what fills it in."""

    template: EmailTemplate = field(converter=EmailTemplate)
    to: str
    personalisation: dict[str, str] = field(converter=_text_values, hash=False)

    def __attrs_post_init__(self) -> None:
        missing = [name for name in self.template.fields if name not in self.personalisation]
        if missing:
            raise ValueError(f"A {self.template} email needs {', '.join(missing)}")
        if "@" not in self.to:
            raise ValueError(f"{self.to!r} is not an email address")


class EmailOutbox(Protocol):
    """Emails waiting to be sent, kept with the change that causes them."""

    def queue(self, email: Email) -> None:
        """Send `email` once the unit of work commits; never if it rolls back."""
        ...


class EmailSender(Protocol):
    """Whatever delivers an email: GOV.UK Notify, or nothing beyond the outbox's record."""

    def send(self, email: Email, reference: str) -> str | None:
        """Deliver `email`; `reference` is ours, the result the deliverer's own id for it.
        Raises EmailNotSent when it could not be delivered (it will be tried again)."""
        ...


class EmailNotSent(Exception):
    """The deliverer refused the email or could not be reached."""
