"""Identifiers people type: TRN, URN and National Insurance number, normalised once."""

from __future__ import annotations

import re
import uuid

from attrs import field, frozen

from ecf2.domain.shared.errors import InvalidValue

_NON_DIGITS = re.compile(r"\D")
_SEVEN_DIGITS = re.compile(r"\d{7}")
_URN = re.compile(r"\d{5,7}")
# HMRC's format: two prefix letters, six digits, a suffix A-D (inductions-trs (b.3)).
_NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")
_BANNED_NINO_PREFIXES = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def _seven_digits(value: str) -> str:
    if not isinstance(value, str) or not _SEVEN_DIGITS.fullmatch(value):
        raise InvalidValue(
            f"A teacher reference number (TRN) must be 7 digits, not {value!r}",
            field="trn",
            rule="trn_is_seven_digits",
        )
    return value


@frozen(order=True)
class Trn:
    """A teacher reference number: always 7 digits."""

    value: str = field(converter=_seven_digits)

    @classmethod
    def from_school_input(cls, raw: str) -> Trn:
        """Schools may type spaces or drop leading zeros: keep 5 to 7 digits and left-pad."""
        digits = _NON_DIGITS.sub("", raw or "")
        if not 5 <= len(digits) <= 7:
            raise InvalidValue(
                "Teacher reference number (TRN) must include at least 5 digits and no more than 7",
                field="trn",
                rule="trn_has_five_to_seven_digits",
            )
        return cls(digits.zfill(7))

    def __str__(self) -> str:
        return self.value


def _urn(value: str | int) -> str:
    text = str(value).strip()
    if not _URN.fullmatch(text):
        raise InvalidValue(
            f"A unique reference number (URN) must be 5 to 7 digits, not {value!r}",
            field="urn",
            rule="urn_is_digits",
        )
    return text


@frozen(order=True)
class Urn:
    """A school's unique reference number from GIAS."""

    value: str = field(converter=_urn)

    def __str__(self) -> str:
        return self.value


def _nino(value: str) -> str:
    text = re.sub(r"\s", "", value or "").upper()
    if not _NINO.fullmatch(text) or text[:2] in _BANNED_NINO_PREFIXES:
        raise InvalidValue(
            "Enter a National Insurance number in the correct format, like QQ 12 34 56 C",
            field="national_insurance_number",
            rule="nino_format",
        )
    return text


@frozen
class NationalInsuranceNumber:
    value: str = field(converter=_nino)

    def __str__(self) -> str:
        return self.value


def new_api_id() -> uuid.UUID:
    """A public identifier for a resource the API exposes."""
    return uuid.uuid4()
