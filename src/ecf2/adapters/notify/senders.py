"""The EmailSender port's adapters: GOV.UK Notify, and the outbox alone for development and
demos (the outbox table already keeps every email, so there is nothing more to do)."""

from __future__ import annotations

from typing import Any

import requests
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from ecf2.adapters.notify.wording import wording
from ecf2.domain.shared.emails import Email, EmailNotSent
from ecf2.settings import NotifySettings

# Notify's own default; a test can point the client at a fake on loopback instead.
NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk"
TIMEOUT_SECONDS = 10


OUTBOX_ONLY = "outbox-only"


class KeptInOutbox:
    """Delivers nothing: the email stays in the outbox table for the demo to show, marked
    as dealt with and as never having left it."""

    def send(self, email: Email, reference: str) -> str | None:
        return OUTBOX_ONLY


class NotifyEmailSender:
    """Sends through GOV.UK Notify's one pass-through template (e.2)."""

    def __init__(self, settings: NotifySettings) -> None:
        self._client = NotificationsAPIClient(
            settings.api_key,
            base_url=settings.base_url or NOTIFY_BASE_URL,
            timeout=TIMEOUT_SECONDS,
        )
        self._template_id = settings.template_id

    def send(self, email: Email, reference: str) -> str | None:
        words = wording(email)
        try:
            response: dict[str, Any] = self._client.send_email_notification(
                email_address=email.to,
                template_id=self._template_id,
                personalisation={"subject": words.subject, "body": words.body},
                reference=reference,
            )
        except (APIError, requests.RequestException) as error:
            raise EmailNotSent(str(error)) from error
        return str(response.get("id")) if response.get("id") else None


def email_sender_for(mode: str, notify: NotifySettings | None) -> KeptInOutbox | NotifyEmailSender:
    if mode == "notify" and notify is not None:
        return NotifyEmailSender(notify)
    return KeptInOutbox()
