"""How the audit timeline tells a person who did something and what changed, in plain
words (inductions-trs-sign-in-admin (d.1) "timeline", (d.3))."""

from __future__ import annotations

import re
from typing import Any

from ecf2.adapters.db.queries.admin_teacher_views import Author, TimelineEvent
from ecf2.domain.shared.actors import AuthorType
from ecf2.entrypoints.web.finance.statement_view import london_time

ZENDESK_TICKET = "https://becomingateacher.zendesk.com/agent/tickets/{}"
AUTHOR_KINDS = {
    AuthorType.SCHOOL_USER: "school user",
    AuthorType.APPROPRIATE_BODY_USER: "appropriate body user",
    AuthorType.DFE_STAFF_USER: "DfE staff",
    AuthorType.LEAD_PROVIDER_API: "lead provider",
}
# Metadata that repeats what the modifications already say.
_NOT_SHOWN = {"modifications"}
_LABELS = {"from": "Previously"}
_ACRONYMS = {"api": "API", "id": "ID", "trn": "TRN", "urn": "URN"}
# A value such as "awaiting_clawback": shown as words.
_ENUM_VALUE = re.compile(r"[a-z]+(_[a-z]+)+")


def author_text(author: Author) -> str:
    """ "Ava Thomas (school user, ava.thomas@...)"; the service itself for the system."""
    if author.type is AuthorType.SYSTEM:
        return "The service (automatically)"
    kind = AUTHOR_KINDS[author.type]
    who = author.name or author.email or "Unknown"
    if author.name and author.email:
        return f"{who} ({kind}, {author.email})"
    return f"{who} ({kind})"


def _label(key: str) -> str:
    """ "declaration_api_id" as "Declaration API ID"."""
    if key in _LABELS:
        return _LABELS[key]
    words = [_ACRONYMS.get(word, word) for word in key.lower().split("_")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(key)}: {_plain(item)}" for key, item in value.items())
    if isinstance(value, str) and _ENUM_VALUE.fullmatch(value):
        return value.replace("_", " ")
    return str(value)


def details(event: TimelineEvent) -> list[str]:
    """The event's changes, then anything else it recorded, one line each."""
    extra = [
        f"{_label(key)}: {_plain(value)}"
        for key, value in event.metadata.items()
        if key not in _NOT_SHOWN and value not in (None, "", [], {})
    ]
    return list(event.modifications) + extra


def timeline_entry(event: TimelineEvent) -> dict[str, Any]:
    ticket = event.zendesk_ticket_id
    return {
        "heading": event.heading,
        "when": london_time(event.happened_at),
        "who": author_text(event.author),
        "body": event.body,
        "details": details(event),
        "zendesk": None if ticket is None else ZENDESK_TICKET.format(ticket),
        "zendesk_ticket_id": ticket,
    }
