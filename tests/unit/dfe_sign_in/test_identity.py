import pytest

from ecf2.adapters.dfe_sign_in.identity import DsiOrganisation, PendingSignIn, SignInFailed


def test_a_schools_organisation_claim_carries_its_urn():
    claim = {"id": "org-1", "name": "Oak School", "urn": 123456, "category": {"id": "001"}}
    assert DsiOrganisation.from_claim(claim) == DsiOrganisation("org-1", "Oak School", "123456")


def test_the_organisation_claim_may_come_as_json_text():
    organisation = DsiOrganisation.from_claim('{"id": "org-2", "name": "A Hub", "urn": ""}')
    assert organisation == DsiOrganisation("org-2", "A Hub", None)


@pytest.mark.parametrize("claim", [None, {}, {"name": "No id"}, "[]"])
def test_no_organisation_fails_the_sign_in(claim):
    with pytest.raises(SignInFailed):
        DsiOrganisation.from_claim(claim)


def test_a_pending_sign_in_survives_the_session_and_nothing_else_does():
    pending = PendingSignIn("s", "n", "v")
    assert PendingSignIn.from_session(pending.to_session()) == pending
    assert PendingSignIn.from_session({"state": "s"}) is None
    assert PendingSignIn.from_session("s") is None
    assert PendingSignIn.from_session(None) is None
