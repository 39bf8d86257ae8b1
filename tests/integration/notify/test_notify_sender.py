"""The GOV.UK Notify sender, with the real Notify client, against a stand-in for Notify's
API on loopback: what it sends, how it signs in, and what it does when Notify refuses."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from litestar import Litestar, Request, Response, get, post
from litestar.params import JSONBody

from ecf2.adapters.loopback import serve_on_loopback
from ecf2.adapters.notify.senders import KeptInOutbox, NotifyEmailSender, email_sender_for
from ecf2.domain.shared.emails import Email, EmailNotSent, EmailTemplate
from ecf2.settings import NotifySettings

SERVICE_ID, SECRET = str(uuid.uuid4()), str(uuid.uuid4())
API_KEY = f"ecf2_test-{SERVICE_ID}-{SECRET}"
TEMPLATE_ID = str(uuid.uuid4())
RECEIVED: list[dict[str, Any]] = []
REFUSE: list[int] = []

MENTOR = Email(
    EmailTemplate.MENTOR_REGISTERED,
    "sam.mentor@oak.example.org",
    {"name": "Sam Mentor", "school_name": "Oak School", "ect_name": "Ali Ect"},
)


@get("/health", sync_to_thread=False)
def health() -> str:
    return "ok"


@post("/v2/notifications/email", sync_to_thread=False)
def send_email(request: Request[Any, Any, Any], data: JSONBody[dict[str, Any]]) -> Response[Any]:
    token = request.headers.get("authorization", "").removeprefix("Bearer ")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    RECEIVED.append({"issuer": claims["iss"], **data})
    if REFUSE:
        status = REFUSE.pop()
        return Response(
            {"errors": [{"error": "BadRequestError", "message": "no"}]}, status_code=status
        )
    return Response({"id": "f1d1e5a0-notify", "reference": data.get("reference")}, status_code=201)


@pytest.fixture(scope="module")
def notify_url() -> Iterator[str]:
    app = Litestar(route_handlers=[health, send_email], openapi_config=None)
    base_url, stop = serve_on_loopback(app, "fake Notify")
    yield base_url
    stop()


@pytest.fixture
def sender(notify_url: str) -> NotifyEmailSender:
    RECEIVED.clear()
    return NotifyEmailSender(NotifySettings(API_KEY, TEMPLATE_ID, notify_url))


def test_notify_gets_the_email_through_the_pass_through_template(sender):
    assert sender.send(MENTOR, reference="ecf2-email-7") == "f1d1e5a0-notify"
    [received] = RECEIVED
    assert received["issuer"] == SERVICE_ID
    assert received["email_address"] == "sam.mentor@oak.example.org"
    assert received["template_id"] == TEMPLATE_ID
    assert received["reference"] == "ecf2-email-7"
    assert received["personalisation"]["subject"] == "You have been registered as a mentor"
    assert (
        "Oak School has registered you as a mentor for Ali Ect"
        in (received["personalisation"]["body"])
    )


def test_a_refusal_from_notify_is_email_not_sent(sender):
    REFUSE.append(400)
    with pytest.raises(EmailNotSent):
        sender.send(MENTOR, reference="ecf2-email-8")


def test_notify_out_of_reach_is_email_not_sent():
    unreachable = NotifyEmailSender(NotifySettings(API_KEY, TEMPLATE_ID, "http://127.0.0.1:9"))
    with pytest.raises(EmailNotSent):
        unreachable.send(MENTOR, reference="ecf2-email-9")


def test_notify_is_used_only_when_chosen():
    notify = NotifySettings(API_KEY, TEMPLATE_ID)
    assert isinstance(email_sender_for("notify", notify), NotifyEmailSender)
    assert isinstance(email_sender_for("outbox", notify), KeptInOutbox)
