"""Email addresses schools give for teachers and induction tutors must pass GOV.UK
Notify's format rules, or Notify will not send to them (participants-and-schools §4.5)."""

from __future__ import annotations

import re

from ecf2.domain.shared.errors import InvalidValue

_LOCAL_PART = re.compile(r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+")
_HOST_LABEL = re.compile(r"(xn|[a-z0-9]+)(-?-[a-z0-9]+)*", re.IGNORECASE)
_TOP_LEVEL = re.compile(r"[a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+", re.IGNORECASE)


def is_notify_email(address: str) -> bool:
    if len(address) > 320 or ".." in address or address.count("@") != 1:
        return False
    local, host = address.split("@")
    if not _LOCAL_PART.fullmatch(local) or not host or len(host) > 253:
        return False
    labels = host.split(".")
    if len(labels) < 2 or not _TOP_LEVEL.fullmatch(labels[-1]):
        return False
    return all(0 < len(label) <= 63 and _HOST_LABEL.fullmatch(label) for label in labels)


def notify_email(address: str | None, *, field: str = "email") -> str | None:
    """A trimmed address in Notify's format, or None when none was given."""
    if address is None or not address.strip():
        return None
    text = address.strip()
    if not is_notify_email(text):
        raise InvalidValue(
            "Enter an email address in the correct format, like name@example.com",
            field=field,
            rule="email_in_notify_format",
        )
    return text
