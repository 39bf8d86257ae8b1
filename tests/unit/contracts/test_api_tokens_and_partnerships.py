"""API tokens (lead-provider-api-v3 §1.2) and partnerships (participants-and-schools §1.10)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from ecf2.domain.contracts import (
    ApiToken,
    DeliveryPartner,
    LeadProvider,
    SchoolPartnership,
    issue_api_token,
    same_name,
    token_digest,
)
from ecf2.domain.contracts.api_tokens import BASE58
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

pytestmark = pytest.mark.contracts

NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)


def test_an_issued_token_is_32_base58_characters_and_only_its_digest_is_kept() -> None:
    issued = issue_api_token(7, "Production", now=NOW)
    assert len(issued.token) == 32
    assert set(issued.token) <= set(BASE58)
    assert issued.record.token_digest == hashlib.sha256(issued.token.encode()).hexdigest()
    assert issued.token not in repr(issued)
    assert (issued.record.lead_provider_id, issued.record.created_at) == (7, NOW)


def test_issued_tokens_differ() -> None:
    assert issue_api_token(1, "a", now=NOW).token != issue_api_token(1, "a", now=NOW).token


@pytest.mark.parametrize("digest", ["abc", "A" * 64, "g" * 64, token_digest("x") + "0"])
def test_a_token_digest_is_sha256_hex(digest: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        ApiToken(lead_provider_id=1, token_digest=digest, description="", created_at=NOW)
    assert refused.value.rule == "token_digest_is_sha256_hex"


def test_using_a_token_records_when_and_a_revoked_token_cannot_be_used() -> None:
    token = issue_api_token(1, "Production", now=NOW).record
    token.record_use(NOW + timedelta(hours=1))
    assert token.last_used_at == NOW + timedelta(hours=1)
    token.revoke(NOW + timedelta(hours=2))
    token.revoke(NOW + timedelta(hours=3))
    assert token.revoked_at == NOW + timedelta(hours=2)
    with pytest.raises(RuleBroken) as refused:
        token.record_use(NOW + timedelta(hours=4))
    assert refused.value.rule == "token_revoked"


def test_names_are_required_and_tidied() -> None:
    assert LeadProvider(name="  Ambition   Institute ").name == "Ambition Institute"
    with pytest.raises(InvalidValue):
        LeadProvider(name="   ")
    with pytest.raises(InvalidValue):
        DeliveryPartner(name="", created_at=NOW)


def test_a_lead_provider_is_vat_registered_unless_told_otherwise() -> None:
    assert LeadProvider(name="Teach First").vat_registered


def test_delivery_partner_names_are_the_same_whatever_their_case() -> None:
    assert same_name("Rise Teaching School Hub", "rise teaching  school HUB")
    assert not same_name("Rise", "Rise Hub")


def test_api_updated_at_starts_as_created_at() -> None:
    partner = DeliveryPartner(name="Rise", created_at=NOW)
    partnership = SchoolPartnership(
        school_id=1, lead_provider_delivery_partnership_id=2, created_at=NOW
    )
    assert partner.api_updated_at == NOW == partnership.api_updated_at


def test_moving_a_school_partnership_touches_its_api_updated_at() -> None:
    partnership = SchoolPartnership(
        school_id=1, lead_provider_delivery_partnership_id=2, created_at=NOW
    )
    partnership.move_to(3, now=NOW + timedelta(days=1))
    assert partnership.lead_provider_delivery_partnership_id == 3
    assert partnership.api_updated_at == NOW + timedelta(days=1)
