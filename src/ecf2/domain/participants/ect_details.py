"""The rules for a school changing an ECT's details (participants-and-schools §3.4):
each new value is required, valid and different from what is recorded now."""

from __future__ import annotations

import re
import unicodedata

from ecf2.domain.participants.ect_registration import corrected_name
from ecf2.domain.participants.email_address import notify_email
from ecf2.domain.participants.registration_values import (
    AppropriateBodyOption,
    check_appropriate_body,
)
from ecf2.domain.participants.values import WorkingPattern
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

MAX_EMAIL_LENGTH = 254
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]")


def new_name(text: str, current_name: str) -> str:
    """Registration's name rules (required, at most 70 characters), and not the name they
    already have in any case."""
    name = corrected_name(text)
    if name.casefold() == current_name.casefold():
        raise InvalidValue(
            "The name must be different from the current name",
            field="corrected_name",
            rule="name_must_change",
        )
    return name


def significant_name_change(old_name: str, new_name: str) -> bool:
    """Both the first and the last word change, ignoring accents, case and punctuation;
    such a change may be a different person, so the school confirms it (§3.4)."""
    old, new = _comparable_words(old_name), _comparable_words(new_name)
    if not old or not new:
        return True
    return old[0] != new[0] and old[-1] != new[-1]


def _comparable_words(name: str) -> list[str]:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = (_NOT_ALPHANUMERIC.sub("", word.lower()) for word in ascii_name.split())
    return [word for word in words if word]


def new_email(text: str, current_email: str | None) -> str:
    """Required, in Notify's format, at most 254 characters and not the current address."""
    address = notify_email(text)
    if address is None:
        raise InvalidValue("Enter the email address", field="email", rule="email_given")
    if len(address) > MAX_EMAIL_LENGTH:
        raise InvalidValue(
            f"The email address must be {MAX_EMAIL_LENGTH} characters or fewer",
            field="email",
            rule="email_at_most_254_characters",
        )
    if current_email is not None and address.casefold() == current_email.casefold():
        raise InvalidValue(
            "The email address must be different from the current one",
            field="email",
            rule="email_must_change",
        )
    return address


def new_working_pattern(value: str, current: WorkingPattern | None) -> WorkingPattern:
    try:
        pattern = WorkingPattern(value)
    except ValueError:
        raise InvalidValue(
            "Select whether they work full time or part time",
            field="working_pattern",
            rule="working_pattern_given",
        ) from None
    if pattern == current:
        raise InvalidValue(
            "The working pattern must be different from the current one",
            field="working_pattern",
            rule="working_pattern_must_change",
        )
    return pattern


def new_appropriate_body(
    chosen_id: int,
    options: list[AppropriateBodyOption],
    independent_school: bool,
    current_id: int | None,
) -> AppropriateBodyOption:
    """One registration allows for this school (§1.2), other than the one reported now."""
    if chosen_id == current_id:
        raise RuleBroken(
            "The appropriate body must be different from the current one",
            field="appropriate_body_id",
            rule="appropriate_body_must_change",
        )
    return check_appropriate_body(chosen_id, options, independent_school)
