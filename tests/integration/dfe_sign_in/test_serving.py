"""`ecf2 serve` in DfE Sign-in mode with no issuer serves the fake DfE Sign-in on loopback,
offering the demo's people, and points the service's client at it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ecf2.container import build_container
from ecf2.entrypoints.startup import dfe_sign_in_for_serving
from ecf2.settings import Settings

DSI_MODE = {"ECF2_SIGN_IN_MODE": "dfe_sign_in"}


def test_without_an_issuer_the_fake_dfe_sign_in_serves_while_the_service_runs() -> None:
    said: list[str] = []
    configured = Settings.from_environment(DSI_MODE)
    with dfe_sign_in_for_serving(configured, "127.0.0.1", 8123, echo=said.append) as settings:
        dsi = settings.dfe_sign_in
        assert dsi is not None
        assert dsi.issuer.startswith("http://127.0.0.1:")
        assert dsi.redirect_uri == "http://127.0.0.1:8123/auth/dfe/callback"
        url, _ = build_container(settings).dfe_sign_in().start()
        chooser = httpx.get(url)
        assert chooser.status_code == 200
        assert "Ava Thomas" in chooser.text
        assert "Northgate College" in chooser.text
        assert parse_qs(urlsplit(url).query)["client_id"] == [dsi.client_id]
    assert said == [f"Fake DfE Sign-in serving at {dsi.issuer}."]
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{dsi.issuer}/health", timeout=1)


def test_personas_mode_or_a_given_issuer_is_left_as_it_is() -> None:
    personas = Settings.from_environment({})
    with dfe_sign_in_for_serving(personas, "127.0.0.1", 8000, echo=print) as settings:
        assert settings == personas
    given = Settings.from_environment(
        {
            **DSI_MODE,
            "ECF2_DFE_SIGN_IN_ISSUER": "https://oidc.example.org",
            "ECF2_DFE_SIGN_IN_CLIENT_ID": "ecf2",
            "ECF2_DFE_SIGN_IN_CLIENT_SECRET": "secret",
            "ECF2_DFE_SIGN_IN_REDIRECT_URI": "https://ecf2.example.org/auth/dfe/callback",
            "ECF2_DFE_SIGN_IN_API_URL": "https://api.example.org",
            "ECF2_DFE_SIGN_IN_API_SECRET": "api-secret",
        }
    )
    with dfe_sign_in_for_serving(given, "127.0.0.1", 8000, echo=print) as settings:
        assert settings == given
