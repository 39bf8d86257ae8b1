"""`ecf2 serve` in fake TRS mode serves the fake TRS on loopback and points the client at it."""

from __future__ import annotations

import httpx
import pytest

from ecf2.container import build_container
from ecf2.domain.participants.teacher_record import TeacherMerged
from ecf2.domain.shared.identifiers import Trn
from ecf2.entrypoints.startup import FAKE_TRS_API_KEY, trs_for_serving
from ecf2.settings import Settings


def test_fake_mode_without_a_url_serves_the_fake_trs_while_the_service_runs() -> None:
    said: list[str] = []

    with trs_for_serving(Settings.from_environment({}), echo=said.append) as settings:
        assert settings.trs_url is not None
        assert settings.trs_url.startswith("http://127.0.0.1:")
        assert settings.trs_api_key == FAKE_TRS_API_KEY
        trs = build_container(settings).trs()
        assert trs.find(Trn("7000006")).first_name == "Kirsty"
        with pytest.raises(TeacherMerged):
            trs.find(Trn("7000011"))
        trs.close()

    assert said == [f"Fake TRS serving at {settings.trs_url}."]
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{settings.trs_url}/health", timeout=1)


def test_a_given_trs_url_is_used_as_it_is() -> None:
    environ = {"ECF2_TRS_URL": "http://127.0.0.1:9", "ECF2_TRS_API_KEY": "mine"}
    given = Settings.from_environment(environ)

    with trs_for_serving(given, echo=print) as settings:
        assert settings == given
